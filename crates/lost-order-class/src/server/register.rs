//! The class register, `class.jsonl` in the class folder: the class (scenario, seed, code,
//! instructor token) and every trainee who joined (session id, name, device token, record
//! file), one JSON value a line, appended and synced, so a restarted server knows them again.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The register's file name in the class folder (not a `*.record.ron`, so `report DIR`
/// passes it over).
pub const REGISTER_FILE: &str = "class.jsonl";

/// The class as the register holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ClassLine {
    pub scenario_id: String,
    pub scenario_hash: String,
    pub seed: u64,
    pub code: String,
    pub instructor_token: String,
    /// Codes the class had before (the instructor gave a new one): trainees who joined with
    /// one still post with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_codes: Vec<String>,
    /// Whether the class lets no new trainee join.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
}

/// A trainee as the register holds them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Enrolled {
    pub session: String,
    pub name: String,
    pub device: String,
    /// The record's file name in the class folder (a name only, never a path).
    pub file: String,
}

/// One line of the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Line {
    Class(ClassLine),
    Trainee(Enrolled),
}

/// The register read back: the last class line and every trainee (the last line of a
/// session id wins), with what was repaired.
#[derive(Debug, Default)]
pub(crate) struct Read {
    pub class: Option<ClassLine>,
    pub trainees: Vec<Enrolled>,
    pub warnings: Vec<String>,
}

/// Reads the register of `dir`, if there is one. A line that is not a register line (a
/// torn last line after a crash) is passed over with a warning.
///
/// # Errors
/// Any I/O error but a missing file.
pub(crate) fn read(dir: &Path) -> std::io::Result<Read> {
    let path = dir.join(REGISTER_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Read::default()),
        Err(e) => return Err(e),
    };
    let mut read = Read::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Line>(line) {
            Ok(Line::Class(c)) => read.class = Some(c),
            Ok(Line::Trainee(t)) => {
                read.trainees.retain(|o| o.session != t.session);
                read.trainees.push(t);
            }
            Err(e) => read
                .warnings
                .push(format!("{}:{}: passed over: {e}", path.display(), i + 1)),
        }
    }
    Ok(read)
}

/// The register open for appending.
#[derive(Debug)]
pub(crate) struct Register {
    file: File,
}

impl Register {
    /// Writes the register of `dir` anew from `lines` (atomically: a torn tail is gone), and
    /// opens it for appending.
    ///
    /// # Errors
    /// Any I/O error from writing or opening it.
    pub fn rewrite(dir: &Path, lines: &[Line]) -> std::io::Result<Register> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(REGISTER_FILE);
        let mut text = String::new();
        for line in lines {
            text += &serde_json::to_string(line).map_err(std::io::Error::other)?;
            text.push('\n');
        }
        lost_order_app::write_atomic(&path, text)?;
        let file = OpenOptions::new().append(true).open(&path)?;
        Ok(Register { file })
    }

    /// Appends `line` and syncs it to the disk.
    ///
    /// # Errors
    /// Any I/O error from writing or syncing.
    pub fn append(&mut self, line: &Line) -> std::io::Result<()> {
        let mut text = serde_json::to_string(line).map_err(std::io::Error::other)?;
        text.push('\n');
        self.file.write_all(text.as_bytes())?;
        self.file.sync_data()
    }
}

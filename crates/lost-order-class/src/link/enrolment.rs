//! The class a local record was played in, noted beside it (`NAME.class.json` beside
//! `NAME.record.ron`) when its first lines are queued, so that continuing the record later
//! (the game's Continue, the terminal's `--continue`) joins the same class again.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How a record's note is named: its file name with `.record.ron` replaced.
pub const ENROLMENT_SUFFIX: &str = ".class.json";

/// The class a record was played in: the server, the class code and the name joined with.
/// The device token is not in it (it stays in the settings folder, never in a records
/// folder that may be shared).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// The server, `http://ADDR:PORT`.
    pub url: String,
    /// The class code the trainee joined with.
    pub code: String,
    /// The name or roster label the trainee joined with.
    pub name: String,
    /// Whether the class holds the whole finished session (every line acknowledged after the
    /// outcome): a finished session not delivered is sent by the next `--continue`.
    #[serde(default)]
    pub delivered: bool,
}

/// The note's path for the record at `record`.
pub fn enrolment_path(record: &Path) -> PathBuf {
    let name = record
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".record.ron").unwrap_or(&name);
    record.with_file_name(format!("{stem}{ENROLMENT_SUFFIX}"))
}

impl Enrolment {
    /// Writes the note beside the record at `record`, atomically.
    ///
    /// # Errors
    /// Any I/O error of writing it.
    pub fn write_beside(&self, record: &Path) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        lost_order_app::write_atomic(&enrolment_path(record), text + "\n")
    }

    /// The note beside the record at `record`: `Ok(None)` when the record was played alone.
    ///
    /// # Errors
    /// A message naming the note when it cannot be read or is not a note.
    pub fn of(record: &Path) -> Result<Option<Enrolment>, String> {
        let path = enrolment_path(record);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| format!("{}: not a class note: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_kept_beside_its_record_and_read_back() {
        let dir = std::env::temp_dir().join(format!("lo-enrolment-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let record = dir.join("lost_order-Wang_Fang-7-1.record.ron");
        assert_eq!(
            enrolment_path(&record),
            dir.join("lost_order-Wang_Fang-7-1.class.json")
        );
        assert_eq!(Enrolment::of(&record), Ok(None), "played alone");
        let note = Enrolment {
            url: "http://192.168.1.20:7878".into(),
            code: "TJ2C8R".into(),
            name: "王芳".into(),
            delivered: false,
        };
        note.write_beside(&record).unwrap();
        assert_eq!(Enrolment::of(&record), Ok(Some(note)));
        std::fs::write(enrolment_path(&record), "not json").unwrap();
        assert!(
            Enrolment::of(&record)
                .unwrap_err()
                .contains("not a class note")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

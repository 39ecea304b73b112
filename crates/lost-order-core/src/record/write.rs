//! Writing a record: the header at creation, then one synced line per decision.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Entry, Finished, Header};
use crate::engine::Session;

/// Appends a session's decisions to its record as they are made.
#[derive(Debug)]
pub struct RecordWriter {
    file: File,
    path: PathBuf,
    /// How many of the session's decisions are already in the file.
    written: usize,
    finished: bool,
}

impl RecordWriter {
    /// Creates `dir/<file_name>` for a new session (with `-2`, `-3`… when that name is taken)
    /// and writes its header.
    ///
    /// # Errors
    /// Any I/O error from creating the folder or the file, or writing the header.
    pub fn create(dir: &Path, header: &Header) -> std::io::Result<RecordWriter> {
        std::fs::create_dir_all(dir)?;
        let name = file_name(header);
        // Two sessions with the same player, seed and second get `-2`, `-3`… rather than clash.
        let mut attempt = 1;
        let (file, path) = loop {
            let path = if attempt == 1 {
                dir.join(&name)
            } else {
                dir.join(name.replace(".record.ron", &format!("-{attempt}.record.ron")))
            };
            match OpenOptions::new().create_new(true).append(true).open(&path) {
                Ok(file) => break (file, path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 1000 => {
                    attempt += 1
                }
                Err(e) => return Err(e),
            }
        };
        let mut w = RecordWriter {
            file,
            path,
            written: 0,
            finished: false,
        };
        w.line(&ron::to_string(header).map_err(std::io::Error::other)?)?;
        // The new file's name in its folder lasts too, not only its bytes.
        sync_folder(&w.path);
        Ok(w)
    }

    /// Continues the record at `path`: rewrites it from what was read (so a torn tail is gone),
    /// atomically, then appends from there.
    ///
    /// # Errors
    /// Any I/O error from writing, syncing or renaming the file, or reopening it.
    pub fn resume(path: &Path, record: &super::Record) -> std::io::Result<RecordWriter> {
        let mut text = ron::to_string(&record.header).map_err(std::io::Error::other)? + "\n";
        for made in &record.decisions {
            text +=
                &ron::to_string(&Entry::Decision(made.clone())).map_err(std::io::Error::other)?;
            text.push('\n');
        }
        // A name of this writer's own, so two resumes of one record never share it.
        let name = path
            .file_name()
            .map_or_else(|| "record".into(), |n| n.to_string_lossy().into_owned());
        let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let replaced = (|| {
            let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            drop(f);
            std::fs::rename(&tmp, path)
        })();
        if let Err(e) = replaced {
            // The record is untouched; leave no temporary file beside it.
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        sync_folder(path);
        let file = OpenOptions::new().append(true).open(path)?;
        Ok(RecordWriter {
            file,
            path: path.to_path_buf(),
            written: record.decisions.len(),
            finished: false,
        })
    }

    /// The record file being written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the session's decisions not yet written, and the outcome once there is one.
    ///
    /// # Errors
    /// Any I/O error from writing or syncing a line.
    pub fn sync(&mut self, session: &Session) -> std::io::Result<()> {
        for made in &session.decisions()[self.written.min(session.decisions().len())..] {
            self.line(
                &ron::to_string(&Entry::Decision(made.clone())).map_err(std::io::Error::other)?,
            )?;
            self.written += 1;
        }
        if let (Some(t), false) = (session.tender(), self.finished) {
            let finished = Entry::Finished(Finished::of(t));
            self.line(&ron::to_string(&finished).map_err(std::io::Error::other)?)?;
            self.finished = true;
        }
        Ok(())
    }

    /// One whole line, flushed to the disk before returning.
    fn line(&mut self, text: &str) -> std::io::Result<()> {
        let mut buf = text.replace('\n', " ");
        buf.push('\n');
        self.file.write_all(buf.as_bytes())?;
        self.file.sync_data()
    }
}

/// Syncs the folder holding `path`, so a rename into it survives a power cut (Unix; elsewhere,
/// and when the folder cannot be opened, nothing more can be done and nothing is reported).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// At most this many bytes of the player's name go into a record's file name (16 Chinese
/// characters, 48 Latin letters); the full name stays in the header.
pub const MAX_NAME_BYTES_IN_FILE_NAME: usize = 48;

/// At most this many bytes of the scenario's id go into a record's file name.
pub const MAX_ID_BYTES_IN_FILE_NAME: usize = 64;

/// `<scenario>-<player>-<seed>-<started>.record.ron`, with the scenario id and the player's
/// name made file-safe (letters, digits, `-` and `_`; anything else becomes `_`) and cut on a
/// character boundary to [`MAX_ID_BYTES_IN_FILE_NAME`] and [`MAX_NAME_BYTES_IN_FILE_NAME`]
/// bytes, so the whole name stays far below the 255 bytes file systems allow (at most 183
/// bytes with the `-N` that tells apart sessions started together).
pub fn file_name(h: &Header) -> String {
    let player = file_safe(&h.player, MAX_NAME_BYTES_IN_FILE_NAME);
    let player = if player.is_empty() {
        "anonymous".to_string()
    } else {
        player
    };
    let scenario = file_safe(&h.scenario, MAX_ID_BYTES_IN_FILE_NAME);
    format!("{scenario}-{player}-{}-{}.record.ron", h.seed, h.started)
}

/// `text` with every character but letters, digits, `-` and `_` replaced by `_`, cut to at
/// most `max_bytes` bytes on a character boundary.
fn file_safe(text: &str, max_bytes: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = if c.is_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '_'
        };
        if out.len() + c.len_utf8() > max_bytes {
            break;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(scenario: &str, player: &str) -> Header {
        Header {
            format: super::super::RECORD_FORMAT,
            scenario: scenario.into(),
            scenario_version: "1.0.0".into(),
            scenario_hash: "h".into(),
            seed: u64::MAX,
            player: player.into(),
            started: u64::MAX,
        }
    }

    #[test]
    fn a_long_name_is_cut_in_bytes_on_a_character_boundary() {
        let name = "王".repeat(90);
        let file = file_name(&header("lost_order", &name));
        assert!(file.len() < 200, "{} bytes", file.len());
        assert!(file.starts_with(&format!("lost_order-{}-", "王".repeat(16))));
        let file = file_name(&header(&"x".repeat(300), &"é".repeat(300)));
        assert!(file.len() <= 183 - 5, "{} bytes", file.len());
        assert_eq!(
            file_name(&header("t", "a/b c")),
            format!("t-a_b_c-{0}-{0}.record.ron", u64::MAX)
        );
        assert!(file_name(&header("t", "")).starts_with("t-anonymous-"));
    }

    #[test]
    fn resuming_rewrites_the_record_without_its_torn_tail_and_leaves_nothing_beside_it() {
        let dir = std::env::temp_dir().join(format!("lo-resume-tail-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let w = RecordWriter::create(&dir, &header("t", "Li")).unwrap();
        let path = w.path().to_path_buf();
        drop(w);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"Decision((week:1,decision:EndW").unwrap();
        drop(f);
        let record = super::super::read_record(&path).unwrap();
        assert_eq!(record.warnings.len(), 1);
        RecordWriter::resume(&path, &record).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("EndW") && text.ends_with('\n'), "{text}");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary file left"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_session_of_a_player_with_a_very_long_name_gets_its_record() {
        let dir = std::env::temp_dir().join(format!("lo-long-name-{}", std::process::id()));
        let name = "长".repeat(90);
        let w = RecordWriter::create(&dir, &header("lost_order", &name)).unwrap();
        let text = std::fs::read_to_string(w.path()).unwrap();
        assert!(text.contains(&name), "the full name stays in the header");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

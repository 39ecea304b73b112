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
    /// Creates `dir/<file_name>` for a new session and writes its header.
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
        Ok(w)
    }

    /// Continues the record at `path`: rewrites it from what was read (so a torn tail is gone),
    /// atomically, then appends from there.
    pub fn resume(path: &Path, record: &super::Record) -> std::io::Result<RecordWriter> {
        let mut text = ron::to_string(&record.header).map_err(std::io::Error::other)? + "\n";
        for made in &record.decisions {
            text +=
                &ron::to_string(&Entry::Decision(made.clone())).map_err(std::io::Error::other)?;
            text.push('\n');
        }
        let tmp = path.with_extension("tmp");
        {
            let mut f = File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp, path)?;
        let file = OpenOptions::new().append(true).open(path)?;
        Ok(RecordWriter {
            file,
            path: path.to_path_buf(),
            written: record.decisions.len(),
            finished: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the session's decisions not yet written, and the outcome once there is one.
    pub fn sync(&mut self, session: &Session) -> std::io::Result<()> {
        for made in &session.decisions()[self.written.min(session.decisions().len())..] {
            self.line(
                &ron::to_string(&Entry::Decision(made.clone())).map_err(std::io::Error::other)?,
            )?;
            self.written += 1;
        }
        if let (Some(t), false) = (session.tender(), self.finished) {
            let finished = Finished {
                won: t.won,
                ending: t.ending.clone(),
                margin: t.margin,
                score: t.score.total,
                rubric: t.score.lines.clone(),
            };
            self.line(&ron::to_string(&Entry::Finished(finished)).map_err(std::io::Error::other)?)?;
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

/// `<scenario>-<player>-<seed>-<started>.record.ron`, with the player's name made file-safe.
pub fn file_name(h: &Header) -> String {
    let player: String = h
        .player
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let player = if player.is_empty() {
        "anonymous".to_string()
    } else {
        player
    };
    format!(
        "{}-{player}-{}-{}.record.ron",
        h.scenario, h.seed, h.started
    )
}

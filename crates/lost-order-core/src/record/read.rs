//! Reading a record back, tolerating a torn last line (a crash in mid-write).

use std::path::Path;

use super::{Entry, Finished, Header, RECORD_FORMAT};
use crate::engine::Made;

/// A record as read from disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub header: Header,
    pub decisions: Vec<Made>,
    pub finished: Option<Finished>,
    /// What was repaired while reading, e.g. a torn last line that was dropped.
    pub warnings: Vec<String>,
}

/// Why a record cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecordError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: empty, or not a session record")]
    NoHeader { path: String },
    #[error("{path}: record format {found}, this build reads format {RECORD_FORMAT}")]
    Format { path: String, found: u32 },
    #[error("{path}:{line}: damaged entry: {message}")]
    Damaged {
        path: String,
        line: usize,
        message: String,
    },
}

pub fn read_record(path: &Path) -> Result<Record, RecordError> {
    let shown = path.display().to_string();
    let text = std::fs::read(path).map_err(|source| RecordError::Io {
        path: shown.clone(),
        source,
    })?;
    let text = String::from_utf8_lossy(&text);
    let complete = text.ends_with('\n');
    let lines: Vec<&str> = text.lines().collect();
    let header: Header = lines
        .first()
        .and_then(|l| ron::from_str(l).ok())
        .ok_or_else(|| RecordError::NoHeader {
            path: shown.clone(),
        })?;
    if header.format != RECORD_FORMAT {
        return Err(RecordError::Format {
            path: shown,
            found: header.format,
        });
    }
    let mut record = Record {
        header,
        decisions: Vec::new(),
        finished: None,
        warnings: Vec::new(),
    };
    for (i, line) in lines.iter().enumerate().skip(1) {
        let last = i + 1 == lines.len();
        match ron::from_str::<Entry>(line) {
            // A last line without its newline was cut off while being written.
            Ok(_) if last && !complete => record.warnings.push(torn(&shown, i)),
            Ok(Entry::Decision(made)) => record.decisions.push(made),
            Ok(Entry::Finished(f)) => record.finished = Some(f),
            Err(_) if last => record.warnings.push(torn(&shown, i)),
            Err(e) => {
                return Err(RecordError::Damaged {
                    path: shown,
                    line: i + 1,
                    message: e.to_string(),
                });
            }
        }
    }
    Ok(record)
}

fn torn(path: &str, i: usize) -> String {
    format!(
        "{path}:{}: the last entry was cut off (a crash while writing?) and is dropped",
        i + 1
    )
}

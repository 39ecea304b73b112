//! Reading a record back, tolerating a torn last line (a crash in mid-write), blank lines,
//! Windows line ends and a byte-order mark (a record opened and saved in a text editor).

use std::path::Path;

use super::{Entry, Finished, Header, RECORD_FORMAT};
use crate::engine::Made;
use crate::text::strip_bom;

/// The largest record file read, in bytes (16 MiB). A whole session writes a few kilobytes;
/// anything near this is not a session record, and is refused before it is read into memory.
pub const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

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
    /// The file could not be opened or read. The cause is part of the message, not a separate
    /// source, so that a chain of causes says it once.
    #[error("{path}: cannot read: {cause}")]
    Io { path: String, cause: std::io::Error },
    /// The path names a folder, a pipe or a device (opening a pipe would wait for ever).
    #[error("{path}: not a file (a folder, a pipe or a device), so not a session record")]
    NotAFile { path: String },
    /// The first line is not a record header (an empty file, or another kind of file).
    #[error("{path}: empty, or not a session record")]
    NoHeader { path: String },
    /// The header names a record format this build does not read.
    #[error("{path}: record format {found}, this build reads format {RECORD_FORMAT}")]
    Format { path: String, found: u32 },
    /// A line other than the last is not an entry.
    #[error("{path}:{line}: damaged entry: {message}")]
    Damaged {
        path: String,
        line: usize,
        message: String,
    },
    /// The file is larger than [`MAX_RECORD_BYTES`].
    #[error("{path}: {size} bytes is too large for a session record (at most {MAX_RECORD_BYTES})")]
    TooLarge { path: String, size: u64 },
}

/// Reads the record at `path` (see [`parse_record`]).
///
/// # Errors
/// [`RecordError::Io`] when the file cannot be read, [`RecordError::NotAFile`] for a folder,
/// pipe or device, [`RecordError::TooLarge`] past
/// [`MAX_RECORD_BYTES`], else as [`parse_record`].
pub fn read_record(path: &Path) -> Result<Record, RecordError> {
    use std::io::Read;
    let shown = path.display().to_string();
    let io = |cause| RecordError::Io {
        path: shown.clone(),
        cause,
    };
    if !std::fs::metadata(path).map_err(io)?.is_file() {
        return Err(RecordError::NotAFile { path: shown });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    // One byte more than allowed tells a file that is too large without reading all of it.
    file.take(MAX_RECORD_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_RECORD_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(RecordError::TooLarge { path: shown, size });
    }
    parse_record(&shown, &String::from_utf8_lossy(&bytes))
}

/// Reads a record from its text; `shown` is the path its messages name. A leading byte-order
/// mark, blank lines and `\r\n` line ends are accepted; a last entry that is not a complete
/// line (no newline after it, or not a whole value) is dropped with a warning.
///
/// # Errors
/// [`RecordError::NoHeader`] when the first non-blank line is not a header,
/// [`RecordError::Format`] for another record format, [`RecordError::Damaged`] for a damaged
/// line that is not the last.
pub fn parse_record(shown: &str, text: &str) -> Result<Record, RecordError> {
    let text = strip_bom(text);
    // (1-based line number, content without its line end), blank lines left out.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    // Whether the last non-blank line ended with a newline (was written whole).
    let mut complete = false;
    let segments = text.split('\n').collect::<Vec<_>>();
    let count = segments.len();
    for (i, segment) in segments.into_iter().enumerate() {
        let line = segment.strip_suffix('\r').unwrap_or(segment);
        if line.trim().is_empty() {
            continue;
        }
        lines.push((i + 1, line));
        complete = i + 1 < count;
    }
    let mut lines = lines.into_iter();
    let header: Header = lines
        .next()
        .and_then(|(_, l)| ron::from_str(l).ok())
        .ok_or_else(|| RecordError::NoHeader {
            path: shown.to_string(),
        })?;
    if header.format != RECORD_FORMAT {
        return Err(RecordError::Format {
            path: shown.to_string(),
            found: header.format,
        });
    }
    let mut record = Record {
        header,
        decisions: Vec::new(),
        finished: None,
        warnings: Vec::new(),
    };
    let mut lines = lines.peekable();
    while let Some((number, line)) = lines.next() {
        let last = lines.peek().is_none();
        match ron::from_str::<Entry>(line) {
            // A last line without its newline was cut off while being written.
            Ok(_) if last && !complete => record.warnings.push(torn(shown, number)),
            Ok(Entry::Decision(made)) => record.decisions.push(made),
            Ok(Entry::Finished(f)) => record.finished = Some(f),
            Err(_) if last => record.warnings.push(torn(shown, number)),
            Err(e) => {
                return Err(RecordError::Damaged {
                    path: shown.to_string(),
                    line: number,
                    message: e.to_string(),
                });
            }
        }
    }
    Ok(record)
}

fn torn(path: &str, line: usize) -> String {
    format!("{path}:{line}: the last entry was cut off (a crash while writing?) and is dropped")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = r#"(format:1,scenario:"t",scenario_version:"1.0.0",scenario_hash:"h",seed:1,player:"Li",started:5)"#;
    const END_WEEK: &str = "Decision((week:1,decision:EndWeek,result:None))";

    #[test]
    fn blank_lines_after_the_last_entry_are_not_a_cut_off_entry() {
        for tail in ["\n\n", "\n\n\n", "\n  \n", "\n\t\n"] {
            let text = format!("{HEADER}\n{END_WEEK}{tail}");
            let r = parse_record("r", &text).unwrap();
            assert_eq!(r.decisions.len(), 1, "{tail:?}");
            assert!(r.warnings.is_empty(), "{tail:?}: {:?}", r.warnings);
        }
    }

    #[test]
    fn windows_line_ends_a_byte_order_mark_and_blank_lines_read_normally() {
        let text = format!("\u{feff}{HEADER}\r\n\r\n{END_WEEK}\r\n{END_WEEK}\r\n\r\n");
        let r = parse_record("r", &text).unwrap();
        assert_eq!(r.header.player, "Li");
        assert_eq!(r.decisions.len(), 2);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn a_torn_last_line_is_still_dropped_with_its_line_number() {
        let r = parse_record("r", &format!("{HEADER}\n{END_WEEK}\nDecision((we")).unwrap();
        assert_eq!(r.decisions.len(), 1);
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].starts_with("r:3: the last entry was cut off"));
        // A whole value without its newline was cut off just before it.
        let r = parse_record("r", &format!("{HEADER}\n{END_WEEK}")).unwrap();
        assert!(r.decisions.is_empty() && r.warnings.len() == 1);
    }

    #[test]
    fn a_damaged_line_in_the_middle_names_its_line() {
        let text = format!("{HEADER}\n\nnonsense\n{END_WEEK}\n");
        match parse_record("r", &text) {
            Err(RecordError::Damaged { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse_record("r", "\u{feff}\n\n"),
            Err(RecordError::NoHeader { .. })
        ));
    }
}

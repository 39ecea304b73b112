//! The lines of a session's record after its header, as the record writer writes them: what
//! a trainee sends and what the server holds.

use lost_order_core::engine::Session;
use lost_order_core::record::{Entry, Finished};

/// Every line after the header of the record of `session`: its decisions, then the
/// `Finished` line once the tender is decided (as `RecordWriter::sync` writes them).
pub fn entries_of(session: &Session) -> Vec<Entry> {
    let mut entries: Vec<Entry> = session
        .decisions()
        .iter()
        .cloned()
        .map(Entry::Decision)
        .collect();
    if let Some(t) = session.tender() {
        entries.push(Entry::Finished(Finished::of(t)));
    }
    entries
}

/// An entry as one line of a record file (without its line end).
///
/// # Errors
/// RON's error, as an I/O error as the record writer gives it (not seen for record entries).
pub fn line_of(entry: &Entry) -> std::io::Result<String> {
    Ok(ron::to_string(entry)
        .map_err(std::io::Error::other)?
        .replace('\n', " "))
}

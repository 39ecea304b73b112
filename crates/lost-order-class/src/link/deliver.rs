//! Finished class sessions the class does not hold whole yet (the server was away when they
//! ended): found by their notes, and sent by joining the class again, so that nothing decided
//! on a laptop is lost to the class's debrief.

use std::path::{Path, PathBuf};
use std::time::Duration;

use lost_order_app::catalog::Catalog;
use lost_order_core::record::read_record;
use lost_order_core::text::{fill, pick};

use super::rejoin::mismatch;
use super::{ClassLink, Credentials, Enrolment};
use crate::entries::{entries_of, line_of};

/// The finished sessions of `player` in `dir` that were played in a class whose note does not
/// say the class holds them whole, oldest first.
pub fn undelivered(dir: &Path, player: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(u64, PathBuf)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".record.ron"))
        .filter(|p| matches!(Enrolment::of(p), Ok(Some(note)) if !note.delivered))
        .filter_map(|p| {
            let record = read_record(&p).ok()?;
            let ours = record.header.player.trim() == player.trim();
            (ours && record.finished.is_some()).then_some((record.header.started, p))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// A finished session sent to its class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivered {
    /// The class server.
    pub url: String,
    /// Record lines the class lacked and now holds (0 when it held them all already).
    pub sent: usize,
}

/// Joins the class noted beside the finished record at `record` as this `device` (with
/// `class`, the address and code given instead of the noted ones, as after a code change),
/// sends the lines it lacks, waits up to `wait` for them to be acknowledged, and notes that
/// the class holds the whole session. The local record is only read: whatever fails, it stays
/// as it was.
///
/// # Errors
/// In `lang`'s words: the record or its note unreadable, its scenario not found, the class not
/// reached or refusing, a class of another case or seed, or the lines not acknowledged in
/// time.
pub fn deliver(
    record: &Path,
    device: &str,
    class: Option<(&str, &str)>,
    lang: &str,
    wait: Duration,
) -> Result<Delivered, String> {
    let noted = Enrolment::of(record)?.ok_or_else(|| {
        fill(
            pick(
                lang,
                "{path} 旁边没有课堂记录。",
                "{path} has no class noted beside it.",
            ),
            &[("path", &record.display().to_string())],
        )
    })?;
    let note = match class {
        Some((url, code)) => Enrolment {
            url: super::server_url(url),
            code: code.to_string(),
            ..noted
        },
        None => noted,
    };
    let reopened = lost_order_app::records::reopen(record, None, &Catalog::load())
        .map_err(|e| e.to_string())?;
    let session = &reopened.session;
    let credentials = Credentials {
        url: note.url.clone(),
        code: note.code.clone(),
        name: note.name.clone(),
        device: device.to_string(),
    };
    let (link, joined) = ClassLink::join(credentials, None, lost_order_app::fresh_seed())
        .map_err(|f| f.words(&note.url, lang))?;
    if let Some(m) = mismatch(&joined, session) {
        std::thread::spawn(move || drop(link));
        return Err(m.words(lang));
    }
    // Every line of the session from the first; the link sends from where the server is.
    let lines = entries_of(session)
        .iter()
        .map(line_of)
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| format!("{}: {e}", record.display()))?;
    let all = lines.len();
    link.push_all(lines);
    if !link.flush(wait) {
        return Err(fill(
            pick(
                lang,
                "{n} 条记录未能送达 {url} 的课堂，稍后再试。",
                "{n} lines did not reach the class at {url}; try again later.",
            ),
            &[("n", &link.unsent().to_string()), ("url", &note.url)],
        ));
    }
    Enrolment {
        delivered: true,
        ..note.clone()
    }
    .write_beside(record)
    .map_err(|e| format!("{}: {e}", record.display()))?;
    Ok(Delivered {
        url: note.url,
        sent: all.saturating_sub(joined.lines),
    })
}

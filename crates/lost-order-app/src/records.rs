//! Session record files and folders: starting a record, finding and resuming an unfinished one,
//! the records of a class, and the scenario a record was made with.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use lost_order_core::engine::Session;
use lost_order_core::record::{
    Divergence, Header, Record, RecordError, RecordWriter, read_record, replay,
};
use lost_order_core::scenario::{Id, Scenario};

use crate::catalog::{Catalog, CatalogError};

/// What can go wrong with record files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecordsError {
    /// A record file or folder could not be created, read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A record file could not be read as a record.
    #[error(transparent)]
    Read(#[from] RecordError),
    /// The record's scenario is not in the catalog.
    #[error(transparent)]
    Scenario(#[from] CatalogError),
    /// Replaying the record's decisions gave different results.
    #[error("{path}: replay diverged at {divergence}{}", .scenario_warning.as_ref().map(|w| format!(" ({w})")).unwrap_or_default())]
    Diverged {
        path: PathBuf,
        divergence: Divergence,
        /// Why the scenario used may not be the record's own, when it is not.
        scenario_warning: Option<String>,
    },
    /// The record's session is over; there is nothing to continue.
    #[error("{0}: this session is finished; use --from-week N to play it again from week N")]
    Finished(PathBuf),
    /// An input named on the command line does not exist.
    #[error("{0}: no such file or folder")]
    Missing(PathBuf),
    /// No file among the inputs is a readable record.
    #[error("no readable session record")]
    NoneReadable,
}

/// Seconds since the Unix epoch, now.
pub fn now_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Starts the record of `session` (new, or a "what if") in `dir` for `player`, and writes what
/// the session has done so far.
///
/// # Errors
/// [`RecordsError::Io`] when the folder or the file cannot be created or written.
pub fn start(dir: &Path, session: &Session, player: &str) -> Result<RecordWriter, RecordsError> {
    let header = Header::new(session.scenario(), session.seed(), player, now_seconds());
    let io = |source| RecordsError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut writer = RecordWriter::create(dir, &header).map_err(io)?;
    writer.sync(session).map_err(|source| RecordsError::Io {
        path: writer.path().to_path_buf(),
        source,
    })?;
    Ok(writer)
}

/// The newest unfinished record in `dir` of `player` (the name in the settings, or
/// `--player`) whose scenario is known: Continue resumes only the player's own sessions, never
/// another trainee's in a shared class folder. Names are compared as typed, without the
/// spaces around them; an unnamed player continues only unnamed sessions.
pub fn unfinished(dir: &Path, catalog: &Catalog, player: &str) -> Option<PathBuf> {
    let mut best: Option<(u64, PathBuf)> = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if !path.to_string_lossy().ends_with(".record.ron") {
            continue;
        }
        // Other trainees' records are passed over on their first line.
        if header_of(&path).is_none_or(|h| h.player.trim() != player.trim()) {
            continue;
        }
        let Ok(record) = read_record(&path) else {
            continue;
        };
        let h = &record.header;
        let known = catalog.locate(h, None).is_ok();
        if record.finished.is_none() && known && best.as_ref().is_none_or(|(t, _)| h.started >= *t)
        {
            best = Some((h.started, path));
        }
    }
    best.map(|(_, p)| p)
}

/// The header of the record at `path`, read from its first non-blank line alone (at most
/// 64 KiB of it); `None` when it has none.
fn header_of(path: &Path) -> Option<Header> {
    use std::io::{BufRead, Read};
    // Before opening: opening a pipe would wait for ever.
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    let mut lines = std::io::BufReader::new(file.take(64 * 1024)).split(b'\n');
    let first = lines.find_map(|l| {
        let l = l.ok()?;
        let text = String::from_utf8_lossy(&l).into_owned();
        let text = lost_order_core::text::strip_bom(text.trim())
            .trim()
            .to_string();
        (!text.is_empty()).then_some(text)
    })?;
    ron::from_str(&first).ok()
}

/// A record reopened: the session replayed exactly, the catalog key of its scenario, the
/// record as read (with its warnings) and a writer that appends to it.
#[derive(Debug)]
pub struct Resumed {
    pub session: Session,
    /// The catalog key (file name) of the scenario, when it came from the catalog.
    pub key: Option<String>,
    pub record: Record,
    pub writer: RecordWriter,
    /// When the scenario used is not the record's own file: what it is instead, in words.
    pub scenario_warning: Option<String>,
}

/// Reopens the unfinished record at `path` to continue it, with the record's scenario found
/// as [`Catalog::locate`] finds it (`given`, the file named with its path, first).
///
/// # Errors
/// [`RecordsError::Read`] for an unreadable record, [`RecordsError::Scenario`] when its
/// scenario is unknown, [`RecordsError::Diverged`] when it no longer replays,
/// [`RecordsError::Finished`] when the session is over, [`RecordsError::Io`] when it cannot
/// be rewritten.
pub fn resume(
    path: &Path,
    given: Option<(Arc<Scenario>, &str)>,
    catalog: &Catalog,
) -> Result<Resumed, RecordsError> {
    let Reopened {
        record,
        key,
        session,
        scenario_warning,
    } = reopen(path, given, catalog)?;
    if record.finished.is_some() {
        return Err(RecordsError::Finished(path.to_path_buf()));
    }
    let writer = RecordWriter::resume(path, &record).map_err(|source| RecordsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Resumed {
        session,
        key,
        record,
        writer,
        scenario_warning,
    })
}

/// A record read and replayed.
#[derive(Debug)]
pub struct Reopened {
    pub record: Record,
    /// The catalog key (file name) of the scenario, when it came from the catalog's menu.
    pub key: Option<String>,
    /// The session as it stands at the record's end.
    pub session: Session,
    /// When the scenario used is not the record's own file: what it is instead, in words.
    pub scenario_warning: Option<String>,
}

/// Reads and replays the record at `path` against its scenario, found as
/// [`Catalog::locate`] finds it (`given`, the file named with its path, first).
///
/// # Errors
/// As [`resume`], but a finished record is fine.
pub fn reopen(
    path: &Path,
    given: Option<(Arc<Scenario>, &str)>,
    catalog: &Catalog,
) -> Result<Reopened, RecordsError> {
    let record = read_record(path)?;
    let located = catalog.locate(&record.header, given)?;
    let scenario_warning = located.warning(&record.header);
    let session =
        replay(located.scenario.clone(), &record).map_err(|divergence| RecordsError::Diverged {
            path: path.to_path_buf(),
            divergence,
            scenario_warning: scenario_warning.clone(),
        })?;
    Ok(Reopened {
        record,
        key: located.key,
        session,
        scenario_warning,
    })
}

/// The record files among `inputs`: files as given, folders searched for `*.record.ron`
/// (sorted by name).
///
/// # Errors
/// [`RecordsError::Missing`] for an input that does not exist, [`RecordsError::Io`] for a
/// folder that cannot be read.
pub fn record_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, RecordsError> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let read = std::fs::read_dir(input).map_err(|source| RecordsError::Io {
                path: input.clone(),
                source,
            })?;
            let mut found: Vec<PathBuf> = read
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".record.ron"))
                .collect();
            found.sort();
            files.extend(found);
        } else if input.exists() {
            files.push(input.clone());
        } else {
            return Err(RecordsError::Missing(input.clone()));
        }
    }
    Ok(files)
}

/// The scenario most of a class's records name (by id and hash), found as
/// [`Catalog::locate`] finds it.
///
/// # Errors
/// [`RecordsError::NoneReadable`] when no file is a readable record,
/// [`RecordsError::Scenario`] when nothing has that id.
pub fn scenario_of_class(
    files: &[PathBuf],
    catalog: &Catalog,
) -> Result<Arc<Scenario>, RecordsError> {
    let mut counts: std::collections::BTreeMap<(Id, String), (usize, Header)> = Default::default();
    for f in files {
        if let Ok(r) = read_record(f) {
            let key = (r.header.scenario.clone(), r.header.scenario_hash.clone());
            counts.entry(key).or_insert((0, r.header)).0 += 1;
        }
    }
    let (_, header) = counts
        .into_values()
        .max_by_key(|(n, _)| *n)
        .ok_or(RecordsError::NoneReadable)?;
    Ok(catalog.locate(&header, None)?.scenario)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continue_finds_only_this_players_own_unfinished_session() {
        let dir = std::env::temp_dir().join(format!("lo-unfinished-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let catalog = Catalog::load_from(&[]);
        let tutorial = catalog.get("tutorial.ron").unwrap().scenario.clone();
        let mine = start(&dir, &Session::new(tutorial.clone(), 1), "Li Lei").unwrap();
        // Another trainee of the shared folder starts later: theirs is the newest.
        let mut theirs_header = Header::new(&tutorial, 2, "Han Meimei", now_seconds() + 100);
        theirs_header.scenario_hash = tutorial.hash.clone();
        let theirs = RecordWriter::create(&dir, &theirs_header).unwrap();
        assert_eq!(
            unfinished(&dir, &catalog, "Li Lei").as_deref(),
            Some(mine.path())
        );
        assert_eq!(
            unfinished(&dir, &catalog, " Han Meimei ").as_deref(),
            Some(theirs.path())
        );
        assert_eq!(
            unfinished(&dir, &catalog, ""),
            None,
            "unnamed: only unnamed"
        );
        assert_eq!(unfinished(&dir, &catalog, "Li"), None);
        // A pipe named like a record is passed over, not waited on.
        #[cfg(unix)]
        {
            let fifo = dir.join("pipe.record.ron");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                assert_eq!(
                    unfinished(&dir, &catalog, "Li Lei").as_deref(),
                    Some(mine.path())
                );
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

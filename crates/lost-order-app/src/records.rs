//! Session record files and folders: starting a record, finding and resuming an unfinished one,
//! the records of a class, and the scenario a record was made with.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use lost_order_core::engine::Session;
use lost_order_core::record::{
    Divergence, Header, Record, RecordError, RecordWriter, read_record, replay,
};
use lost_order_core::scenario::Scenario;

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
    #[error("{path}: replay diverged at {divergence}")]
    Diverged {
        path: PathBuf,
        divergence: Divergence,
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

/// The newest unfinished record in `dir` whose scenario is in `catalog`, if any.
pub fn unfinished(dir: &Path, catalog: &Catalog) -> Option<PathBuf> {
    let mut best: Option<(u64, PathBuf)> = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        let Ok(record) = read_record(&path) else {
            continue;
        };
        let h = &record.header;
        let known = catalog.find(&h.scenario, &h.scenario_hash).is_some();
        if record.finished.is_none() && known && best.as_ref().is_none_or(|(t, _)| h.started >= *t)
        {
            best = Some((h.started, path));
        }
    }
    best.map(|(_, p)| p)
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
}

/// Reopens the unfinished record at `path` to continue it, with `scenario` if given, else the
/// catalog's case with the record's id and hash.
///
/// # Errors
/// [`RecordsError::Read`] for an unreadable record, [`RecordsError::Scenario`] when its
/// scenario is unknown, [`RecordsError::Diverged`] when it no longer replays,
/// [`RecordsError::Finished`] when the session is over, [`RecordsError::Io`] when it cannot
/// be rewritten.
pub fn resume(
    path: &Path,
    scenario: Option<Arc<Scenario>>,
    catalog: &Catalog,
) -> Result<Resumed, RecordsError> {
    let (record, key, session) = reopen(path, scenario, catalog)?;
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
    })
}

/// Reads and replays the record at `path`: the record, the catalog key of its scenario, and
/// the session as it stands at the record's end.
///
/// # Errors
/// As [`resume`], but a finished record is fine.
pub fn reopen(
    path: &Path,
    scenario: Option<Arc<Scenario>>,
    catalog: &Catalog,
) -> Result<(Record, Option<String>, Session), RecordsError> {
    let record = read_record(path)?;
    let (key, scenario) = match scenario {
        Some(s) => (None, s),
        None => {
            let h = &record.header;
            let entry = catalog.require(&h.scenario, &h.scenario_hash)?;
            (Some(entry.key.clone()), entry.scenario.clone())
        }
    };
    let session = replay(scenario, &record).map_err(|divergence| RecordsError::Diverged {
        path: path.to_path_buf(),
        divergence,
    })?;
    Ok((record, key, session))
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

/// The scenario most of a class's records name, from the catalog.
///
/// # Errors
/// [`RecordsError::NoneReadable`] when no file is a readable record,
/// [`RecordsError::Scenario`] when the catalog has no case with that id.
pub fn scenario_of_class(
    files: &[PathBuf],
    catalog: &Catalog,
) -> Result<Arc<Scenario>, RecordsError> {
    let mut counts: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for f in files {
        if let Ok(r) = read_record(f) {
            *counts
                .entry((r.header.scenario, r.header.scenario_hash))
                .or_default() += 1;
        }
    }
    let (id, hash) = counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(key, _)| key)
        .ok_or(RecordsError::NoneReadable)?;
    Ok(catalog.require(&id, &hash)?.scenario.clone())
}

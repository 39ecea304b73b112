//! The running session: the core's `Session` in a resource, recorded after every decision.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use lost_order_core::engine::{Bid, Decision, Session};
use lost_order_core::record::{Header, RECORD_FORMAT, RecordWriter, read_record, replay};

use super::catalog::Catalog;

/// The session being played, and which scenario it is.
#[derive(Resource, Clone, Debug)]
pub struct Play {
    pub key: String,
    pub session: Session,
}

/// The session record being written (see `lost_order_core::record`).
#[derive(Resource, Debug, Default)]
pub struct Recording(pub Option<RecordWriter>);

/// A seed given on the command line (`--seed`), used instead of the class seed for this run.
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct SeedOverride(pub Option<u64>);

impl Play {
    pub fn new(
        key: &str,
        scenario: std::sync::Arc<lost_order_core::scenario::Scenario>,
        seed: u64,
    ) -> Play {
        Play {
            key: key.to_string(),
            session: Session::new(scenario, seed),
        }
    }

    /// Applies a decision.
    pub fn decide(&mut self, decision: &Decision) -> Result<(), String> {
        self.session
            .apply(decision)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// A new session with the same seed, replaying the decisions made before `week`.
    pub fn what_if(&self, week: u32) -> Play {
        let mut session = Session::new(self.session.scenario_arc(), self.session.seed());
        for m in self.session.decisions().iter().filter(|m| m.week < week) {
            if session.apply(&m.decision).is_err() {
                break;
            }
        }
        Play {
            key: self.key.clone(),
            session,
        }
    }
}

/// Starts the record of a new session in `dir`.
pub fn start_record(dir: &Path, play: &Play, player: &str) -> Option<RecordWriter> {
    let s = play.session.scenario();
    let header = Header {
        format: RECORD_FORMAT,
        scenario: s.meta.id.clone(),
        scenario_version: s.meta.version.clone(),
        scenario_hash: s.hash.clone(),
        seed: play.session.seed(),
        player: player.to_string(),
        started: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    let mut writer = RecordWriter::create(dir, &header)
        .inspect_err(|e| error!("cannot create a session record in {}: {e}", dir.display()))
        .ok()?;
    if let Err(e) = writer.sync(&play.session) {
        error!("cannot write the session record: {e}");
    }
    Some(writer)
}

/// The newest unfinished record in `dir` of a scenario in the catalog, if any.
pub fn unfinished(dir: &Path, catalog: &Catalog) -> Option<PathBuf> {
    let mut best: Option<(u64, PathBuf)> = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        let Ok(record) = read_record(&path) else {
            continue;
        };
        let known = catalog
            .entries
            .iter()
            .any(|e| e.scenario.meta.id == record.header.scenario);
        if record.finished.is_none()
            && known
            && best
                .as_ref()
                .is_none_or(|(t, _)| record.header.started >= *t)
        {
            best = Some((record.header.started, path));
        }
    }
    best.map(|(_, p)| p)
}

/// Reopens an unfinished record: the session replayed exactly, and its writer.
pub fn resume(path: &Path, catalog: &Catalog) -> Option<(Play, RecordWriter)> {
    let record = read_record(path).inspect_err(|e| warn!("{e}")).ok()?;
    for w in &record.warnings {
        warn!("{w}");
    }
    let entry = catalog
        .entries
        .iter()
        .find(|e| e.scenario.meta.id == record.header.scenario)?;
    let session = replay(entry.scenario.clone(), &record)
        .inspect_err(|d| warn!("{}: no longer replays: {d}", path.display()))
        .ok()?;
    let writer = RecordWriter::resume(path, &record)
        .inspect_err(|e| error!("{e}"))
        .ok()?;
    Some((
        Play {
            key: entry.key.clone(),
            session,
        },
        writer,
    ))
}

/// The bid being composed on the tender screen.
#[derive(Resource, Clone, Debug, Default)]
pub struct BidDraft(pub Bid);

//! The running session: the core's `Session` in a resource, saved after every decision.

use bevy::prelude::*;
use lost_order_core::engine::{Bid, Decision, Phase, Session};
use serde::{Deserialize, Serialize};

use super::catalog::Catalog;
use super::storage::{Dirs, write_atomic};

/// The session being played, and which scenario it is.
#[derive(Resource, Clone, Debug)]
pub struct Play {
    pub key: String,
    pub session: Session,
}

/// What is saved after each decision: enough to rebuild the session exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveFile {
    pub scenario: String,
    pub version: String,
    pub seed: u64,
    pub player: String,
    pub decisions: Vec<Decision>,
}

impl SaveFile {
    fn path(dirs: &Dirs) -> std::path::PathBuf {
        dirs.data.join("current-session.ron")
    }

    /// The unfinished session, if one was saved and still replays.
    pub fn load(dirs: &Dirs) -> Option<SaveFile> {
        let text = std::fs::read_to_string(Self::path(dirs)).ok()?;
        ron::from_str(&text)
            .inspect_err(|e| warn!("saved session unreadable: {e}"))
            .ok()
    }

    pub fn clear(dirs: &Dirs) {
        let _ = std::fs::remove_file(Self::path(dirs));
    }

    pub fn save(&self, dirs: &Dirs) {
        let text = ron::ser::to_string(self).unwrap_or_default();
        if let Err(e) = write_atomic(&Self::path(dirs), &text) {
            error!("cannot save the session: {e}");
        }
    }

    /// Replays the saved decisions into a fresh session.
    pub fn resume(&self, catalog: &Catalog) -> Option<Play> {
        let entry = catalog.get(&self.scenario)?;
        let mut session = Session::new(entry.scenario.clone(), self.seed);
        for d in &self.decisions {
            if let Err(e) = session.apply(d) {
                warn!("saved session no longer replays ({e}); starting it anew is needed");
                return None;
            }
        }
        Some(Play {
            key: self.scenario.clone(),
            session,
        })
    }
}

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

    /// Applies a decision and saves the session; a finished session clears the save.
    pub fn decide(&mut self, decision: &Decision, dirs: &Dirs, player: &str) -> Result<(), String> {
        self.session.apply(decision).map_err(|e| e.to_string())?;
        if *self.session.phase() == Phase::Ended {
            SaveFile::clear(dirs);
        } else {
            self.save_file(player).save(dirs);
        }
        Ok(())
    }

    pub fn save_file(&self, player: &str) -> SaveFile {
        SaveFile {
            scenario: self.key.clone(),
            version: self.session.scenario().meta.version.clone(),
            seed: self.session.seed(),
            player: player.to_string(),
            decisions: self
                .session
                .decisions()
                .iter()
                .map(|m| m.decision.clone())
                .collect(),
        }
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

/// The bid being composed on the tender screen.
#[derive(Resource, Clone, Debug, Default)]
pub struct BidDraft(pub Bid);

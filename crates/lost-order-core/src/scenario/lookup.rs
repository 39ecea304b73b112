//! Tables derived from a scenario once, on first use, for the engine's every-step lookups.

use std::fmt;
use std::sync::{Arc, OnceLock};

use super::Scenario;

/// What the engine derives from a scenario instead of working it out again for every
/// session: filled on first use, never read from or written to a file.
///
/// A clone starts empty and derives its own, so a scenario cloned and then edited (as the
/// authoring tools do) never sees the tables of the original.
#[derive(Default)]
pub(crate) struct Lookup(OnceLock<Tables>);

/// The derived tables.
struct Tables {
    /// The slot of each competitor rule, then each story event, in the scenario's order:
    /// the index of the first of them with the same id (`Session` keeps one "fired" mark and
    /// one drawn week per slot).
    trigger_slots: Arc<[usize]>,
}

impl Clone for Lookup {
    fn clone(&self) -> Self {
        Lookup::default()
    }
}

impl fmt::Debug for Lookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Lookup")
    }
}

impl Scenario {
    /// The slot of each competitor rule, then each story event (see `Tables::trigger_slots`);
    /// shared by every session of this scenario.
    pub(crate) fn trigger_slots(&self) -> Arc<[usize]> {
        self.lookup
            .0
            .get_or_init(|| Tables::of(self))
            .trigger_slots
            .clone()
    }
}

impl Tables {
    fn of(scenario: &Scenario) -> Tables {
        let ids: Vec<&str> = (scenario.competitor.rules.iter().map(|r| r.id.as_str()))
            .chain(scenario.events.iter().map(|e| e.id.as_str()))
            .collect();
        let trigger_slots = ids
            .iter()
            .map(|id| ids.iter().position(|other| other == id).unwrap_or(0))
            .collect();
        Tables { trigger_slots }
    }
}

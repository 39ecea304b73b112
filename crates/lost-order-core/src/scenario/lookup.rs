//! Tables derived from a scenario once, on first use, for the engine's every-step lookups.

use std::fmt;
use std::sync::{Arc, OnceLock};

use super::possible::any_possible_effect;
use super::{Action, Effect, Fact, Scenario, Who};

/// What the engine derives from a scenario instead of working it out again for every
/// session: filled on first use, never read from or written to a file.
///
/// A clone starts empty and derives its own, so a scenario cloned and then edited (as the
/// authoring tools do) never sees the tables of the original. A scenario itself is not
/// edited once a session has used it (sessions share it behind an `Arc`, read-only).
#[derive(Default)]
pub(crate) struct Lookup(OnceLock<Tables>);

/// The derived tables.
struct Tables {
    /// The slot of each competitor rule, then each story event, in the scenario's order:
    /// the index of the first of them with the same id (`Session` keeps one "fired" mark and
    /// one drawn week per slot).
    trigger_slots: Arc<[usize]>,
    /// What each action may do to each person, by action index × people + person index.
    possible: Vec<Possible>,
}

/// What an action may do to one person, judged from the scenario alone (`possible.rs`):
/// the effects of the results that can apply to them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Possible {
    /// The facts about them it may reveal, by `Fact as usize`.
    pub reveals: [bool; Fact::ALL.len()],
    /// The people (by index) it may put on the map.
    pub discovers: Vec<usize>,
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
        self.tables().trigger_slots.clone()
    }

    /// What action number `a` may do to person number `i` (see `Possible`).
    pub(crate) fn possible(&self, a: usize, i: usize) -> &Possible {
        &self.tables().possible[a * self.people.len() + i]
    }

    fn tables(&self) -> &Tables {
        self.lookup.0.get_or_init(|| Tables::of(self))
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
        let possible = (scenario.actions.iter())
            .flat_map(|action| {
                (scenario.people.iter()).map(move |person| possible(scenario, action, &person.id))
            })
            .collect();
        Tables {
            trigger_slots,
            possible,
        }
    }
}

/// What `action` may do to the person `target`, from its possible effects.
fn possible(scenario: &Scenario, action: &Action, target: &str) -> Possible {
    let mut p = Possible::default();
    any_possible_effect(action, target, |e| {
        match e {
            Effect::Reveal(Who::Target, f) => p.reveals[*f as usize] = true,
            Effect::Discover(Who::Person(id)) => {
                if let Some(j) = scenario.person_index(id) {
                    p.discovers.push(j);
                }
            }
            _ => {}
        }
        false
    });
    p
}

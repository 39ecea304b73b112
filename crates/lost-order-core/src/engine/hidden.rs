//! What happened out of the player's sight, kept for the debrief's hidden timeline.

use serde::Serialize;

use crate::scenario::Id;

/// One thing that happened in the world, seen by the player or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HiddenEntry {
    /// The week (1-based) it happened in.
    pub week: u32,
    /// The player was told at the time (an event with a text, a move a coach reported).
    pub seen: bool,
    /// What happened.
    pub what: Hidden,
}

/// The kinds of hidden happenings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Hidden {
    /// A story event fired (e.g. the power shift).
    Event { event: Id },
    /// A competitor's rule fired; `blunted_by` names the coach who blunted it, if one did.
    RivalMove { rule: Id, blunted_by: Option<Id> },
    /// A coach's quiet support (their `quiet_support` effects) took place.
    QuietSupport { coach: Id },
    /// An `Exposure` came up: the player was found out and `flag` is set.
    Exposed { flag: Id, counter: Id },
}

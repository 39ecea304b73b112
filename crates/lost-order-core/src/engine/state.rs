//! The session's state: the hidden truth about each person, and what the player believes.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::scenario::{BuyingRole, Id};

/// The truth about one person, which the player sees only through actions and events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonTruth {
    pub role: BuyingRole,
    pub influence: i32,
    pub support: i32,
    pub rival_support: i32,
    pub criteria: Vec<Id>,
    pub coach: bool,
    /// We have taken at least one action with them.
    pub met: bool,
}

/// The whole hidden world.
#[derive(Clone, Debug, Default, Serialize)]
pub struct World {
    /// In the scenario's order of people.
    pub people: Vec<PersonTruth>,
    pub flags: BTreeSet<Id>,
    pub counters: BTreeMap<Id, i64>,
    /// What the competitor's bid addresses, with strengths.
    pub rival_bid: BTreeMap<Id, i32>,
}

/// A value the player saw, and in which week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Seen<T> {
    pub value: T,
    pub week: u32,
    /// Believed from the start without evidence (e.g. Liu's role), not observed.
    pub assumed: bool,
}

impl<T> Seen<T> {
    pub fn observed(value: T, week: u32) -> Self {
        Seen {
            value,
            week,
            assumed: false,
        }
    }
}

/// What the player believes of one person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Belief {
    /// Shown as an unknown silhouette.
    pub hinted: bool,
    /// The week the person appeared on the map, if they have.
    pub identified: Option<u32>,
    pub role: Option<Seen<BuyingRole>>,
    pub stance: Option<Seen<i32>>,
    pub influence: Option<Seen<i32>>,
    pub criteria: Option<Seen<Vec<Id>>>,
    pub coach: bool,
}

impl Belief {
    pub fn on_map(&self) -> bool {
        self.identified.is_some()
    }
}

/// Support and influence are kept inside these bounds.
pub const SUPPORT_RANGE: (i32, i32) = (-5, 5);
pub const INFLUENCE_RANGE: (i32, i32) = (0, 10);

/// One week's true and believed stances, for the debrief's chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WeekSnapshot {
    pub week: u32,
    pub support: Vec<i32>,
    pub rival_support: Vec<i32>,
    pub believed: Vec<Option<i32>>,
}

//! The session's state: the hidden truth about each person, and what the player believes.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::scenario::{BuyingRole, Id, StageRule};

/// The truth about one person, which the player sees only through actions and events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonTruth {
    /// Their true buying role (an effect may change it).
    pub role: BuyingRole,
    /// Their weight in the buying center, 0…10.
    pub influence: i32,
    /// Their support for us, −5…+5 (see `Stance::of` for the bands).
    pub support: i32,
    /// Their support for the competitor, −5…+5.
    pub rival_support: i32,
    /// The criteria they judge a bid by (criterion ids).
    pub criteria: Vec<Id>,
    /// They tell us what the competitor does.
    pub coach: bool,
    /// We have taken at least one action with them.
    pub met: bool,
}

/// The whole hidden world.
#[derive(Clone, Debug, Default, Serialize)]
pub struct World {
    /// In the scenario's order of people.
    pub people: Vec<PersonTruth>,
    /// The story's flags that are set now.
    pub flags: BTreeSet<Id>,
    /// The story's counters, each starting at 0.
    pub counters: BTreeMap<Id, i64>,
    /// What the competitor's bid addresses, with strengths.
    pub rival_bid: BTreeMap<Id, i32>,
}

/// A value the player saw, and in which week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Seen<T> {
    /// What was seen.
    pub value: T,
    /// The week it was seen in; 0 means known from the start.
    pub week: u32,
    /// Believed from the start without evidence (e.g. Liu's role), not observed.
    pub assumed: bool,
}

impl<T> Seen<T> {
    /// A value seen in `week` (0: from the start), not assumed.
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
    /// Their buying role, as seen or assumed.
    pub role: Option<Seen<BuyingRole>>,
    /// Their support for us (−5…+5) when last seen; it may have moved since.
    pub stance: Option<Seen<i32>>,
    /// Their influence (0…10) when last seen.
    pub influence: Option<Seen<i32>>,
    /// The criteria they care about (criterion ids).
    pub criteria: Option<Seen<Vec<Id>>>,
    /// They are our coach.
    pub coach: bool,
}

impl Belief {
    /// They are on the map: identified, so actions may be aimed at them.
    pub fn on_map(&self) -> bool {
        self.identified.is_some()
    }
}

/// Support (ours and the competitor's) is kept inside these bounds: −5…+5.
pub const SUPPORT_RANGE: (i32, i32) = (-5, 5);
/// Influence is kept inside these bounds: 0…10.
pub const INFLUENCE_RANGE: (i32, i32) = (0, 10);

/// One week's true and believed stances, for the debrief's chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WeekSnapshot {
    /// The week (1-based) it was taken at the end of.
    pub week: u32,
    /// Each person's true support for us (−5…+5), in the scenario's order.
    pub support: Vec<i32>,
    /// Each person's true support for the competitor (−5…+5).
    pub rival_support: Vec<i32>,
    /// Each person's support as the player last saw it; `None` if never seen.
    pub believed: Vec<Option<i32>>,
}

/// How the tender will be judged, as a coach told the player (`RevealTender`): what was true
/// when told; a judge may change later (e.g. after a power shift).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KnownTender {
    /// The week (1-based) it was told in.
    pub week: u32,
    /// Who told it (the action's target), if anyone.
    pub by: Option<Id>,
    /// Each stage, in the tender's order.
    pub stages: Vec<KnownStage>,
}

/// One stage of the tender as told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KnownStage {
    /// The stage's id in the tender.
    pub stage: Id,
    /// Its rule: a veto's threshold, a score's weight, the decision's weight on the judge.
    pub rule: StageRule,
    /// Who would run it, as things stood.
    pub judge: Id,
    /// What that judge cares about (criterion ids): what to address in the bid.
    pub criteria: Vec<Id>,
}

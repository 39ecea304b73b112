//! What the player can do each week: actions with costs, preconditions and results.

use serde::{Deserialize, Serialize};

use super::{Condition, Effect, Id, Layer};
use crate::text::Text;

/// An action the player spends points and money on.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Id,
    pub label: Text,
    pub description: Text,
    /// Action points it costs.
    pub points: u32,
    /// Money it costs, in the scenario's unit.
    #[serde(default)]
    pub cost: i64,
    /// What it is for; the simulator's policies choose by it.
    pub purpose: Purpose,
    #[serde(default)]
    pub targets: Targets,
    /// Preconditions, each with the reason shown when it fails.
    #[serde(default)]
    pub requires: Vec<Requirement>,
    /// Tried in order: the first whose `when` holds and whose chance comes up happens.
    pub results: Vec<ActionResult>,
}

/// What an action is for, from the course's toolbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Purpose {
    /// Build the relationship: visits, dinners, executive meetings.
    Relationship,
    /// Learn needs and criteria: 5W2H questions.
    Discovery,
    /// Ask to be introduced to others.
    Introduction,
    /// Develop a coach or ask one for inside news.
    Coaching,
    /// Address criteria: seminars, reference visits, tailored proposals.
    Persuasion,
    /// Gifts or kickbacks: support now, risk later.
    Unethical,
}

/// Who an action may be aimed at. People not yet on the map can never be targets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Targets {
    /// Anyone on the map.
    #[default]
    Anyone,
    /// Nobody: the action is aimed at no person.
    Nobody,
    /// People in these layers.
    Layers(Vec<Layer>),
    /// Only these people.
    Only(Vec<Id>),
}

/// A precondition and the reason shown to the player when it does not hold.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub when: Condition,
    pub reason: Text,
}

/// One possible result of an action.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionResult {
    pub id: Id,
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default = "certain")]
    pub chance: f64,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Shown to the player; `{target}` is replaced by the target's name.
    pub text: Text,
}

pub(crate) fn certain() -> f64 {
    1.0
}

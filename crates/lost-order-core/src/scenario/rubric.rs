//! Endings and the scoring rubric, each line tied to a lesson and a course concept.

use serde::{Deserialize, Serialize};

use super::{Condition, Id};
use crate::text::Text;

/// How a session ends; the first ending whose conditions all hold is chosen.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub id: Id,
    #[serde(default)]
    pub when: Vec<Condition>,
    pub title: Text,
    pub text: Text,
}

/// One line of the score out of 100.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricLine {
    pub id: Id,
    pub label: Text,
    /// The most this line can give.
    pub points: u32,
    pub measure: Measure,
    /// The course concept it teaches, e.g. 教练 / coach.
    pub concept: Text,
    /// The lesson shown in the debrief.
    pub lesson: Text,
}

/// What a rubric line measures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Measure {
    /// Won the tender: half the points for winning, the rest in proportion to the margin up to this margin.
    Won { full_margin: i32 },
    /// The true holders of the four buying roles at the tender, engaged and supportive (≥ 1).
    RolesCovered,
    /// At least one coach developed.
    CoachDeveloped,
    /// This person found by this week: full points; found later: half.
    Found { person: Id, by_week: u32 },
    /// Share of the hidden facts (role, stance, criteria of everyone) known at the tender.
    FactsUncovered,
    /// Full points when the condition holds at the end.
    Holds(Condition),
    /// Full points unless the condition holds at the end.
    Avoided(Condition),
}

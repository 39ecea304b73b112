//! Endings and the scoring rubric, each line tied to a lesson and a course concept.

use serde::{Deserialize, Serialize};

use super::{Condition, Id};
use crate::text::{Text, fill, pick};

/// How a session ends; the first ending whose `when` holds (or that has none) is chosen.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub id: Id,
    /// One condition (`All([…])` for several); none means always, for the last ending.
    #[serde(default)]
    pub when: Option<Condition>,
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
    /// The failure's name, shown when the line gives 0 points (a class report's "most common
    /// fatal mistakes"): `{"zh": "没有发展教练", "en": "No coach"}`. Optional; when present it
    /// needs every declared language. Without it, [`RubricLine::missed_label`] derives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missed: Option<Text>,
}

impl RubricLine {
    /// The name of this line's failure in `lang`: the author's `missed`, else
    /// `未做到：{label}` / `Not achieved: {label}`.
    pub fn missed_label(&self, lang: &str) -> String {
        match &self.missed {
            Some(t) => t.get(lang).to_string(),
            None => fill(
                pick(lang, "未做到：{label}", "Not achieved: {label}"),
                &[("label", self.label.get(lang))],
            ),
        }
    }
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
    /// The profit of a won order: the chosen price level's `margin` (percent points) over
    /// `full` (the margin that earns all the points), capped at 1; 0 when the order is lost or
    /// the price level has no margin.
    Profit { full: i32 },
    /// Customer grading (客户的分级): the share of `grading.accounts` the player graded right
    /// (their true `grade`), e.g. 2 of 3 right earns two thirds of the points. For full points
    /// only when the case's customer is graded right, write `Holds(GradedAs("this_id", A))`.
    Graded,
    /// Full points when the condition holds at the end.
    Holds(Condition),
    /// Full points unless the condition holds at the end.
    Avoided(Condition),
}

/// A ceiling on the total score when a condition holds at the end, whatever the lines add up
/// to: `(id: "bribery", max: 40, when: Flag("kickback"), reason: {"zh": "…", "en": "…"})`.
/// When several hold, the lowest applies; `reason` is what the debrief says.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    pub id: Id,
    /// The most the total may be, out of 100.
    pub max: u32,
    pub when: Condition,
    /// Why, in the debrief: the lesson behind the ceiling.
    pub reason: Text,
}

//! The tender's outcome as plain data: each judge's verdict, each stage's, the result, the score.

use serde::{Deserialize, Serialize};

use super::decision::Bid;
use crate::scenario::{Grade, Id, StageRule};
use crate::text::Text;

/// How one person judges one bid: their support plus how it fits their criteria.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// Their support for the bidder (−5…+5).
    pub support: i32,
    /// Points for how the bid fits their criteria: each met criterion adds its strength, each
    /// missed one adds the tender's `missed_criterion` (usually negative).
    pub fit: i32,
    /// Their criteria the bid addressed, and those it ignored.
    pub met: Vec<Id>,
    /// Their criteria the bid ignored.
    pub missed: Vec<Id>,
}

impl Verdict {
    /// Support plus fit, in points: what a stage compares.
    pub fn total(&self) -> i32 {
        self.support.saturating_add(self.fit)
    }
}

/// What one stage decided, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StageVerdict {
    /// The stage's id in the tender.
    pub stage: Id,
    /// How the stage decides (veto threshold, weighted score, or the buying center's decision).
    pub rule: StageRule,
    /// Who ran it.
    pub judge: Id,
    /// The judge's verdict on our bid.
    pub ours: Verdict,
    /// The judge's verdict on the competitor's bid.
    pub rival: Verdict,
    /// Our bid was still in after this stage.
    pub we_pass: bool,
    /// The competitor's bid was still in after this stage.
    pub rival_pass: bool,
    /// Our running tally after this stage, in points.
    pub our_tally: i32,
    /// The competitor's running tally after this stage, in points.
    pub rival_tally: i32,
    /// The whole buying center's weighted verdicts (for `Decide`): ours, the rival's.
    pub center: Option<(i32, i32)>,
}

/// The tender's outcome, the ending it led to and the score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TenderResult {
    /// The bid we submitted.
    pub bid: Bid,
    /// We won the order.
    pub won: bool,
    /// Our tally minus the competitor's, in points.
    pub margin: i32,
    /// Each stage that read our bid, in order.
    pub stages: Vec<StageVerdict>,
    /// The stage that eliminated our bid, if one did.
    pub eliminated_at: Option<Id>,
    /// Why the bid was disqualified before any stage read it (the `reason` of the tender's
    /// first `disqualify` that held), if it was.
    pub disqualified: Option<Text>,
    /// A stage eliminated the competitor's bid.
    pub rival_eliminated: bool,
    /// The ending the session reached.
    pub ending: Id,
    /// The rubric's score (out of 100).
    pub score: Score,
}

/// The points of one rubric line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineScore {
    /// The rubric line's id.
    pub id: Id,
    /// Points earned, 0 to `max`.
    pub points: u32,
    /// The line's full points.
    pub max: u32,
}

/// The whole score.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Points earned over all lines (out of 100 in a well-formed scenario).
    pub total: u32,
    /// Each rubric line, in the scenario's order.
    pub lines: Vec<LineScore>,
    /// The ceiling that held the total down, if one did.
    pub cap: Option<AppliedCap>,
}

/// A score ceiling (`caps` in the scenario) that applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AppliedCap {
    /// The cap's id in the scenario.
    pub id: Id,
    /// The ceiling, which is the total.
    pub max: u32,
    /// What the lines added up to before the ceiling.
    pub before: u32,
}

/// The grade the player gave one account before week 1, beside its true grade.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GradeGiven {
    /// The account's id (of `grading.accounts`).
    pub account: Id,
    /// The grade the player gave it.
    pub given: Grade,
    /// The grade the course would give it (the scenario's `grade`).
    pub truth: Grade,
}

impl GradeGiven {
    /// Whether the player's grade is the true one.
    pub fn right(&self) -> bool {
        self.given == self.truth
    }
}

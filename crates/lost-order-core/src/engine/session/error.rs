//! Why the session refused a decision, as typed reasons; `narrate::error` puts them in zh or en.

use std::fmt;

use serde::Serialize;

use super::Phase;
use crate::scenario::Id;
use crate::text::Text;

/// Why a decision was refused. Nothing in the session changed.
///
/// `Display` is plain English for logs; show a player `narrate::error(scenario, &e, lang)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SessionError {
    /// The decision does not fit the phase the session is in, e.g. a choice while planning.
    #[error("not now: the session is {now}")]
    WrongPhase { now: Phase },
    /// No action has this id in the scenario.
    #[error("unknown action `{0}`")]
    UnknownAction(Id),
    /// No person has this id in the scenario.
    #[error("unknown person `{0}`")]
    UnknownPerson(Id),
    /// The action exists but cannot be taken now, aimed at `target`.
    #[error("action `{action}` is not possible now: {reason}")]
    Blocked {
        action: Id,
        target: Option<Id>,
        reason: Blocked,
    },
    /// The open scene has no choice with this id.
    #[error("unknown choice `{choice}` in scene `{scene}`")]
    UnknownChoice { scene: Id, choice: Id },
    /// The choice exists but its condition fails; `reason` is the author's, if one was written.
    #[error("choice `{choice}` in scene `{scene}` is not possible now")]
    ChoiceBlocked {
        scene: Id,
        choice: Id,
        reason: Option<Text>,
    },
    /// The bid breaks a rule of the tender.
    #[error("invalid bid: {0}")]
    InvalidBid(BidProblem),
    /// No account of the scenario's `grading` has this id.
    #[error("unknown account `{0}`")]
    UnknownAccount(Id),
    /// The grading left this account without a grade; every account needs one.
    #[error("account `{0}` has no grade")]
    AccountNotGraded(Id),
    /// The grading gave this account more than one grade.
    #[error("account `{0}` is graded twice")]
    AccountGradedTwice(Id),
    /// A simulated player made this many decisions and the session was still not over.
    #[error("still not over after {decisions} decisions")]
    NeverEnded { decisions: usize },
}

/// Why an action cannot be taken now, for showing it disabled or refusing it.
///
/// `Session::options` gives the first four; `act` may also refuse with the last three.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Blocked {
    /// The action costs `need` action points; `have` are left this week.
    NotEnoughPoints { need: u32, have: u32 },
    /// The action costs `need` money (the scenario's unit, e.g. k¥); `have` is left.
    NotEnoughMoney { need: i64, have: i64 },
    /// This action was already taken with this target (or without one) this week.
    AlreadyThisWeek,
    /// A requirement of the scenario failed; the author's reason.
    Requirement(Text),
    /// The player does not know this person yet (not on the map).
    NotOnMap(Id),
    /// The action cannot be aimed at this person (outside its targets, or it takes none).
    NotATarget(Id),
    /// The action must be aimed at someone and no target was given.
    NeedsTarget,
}

impl fmt::Display for Blocked {
    /// Plain English for logs; `narrate::blocked_reason` gives the player's words.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Blocked::NotEnoughPoints { need, have } => {
                write!(f, "not enough action points (needs {need}, {have} left)")
            }
            Blocked::NotEnoughMoney { need, have } => {
                write!(f, "not enough budget (needs {need}, {have} left)")
            }
            Blocked::AlreadyThisWeek => f.write_str("already done with this person this week"),
            Blocked::Requirement(reason) => f.write_str(reason.get("en")),
            Blocked::NotOnMap(id) => write!(f, "you do not know `{id}` yet"),
            Blocked::NotATarget(id) => write!(f, "it cannot be aimed at `{id}`"),
            Blocked::NeedsTarget => f.write_str("it needs a target"),
        }
    }
}

/// Which list of the bid a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum BidPart {
    /// What the proposal stresses (`tender.emphases`, at most `max_emphases`).
    Emphasis,
    /// What we promise (`tender.commitments`, at most `max_commitments`).
    Commitment,
}

impl fmt::Display for BidPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BidPart::Emphasis => "emphases",
            BidPart::Commitment => "commitments",
        })
    }
}

/// What is wrong with a bid; the first problem found, price first, then emphases, then commitments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum BidProblem {
    /// No price level has this id.
    UnknownPrice(Id),
    /// More options in `part` than the tender allows (`max`).
    TooMany { part: BidPart, max: u32 },
    /// No option of `part` has this id.
    UnknownOption { part: BidPart, id: Id },
    /// The option `id` appears twice in `part`.
    GivenTwice { part: BidPart, id: Id },
}

impl fmt::Display for BidProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BidProblem::UnknownPrice(id) => write!(f, "unknown price level `{id}`"),
            BidProblem::TooMany { part, max } => write!(f, "at most {max} {part}"),
            BidProblem::UnknownOption { part, id } => write!(f, "unknown {part} option `{id}`"),
            BidProblem::GivenTwice { id, .. } => write!(f, "`{id}` given twice"),
        }
    }
}

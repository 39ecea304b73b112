//! Named ways of playing, for the simulator: each decides from what the player can see, never the truth.

mod bid;
mod course;
mod plans;
mod reading;

use std::fmt;
use std::str::FromStr;

use crate::engine::{Decision, Dice, Phase, Session};

pub use bid::compose_bid;

/// The policies an instructor can run to see whether a case teaches what it should.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Policy {
    /// Liao's path: cultivate only the friendly contact, bid the lowest price.
    Liao,
    /// Find everyone, learn their criteria, develop a coach, address every role.
    FullCoverage,
    /// Ignore people; cut the price to the bone.
    PriceOnly,
    /// Work only the decision layer; ignore the technical department.
    TopOnly,
    /// End every week; bid the default.
    DoNothing,
    /// Random affordable actions and choices.
    Random,
    /// Always the action that raises believed support the most right now.
    Greedy,
    /// Liao's path with a business dinner for the friend every week: more of the same thread.
    LiaoDinners,
    /// Develop a coach below the top first, then cover everyone as `FullCoverage` does.
    CoachFirst,
    /// `FullCoverage`'s moves, but the lowest price instead of a standard, value-emphasis bid.
    FullCoverageLowest,
    /// The middle of the road: meets whom the friend introduces, visits each once, turns to
    /// the decision maker late (week 5), no coach, a discounted price.
    Middle,
    /// `Middle` plus one course move: a coach below the top.
    MiddleCoach,
    /// `Middle` plus one course move: the technical buyer met and persuaded by mid-case.
    MiddleWang,
    /// `Middle` plus one course move: the decision maker's value criteria asked and addressed.
    MiddleValue,
    /// `Middle` plus one course move: purchaser and user engaged on their criteria.
    MiddleRoles,
}

impl Policy {
    pub const ALL: [Policy; 15] = [
        Policy::Liao,
        Policy::FullCoverage,
        Policy::PriceOnly,
        Policy::TopOnly,
        Policy::DoNothing,
        Policy::Random,
        Policy::Greedy,
        Policy::LiaoDinners,
        Policy::CoachFirst,
        Policy::FullCoverageLowest,
        Policy::Middle,
        Policy::MiddleCoach,
        Policy::MiddleWang,
        Policy::MiddleValue,
        Policy::MiddleRoles,
    ];

    /// The middle-of-the-road policy and its one-move variants, in the order of the table in
    /// docs/policies.md.
    pub const MIDDLE: [Policy; 5] = [
        Policy::Middle,
        Policy::MiddleCoach,
        Policy::MiddleWang,
        Policy::MiddleValue,
        Policy::MiddleRoles,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Policy::Liao => "liao",
            Policy::FullCoverage => "full-coverage",
            Policy::PriceOnly => "price-only",
            Policy::TopOnly => "top-only",
            Policy::DoNothing => "do-nothing",
            Policy::Random => "random",
            Policy::Greedy => "greedy",
            Policy::LiaoDinners => "liao-dinners",
            Policy::CoachFirst => "coach-first",
            Policy::FullCoverageLowest => "full-coverage-lowest",
            Policy::Middle => "middle",
            Policy::MiddleCoach => "middle-coach",
            Policy::MiddleWang => "middle-wang",
            Policy::MiddleValue => "middle-value",
            Policy::MiddleRoles => "middle-roles",
        }
    }

    /// The next decision for `session`; `dice` is the policy's own randomness.
    pub fn decide(self, session: &Session, dice: &mut Dice) -> Decision {
        match session.phase() {
            Phase::Grading => Decision::Grade(true_grades(session)),
            Phase::Scene(_) => plans::choose(self, session, dice),
            Phase::Bidding => Decision::Bid(compose_bid(self, session, dice)),
            Phase::Planning => plans::plan(self, session, dice).unwrap_or(Decision::EndWeek),
            Phase::Ended => Decision::EndWeek,
        }
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Policy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Policy::ALL
            .into_iter()
            .find(|p| p.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Policy::ALL.iter().map(|p| p.name()).collect();
                format!("unknown policy `{s}`; expected one of {}", names.join(", "))
            })
    }
}

/// Every policy grades the accounts as the course would (each account's `grade` in the
/// scenario): grading is its own lesson, scored by its own rubric line, and the policies
/// compare the ways of working the case after it.
fn true_grades(session: &Session) -> Vec<(crate::scenario::Id, crate::scenario::Grade)> {
    session
        .grading()
        .map(|g| g.accounts.iter().map(|a| (a.id.clone(), a.grade)).collect())
        .unwrap_or_default()
}

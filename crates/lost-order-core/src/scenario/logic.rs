//! The closed vocabulary of conditions and effects that scenarios use instead of a script language.

use serde::{Deserialize, Serialize};

use super::{BuyingRole, Fact, Grade, Id, Layer};
use crate::text::Text;

/// Whom a condition or effect is about: the action's target, or a named person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Who {
    /// The person an action is aimed at (only inside an action).
    Target,
    Person(Id),
}

/// A bound on a number: `AtLeast(2)`, `AtMost(0)`, `Exactly(3)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bound {
    AtLeast(i64),
    AtMost(i64),
    Exactly(i64),
}

impl Bound {
    pub fn holds(self, value: i64) -> bool {
        match self {
            Bound::AtLeast(b) => value >= b,
            Bound::AtMost(b) => value <= b,
            Bound::Exactly(b) => value == b,
        }
    }

    /// Whether any value in `lo..=hi` satisfies the bound.
    pub fn satisfiable_within(self, lo: i64, hi: i64) -> bool {
        match self {
            Bound::AtLeast(b) => hi >= b,
            Bound::AtMost(b) => lo <= b,
            Bound::Exactly(b) => (lo..=hi).contains(&b),
        }
    }
}

/// A test on the state of the session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    Flag(Id),
    NotFlag(Id),
    Counter(Id, Bound),
    Week(Bound),
    Budget(Bound),
    Points(Bound),
    /// True support for us.
    Support(Who, Bound),
    /// True support for the competitor.
    RivalSupport(Who, Bound),
    Influence(Who, Bound),
    Role(Who, BuyingRole),
    Layer(Who, Layer),
    /// We have taken at least one action with this person.
    Met(Who),
    /// The player knows this fact about the person.
    Known(Who, Fact),
    Coach(Who),
    AnyCoach,
    Coachable(Who),
    /// The person cares about this criterion.
    Cares(Who, Id),
    /// The action's target is this person (only inside an action).
    TargetIs(Id),
    /// A random draw that holds with this probability (0 to 1).
    Chance(f64),
    /// The tender disqualified our bid (one of `tender.disqualify` held), for endings and the rubric.
    Disqualified,
    /// Tender outcome, for endings and the rubric.
    Won,
    Lost,
    /// Our bid was eliminated at this tender stage.
    Eliminated(Id),
    /// The bid's price level is this one (in the tender's judge rules, endings and the rubric).
    Price(Id),
    /// The bid includes this emphasis or commitment (in the tender, endings and the rubric).
    BidIncludes(Id),
    /// This tender stage read our bid and left it in (a `Veto` met; `Score` and `Decide`
    /// stages pass every bid they read). In a judge's `when`, only earlier stages are known.
    StagePassed(Id),
    /// This tender stage read our bid and eliminated it (its `Veto` was not met).
    StageFailed(Id),
    /// This tender stage read our bid and its judge rated it above the competitor's (for a
    /// `Decide` stage: the whole buying center's weighted verdicts).
    StageAhead(Id),
    /// Our tally minus the competitor's at the tender's end, in points (endings and rubric).
    Margin(Bound),
    /// The player gave this account (an id of `grading.accounts`) this grade before week 1.
    GradedAs(Id, Grade),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Whether evaluating it may draw a random number: it holds a `Chance`, at any depth.
    pub fn draws(&self) -> bool {
        match self {
            Condition::Chance(_) => true,
            Condition::All(cs) | Condition::Any(cs) => cs.iter().any(Condition::draws),
            Condition::Not(c) => c.draws(),
            // Listed one by one, so that a new kind of condition must be sorted here.
            Condition::Flag(_)
            | Condition::NotFlag(_)
            | Condition::Counter(..)
            | Condition::Week(_)
            | Condition::Budget(_)
            | Condition::Points(_)
            | Condition::Support(..)
            | Condition::RivalSupport(..)
            | Condition::Influence(..)
            | Condition::Role(..)
            | Condition::Layer(..)
            | Condition::Met(_)
            | Condition::Known(..)
            | Condition::Coach(_)
            | Condition::AnyCoach
            | Condition::Coachable(_)
            | Condition::Cares(..)
            | Condition::TargetIs(_)
            | Condition::Disqualified
            | Condition::Won
            | Condition::Lost
            | Condition::Eliminated(_)
            | Condition::Price(_)
            | Condition::BidIncludes(_)
            | Condition::StagePassed(_)
            | Condition::StageFailed(_)
            | Condition::StageAhead(_)
            | Condition::Margin(_)
            | Condition::GradedAs(..) => false,
        }
    }
}

/// A change to the state of the session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    Support(Who, i32),
    RivalSupport(Who, i32),
    Influence(Who, i32),
    SetRole(Who, BuyingRole),
    /// The player learns the current truth of this fact.
    Reveal(Who, Fact),
    /// The person appears on the map.
    Discover(Who),
    /// An unknown silhouette appears on the map.
    Hint(Who),
    /// Everyone this person can introduce appears on the map.
    Introduce(Who),
    MakeCoach(Who),
    SetFlag(Id),
    ClearFlag(Id),
    AddCounter(Id, i64),
    Budget(i64),
    Points(i32),
    /// A line in the player's notebook.
    Note(Text),
    /// The competitor's bid now addresses this criterion with this strength.
    RivalAddresses(Id, i32),
    /// Apply these effects with this probability.
    Maybe(f64, Vec<Effect>),
    /// The coach's planning (出谋策划): the player learns how the tender will be judged, as it
    /// stands now: each stage's rule (veto threshold, weight), who will run it, and what they
    /// care about (their criteria are revealed, and they appear on the map).
    RevealTender,
    /// A risk of being found out, rising with each repetition: adds 1 to `counter` (the
    /// times this was done), then, unless `flag` is already set, sets `flag` with the
    /// probability `base + step × (counter − 1)` (kept within 0…1). E.g.
    /// `Exposure(counter: "kickbacks", base: 0.1, step: 0.15, flag: "exposed")`: 10% the first
    /// time, 25% the second, 40% the third. The player is not told; the debrief is.
    Exposure {
        counter: Id,
        base: f64,
        step: f64,
        flag: Id,
    },
}

/// When a story event or a competitor rule may fire.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WeekRule {
    /// Any week.
    #[default]
    Any,
    At(u32),
    From(u32),
    Between(u32, u32),
    /// One week drawn at random in this range when the session starts.
    Drawn(u32, u32),
}

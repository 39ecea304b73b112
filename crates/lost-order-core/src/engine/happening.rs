//! What the session reports back after each call: the things the player sees happen.

use serde::Serialize;

use super::outcome::StageVerdict;
use crate::scenario::{BuyingRole, Fact, Grade, Id};
use crate::text::Text;

/// One thing that happened, as the player may see it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Happening {
    /// The accounts were graded before week 1; `grade` is the one given to the case's
    /// customer, which grants `action_points` each week and a `budget` (the scenario's unit).
    Graded {
        grade: Grade,
        action_points: u32,
        budget: i64,
    },
    /// A week (1-based) began; action points were refilled.
    WeekStarted { week: u32 },
    /// An action was taken; `result` is the id of the result drawn ("" when none applied).
    ActionTaken {
        action: Id,
        target: Option<Id>,
        result: Id,
    },
    /// A person appeared on the map.
    Discovered { person: Id },
    /// The player heard of someone not yet met (an unknown silhouette).
    Hinted { person: Id },
    /// The player learned something new about a person's `fact`: `value`, as it was then
    /// (the log and the notebook show what was known at the time, not today's belief).
    Revealed {
        person: Id,
        fact: Fact,
        value: Learned,
    },
    /// A person became the player's coach.
    CoachGained { person: Id },
    /// `person` agreed to introduce the player but knows nobody the player has not met
    /// (the scenario's `introduces` list is all on the map already).
    NoOneNew { person: Id },
    /// An author's note for the player, about a person or not.
    Note { person: Option<Id>, text: Text },
    /// A story event with a text for the player.
    Story { event: Id },
    /// A competitor's move that a coach told the player about.
    RivalMove { rule: Id },
    /// A story scene opened and waits for a choice.
    SceneOpened { scene: Id },
    /// A choice was made in a scene.
    ChoiceMade { scene: Id, choice: Id },
    /// A coach told how the tender will be judged (`Session::known_tender` has it).
    TenderTold { by: Option<Id> },
    /// The last week ended; the bid is due.
    TenderOpened,
    /// The bid was disqualified before any stage read it, for this reason.
    Disqualified { reason: Text },
    /// One stage of the tender decided, with its reasons (boxed: the other happenings are
    /// small, and the log moves many of them).
    Stage(Box<StageVerdict>),
    /// The tender is over: won or lost, and the ending it led to.
    Ended { won: bool, ending: Id },
}

impl Happening {
    /// Whether it belongs in the notebook of what was learned.
    pub fn is_learning(&self) -> bool {
        matches!(
            self,
            Happening::Discovered { .. }
                | Happening::Hinted { .. }
                | Happening::Revealed { .. }
                | Happening::CoachGained { .. }
                | Happening::Note { .. }
                | Happening::RivalMove { .. }
                | Happening::TenderTold { .. }
        )
    }

    /// The person it is about, if any.
    pub fn person(&self) -> Option<&str> {
        match self {
            Happening::Discovered { person }
            | Happening::Hinted { person }
            | Happening::Revealed { person, .. }
            | Happening::CoachGained { person }
            | Happening::NoOneNew { person } => Some(person),
            Happening::Note { person, .. } => person.as_deref(),
            Happening::ActionTaken { target, .. } => target.as_deref(),
            _ => None,
        }
    }
}

/// A happening with the week it happened in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LogEntry {
    /// The week (1-based) it happened in.
    pub week: u32,
    /// What happened.
    pub happening: Happening,
}

/// A value the player learned about a person, as it was when learned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Learned {
    /// Their buying role.
    Role(BuyingRole),
    /// Their support for us, −5…+5.
    Stance(i32),
    /// Their influence, 0…10.
    Influence(i32),
    /// The criteria they care about (criterion ids).
    Criteria(Vec<Id>),
}

//! What the session reports back after each call: the things the player sees happen.

use serde::Serialize;

use super::tender::StageVerdict;
use crate::scenario::{Fact, Id};
use crate::text::Text;

/// One thing that happened, as the player may see it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Happening {
    WeekStarted {
        week: u32,
    },
    ActionTaken {
        action: Id,
        target: Option<Id>,
        result: Id,
    },
    Discovered {
        person: Id,
    },
    Hinted {
        person: Id,
    },
    Revealed {
        person: Id,
        fact: Fact,
    },
    CoachGained {
        person: Id,
    },
    Note {
        person: Option<Id>,
        text: Text,
    },
    /// A story event with a text for the player.
    Story {
        event: Id,
    },
    /// A competitor's move that a coach told the player about.
    RivalMove {
        rule: Id,
    },
    SceneOpened {
        scene: Id,
    },
    ChoiceMade {
        scene: Id,
        choice: Id,
    },
    TenderOpened,
    Stage(StageVerdict),
    Ended {
        won: bool,
        ending: Id,
    },
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
        )
    }

    /// The person it is about, if any.
    pub fn person(&self) -> Option<&str> {
        match self {
            Happening::Discovered { person }
            | Happening::Hinted { person }
            | Happening::Revealed { person, .. }
            | Happening::CoachGained { person } => Some(person),
            Happening::Note { person, .. } => person.as_deref(),
            Happening::ActionTaken { target, .. } => target.as_deref(),
            _ => None,
        }
    }
}

/// A happening with the week it happened in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LogEntry {
    pub week: u32,
    pub happening: Happening,
}

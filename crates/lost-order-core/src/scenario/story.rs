//! The branching story: events that fire by week and condition, and scenes with choices.

use serde::{Deserialize, Serialize};

use super::{Condition, Effect, Id, WeekRule, actions::certain};
use crate::text::Text;

/// When something may happen: a week rule, conditions and a chance, checked at each week's start.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    #[serde(default)]
    pub week: WeekRule,
    /// One condition (`All([…])` for several); none means always.
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default = "certain")]
    pub chance: f64,
}

/// Something that happens in the world at the start of a week.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryEvent {
    pub id: Id,
    pub trigger: Trigger,
    /// Fire again in later weeks whenever the trigger holds.
    #[serde(default)]
    pub repeat: bool,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// What the player is told in the log; `None` keeps the event hidden until the debrief.
    #[serde(default)]
    pub text: Option<Text>,
    /// A scene to open.
    #[serde(default)]
    pub scene: Option<Id>,
    /// What the debrief's hidden timeline says of this event (else its `text`, else words made
    /// from its effects), e.g. for a hidden power shift.
    #[serde(default)]
    pub debrief: Option<Text>,
}

/// A modal story moment with choices.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scene {
    pub id: Id,
    /// The person speaking, if any.
    #[serde(default)]
    pub speaker: Option<Id>,
    pub text: Text,
    pub choices: Vec<Choice>,
}

/// A choice in a scene.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: Id,
    pub label: Text,
    #[serde(default)]
    pub when: Option<Condition>,
    /// Shown beside the choice when `when` fails; without it the choice is hidden then.
    #[serde(default)]
    pub reason: Option<Text>,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// What happens, shown after choosing.
    #[serde(default)]
    pub text: Option<Text>,
    /// The next scene; `None` closes the story moment.
    #[serde(default)]
    pub next: Option<Id>,
}

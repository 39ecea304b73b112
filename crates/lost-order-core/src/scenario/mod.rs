//! The scenario format: everything about a case, as plain serde data read from RON.

mod actions;
mod amount;
mod grading;
mod id;
mod logic;
mod lookup;
mod people;
mod possible;
mod rubric;
mod story;
mod tender;

use serde::{Deserialize, Serialize};

pub use actions::{Action, ActionResult, Purpose, Requirement, Targets};
pub use amount::Amount;
pub use grading::{Account, Grade, GradeResources, Grading, Indicator};
pub use id::Id;
pub(crate) use id::sharing;
pub use logic::{Bound, Condition, Effect, WeekRule, Who};
pub use people::{BuyingRole, Criterion, Fact, Layer, Person};
pub use rubric::{Cap, Ending, Measure, RubricLine};
pub use story::{Choice, Scene, StoryEvent, Trigger};
pub use tender::{
    BidOption, Blunt, Competitor, Disqualifier, JudgeRule, RivalRule, Stage, StageRule, Tender,
};

use crate::text::{Lang, Text};

/// A whole case.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The format version of the file (`load::FORMAT`, 2): the loader refuses another one
    /// before reading further, saying what changed and how `lost-order migrate` rewrites it.
    #[serde(default)]
    pub format: u32,
    pub meta: Meta,
    pub settings: Settings,
    /// Customer grading before week 1 (客户的分级); none by default, and then the session
    /// starts in week 1 as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grading: Option<Grading>,
    /// Every flag the story sets or tests, declared so that typos are caught.
    #[serde(default)]
    pub flags: Vec<Id>,
    /// Every counter, starting at 0.
    #[serde(default)]
    pub counters: Vec<Id>,
    pub criteria: Vec<Criterion>,
    pub people: Vec<Person>,
    pub actions: Vec<Action>,
    #[serde(default)]
    pub events: Vec<StoryEvent>,
    #[serde(default)]
    pub scenes: Vec<Scene>,
    pub competitor: Competitor,
    pub tender: Tender,
    pub endings: Vec<Ending>,
    pub rubric: Vec<RubricLine>,
    /// Ceilings on the total score (`Cap`s); none by default.
    #[serde(default)]
    pub caps: Vec<Cap>,
    /// BLAKE3 of the source text, set when loading; session records carry it.
    #[serde(skip)]
    pub hash: String,
    /// Tables the engine derives on first use (`lookup.rs`).
    #[serde(skip)]
    pub(crate) lookup: lookup::Lookup,
}

/// Who wrote the case and what it teaches.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: Id,
    pub version: String,
    /// Every text must exist in each of these, e.g. `["zh", "en"]`.
    pub languages: Vec<Lang>,
    pub title: Text,
    pub summary: Text,
    /// The case as told to the player before the first week.
    pub briefing: Text,
    pub goal: Text,
    /// Who the player is, e.g. 廖总.
    pub player: Text,
    #[serde(default)]
    pub objectives: Vec<Text>,
    #[serde(default)]
    pub authors: Vec<String>,
}

/// The rules of the game's economy.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub weeks: u32,
    pub action_points: u32,
    pub budget: i64,
    /// The unit money is counted in, e.g. 千元 / k¥.
    pub money: Text,
}

impl Scenario {
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn person_index(&self, id: &str) -> Option<usize> {
        self.people.iter().position(|p| p.id == id)
    }

    /// As `person_index`, for an id of this scenario (a `Who::Person`, a `Discover`): found by
    /// address first, since the ids read from one file share their text (`sharing`).
    pub(crate) fn person_index_of(&self, id: &Id) -> Option<usize> {
        (self.people.iter().position(|p| p.id.is(id))).or_else(|| self.person_index(id))
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The index of the action `id` in `actions`; `None` for an unknown id.
    pub fn action_index(&self, id: &str) -> Option<usize> {
        self.actions.iter().position(|a| a.id == id)
    }

    pub fn scene(&self, id: &str) -> Option<&Scene> {
        self.scenes.iter().find(|s| s.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn criterion_name(&self, id: &str, lang: &str) -> String {
        self.criterion(id)
            .map_or_else(|| id.to_string(), |c| c.name.get(lang).to_string())
    }

    pub fn person_name(&self, id: &str, lang: &str) -> String {
        self.person(id)
            .map_or_else(|| id.to_string(), |p| p.name.get(lang).to_string())
    }

    /// The name of the tender's stage `id` in `lang`, or the id itself when there is none.
    pub fn stage_name(&self, id: &str, lang: &str) -> String {
        self.tender
            .stages
            .iter()
            .find(|x| x.id == id)
            .map_or_else(|| id.to_string(), |x| x.name.get(lang).to_string())
    }

    /// The profit margin (percent points) of the price level `id`, when the author gave one.
    pub fn price_margin(&self, id: &str) -> Option<i32> {
        self.tender
            .price_levels
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.margin)
    }

    /// The language to use when `wanted` is not declared: the first declared one.
    pub fn lang<'a>(&'a self, wanted: &'a str) -> &'a str {
        if self.meta.languages.iter().any(|l| l == wanted) {
            wanted
        } else {
            self.meta.languages.first().map_or("en", String::as_str)
        }
    }
}

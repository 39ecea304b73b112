//! The competitor and the tender: bid options, stages and who runs them.

use serde::{Deserialize, Serialize};

use super::{Condition, Effect, Id, Trigger};
use crate::text::Text;

/// The competitor: its bid and the rules by which it works the customer.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competitor {
    pub name: Text,
    /// The criteria its bid addresses at the start, with strengths.
    pub bid: Vec<(Id, i32)>,
    #[serde(default)]
    pub rules: Vec<RivalRule>,
}

/// A move the competitor makes when its trigger holds, at the start of a week.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RivalRule {
    pub id: Id,
    pub trigger: Trigger,
    #[serde(default)]
    pub repeat: bool,
    pub effects: Vec<Effect>,
    /// What a coach tells the player about this move; only a player with a coach hears it.
    #[serde(default)]
    pub text: Option<Text>,
    /// A coach who works against this move in their department: when any of `by` is the
    /// player's coach as the rule fires, `effects` happen instead of the rule's own.
    #[serde(default)]
    pub blunt: Option<Blunt>,
    /// What the debrief's hidden timeline says of this move (else its `text`, else words made
    /// from its effects).
    #[serde(default)]
    pub debrief: Option<Text>,
}

/// How a coach blunts a competitor's move: `blunt: (by: ["li"], effects: [RivalSupport(Person("wang"), 1)])`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blunt {
    /// People (ids) any of whom, as the player's coach, blunts the move.
    pub by: Vec<Id>,
    /// What happens instead of the rule's effects; nothing by default (the move is stopped).
    #[serde(default)]
    pub effects: Vec<Effect>,
}

/// The tender at the end of the last week.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tender {
    pub price_levels: Vec<BidOption>,
    /// The price level a player who does not choose gets.
    pub default_price: Id,
    pub emphases: Vec<BidOption>,
    pub commitments: Vec<BidOption>,
    pub max_emphases: u32,
    pub max_commitments: u32,
    /// What a criterion the bid ignores counts, usually −1.
    #[serde(default = "missed_default")]
    pub missed_criterion: i32,
    pub stages: Vec<Stage>,
    /// Conditions that put a bid out before any stage reads it, each with the reason the
    /// reveal gives, e.g. `(when: Flag("exposed"), reason: {"zh": "…", "en": "…"})`. The first
    /// that holds disqualifies; none by default.
    #[serde(default)]
    pub disqualify: Vec<Disqualifier>,
}

impl Tender {
    /// Every bid option: the price levels, then the emphases, then the commitments.
    pub fn options(&self) -> impl Iterator<Item = &BidOption> {
        self.price_levels
            .iter()
            .chain(&self.emphases)
            .chain(&self.commitments)
    }
}

/// A condition that disqualifies a bid at the tender, and the reason told in the reveal.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disqualifier {
    pub when: Condition,
    pub reason: Text,
}

fn missed_default() -> i32 {
    -1
}

/// One choice in composing the bid.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BidOption {
    pub id: Id,
    pub label: Text,
    /// Criteria it addresses, with strengths.
    #[serde(default)]
    pub addresses: Vec<(Id, i32)>,
    /// For a price level: the supplier's profit margin at this price, in percent points of
    /// the order's value (0…100, e.g. 25 for the list price, 3 for the lowest). The rubric's
    /// `Profit` measure scores it. `None` (the default): no margin is told or scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<i32>,
}

/// A stage of the tender's evaluation.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: Id,
    pub name: Text,
    /// Who runs it: the first rule whose condition holds.
    pub judge: Vec<JudgeRule>,
    pub rule: StageRule,
}

/// One candidate to run a stage.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgeRule {
    #[serde(default)]
    pub when: Option<Condition>,
    pub who: Id,
}

/// How a stage decides. A person's verdict on a bid is their support plus how the bid fits their criteria.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StageRule {
    /// Eliminate a bid whose verdict from the judge is below this threshold.
    Veto(i32),
    /// Add the judge's verdict times this weight to each bid's tally.
    Score(i32),
    /// The final decision: every person's verdict weighted by influence, the judge's times this weight.
    Decide(i32),
}

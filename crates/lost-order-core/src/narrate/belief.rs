//! What the player believes of one person, as the texts the board and the terminal map show.

use super::{role_name, stance_label, week_label};
use crate::engine::Belief;
use crate::scenario::Scenario;
use crate::text::pick;

/// The texts of one person's belief card. `None` means not known yet; a front end shows `?`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BeliefText {
    /// The buying role, marked when only assumed: `技术者（推测）` / `technical evaluator (assumed)`.
    pub role: Option<String>,
    /// The stance last seen, from `stance_label`: `+ 支持 (+2)` / `+ supportive (+2)`.
    pub stance: Option<String>,
    /// When the stance was seen: `开始时` / `at start`, or `第 3 周` / `Week 3`.
    pub seen: Option<String>,
    /// Influence out of 10: `7/10`.
    pub influence: Option<String>,
    /// The criteria they care about, by the scenario's names, joined with `、` / `, `.
    pub criteria: Option<String>,
    /// They are the player's coach.
    pub coach: bool,
}

/// The texts of one person's belief card in `lang`.
pub fn belief_text(scenario: &Scenario, b: &Belief, lang: &str) -> BeliefText {
    BeliefText {
        role: b.role.as_ref().map(|r| {
            let assumed = if r.assumed {
                pick(lang, "（推测）", " (assumed)")
            } else {
                ""
            };
            format!("{}{assumed}", role_name(r.value, lang))
        }),
        stance: b.stance.as_ref().map(|s| stance_label(s.value, lang)),
        seen: b.stance.as_ref().map(|s| match s.week {
            0 => pick(lang, "开始时", "at start").to_string(),
            w => week_label(w, lang),
        }),
        influence: b.influence.as_ref().map(|i| format!("{}/10", i.value)),
        criteria: b.criteria.as_ref().map(|c| {
            c.value
                .iter()
                .map(|id| scenario.criterion_name(id, lang))
                .collect::<Vec<_>>()
                .join(pick(lang, "、", ", "))
        }),
        coach: b.coach,
    }
}

/// The labels of a belief card's four lines, in the order role, stance, influence, criteria:
/// `角色, 立场, 影响力, 关心` / `Role, Stance, Influence, Cares about`.
pub fn belief_labels(lang: &str) -> [&'static str; 4] {
    [
        pick(lang, "角色", "Role"),
        pick(lang, "立场", "Stance"),
        pick(lang, "影响力", "Influence"),
        pick(lang, "关心", "Cares about"),
    ]
}

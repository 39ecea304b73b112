//! What the player believes of one person, as the texts the board and the terminal map show.

use super::{role_name, stance_label, week_label};
use crate::engine::{Belief, Happening, Learned, Session};
use crate::scenario::Scenario;
use crate::text::{is_chinese, pick};

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

/// How the player's belief about person `i`'s buying role went, for the truth table:
/// `起初以为是决策者，第 6 周才弄清` / `assumed decision maker at first; learned otherwise in
/// week 6`. The first assumption comes from the scenario's `believed_role` (the course's
/// misdirection, e.g. Liu's belief that he decides); what was learned, and when, from the log.
/// `None` when the player never had any belief about the role.
pub fn role_belief_history(s: &Session, i: usize, lang: &str) -> Option<String> {
    let person = s.scenario().people.get(i)?;
    let learned = s.log().iter().find_map(|e| match &e.happening {
        Happening::Revealed {
            person: p,
            value: Learned::Role(r),
            ..
        } if *p == person.id => Some((*r, e.week)),
        _ => None,
    });
    let at_tender = s.beliefs().get(i)?.role.as_ref().map(|r| r.value);
    Some(match (person.believed_role, learned) {
        (Some(assumed), Some((role, week))) if role != assumed => format!(
            "{}{}{}",
            pick(lang, "起初以为是", "assumed "),
            role_name(assumed, lang),
            fill_week(lang, week)
        ),
        (Some(assumed), None) => format!(
            "{}{}",
            pick(lang, "一直以为是", "assumed throughout: "),
            role_name(at_tender.unwrap_or(assumed), lang)
        ),
        (_, Some((role, week))) => format!(
            "{}{}",
            role_name(role, lang),
            if is_chinese(lang) {
                format!("（第 {week} 周弄清）")
            } else {
                format!(" (learned in week {week})")
            }
        ),
        // Known from the start (e.g. the buyer's role), or seen without a log entry.
        (None, None) => role_name(at_tender?, lang).to_string(),
    })
}

/// `，第 6 周才弄清` / ` at first; learned otherwise in week 6`.
fn fill_week(lang: &str, week: u32) -> String {
    if is_chinese(lang) {
        format!("，第 {week} 周才弄清")
    } else {
        format!(" at first; learned otherwise in week {week}")
    }
}

/// One line for each person whose role the player got wrong for a while or never learned,
/// for the debrief: `刘副总裁：起初以为是决策者，第 6 周才弄清；其实是影响者。` /
/// `VP Liu: assumed decision maker at first; learned otherwise in week 6. In truth: influencer.`
/// People the player never met are left out (the roles card names them).
pub fn misread_roles(s: &Session, lang: &str) -> Vec<String> {
    let sc = s.scenario();
    let mut out = Vec::new();
    for (i, (p, truth)) in sc.people.iter().zip(&s.truth().people).enumerate() {
        let Some(history) = role_belief_history(s, i, lang) else {
            continue;
        };
        let wrong_once = p.believed_role.is_some_and(|r| r != truth.role);
        let wrong_now = s.beliefs()[i]
            .role
            .as_ref()
            .is_some_and(|r| r.value != truth.role);
        if wrong_once || wrong_now {
            out.push(format!(
                "{}{}{}{}{}{}",
                p.name.get(lang),
                pick(lang, "：", ": "),
                history,
                pick(lang, "；其实是", ". In truth: "),
                role_name(truth.role, lang),
                pick(lang, "。", ".")
            ));
        }
    }
    out
}

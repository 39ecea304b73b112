//! Words for what the engine makes: roles, stances, happenings, errors and the tender's reasons, in zh and en.
//!
//! Every function takes a language code; `zh` gives Chinese, anything else English.

mod belief;
mod closest;
mod debrief;
mod error;
mod grading;
mod tender;
#[cfg(test)]
mod tests;
mod week;

pub use belief::{BeliefText, belief_labels, belief_text, misread_roles, role_belief_history};
pub use closest::closest_call;
pub use debrief::{
    DebriefCause, debrief_cause, debrief_cause_with, hidden_timeline, smallest_change,
    turning_point,
};
pub use error::{blocked_reason, error, phase_name};
pub use grading::{
    grade_label, grade_name, graded_line, grades_review, grading_title, indicator_name,
};
pub use tender::{cap_reason, explain, known_tender, price_margin_label, profit, stage_reason};
pub use week::week_summary;

use crate::engine::{Happening, Learned, Session, Stance};
use crate::scenario::{BuyingRole, Fact, Layer, Scenario};
use crate::text::{fill, pick};

/// The name of a buying role, one name per role as the course (`domain.md`) uses it:
/// `决策者` / `decision maker`, `技术者` / `technical buyer`, `采购者` / `purchaser`,
/// `使用者` / `user`, `影响者` / `influencer`.
pub fn role_name(role: BuyingRole, lang: &str) -> &'static str {
    match role {
        BuyingRole::DecisionMaker => pick(lang, "决策者", "decision maker"),
        BuyingRole::Technical => pick(lang, "技术者", "technical buyer"),
        BuyingRole::Purchaser => pick(lang, "采购者", "purchaser"),
        BuyingRole::User => pick(lang, "使用者", "user"),
        BuyingRole::Influencer => pick(lang, "影响者", "influencer"),
    }
}

/// The name of a layer of the buying center: `管理层` / `Management layer`.
pub fn layer_name(layer: Layer, lang: &str) -> &'static str {
    match layer {
        Layer::Decision => pick(lang, "决策层", "Decision layer"),
        Layer::Management => pick(lang, "管理层", "Management layer"),
        Layer::Execution => pick(lang, "执行层", "Execution layer"),
    }
}

/// The name of a hidden fact about a person: `立场` / `stance`.
pub fn fact_name(fact: Fact, lang: &str) -> &'static str {
    match fact {
        Fact::Identity => pick(lang, "身份", "identity"),
        Fact::Role => pick(lang, "角色", "role"),
        Fact::Stance => pick(lang, "立场", "stance"),
        Fact::Influence => pick(lang, "影响力", "influence"),
        Fact::Criteria => pick(lang, "采购标准", "criteria"),
    }
}

/// A stance as a sign, a word and the number (a true minus sign), never colour alone:
/// `+ 支持（+2）` / `++ strong supporter (+3)`. `support` is −5…+5; the bands are
/// `Stance::of`'s.
pub fn stance_label(support: i32, lang: &str) -> String {
    let stance = Stance::of(support);
    let word = stance_word(stance, lang);
    let n = signed(support);
    if crate::text::is_chinese(lang) {
        format!("{} {word}（{n}）", stance.sign())
    } else {
        format!("{} {word} ({n})", stance.sign())
    }
}

/// The word for a stance band: `反对者` / `opponent` … `铁杆支持` / `strong supporter` (not
/// "champion": in the course a champion is the coach).
pub fn stance_word(stance: Stance, lang: &str) -> &'static str {
    match stance {
        Stance::Opponent => pick(lang, "反对者", "opponent"),
        Stance::Sceptical => pick(lang, "不支持", "sceptical"),
        Stance::Neutral => pick(lang, "中立", "neutral"),
        Stance::Supportive => pick(lang, "支持", "supportive"),
        Stance::Champion => pick(lang, "铁杆支持", "strong supporter"),
    }
}

/// A week's name: `第 3 周` / `Week 3` (weeks are 1-based).
pub fn week_label(week: u32, lang: &str) -> String {
    fill(
        pick(lang, "第 {w} 周", "Week {w}"),
        &[("w", &week.to_string())],
    )
}

/// One line for the log, or `None` for happenings that speak for themselves elsewhere.
pub fn describe(s: &Session, h: &Happening, lang: &str) -> Option<String> {
    let sc = s.scenario();
    let name = |id: &str| sc.person_name(id, lang);
    Some(match h {
        Happening::Graded {
            grade,
            action_points,
            budget,
        } => graded_line(sc, *grade, *action_points, *budget, lang),
        Happening::WeekStarted { week } => fill(
            pick(lang, "—— 第 {w} 周 ——", "—— Week {w} ——"),
            &[("w", &week.to_string())],
        ),
        Happening::ActionTaken {
            action,
            target,
            result,
        } => {
            let a = sc.action(action)?;
            let text = a
                .results
                .iter()
                .find(|r| &r.id == result)
                .map(|r| r.text.get(lang))
                .unwrap_or("");
            let target_name = target.as_deref().map(name).unwrap_or_default();
            format!(
                "{}{}{}",
                a.label.get(lang),
                pick(lang, "：", ": "),
                fill(text, &[("target", &target_name)])
            )
        }
        Happening::Discovered { person } => {
            let p = sc.person(person)?;
            fill(
                pick(
                    lang,
                    "新认识：{name}，{title}",
                    "New contact: {name}, {title}",
                ),
                &[("name", p.name.get(lang)), ("title", p.title.get(lang))],
            )
        }
        Happening::Hinted { person } => {
            let p = sc.person(person)?;
            fill(
                pick(
                    lang,
                    "听说{dept}有一位还没见过的关键人物",
                    "You hear of someone you have not met in the {dept}",
                ),
                &[("dept", p.department.get(lang))],
            )
        }
        Happening::Revealed {
            person,
            fact,
            value,
        } => revealed(s, person, *fact, value, lang)?,
        Happening::CoachGained { person } => fill(
            pick(lang, "{name}成了你的教练", "{name} is now your coach"),
            &[("name", &name(person))],
        ),
        Happening::NoOneNew { person } => fill(
            pick(
                lang,
                "不过，{name}能引荐的人都已经在你的采购组织图上了。",
                "But everyone {name} can introduce you to is already on your map.",
            ),
            &[("name", &name(person))],
        ),
        Happening::Note { text, .. } => text.get(lang).to_string(),
        Happening::Story { event } => sc
            .events
            .iter()
            .find(|e| &e.id == event)?
            .text
            .as_ref()?
            .get(lang)
            .to_string(),
        Happening::RivalMove { rule } => sc
            .competitor
            .rules
            .iter()
            .find(|r| &r.id == rule)?
            .text
            .as_ref()?
            .get(lang)
            .to_string(),
        Happening::TenderTold { by } => match by {
            Some(coach) => fill(
                pick(
                    lang,
                    "{name}向你透露了评标方式：每一轮由谁主持、门槛和权重、评委看重什么。",
                    "{name} told you how the tender will be judged: who runs each stage, its threshold or weight, and what each judge cares about.",
                ),
                &[("name", &name(coach))],
            ),
            None => pick(
                lang,
                "你得知了评标方式：每一轮由谁主持、门槛和权重、评委看重什么。",
                "You learned how the tender will be judged: who runs each stage, its threshold or weight, and what each judge cares about.",
            )
            .to_string(),
        },
        Happening::Disqualified { reason } => fill(
            pick(
                lang,
                "你的标书被取消资格：{reason}",
                "Your bid was disqualified: {reason}",
            ),
            &[("reason", reason.get(lang))],
        ),
        Happening::SceneOpened { .. } | Happening::ChoiceMade { .. } | Happening::Stage(_) => {
            return None;
        }
        Happening::TenderOpened => fill(
            pick(
                lang,
                "第 {w} 周结束，开标在即：请编制标书。",
                "Week {w} is over and the tender is due: compose your bid.",
            ),
            &[("w", &sc.settings.weeks.to_string())],
        ),
        Happening::Ended { won, .. } => pick(
            lang,
            if *won {
                "你赢得了订单。"
            } else {
                "你失去了订单。"
            },
            if *won {
                "You won the order."
            } else {
                "You lost the order."
            },
        )
        .to_string(),
    })
}

fn revealed(s: &Session, person: &str, fact: Fact, value: &Learned, lang: &str) -> Option<String> {
    let sc = s.scenario();
    let who = sc.person_name(person, lang);
    Some(format!(
        "{who} · {}{}{}",
        fact_name(fact, lang),
        pick(lang, "：", ": "),
        learned_value(sc, value, lang)
    ))
}

/// A value as it was learned: a role's name, a stance label, `7/10`, the criteria's names.
pub fn learned_value(scenario: &Scenario, value: &Learned, lang: &str) -> String {
    match value {
        Learned::Role(r) => role_name(*r, lang).to_string(),
        Learned::Stance(v) => stance_label(*v, lang),
        Learned::Influence(v) => format!("{v}/10"),
        Learned::Criteria(ids) => ids
            .iter()
            .map(|c| scenario.criterion_name(c, lang))
            .collect::<Vec<_>>()
            .join(pick(lang, "、", ", ")),
    }
}

/// A number with its sign, the minus as a true minus: `+2`, `0`, `−4`.
pub(crate) fn signed(n: i32) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        0 => "0".into(),
        n => format!("−{}", n.unsigned_abs()),
    }
}

/// A number as read aloud: `2`, `−4`.
pub(crate) fn plain(n: i32) -> String {
    if n < 0 {
        format!("−{}", n.unsigned_abs())
    } else {
        n.to_string()
    }
}

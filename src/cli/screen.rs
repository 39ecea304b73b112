//! Text renderings of the session for the terminal: status, map, notebook, reveal and debrief.

use lost_order_core::engine::{Belief, Session};
use lost_order_core::narrate::{self, belief_labels, belief_text, layer_name, role_name};
use lost_order_core::scenario::Layer;
/// The Chinese or the English form of a terminal label.
pub(super) use lost_order_core::text::pick as t;

pub fn status(s: &Session, lang: &str) -> String {
    let money = s.scenario().settings.money.get(lang);
    format!(
        "══ {} {} · {} {} · {} {} {money} · {} {} ══",
        t(lang, "第", "Week"),
        s.week(),
        t(lang, "行动点", "points"),
        s.points(),
        t(lang, "预算", "budget"),
        s.budget(),
        t(lang, "距开标（周）", "weeks to the tender"),
        s.weeks_left()
    )
}

/// The buying-center map: people by layer, with what the player believes.
pub fn map(s: &Session, lang: &str) -> String {
    let sc = s.scenario();
    let mut out = String::new();
    for layer in Layer::ALL {
        out += &format!("【{}】\n", layer_name(layer, lang));
        for (p, b) in sc
            .people
            .iter()
            .zip(s.beliefs())
            .filter(|(p, _)| p.layer == layer)
        {
            if b.on_map() {
                out += &format!(
                    "  {} — {}\n      {}\n",
                    p.name.get(lang),
                    p.title.get(lang),
                    believed(s, b, lang)
                );
            } else if b.hinted {
                out += &format!(
                    "  ? — {} {}\n",
                    p.department.get(lang),
                    t(lang, "（尚未见过的人）", "(someone you have not met)")
                );
            }
        }
    }
    out
}

/// What the player believes of a person on one line, "?" where they do not know.
fn believed(s: &Session, b: &Belief, lang: &str) -> String {
    let text = belief_text(s.scenario(), b, lang);
    let q = || "?".to_string();
    let stance = match (text.stance, text.seen) {
        (Some(stance), Some(seen)) => format!("{stance} [{seen}]"),
        (stance, _) => stance.unwrap_or_else(q),
    };
    let values = [
        text.role.unwrap_or_else(q),
        stance,
        text.influence.unwrap_or_else(q),
        text.criteria.unwrap_or_else(q),
    ];
    let sep = t(lang, "：", ": ");
    let mut line = belief_labels(lang)
        .iter()
        .zip(values)
        .map(|(label, value)| format!("{label}{sep}{value}"))
        .collect::<Vec<_>>()
        .join(" · ");
    if text.coach {
        line += t(lang, " · ★教练", " · ★coach");
    }
    line
}

pub fn notebook(s: &Session, lang: &str) -> String {
    let mut out = String::new();
    for entry in s.notebook() {
        if let Some(line) = narrate::describe(s, &entry.happening, lang) {
            out += &format!("  [{} {}] {line}\n", t(lang, "第", "wk"), entry.week);
        }
    }
    if out.is_empty() {
        out = t(lang, "  （还没有记录）\n", "  (nothing yet)\n").to_string();
    }
    out
}

/// The reveal and the debrief: stage by stage, the ending, the rubric, then the hidden truth.
pub fn debrief(s: &Session, lang: &str) -> String {
    let sc = s.scenario();
    let Some(tender) = s.tender() else {
        return String::new();
    };
    let mut out = format!("\n══ {} ══\n", t(lang, "开标", "The tender"));
    for (i, line) in narrate::explain(s, lang).iter().enumerate() {
        out += &format!("{}. {line}\n", i + 1);
    }
    if let Some(ending) = sc.endings.iter().find(|e| e.id == tender.ending) {
        out += &format!(
            "\n【{}】\n{}\n",
            ending.title.get(lang),
            ending.text.get(lang)
        );
    }
    out += &format!(
        "\n══ {} {}/100 ══\n",
        t(lang, "得分", "Score"),
        tender.score.total
    );
    for (line, got) in sc.rubric.iter().zip(&tender.score.lines) {
        out += &format!(
            "{:>3}/{:<3} {}\n        {}: {}\n        {}: {}\n",
            got.points,
            got.max,
            line.label.get(lang),
            t(lang, "概念", "concept"),
            line.concept.get(lang),
            t(lang, "启示", "lesson"),
            line.lesson.get(lang)
        );
    }
    out += &format!(
        "\n══ {} ══\n",
        t(
            lang,
            "真相揭晓：你以为的 vs 真实的",
            "The truth: what you believed vs what was"
        )
    );
    for ((p, b), truth) in sc.people.iter().zip(s.beliefs()).zip(&s.truth().people) {
        let believed_role = b
            .role
            .as_ref()
            .map_or("?".to_string(), |r| role_name(r.value, lang).to_string());
        let believed_stance = b
            .stance
            .as_ref()
            .map_or("?".to_string(), |x| format!("{:+}", x.value));
        out += &format!(
            "  {}: {} {} → {}; {} {} → {:+}{}\n",
            p.name.get(lang),
            t(lang, "角色", "role"),
            believed_role,
            role_name(truth.role, lang),
            t(lang, "立场", "stance"),
            believed_stance,
            truth.support,
            if b.on_map() {
                ""
            } else {
                t(lang, "（你从未见过此人）", " (you never met them)")
            }
        );
    }
    out
}

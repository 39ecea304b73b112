//! Text renderings of the session for the terminal: status, prompt, people's keys, map,
//! notebook and the debrief after the verdict.

use lost_order_core::engine::{Belief, Happening, Session};
use lost_order_core::narrate::{
    self, belief_labels, belief_text, layer_name, role_name, stance_label, week_label,
};
use lost_order_core::scenario::Layer;
use lost_order_core::text::fill;
/// The Chinese or the English form of a terminal label.
pub(super) use lost_order_core::text::pick as t;

/// The colon after a label: full-width in Chinese.
pub fn colon(lang: &str) -> &'static str {
    t(lang, "：", ": ")
}

/// `3 个行动点` / `3 action points` (`1 action point`).
pub fn points_text(n: u32, lang: &str) -> String {
    let template = match n {
        1 => t(lang, "1 个行动点", "1 action point"),
        _ => t(lang, "{n} 个行动点", "{n} action points"),
    };
    fill(template, &[("n", &n.to_string())])
}

/// An amount of money in the scenario's unit: `5 千元` / `5 k¥`.
pub fn money_text(s: &Session, amount: i64, lang: &str) -> String {
    format!("{amount} {}", s.scenario().settings.money.get(lang))
}

/// How far the tender is: `距开标还有 7 周` / `7 weeks to the tender`, `本周末开标` in the last week.
pub fn weeks_left_text(s: &Session, lang: &str) -> String {
    let template = match s.weeks_left() {
        0 => t(lang, "本周末开标", "the tender is at the end of this week"),
        1 => t(lang, "距开标还有 1 周", "1 week to the tender"),
        _ => t(lang, "距开标还有 {n} 周", "{n} weeks to the tender"),
    };
    fill(template, &[("n", &s.weeks_left().to_string())])
}

/// The week's heading: `══ 第 1 周 · 3 个行动点 · 预算 60 千元 · 距开标还有 7 周 ══`.
pub fn status(s: &Session, lang: &str) -> String {
    format!(
        "══ {} · {} · {}{} · {} ══",
        week_label(s.week(), lang),
        points_text(s.points(), lang),
        t(lang, "预算 ", "budget "),
        money_text(s, s.budget(), lang),
        weeks_left_text(s, lang)
    )
}

/// The compact prompt after each action: `第 1 周 · 2 个行动点 · 59 千元 · h 帮助`.
pub fn prompt(s: &Session, lang: &str) -> String {
    let hint = if s.points() == 0 {
        t(lang, "e 结束本周 · h 帮助", "e ends the week · h help")
    } else {
        t(lang, "h 帮助", "h help")
    };
    format!(
        "{} · {} · {} · {hint}",
        week_label(s.week(), lang),
        points_text(s.points(), lang),
        money_text(s, s.budget(), lang),
    )
}

/// Each person on the map with the key that picks them (`a`, `b`, … then `aa`, `ab`, …),
/// as indices into the scenario's people. A person keeps their key for the whole session:
/// those on the map from the start come first, in map order (layer, then the scenario's
/// order), then the others in the order they appeared (the log's `Discovered`). The keys
/// follow from the session alone, so a resumed session has the same ones.
pub fn person_keys(s: &Session) -> Vec<(usize, String)> {
    let sc = s.scenario();
    let mut order: Vec<usize> = Layer::ALL
        .iter()
        .flat_map(|layer| {
            sc.people
                .iter()
                .enumerate()
                .filter(move |(_, p)| p.layer == *layer)
                .map(|(i, _)| i)
        })
        .filter(|&i| s.beliefs()[i].identified == Some(0))
        .collect();
    for e in s.log() {
        if let Happening::Discovered { person } = &e.happening
            && let Some(i) = sc.person_index(person)
            && !order.contains(&i)
        {
            order.push(i);
        }
    }
    order
        .into_iter()
        .filter(|&i| s.beliefs()[i].on_map())
        .enumerate()
        .map(|(n, i)| (i, key(n)))
        .collect()
}

/// The letters people are keyed by: the alphabet without the command letters (e, h, l, m, n,
/// q), so that a person's key never reads like a command.
pub const PERSON_LETTERS: &str = "abcdfgijkoprstuvwxyz";

/// The `n`th key: `a`, `b`, `c`, `d`, `f`…, then two letters.
fn key(n: usize) -> String {
    let letters: Vec<char> = PERSON_LETTERS.chars().collect();
    let count = letters.len();
    if n < count {
        letters[n].to_string()
    } else {
        format!("{}{}", letters[(n / count - 1) % count], letters[n % count])
    }
}

/// The key of the person at index `i` of the scenario's people, if they are on the map.
pub fn key_of(keys: &[(usize, String)], i: usize) -> Option<&str> {
    keys.iter().find(|(j, _)| *j == i).map(|(_, k)| k.as_str())
}

/// The buying-center map: people by layer, each with their key and what the player believes.
pub fn map(s: &Session, lang: &str) -> String {
    let sc = s.scenario();
    let keys = person_keys(s);
    let mut out = String::new();
    for layer in Layer::ALL {
        out += &format!("── {} ──\n", layer_name(layer, lang));
        for (i, (p, b)) in sc
            .people
            .iter()
            .zip(s.beliefs())
            .enumerate()
            .filter(|(_, (p, _))| p.layer == layer)
        {
            if let Some(key) = key_of(&keys, i) {
                out += &format!(
                    "  {key} {} — {}\n      {}\n",
                    p.name.get(lang),
                    p.title.get(lang),
                    believed(s, b, lang)
                );
            } else if b.hinted {
                out += &format!(
                    "  ? {}\n",
                    fill(
                        t(
                            lang,
                            "{dept}的一位你还没见过的人",
                            "someone in the {dept} you have not met"
                        ),
                        &[("dept", p.department.get(lang))]
                    )
                );
            }
        }
    }
    out
}

/// What the player believes of a person on one line, "?" where they do not know:
/// `角色：技术者 · 立场（第 2 周）：- 不支持（-1） · 影响力：6/10 · 关心：性能指标`.
fn believed(s: &Session, b: &Belief, lang: &str) -> String {
    let text = belief_text(s.scenario(), b, lang);
    let q = || t(lang, "未知", "?").to_string();
    let [role, stance, influence, criteria] = belief_labels(lang);
    let stance_label = match &text.seen {
        Some(seen) => fill(
            t(lang, "{label}（{seen}）", "{label} ({seen})"),
            &[("label", stance), ("seen", seen)],
        ),
        None => stance.to_string(),
    };
    let sep = colon(lang);
    let mut line = [
        (role.to_string(), text.role.unwrap_or_else(q)),
        (stance_label, text.stance.unwrap_or_else(q)),
        (influence.to_string(), text.influence.unwrap_or_else(q)),
        (criteria.to_string(), text.criteria.unwrap_or_else(q)),
    ]
    .iter()
    .map(|(label, value)| format!("{label}{sep}{value}"))
    .collect::<Vec<_>>()
    .join(" · ");
    if text.coach {
        line += t(lang, " · ★教练", " · ★coach");
    }
    line
}

/// What each person on the map is known to care about, one line each (for composing the bid).
pub fn criteria(s: &Session, lang: &str) -> String {
    let sc = s.scenario();
    let mut out = String::new();
    for (i, k) in person_keys(s) {
        let text = belief_text(sc, &s.beliefs()[i], lang);
        out += &format!(
            "  {k} {}{}{}\n",
            sc.people[i].name.get(lang),
            colon(lang),
            text.criteria.unwrap_or_else(|| t(lang, "未知", "?").into())
        );
    }
    out
}

/// When something was noted: `开始时` / `at start` for week 0, else `第 3 周` / `Week 3`.
pub fn when(week: u32, lang: &str) -> String {
    match week {
        0 => t(lang, "开始时", "at start").to_string(),
        w => week_label(w, lang),
    }
}

/// What the player learned, by week: `【第 1 周】新认识：…` / `[Week 1] New contact: …`.
pub fn notebook(s: &Session, lang: &str) -> String {
    let mut out = String::new();
    for entry in s.notebook() {
        if let Some(line) = narrate::describe(s, &entry.happening, lang) {
            let when = when(entry.week, lang);
            out += &t(lang, "  【{w}】{line}\n", "  [{w}] {line}\n")
                .replace("{w}", &when)
                .replace("{line}", &line);
        }
    }
    if out.is_empty() {
        out = t(lang, "  （还没有记录）\n", "  (nothing yet)\n").to_string();
    }
    out
}

/// What follows the verdict: the ending, the rubric (each line with its concept, and its
/// lesson where points were lost), the grades given to the accounts (when the case had
/// grading), then the hidden truth.
pub fn debrief(s: &Session, lang: &str) -> String {
    let sc = s.scenario();
    let Some(tender) = s.tender() else {
        return String::new();
    };
    let mut out = String::new();
    if let Some(ending) = sc.endings.iter().find(|e| e.id == tender.ending) {
        out += &format!(
            "\n══ {} ══\n{}\n",
            ending.title.get(lang),
            ending.text.get(lang)
        );
    }
    // The real cause: what happened unseen, where it could have turned, any cap on the score.
    let cause = narrate::debrief_cause(s, lang);
    let [behind, _, turn] = narrate::DebriefCause::headings(tender.won, lang);
    if !cause.timeline.is_empty() {
        out += &format!("\n══ {behind} ══\n");
        for line in &cause.timeline {
            out += &format!("  {line}\n");
        }
    }
    if let Some(tp) = &cause.turning_point {
        out += &format!("\n══ {turn} ══\n  {tp}\n");
    }
    if let Some(change) = &cause.smallest_change {
        out += &format!("  {change}\n");
    }
    if let Some(cap) = &cause.cap {
        out += &format!("\n! {cap}\n");
    }
    out += &format!(
        "\n══ {} {}/100 ══\n",
        t(lang, "得分", "Score"),
        tender.score.total
    );
    let sep = colon(lang);
    // Each line with the concept it teaches; the lesson where points were lost.
    for (line, got) in sc.rubric.iter().zip(&tender.score.lines) {
        // A line not earned at all is named as the failure it is.
        let name = if got.points == 0 {
            line.missed_label(lang)
        } else {
            line.label.get(lang).to_string()
        };
        out += &format!(
            "{:>3}/{:<3} {}{}\n",
            got.points,
            got.max,
            name,
            fill(" · {c}", &[("c", line.concept.get(lang))])
        );
        if got.points < got.max {
            out += &format!(
                "        {}{sep}{}\n",
                t(lang, "启示", "Lesson"),
                line.lesson.get(lang)
            );
        }
    }
    // How the player graded the accounts before the case, each against the course's grade.
    let review = narrate::grades_review(s, lang);
    if !review.is_empty() {
        out += &format!("\n══ {} ══\n", narrate::grading_title(lang));
        for line in &review {
            out += &format!("  {line}\n");
        }
    }
    out += &format!(
        "\n══ {} ══\n",
        t(
            lang,
            "真相揭晓：你以为的和真实的",
            "The truth: what you believed vs what was"
        )
    );
    for (i, ((p, b), truth)) in sc
        .people
        .iter()
        .zip(s.beliefs())
        .zip(&s.truth().people)
        .enumerate()
    {
        // What was believed then, not only now: Liu's assumed "decision maker" stays visible.
        let believed_role = narrate::role_belief_history(s, i, lang)
            .unwrap_or_else(|| t(lang, "未知", "?").to_string());
        let believed_stance = b
            .stance
            .as_ref()
            .map_or(t(lang, "未知", "?").to_string(), |x| {
                stance_label(x.value, lang)
            });
        out += &format!(
            "  {}{sep}{} {} → {}{}{} {} → {}{}\n",
            p.name.get(lang),
            t(lang, "角色", "role"),
            believed_role,
            role_name(truth.role, lang),
            t(lang, "；", "; "),
            t(lang, "立场", "stance"),
            believed_stance,
            stance_label(truth.support, lang),
            // Met as the rules count it: dealt with at least once, not only introduced.
            if truth.met {
                ""
            } else {
                t(
                    lang,
                    "（你从未和此人打过交道）",
                    " (you never dealt with them)",
                )
            }
        );
    }
    out
}

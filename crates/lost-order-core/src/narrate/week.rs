//! The weekly summary: what reached the player since last week, in a few plain lines.

use super::{describe, fact_name};
use crate::engine::{Happening, LogEntry, Session};
use crate::scenario::Fact;
use crate::text::{fill, is_chinese, pick};

/// The summary shown at the start of `week`, a few full sentences in `lang`, worded only from
/// the session's log (nothing of one case is written here):
///
/// 1. from week 2 on, what the player did last week and what they learned from it:
///    `上周（第 2 周）你采取了 3 项行动。` and `你了解到：王总工的角色、立场；新认识李工。`;
/// 2. the news that reached them as the week opened (story events, a coach's tips, notes),
///    one line each, as [`describe`] words them;
/// 3. from week 2 on, when no news came (and no scene opened): `本周没有新消息。` with a
///    nudge towards having someone inside (a coach), or, with a coach, that the coach heard
///    nothing either.
///
/// "As the week opened" means the log entries of `week` before the player's first decision
/// in it (an action or a scene's choice); "last week" means the entries of `week − 1` from
/// its first decision on. A pure function of the session: the terminal and the window show
/// the same lines, and any earlier week can be summed up again. Empty for a week not started.
pub fn week_summary(s: &Session, week: u32, lang: &str) -> Vec<String> {
    let log = s.log();
    if !log.iter().any(|e| e.week == week) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let (opening, _) = split_week(log, week);
    if week > 1 {
        let (_, played) = split_week(log, week - 1);
        out.push(recap(&played, week - 1, lang));
        if let Some(line) = learned(s, &played, lang) {
            out.push(line);
        }
    }
    let news: Vec<String> = opening
        .iter()
        .filter(|e| !matches!(e.happening, Happening::WeekStarted { .. }))
        .filter_map(|e| describe(s, &e.happening, lang))
        .collect();
    // A scene that opens with the week brings its own news.
    let scene = opening
        .iter()
        .any(|e| matches!(e.happening, Happening::SceneOpened { .. }));
    if news.is_empty() && !scene && week > 1 {
        out.push(no_news(s, lang));
    }
    out.extend(news);
    out
}

/// The entries of `week`: those before the player's first decision, and the rest.
fn split_week(log: &[LogEntry], week: u32) -> (Vec<&LogEntry>, Vec<&LogEntry>) {
    let entries: Vec<&LogEntry> = log.iter().filter(|e| e.week == week).collect();
    let first = entries
        .iter()
        .position(|e| {
            matches!(
                e.happening,
                Happening::ActionTaken { .. } | Happening::ChoiceMade { .. }
            )
        })
        .unwrap_or(entries.len());
    let rest = entries[first..].to_vec();
    let mut opening = entries;
    opening.truncate(first);
    (opening, rest)
}

/// How many actions the player took in week `week`.
fn recap(played: &[&LogEntry], week: u32, lang: &str) -> String {
    let n = played
        .iter()
        .filter(|e| matches!(e.happening, Happening::ActionTaken { .. }))
        .count();
    let template = match n {
        0 => pick(
            lang,
            "上周（第 {w} 周）你没有采取行动。",
            "Last week (week {w}) you took no action.",
        ),
        1 => pick(
            lang,
            "上周（第 {w} 周）你采取了 1 项行动。",
            "Last week (week {w}) you took 1 action.",
        ),
        _ => pick(
            lang,
            "上周（第 {w} 周）你采取了 {n} 项行动。",
            "Last week (week {w}) you took {n} actions.",
        ),
    };
    fill(template, &[("w", &week.to_string()), ("n", &n.to_string())])
}

/// What one person turned out to be, gathered over a week.
struct Person<'a> {
    id: &'a str,
    met: bool,
    facts: Vec<Fact>,
    coach: bool,
}

/// What the player learned in `played`, on one line; `None` when nothing.
fn learned<'a>(s: &Session, played: &[&'a LogEntry], lang: &str) -> Option<String> {
    let sc = s.scenario();
    let mut people: Vec<Person<'a>> = Vec::new();
    let mut heard: Vec<&str> = Vec::new();
    let mut notes = 0;
    for e in played.iter().copied() {
        let person = |people: &mut Vec<Person<'a>>, id: &'a str| {
            if !people.iter().any(|p| p.id == id) {
                people.push(Person {
                    id,
                    met: false,
                    facts: Vec::new(),
                    coach: false,
                });
            }
        };
        match &e.happening {
            Happening::Discovered { person: id } => {
                person(&mut people, id);
                people
                    .iter_mut()
                    .filter(|p| p.id == id)
                    .for_each(|p| p.met = true);
            }
            Happening::Revealed {
                person: id, fact, ..
            } => {
                person(&mut people, id);
                for p in people.iter_mut().filter(|p| p.id == id) {
                    if !p.facts.contains(fact) {
                        p.facts.push(*fact);
                    }
                }
            }
            Happening::CoachGained { person: id } => {
                person(&mut people, id);
                people
                    .iter_mut()
                    .filter(|p| p.id == id)
                    .for_each(|p| p.coach = true);
            }
            Happening::Hinted { person: id } => {
                if let Some(p) = sc.person(id) {
                    heard.push(p.department.get(lang));
                }
            }
            Happening::Note { .. } => notes += 1,
            _ => {}
        }
    }
    let zh = is_chinese(lang);
    let and = pick(lang, "、", ", ");
    let mut items: Vec<String> = Vec::new();
    for p in &people {
        let name = sc.person_name(p.id, lang);
        let facts = p
            .facts
            .iter()
            .filter(|f| **f != Fact::Identity)
            .map(|f| fact_name(*f, lang))
            .collect::<Vec<_>>()
            .join(and);
        let item = match (p.met, facts.is_empty(), zh) {
            (true, true, true) => Some(format!("新认识{name}")),
            (true, true, false) => Some(format!("new contact: {name}")),
            (true, false, true) => Some(format!("新认识{name}（{facts}）")),
            (true, false, false) => Some(format!("new contact: {name} ({facts})")),
            (false, false, true) => Some(format!("{name}的{facts}")),
            (false, false, false) => Some(format!("{name}'s {facts}")),
            // Seen only as a new coach, said below.
            (false, true, _) => None,
        };
        items.extend(item);
        if p.coach {
            items.push(fill(
                pick(lang, "{name}成了你的教练", "{name} became your coach"),
                &[("name", &name)],
            ));
        }
    }
    for dept in heard {
        items.push(fill(
            pick(
                lang,
                "听说{dept}还有一位你没见过的人",
                "someone you have not met in the {dept}",
            ),
            &[("dept", dept)],
        ));
    }
    if notes > 0 {
        items.push(fill(
            pick(
                lang,
                "{n} 条笔记（见笔记本）",
                "notes in your notebook: {n}",
            ),
            &[("n", &notes.to_string())],
        ));
    }
    if items.is_empty() {
        return None;
    }
    Some(fill(
        pick(lang, "你了解到：{items}。", "You learned: {items}."),
        &[("items", &items.join(pick(lang, "；", "; ")))],
    ))
}

/// The line for a week that opened without news: with a nudge towards a coach, or naming
/// the coach who heard nothing either.
fn no_news(s: &Session, lang: &str) -> String {
    let sc = s.scenario();
    let coaches: Vec<String> = sc
        .people
        .iter()
        .zip(s.beliefs())
        .filter(|(_, b)| b.coach)
        .map(|(p, _)| p.name.get(lang).to_string())
        .collect();
    if coaches.is_empty() {
        pick(
            lang,
            "本周没有新消息。没有消息不等于没有变化：没有教练替你通风报信，客户内部的变化就传不到你这里。谁能成为你的教练？",
            "No news this week. No news is not good news: without a coach to tip you off, what changes inside the customer does not reach you. Who could become your coach?",
        )
        .to_string()
    } else {
        fill(
            pick(
                lang,
                "本周没有新消息，你的教练{names}也没有听到什么。",
                "No news this week; your coach, {names}, has heard nothing either.",
            ),
            &[("names", &coaches.join(pick(lang, "、", " and ")))],
        )
    }
}

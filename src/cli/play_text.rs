//! `lost-order play --text`: a whole session in the terminal. Actions have numbers, people
//! have letters that stay theirs for the whole session (`2c`: action 2 with person c); the
//! full menu is shown at a week's start when what is available changed (one line otherwise) and on
//! `h`, a compact prompt after each action.
//! A scenario with customer grading asks first for a grade per account on one line (`grading`).

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use lost_order_core::engine::{ActionOption, Bid, Blocked, Decision, Happening, Phase, Session};
use lost_order_core::narrate;
use lost_order_core::scenario::{BidOption, Id};
use lost_order_core::text::fill;

use super::screen::{self, colon, t};

mod grading;
mod journal;

pub use journal::Journal;

/// Plays `session` in the terminal in `lang`, writing every decision to `record` as it is made
/// (and in a class, sending it).
pub fn run(
    mut session: Session,
    lang: &str,
    mut record: Option<Journal>,
) -> anyhow::Result<ExitCode> {
    let mut input = std::io::stdin().lock();
    // Someone at a keyboard turns the tender's stages over one by one; piped input does not wait.
    let at_keyboard = std::io::stdin().is_terminal();
    // A class session continued: the lines its class lacks go at once, not after the next
    // decision (a session that ended before its last lines went has no next decision).
    if let Some(Journal::Class(r)) = record.as_mut() {
        r.sync(&session)?;
    }
    intro(&session, lang);
    let mut shown_week = 0;
    let mut menu_week = 0;
    // What the last full menu showed unavailable: the menu is printed again only when it changed.
    let mut menu_seen: Option<Vec<Option<String>>> = None;
    let mut grading_shown = false;
    loop {
        let phase = session.phase().clone();
        if phase == Phase::Ended {
            break;
        }
        if phase != Phase::Bidding && session.week() != shown_week {
            shown_week = session.week();
            week_start(&session, lang);
        }
        let decision = match phase {
            Phase::Ended => break,
            Phase::Grading => {
                // The accounts once; again on `h`.
                let full = !grading_shown;
                grading_shown = true;
                grading::step(&session, lang, &mut input, full)?
            }
            Phase::Scene(id) => scene(&session, &id, lang, &mut input)?,
            Phase::Bidding => bid(&session, lang, &mut input)?,
            Phase::Planning => {
                let full = menu_week != session.week();
                menu_week = session.week();
                plan(&session, lang, &mut input, full, &mut menu_seen)?
            }
        };
        let Some(decision) = decision else {
            println!(
                "{}",
                t(lang, "本局未完成，已退出。", "Session left unfinished.")
            );
            if let Some(r) = record.take() {
                r.finish(&session, lang);
            }
            return Ok(ExitCode::SUCCESS);
        };
        match session.apply(&decision) {
            Ok(happenings) => print_happenings(&session, &happenings, lang),
            Err(e) => println!("! {}", narrate::error(session.scenario(), &e, lang)),
        }
        // Every decision reaches the disk before the next prompt.
        if let Some(r) = record.take() {
            record = Some(r.sync(&session, lang)?);
        }
    }
    reveal(&session, lang, &mut input, at_keyboard)?;
    print!("{}", screen::debrief(&session, lang));
    if let Some(r) = record.take() {
        r.finish(&session, lang);
    }
    Ok(ExitCode::SUCCESS)
}

/// The case's title, briefing, who the player is and the goal.
fn intro(s: &Session, lang: &str) {
    let m = &s.scenario().meta;
    let c = colon(lang);
    println!(
        "\n{}\n{}\n\n{}\n\n{}{c}{}\n{}{c}{}",
        m.title.get(lang),
        "═".repeat(40),
        m.briefing.get(lang),
        t(lang, "你的身份", "You are"),
        m.player.get(lang),
        t(lang, "目标", "Goal"),
        m.goal.get(lang)
    );
    println!(
        "{}{c}{} · {}",
        t(lang, "种子", "Seed"),
        s.seed(),
        t(lang, "输入 h 查看帮助", "type h for help")
    );
}

/// The week's heading and its summary (what reached the player since last week): last
/// week's recap with what it taught on one line, then the news.
fn week_start(s: &Session, lang: &str) {
    println!("\n{}", screen::status(s, lang));
    let mut lines = narrate::week_summary(s, s.week(), lang);
    // Last week's recap and what it taught share a line.
    if s.week() > 1
        && lines.len() > 1
        && (lines[1].starts_with("你了解到") || lines[1].starts_with("You learned"))
    {
        let learned = lines.remove(1);
        lines[0] = format!("{}{}{learned}", lines[0], t(lang, "", " "));
    }
    for line in lines {
        println!("• {line}");
    }
}

/// The lines of what just happened. A new week's news is in its summary, and the verdict
/// comes last in the reveal, so neither is printed here.
fn print_happenings(s: &Session, happenings: &[Happening], lang: &str) {
    if happenings
        .iter()
        .any(|h| matches!(h, Happening::WeekStarted { .. }))
    {
        return;
    }
    for h in happenings {
        if matches!(h, Happening::Ended { .. }) {
            continue;
        }
        if let Some(line) = narrate::describe(s, h, lang) {
            println!("• {line}");
        }
    }
}

/// Reads one trimmed line after `prompt> `; `None` at the end of input.
fn ask(prompt: &str, input: &mut impl BufRead) -> anyhow::Result<Option<String>> {
    print!("{prompt}> ");
    std::io::stdout().flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}

/// The full menu: every action with its cost, marked when it cannot be taken now (and why),
/// the people's keys, and the commands. With `details`, each action's description too. When
/// `seen` holds the same availability as now, one line points to `h` instead of the list.
fn menu(s: &Session, lang: &str, details: bool, seen: &mut Option<Vec<Option<String>>>) {
    let sc = s.scenario();
    let options = s.options();
    // The how-to line once a session (and with the help), not at every week's start.
    if details || s.week() == 1 {
        println!(
            "{}",
            t(
                lang,
                "行动（输入编号和人物字母，例如 2c；只输编号则再选人）：",
                "Actions (type a number and a person's letter, e.g. 2c; a number alone lists the people):"
            )
        );
    }
    let lines: Vec<MenuLine> = sc
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mine: Vec<&ActionOption> = options.iter().filter(|o| o.action == a.id).collect();
            MenuLine {
                number: i + 1,
                label: a.label.get(lang).to_string(),
                cost: format!(
                    "{} · {}",
                    screen::points_text(a.points, lang),
                    screen::money_text(s, a.cost, lang)
                ),
                purpose: a.purpose,
                note: unavailable(&mine, lang),
                description: a.description.get(lang).to_string(),
            }
        })
        .collect();
    let notes: Vec<Option<String>> = lines.iter().map(|l| l.note.clone()).collect();
    if !details && seen.as_ref() == Some(&notes) {
        println!(
            "{}",
            t(
                lang,
                "行动与上次相同（h 列出全部行动和说明）。",
                "The same actions as before (h lists them all, with what each does)."
            )
        );
    } else if details {
        for l in &lines {
            println!(
                "  {:>2}. {} · {}{}",
                l.number,
                l.label,
                l.cost,
                l.note_text(lang)
            );
            println!("      {}", l.description);
        }
    } else {
        for group in group_alike(&lines) {
            println!("{}", group_line(group, lang));
        }
    }
    *seen = Some(notes);
    let keys = screen::person_keys(s);
    let people: Vec<String> = keys
        .iter()
        .map(|(i, k)| format!("{k} {}", sc.people[*i].name.get(lang)))
        .collect();
    let commands = format!(
        "m {} · n {} · l {} · e {} · q {} · h {}",
        t(lang, "采购组织图", "map"),
        t(lang, "笔记本", "notebook"),
        t(lang, "事件记录", "log"),
        t(lang, "结束本周", "end week"),
        t(lang, "退出", "quit"),
        t(lang, "帮助", "help")
    );
    if people.is_empty() {
        println!("{commands}");
    } else {
        // The people and the commands share a line: fewer lines to scroll past each week.
        println!(
            "{}{}{}{}{commands}",
            t(lang, "人物", "People"),
            colon(lang),
            people.join(" · "),
            t(lang, " ｜ ", " | ")
        );
    }
}

/// One action as the menu lists it.
struct MenuLine {
    number: usize,
    label: String,
    /// "1 个行动点 · 0 千元" / "1 point · 0 k¥".
    cost: String,
    purpose: lost_order_core::scenario::Purpose,
    /// Why it cannot be taken now, if it cannot.
    note: Option<String>,
    description: String,
}

impl MenuLine {
    fn note_text(&self, lang: &str) -> String {
        self.note
            .as_ref()
            .map(|why| format!(" — {}{why}", t(lang, "不可用：", "not now: ")))
            .unwrap_or_default()
    }
}

/// Runs of neighbouring actions of the same kind and cost, all possible now (the seven 5W2H
/// questions, say), so that the menu can list each run on one line.
fn group_alike(lines: &[MenuLine]) -> Vec<&[MenuLine]> {
    let alike = |a: &MenuLine, b: &MenuLine| {
        a.purpose == b.purpose && a.cost == b.cost && a.note.is_none() && b.note.is_none()
    };
    let mut groups = Vec::new();
    let mut start = 0;
    for i in 1..=lines.len() {
        if i == lines.len() || !alike(&lines[i - 1], &lines[i]) {
            groups.push(&lines[start..i]);
            start = i;
        }
    }
    groups
}

/// One menu line: an action, or a run of alike actions sharing the label's common head:
/// `   2–8. 5W2H：2 做什么 3 为什么 … · 1 个行动点 · 0 千元`.
fn group_line(group: &[MenuLine], lang: &str) -> String {
    let [first, .., last] = group else {
        let l = &group[0];
        return format!(
            "  {:>2}. {} · {}{}",
            l.number,
            l.label,
            l.cost,
            l.note_text(lang)
        );
    };
    let head = common_head(group.iter().map(|l| l.label.as_str()));
    let items: Vec<String> = group
        .iter()
        .map(|l| format!("{} {}", l.number, &l.label[head.len()..]))
        .collect();
    format!(
        "  {}–{}. {head}{} · {}",
        first.number,
        last.number,
        items.join(" "),
        first.cost
    )
}

/// The labels' shared beginning up to and including a separator (`：` or `: `), or "".
fn common_head<'a>(mut labels: impl Iterator<Item = &'a str>) -> &'a str {
    let Some(first) = labels.next() else {
        return "";
    };
    let mut len = first.len();
    for l in labels {
        len = first
            .char_indices()
            .zip(l.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(len);
    }
    let shared = &first[..len];
    ["：", ": "]
        .iter()
        .filter_map(|sep| shared.rfind(sep).map(|i| &first[..i + sep.len()]))
        .max_by_key(|h| h.len())
        .unwrap_or("")
}

/// Why an action cannot be taken with anyone now, or `None` when it can with someone.
/// When every target has the same reason (points, money, a requirement), it is given.
fn unavailable(options: &[&ActionOption], lang: &str) -> Option<String> {
    if options.is_empty() {
        return Some(
            t(
                lang,
                "还没有可以做这件事的对象",
                "nobody to do this with yet",
            )
            .into(),
        );
    }
    if options.iter().any(|o| o.blocked.is_none()) {
        return None;
    }
    let first = options[0].blocked.as_ref()?;
    if options.iter().all(|o| o.blocked.as_ref() == Some(first)) {
        Some(narrate::blocked_reason(first, lang))
    } else {
        Some(t(lang, "现在对谁都做不了", "not possible with anyone now").into())
    }
}

fn plan(
    s: &Session,
    lang: &str,
    input: &mut impl BufRead,
    full: bool,
    seen: &mut Option<Vec<Option<String>>>,
) -> anyhow::Result<Option<Decision>> {
    if full {
        menu(s, lang, false, seen);
    }
    loop {
        let Some(line) = ask(&screen::prompt(s, lang), input)? else {
            return Ok(None);
        };
        match line.as_str() {
            "" => {}
            "m" => print!("{}", screen::map(s, lang)),
            "n" => print!("{}", screen::notebook(s, lang)),
            "l" => {
                for e in s.log() {
                    if let Some(text) = narrate::describe(s, &e.happening, lang) {
                        println!("  {text}");
                    }
                }
            }
            "e" => return Ok(Some(Decision::EndWeek)),
            "q" => return Ok(None),
            "h" | "?" => menu(s, lang, true, seen),
            other => match parse_command(other) {
                Some((n, key)) if n >= 1 && n <= s.scenario().actions.len() => {
                    let action = &s.scenario().actions[n - 1].id;
                    if let Some(d) = act(s, action, key.as_deref(), lang, input)? {
                        return Ok(Some(d));
                    }
                }
                _ => println!(
                    "{}",
                    t(
                        lang,
                        "请输入行动编号（如 2 或 2c），或 m/n/l/e/q/h。",
                        "Type an action's number (e.g. 2 or 2c), or m/n/l/e/q/h."
                    )
                ),
            },
        }
    }
}

/// `2`, `2c` or `2 c`: an action's number and, optionally, a person's key.
fn parse_command(line: &str) -> Option<(usize, Option<String>)> {
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    let n = digits.parse().ok()?;
    let rest = line[digits.len()..].trim();
    if rest.is_empty() {
        return Some((n, None));
    }
    rest.chars()
        .all(|c| c.is_ascii_lowercase())
        .then(|| (n, Some(rest.to_string())))
}

/// The decision for `action` with the person of `key` (asked for when not given), or `None`
/// after saying why it cannot be taken.
fn act(
    s: &Session,
    action: &str,
    key: Option<&str>,
    lang: &str,
    input: &mut impl BufRead,
) -> anyhow::Result<Option<Decision>> {
    let options: Vec<ActionOption> = s
        .options()
        .into_iter()
        .filter(|o| o.action == action)
        .collect();
    let decide = |o: &ActionOption| Decision::Act {
        action: action.into(),
        target: o.target.clone(),
    };
    let refused = |o: &ActionOption, b: &Blocked| {
        let e = lost_order_core::engine::SessionError::Blocked {
            action: action.into(),
            target: o.target.clone(),
            reason: b.clone(),
        };
        println!("! {}", narrate::error(s.scenario(), &e, lang));
    };
    if let Some(why) = unavailable(&options.iter().collect::<Vec<_>>(), lang)
        && (options.is_empty() || key.is_none())
    {
        let label = s
            .scenario()
            .action(action)
            .map_or(action, |a| a.label.get(lang));
        println!(
            "! {}",
            fill(
                t(
                    lang,
                    "「{a}」现在不可用：{why}。",
                    "“{a}” is not possible now: {why}."
                ),
                &[("a", label), ("why", &why)]
            )
        );
        return Ok(None);
    }
    if let [only] = options.as_slice()
        && only.target.is_none()
    {
        return Ok(match &only.blocked {
            None => Some(decide(only)),
            Some(b) => {
                refused(only, b);
                None
            }
        });
    }
    let keys = screen::person_keys(s);
    let index = |id: &str| s.scenario().person_index(id);
    let key = match key {
        Some(k) => k.to_string(),
        None => {
            for (i, k) in &keys {
                let Some(o) = options
                    .iter()
                    .find(|o| o.target.as_deref().and_then(index) == Some(*i))
                else {
                    continue;
                };
                let i = *i;
                let name = s.scenario().people[i].name.get(lang);
                match &o.blocked {
                    None => println!("  {k} {name}"),
                    Some(b) => println!(
                        "  {k} {name} — {}{}",
                        t(lang, "不可用：", "not now: "),
                        narrate::blocked_reason(b, lang)
                    ),
                }
            }
            let Some(line) = ask(
                t(
                    lang,
                    "对谁？（输入字母，回车取消）",
                    "With whom? (a letter; Enter cancels)",
                ),
                input,
            )?
            else {
                return Ok(None);
            };
            if line.is_empty() {
                return Ok(None);
            }
            line
        }
    };
    let chosen = options.iter().find(|o| {
        o.target
            .as_deref()
            .and_then(index)
            .and_then(|i| screen::key_of(&keys, i))
            == Some(key.as_str())
    });
    Ok(match chosen {
        Some(o) => match &o.blocked {
            None => Some(decide(o)),
            Some(b) => {
                refused(o, b);
                None
            }
        },
        None => {
            println!(
                "{}",
                fill(
                    t(
                        lang,
                        "「{k}」不是这个行动可以选的人。",
                        "“{k}” is not someone this action can be aimed at."
                    ),
                    &[("k", &key)]
                )
            );
            None
        }
    })
}

fn scene(
    s: &Session,
    id: &str,
    lang: &str,
    input: &mut impl BufRead,
) -> anyhow::Result<Option<Decision>> {
    let sc = s.scenario();
    let Some(scene) = sc.scene(id) else {
        return Ok(Some(Decision::EndWeek));
    };
    let text = scene.text.get(lang);
    // The speaker heads the box, unless the text already begins with their name.
    let speaker = scene
        .speaker
        .as_deref()
        .map(|p| sc.person_name(p, lang))
        .filter(|name| !text.starts_with(name.as_str()))
        .map(|name| format!(" {name} "))
        .unwrap_or_default();
    let choices = s.choices();
    let show = || {
        println!("\n┌──{speaker}──────────\n│ {text}\n└──────────");
        for (i, c) in choices.iter().enumerate() {
            let label = scene
                .choices
                .iter()
                .find(|x| x.id == c.choice)
                .map(|x| x.label.get(lang))
                .unwrap_or("");
            match &c.blocked {
                None => println!("  {}. {label}", i + 1),
                Some(reason) => println!(
                    "  {}. {label} — {}{}",
                    i + 1,
                    t(lang, "不可选：", "unavailable: "),
                    reason.get(lang)
                ),
            }
        }
    };
    show();
    loop {
        let Some(line) = ask("", input)? else {
            return Ok(None);
        };
        // The same keys as everywhere: h or ? shows the scene again, q leaves the session.
        match line.as_str() {
            "q" => return Ok(None),
            "h" | "?" => {
                show();
                continue;
            }
            _ => {}
        }
        if let Some(c) = line
            .parse::<usize>()
            .ok()
            .and_then(|n| choices.get(n.wrapping_sub(1)))
            && c.blocked.is_none()
        {
            if let Some(text) = scene
                .choices
                .iter()
                .find(|x| x.id == c.choice)
                .and_then(|x| x.text.as_ref())
            {
                println!("  {}", text.get(lang));
            }
            return Ok(Some(Decision::Choose(c.choice.clone())));
        }
        println!(
            "{}",
            fill(
                t(
                    lang,
                    "请输入 1 到 {n} 中可选的编号（h 重新显示，q 退出）。",
                    "Type an available number from 1 to {n} (h shows the scene again, q quits)."
                ),
                &[("n", &choices.len().to_string())]
            )
        );
    }
}

fn bid(s: &Session, lang: &str, input: &mut impl BufRead) -> anyhow::Result<Option<Decision>> {
    let tender = &s.scenario().tender;
    println!("\n══ {} ══", t(lang, "编制标书", "Compose your bid"));
    print!(
        "{}\n{}",
        t(
            lang,
            "你所了解的各人关心的标准：",
            "What you know each person cares about:"
        ),
        screen::criteria(s, lang)
    );
    // What a coach told of how the tender will be judged.
    for line in narrate::known_tender(s, lang) {
        println!("★ {line}");
    }
    let Some(price) = pick(
        t(lang, "报价", "Price"),
        &tender.price_levels,
        1,
        true,
        // A price level shows what it leaves the supplier.
        &|o| narrate::price_margin_label(s.scenario(), &o.id, lang),
        lang,
        input,
    )?
    else {
        return Ok(None);
    };
    let Some(emphases) = pick(
        t(lang, "方案重点", "Emphasis"),
        &tender.emphases,
        tender.max_emphases,
        false,
        &|_| None,
        lang,
        input,
    )?
    else {
        return Ok(None);
    };
    let Some(commitments) = pick(
        t(lang, "承诺", "Commitments"),
        &tender.commitments,
        tender.max_commitments,
        false,
        &|_| None,
        lang,
        input,
    )?
    else {
        return Ok(None);
    };
    Ok(Some(Decision::Bid(Bid {
        price: price
            .into_iter()
            .next()
            .unwrap_or_else(|| tender.default_price.clone()),
        emphases,
        commitments,
    })))
}

/// Lets the player pick up to `max` options by number (exactly one when `one`).
fn pick(
    title: &str,
    options: &[BidOption],
    max: u32,
    one: bool,
    note: &dyn Fn(&BidOption) -> Option<String>,
    lang: &str,
    input: &mut impl BufRead,
) -> anyhow::Result<Option<Vec<Id>>> {
    let how = if one {
        t(lang, "选一项", "pick one").to_string()
    } else {
        fill(
            t(
                lang,
                "最多 {max} 项，用空格分隔，可留空",
                "up to {max}, numbers separated by spaces, or none",
            ),
            &[("max", &max.to_string())],
        )
    };
    // The options share the heading's line: `报价（选一项）：1 高价 · 利润率 32% ｜ 2 …`.
    let listed: Vec<String> = options
        .iter()
        .enumerate()
        .map(|(i, o)| match note(o) {
            Some(n) => format!("{} {} · {n}", i + 1, o.label.get(lang)),
            None => format!("{} {}", i + 1, o.label.get(lang)),
        })
        .collect();
    println!(
        "{}",
        fill(
            t(lang, "{title}（{how}）：{list}", "{title} ({how}): {list}"),
            &[
                ("title", title),
                ("how", &how),
                ("list", &listed.join(t(lang, " ｜ ", " | ")))
            ]
        )
    );
    loop {
        let Some(line) = ask("", input)? else {
            return Ok(None);
        };
        let picked: Option<Vec<Id>> = line
            .split_whitespace()
            .map(|w| {
                w.parse::<usize>()
                    .ok()
                    .and_then(|n| options.get(n.wrapping_sub(1)))
                    .map(|o| o.id.clone())
            })
            .collect();
        match picked {
            Some(ids) if (one && ids.len() == 1) || (!one && ids.len() <= max as usize) => {
                return Ok(Some(ids));
            }
            _ => println!("{}", t(lang, "请重新输入。", "Please try again.")),
        }
    }
}

/// The tender, stage by stage, and the verdict last. At a keyboard, Enter turns each stage.
fn reveal(
    s: &Session,
    lang: &str,
    input: &mut impl BufRead,
    at_keyboard: bool,
) -> anyhow::Result<()> {
    let lines = narrate::explain(s, lang);
    let Some((verdict, stages)) = lines.split_last() else {
        return Ok(());
    };
    println!("\n══ {} ══", t(lang, "开标", "The tender"));
    for (i, line) in stages.iter().enumerate() {
        if at_keyboard && i > 0 {
            ask(t(lang, "回车看下一关", "Enter for the next stage"), input)?;
        }
        println!("{}. {line}", i + 1);
    }
    if at_keyboard {
        ask(t(lang, "回车看结果", "Enter for the outcome"), input)?;
    }
    println!("\n{verdict}");
    Ok(())
}

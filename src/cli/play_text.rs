//! `lost-order play --text`: a whole session in the terminal, with numbered choices.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use lost_order_core::engine::{Bid, Decision, Happening, Phase, Session};
use lost_order_core::narrate;
use lost_order_core::record::RecordWriter;
use lost_order_core::scenario::BidOption;

use super::screen::{self, t};

pub fn run(
    mut session: Session,
    lang: &str,
    mut record: Option<RecordWriter>,
) -> anyhow::Result<ExitCode> {
    let mut input = std::io::stdin().lock();
    let scenario = session.scenario_arc();
    let seed = session.seed();
    let m = &scenario.meta;
    println!(
        "\n{}\n{}\n\n{}\n\n{}: {}\n{}: {}",
        m.title.get(lang),
        "═".repeat(40),
        m.briefing.get(lang),
        t(lang, "你的身份", "You are"),
        m.player.get(lang),
        t(lang, "目标", "Goal"),
        m.goal.get(lang)
    );
    println!(
        "{}: {seed} · {}",
        t(lang, "种子", "seed"),
        t(lang, "输入 h 查看帮助", "type h for help")
    );
    print_happenings(
        &session,
        &session
            .log()
            .iter()
            .map(|e| e.happening.clone())
            .collect::<Vec<_>>(),
        lang,
    );
    loop {
        let decision = match session.phase().clone() {
            Phase::Ended => break,
            Phase::Scene(id) => scene(&session, &id, lang, &mut input)?,
            Phase::Bidding => bid(&session, lang, &mut input)?,
            Phase::Planning => plan(&session, lang, &mut input)?,
        };
        let Some(decision) = decision else {
            println!(
                "{}",
                t(lang, "会话未完成，已退出。", "Session left unfinished.")
            );
            return Ok(ExitCode::SUCCESS);
        };
        match session.apply(&decision) {
            Ok(happenings) => print_happenings(&session, &happenings, lang),
            Err(e) => println!("! {}", narrate::error(session.scenario(), &e, lang)),
        }
        // Every decision reaches the disk before the next prompt.
        if let Some(r) = record.as_mut() {
            r.sync(&session)?;
        }
    }
    print!("{}", screen::debrief(&session, lang));
    Ok(ExitCode::SUCCESS)
}

fn print_happenings(s: &Session, happenings: &[Happening], lang: &str) {
    for h in happenings {
        if let Some(line) = narrate::describe(s, h, lang) {
            println!("• {line}");
        }
    }
}

/// Reads one trimmed line; `None` at the end of input.
fn ask(prompt: &str, input: &mut impl BufRead) -> anyhow::Result<Option<String>> {
    print!("{prompt}> ");
    std::io::stdout().flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}

fn plan(s: &Session, lang: &str, input: &mut impl BufRead) -> anyhow::Result<Option<Decision>> {
    let sc = s.scenario();
    let money = sc.settings.money.get(lang);
    println!("\n{}", screen::status(s, lang));
    for (i, a) in sc.actions.iter().enumerate() {
        println!(
            "  {:>2}. {} ({} {}, {} {money})",
            i + 1,
            a.label.get(lang),
            a.points,
            t(lang, "点", "pt"),
            a.cost
        );
    }
    println!(
        "  m {} · n {} · l {} · e {} · q {}",
        t(lang, "采购组织图", "map"),
        t(lang, "笔记本", "notebook"),
        t(lang, "事件记录", "log"),
        t(lang, "结束本周", "end week"),
        t(lang, "退出", "quit")
    );
    loop {
        let Some(line) = ask("", input)? else {
            return Ok(None);
        };
        match line.as_str() {
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
            "h" | "?" => {
                println!(
                    "{}",
                    t(
                        lang,
                        "输入行动编号，再选择对象；m 看组织图，n 看笔记本，e 结束本周。",
                        "Type an action's number, then pick a person; m shows the map, n the notebook, e ends the week."
                    )
                );
                for (i, a) in sc.actions.iter().enumerate() {
                    println!(
                        "  {:>2}. {} — {}",
                        i + 1,
                        a.label.get(lang),
                        a.description.get(lang)
                    );
                }
            }
            other => match other
                .parse::<usize>()
                .ok()
                .and_then(|n| sc.actions.get(n.wrapping_sub(1)))
            {
                Some(action) => {
                    if let Some(d) = target(s, &action.id, lang, input)? {
                        return Ok(Some(d));
                    }
                }
                None => println!(
                    "{}",
                    t(
                        lang,
                        "请输入编号或 m/n/l/e/q。",
                        "Type a number or m/n/l/e/q."
                    )
                ),
            },
        }
    }
}

fn target(
    s: &Session,
    action: &str,
    lang: &str,
    input: &mut impl BufRead,
) -> anyhow::Result<Option<Decision>> {
    let options: Vec<_> = s
        .options()
        .into_iter()
        .filter(|o| o.action == action)
        .collect();
    if options.is_empty() {
        println!(
            "{}",
            t(
                lang,
                "现在没有可以做这件事的对象。",
                "There is nobody to do this with yet."
            )
        );
        return Ok(None);
    }
    if let [only] = options.as_slice()
        && only.target.is_none()
    {
        return Ok(Some(Decision::Act {
            action: action.to_string(),
            target: None,
        }));
    }
    for (i, o) in options.iter().enumerate() {
        let name = o
            .target
            .as_deref()
            .map(|id| s.scenario().person_name(id, lang))
            .unwrap_or_default();
        match &o.blocked {
            None => println!("  {}. {name}", i + 1),
            Some(b) => println!(
                "  {}. {name} — {} {}",
                i + 1,
                t(lang, "不可用：", "unavailable:"),
                narrate::blocked_reason(b, lang)
            ),
        }
    }
    let Some(line) = ask(
        t(lang, "对谁（回车取消）", "with whom (Enter to cancel)"),
        input,
    )?
    else {
        return Ok(None);
    };
    Ok(line
        .parse::<usize>()
        .ok()
        .and_then(|n| options.get(n.wrapping_sub(1)))
        .map(|o| Decision::Act {
            action: action.to_string(),
            target: o.target.clone(),
        }))
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
    let speaker = scene
        .speaker
        .as_deref()
        .map(|p| format!("{}: ", sc.person_name(p, lang)))
        .unwrap_or_default();
    println!(
        "\n┌──────────\n│ {speaker}{}\n└──────────",
        scene.text.get(lang)
    );
    let choices = s.choices();
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
                "  {}. {label} — {} {}",
                i + 1,
                t(lang, "不可选：", "unavailable:"),
                reason.get(lang)
            ),
        }
    }
    loop {
        let Some(line) = ask("", input)? else {
            return Ok(None);
        };
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
            t(lang, "请选择一个可用的编号。", "Pick an available number.")
        );
    }
}

fn bid(s: &Session, lang: &str, input: &mut impl BufRead) -> anyhow::Result<Option<Decision>> {
    let tender = &s.scenario().tender;
    println!("\n══ {} ══", t(lang, "编制标书", "Compose your bid"));
    println!(
        "{}\n{}",
        t(
            lang,
            "你所了解的各人关心的标准：",
            "What you know each person cares about:"
        ),
        screen::map(s, lang)
    );
    let Some(price) = pick(
        t(lang, "报价", "Price"),
        &tender.price_levels,
        1,
        true,
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
    lang: &str,
    input: &mut impl BufRead,
) -> anyhow::Result<Option<Vec<String>>> {
    println!(
        "{title} ({}):",
        if one {
            t(lang, "选一项", "pick one").to_string()
        } else {
            format!(
                "{} {max} {}",
                t(lang, "最多", "up to"),
                t(
                    lang,
                    "项，用空格分隔，可留空",
                    "numbers separated by spaces, or none"
                )
            )
        }
    );
    for (i, o) in options.iter().enumerate() {
        println!("  {}. {}", i + 1, o.label.get(lang));
    }
    loop {
        let Some(line) = ask("", input)? else {
            return Ok(None);
        };
        let picked: Option<Vec<String>> = line
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

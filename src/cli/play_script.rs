//! `lost-order play --script`: plays a choice script and prints the outcome (as JSON with --json).

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::bail;
use lost_order_core::engine::{Phase, ScriptStop, Session, format_script, read_script};
use lost_order_core::narrate;
use lost_order_core::scenario::Scenario;
use lost_order_core::text::pick;
use serde_json::json;

/// Plays the script at `path` in a new session of `scenario` with `seed`, then prints the
/// outcome in `lang` (one JSON object with `as_json`). `try` lines the session refuses are
/// skipped and `on` lines answer their scenes (docs/scripts.md). Exits 1 with the line and the
/// reason, in `lang`, when a decision is refused.
pub fn run(
    scenario: Arc<Scenario>,
    path: &Path,
    seed: u64,
    lang: &str,
    as_json: bool,
) -> anyhow::Result<ExitCode> {
    // Not a folder or a pipe, at most 1 MiB, UTF-8 with or without a byte-order mark.
    let script = read_script(path)?;
    let mut session = Session::new(scenario, seed);
    match script.play(&mut session) {
        Ok(()) => {}
        Err(ScriptStop::AfterEnd { line }) => {
            bail!(
                "{}: line {line} comes after the session ended",
                path.display()
            );
        }
        Err(ScriptStop::Refused {
            line,
            week,
            decision,
            error,
        }) => {
            // The trainee's words, in their language: which line, then why it was refused.
            let written = format_script(std::slice::from_ref(&*decision));
            let at = pick(
                lang,
                "{path}：第 {n} 行（第 {week} 周，`{line}`）未能执行。",
                "{path}: line {n} (week {week}, `{line}`) was refused.",
            );
            let at = lost_order_core::text::fill(
                at,
                &[
                    ("path", &path.display().to_string()),
                    ("n", &line.to_string()),
                    ("week", &week.to_string()),
                    ("line", written.trim()),
                ],
            );
            eprintln!("{at}\n{}", narrate::error(session.scenario(), &error, lang));
            return Ok(ExitCode::FAILURE);
        }
    }
    if *session.phase() != Phase::Ended {
        let text = pick(
            lang,
            "{path}：脚本在第 {week} 周就结束了，会话还没有结束（当前：{phase}）。",
            "{path}: the script ended in week {week} before the session did (now: {phase}).",
        );
        let phase = narrate::phase_name(session.phase(), session.scenario(), lang);
        eprintln!(
            "{}",
            lost_order_core::text::fill(
                text,
                &[
                    ("path", &path.display().to_string()),
                    ("week", &session.week().to_string()),
                    ("phase", &phase),
                ],
            )
        );
        return Ok(ExitCode::FAILURE);
    }
    let tender = session.tender().expect("an ended session has a tender");
    let ending_title = session
        .scenario()
        .endings
        .iter()
        .find(|e| e.id == tender.ending)
        .map_or(tender.ending.as_str(), |e| e.title.get(lang))
        .to_string();
    if as_json {
        let out = json!({
            "scenario": session.scenario().meta.id,
            "version": session.scenario().meta.version,
            "seed": seed,
            "lang": lang,
            "won": tender.won,
            "margin": tender.margin,
            "ending": tender.ending,
            "ending_title": ending_title,
            "explanation": narrate::explain(&session, lang),
            "score": tender.score.total,
            "rubric": tender.score.lines,
            "decisions": session.decisions().len(),
        });
        println!("{}", serde_json::to_string(&out)?);
    } else {
        for line in narrate::explain(&session, lang) {
            println!("{line}");
        }
        let line = pick(
            lang,
            "结局：{ending} · 得分 {score}/100",
            "Ending: {ending} · score {score}/100",
        );
        println!(
            "{}",
            lost_order_core::text::fill(
                line,
                &[
                    ("ending", &ending_title),
                    ("score", &tender.score.total.to_string()),
                ],
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

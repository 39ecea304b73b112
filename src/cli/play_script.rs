//! `lost-order play --script`: plays a choice script and prints the outcome (as JSON with --json).

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use lost_order_core::engine::{Phase, Session, parse_script};
use lost_order_core::narrate;
use lost_order_core::scenario::Scenario;
use serde_json::json;

pub fn run(
    scenario: Arc<Scenario>,
    path: &Path,
    seed: u64,
    lang: &str,
    as_json: bool,
) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read script {}", path.display()))?;
    let decisions = parse_script(&text).with_context(|| format!("{}", path.display()))?;
    let mut session = Session::new(scenario, seed);
    for (n, decision) in decisions.iter().enumerate() {
        if *session.phase() == Phase::Ended {
            bail!(
                "{}: decision {} comes after the session ended",
                path.display(),
                n + 1
            );
        }
        session.apply(decision).with_context(|| {
            format!(
                "{}: decision {} ({decision:?}) in week {}",
                path.display(),
                n + 1,
                session.week()
            )
        })?;
    }
    if *session.phase() != Phase::Ended {
        bail!(
            "{}: the script ended in week {} before the session did (the session is {:?})",
            path.display(),
            session.week(),
            session.phase()
        );
    }
    let tender = session.tender().expect("an ended session has a tender");
    if as_json {
        let out = json!({
            "scenario": session.scenario().meta.id,
            "version": session.scenario().meta.version,
            "seed": seed,
            "lang": lang,
            "won": tender.won,
            "margin": tender.margin,
            "ending": tender.ending,
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
        println!(
            "ending: {} · score {}/100",
            tender.ending, tender.score.total
        );
    }
    Ok(ExitCode::SUCCESS)
}

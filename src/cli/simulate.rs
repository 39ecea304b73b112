//! `lost-order simulate`: many seeded sessions of one policy (or of every policy) on all
//! cores, summed up.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use lost_order_core::policy::Policy;
use lost_order_core::scenario::{Id, Scenario};
use lost_order_core::simulate::simulate;

pub fn run(
    scenario: Arc<Scenario>,
    policy: Policy,
    runs: u64,
    seed: u64,
    as_json: bool,
    records: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let done = AtomicU64::new(0);
    let record_error: Mutex<Option<anyhow::Error>> = Mutex::new(None);
    let show_progress = std::io::IsTerminal::is_terminal(&std::io::stderr()) && runs >= 1000;
    let progress = |run: &lost_order_core::simulate::Run| {
        if let Some(dir) = records {
            // One record per run, named as a trainee's would be.
            let player = format!("sim-{}-{}", policy.name(), run.seed.wrapping_sub(seed));
            let written = lost_order_app::records::start(dir, &run.session, &player)
                .map_err(anyhow::Error::from);
            if let Err(e) = written {
                record_error
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .get_or_insert(e);
            }
        }
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if show_progress && n.is_multiple_of((runs / 20).max(1)) {
            eprint!("\r{n}/{runs} sessions");
            let _ = std::io::stderr().flush();
        }
    };
    let summary = simulate(&scenario, policy, runs, seed, &progress)?;
    if let Some(e) = record_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    if show_progress {
        eprintln!();
    }
    if as_json {
        println!("{}", serde_json::to_string(&summary)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("scenario   {} {}", scenario.meta.id, scenario.meta.version);
    println!("policy     {}", summary.policy);
    println!(
        "runs       {} (seeds {}..{})",
        summary.runs,
        seed,
        seed.wrapping_add(runs.saturating_sub(1))
    );
    println!(
        "wins       {} ({:.1}%)",
        summary.wins,
        summary.win_rate * 100.0
    );
    println!(
        "score      mean {:.1}, min {}, max {}",
        summary.score.mean, summary.score.min, summary.score.max
    );
    println!("endings");
    for (ending, count) in &summary.endings {
        println!(
            "  {ending:<16} {count:>7} ({:.1}%)",
            *count as f64 * 100.0 / summary.runs.max(1) as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// How `--all-policies` prints its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    /// One JSON array of summaries.
    Json,
    /// CSV with a header row, endings as `id count; id count`.
    Csv,
}

/// Every policy in turn on the same seeds: one row each (policy, win rate, mean, p10, p90,
/// endings). Progress (`policy 3/15: name`) goes to stderr when it is a terminal.
pub fn run_all(
    scenario: Arc<Scenario>,
    runs: u64,
    seed: u64,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let show_progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut rows = Vec::new();
    for (i, policy) in Policy::ALL.into_iter().enumerate() {
        if show_progress {
            eprint!(
                "\rpolicy {}/{}: {:<24}",
                i + 1,
                Policy::ALL.len(),
                policy.name()
            );
            let _ = std::io::stderr().flush();
        }
        rows.push(simulate(&scenario, policy, runs, seed, &|_| {})?);
    }
    if show_progress {
        eprintln!();
    }
    let endings = |s: &lost_order_core::simulate::Summary| {
        let mut e: Vec<(&Id, &u64)> = s.endings.iter().collect();
        e.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        e.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match format {
        Format::Json => println!("{}", serde_json::to_string(&rows)?),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(std::io::stdout());
            w.write_record([
                "policy",
                "runs",
                "win_rate",
                "score_mean",
                "score_p10",
                "score_p90",
                "endings",
            ])?;
            for s in &rows {
                w.write_record([
                    s.policy.clone(),
                    s.runs.to_string(),
                    format!("{:.3}", s.win_rate),
                    format!("{:.1}", s.score.mean),
                    s.score.p10.to_string(),
                    s.score.p90.to_string(),
                    endings(s),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            println!(
                "scenario {} {} · {runs} runs each, seeds {seed}..{}",
                scenario.meta.id,
                scenario.meta.version,
                seed.wrapping_add(runs.saturating_sub(1))
            );
            println!(
                "{:<22} {:>6} {:>6} {:>4} {:>4}  endings",
                "policy", "wins", "mean", "p10", "p90"
            );
            for s in &rows {
                println!(
                    "{:<22} {:>5.1}% {:>6.1} {:>4} {:>4}  {}",
                    s.policy,
                    s.win_rate * 100.0,
                    s.score.mean,
                    s.score.p10,
                    s.score.p90,
                    endings(s)
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

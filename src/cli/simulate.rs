//! `lost-order simulate`: many seeded sessions of one policy on all cores, summed up.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use lost_order_core::policy::Policy;
use lost_order_core::scenario::Scenario;
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

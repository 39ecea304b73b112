//! Times the deep check of a case and prints its findings as `lost-order check --deep` does.
//!
//! `cargo run --release -p lost-order-core --example deep_check -- [FILE] [WALKS] [SEEDS]`
//! (defaults: scenarios/lost_order.ron, and the default budget's walks and seeds per policy).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use lost_order_core::explore::{Budget, explore};
use lost_order_core::load::check_file;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let file = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/lost_order.ron"),
        PathBuf::from,
    );
    let mut budget = Budget::default();
    if let Some(walks) = args.next() {
        budget.walks = walks.parse()?;
    }
    if let Some(seeds) = args.next() {
        budget.seeds_per_policy = seeds.parse()?;
    }
    let checked = check_file(&file)?;
    let (path, source) = (checked.path.clone(), checked.source.clone());
    let scenario = Arc::new(checked.into_scenario()?);
    let started = Instant::now();
    let found = explore(&scenario, &source, &budget, &|_| {});
    let took = started.elapsed();
    for f in &found.findings {
        print!("{}", f.diagnostic.render(&path, &source));
        if let Some(r) = &f.repro {
            println!("  seed {} ({}), decisions:\n{}", r.seed, r.how, r.script());
        }
    }
    for p in &found.policies {
        println!(
            "{:>22}: {:5.1}% of {} seeds, mean score {:.1}",
            p.policy,
            100.0 * p.wins as f64 / p.runs.max(1) as f64,
            p.runs,
            p.mean_score
        );
    }
    println!(
        "{} findings from {} sessions ({} ended) in {:.2} s ({} threads)",
        found.findings.len(),
        found.sessions,
        found.ended,
        took.as_secs_f64(),
        rayon::current_num_threads()
    );
    Ok(())
}

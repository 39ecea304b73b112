//! Writes N session records of random-policy sessions of a scenario into a folder, as
//! `lost-order simulate --policy random --runs N --seed SEED --records DIR` does (seeds
//! SEED…SEED+N−1, players `sim-random-0`…), without building the binary: the class report's
//! benchmark input (docs/performance.md, "The class report").
//!
//! `cargo run --release -p lost-order-app --example write_records -- N DIR [SEED] [FILE]`
//! (defaults: seed 1, scenarios/lost_order.ron).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use lost_order_core::load::load_file;
use lost_order_core::policy::Policy;
use lost_order_core::simulate::simulate;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: write_records N DIR [SEED] [FILE]";
    let runs: u64 = args.next().ok_or(usage)?.parse()?;
    let dir = PathBuf::from(args.next().ok_or(usage)?);
    let seed: u64 = args.next().map_or(Ok(1), |a| a.parse())?;
    let file = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/lost_order.ron"),
        PathBuf::from,
    );
    let scenario = Arc::new(load_file(&file)?);
    let policy = Policy::Random;
    let failed: Mutex<Option<String>> = Mutex::new(None);
    let each = |run: &lost_order_core::simulate::Run| {
        // The same player names as the simulator's records.
        let player = format!("sim-{}-{}", policy.name(), run.seed.wrapping_sub(seed));
        if let Err(e) = lost_order_app::records::start(&dir, &run.session, &player) {
            failed
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .get_or_insert(e.to_string());
        }
    };
    let summary = simulate(&scenario, policy, runs, seed, &each)?;
    if let Some(e) = failed.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e.into());
    }
    println!(
        "{} records in {} ({} won)",
        summary.runs,
        dir.display(),
        summary.wins
    );
    Ok(())
}

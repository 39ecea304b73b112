//! Random playthroughs of a scenario one after another on this thread, as `random_per_second`
//! plays them, with mimalloc as the global allocator instead of the system's: what the binary
//! would gain from it (docs/performance.md, "Engine speed").
//!
//! `taskset -c 0 cargo run --release -p lost-order-core --example random_mimalloc -- [RUNS] [FILE]`
//! (defaults: 20 000 runs of scenarios/lost_order.ron).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use lost_order_core::load::load_file;
use lost_order_core::policy::Policy;
use lost_order_core::simulate::play;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let runs: u64 = args.next().map_or(Ok(20_000), |a| a.parse())?;
    let file = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/lost_order.ron"),
        PathBuf::from,
    );
    let scenario = Arc::new(load_file(&file)?);
    let start = Instant::now();
    let mut wins = 0u64;
    for seed in 0..runs {
        let run = play(scenario.clone(), Policy::Random, seed)?;
        wins += u64::from(run.session.tender().is_some_and(|t| t.won));
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{runs} random playthroughs in {secs:.3} s: {:.0} per second ({wins} won; mimalloc)",
        runs as f64 / secs
    );
    Ok(())
}

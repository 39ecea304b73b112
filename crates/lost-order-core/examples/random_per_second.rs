//! Plays random playthroughs of a scenario one after another on this thread and prints how
//! many per second and how many heap allocations each took: a quick single-core figure, and
//! a steady load for `perf record`.
//!
//! `taskset -c 0 cargo run --release -p lost-order-core --example random_per_second -- [RUNS] [FILE]`
//! (defaults: 20 000 runs of scenarios/lost_order.ron).

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use lost_order_core::load::load_file;
use lost_order_core::policy::Policy;
use lost_order_core::simulate::play;

/// The system allocator, counting allocations (and reallocations).
struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's promises are passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let runs: u64 = args.next().map_or(Ok(20_000), |a| a.parse())?;
    let file = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/lost_order.ron"),
        PathBuf::from,
    );
    let scenario = Arc::new(load_file(&file)?);
    let allocations = ALLOCATIONS.load(Ordering::Relaxed);
    let start = Instant::now();
    let mut wins = 0u64;
    for seed in 0..runs {
        let run = play(scenario.clone(), Policy::Random, seed)?;
        wins += u64::from(run.session.tender().is_some_and(|t| t.won));
    }
    let secs = start.elapsed().as_secs_f64();
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - allocations;
    println!(
        "{runs} random playthroughs in {secs:.3} s: {:.0} per second, {:.0} allocations each ({wins} won)",
        runs as f64 / secs,
        allocations as f64 / runs.max(1) as f64
    );
    Ok(())
}

//! The engine's speed: random playthroughs of the flagship, and loading and checking it.
//!
//! `cargo bench -p lost-order-core --bench engine_speed`; figures and targets are in
//! docs/performance.md ("Engine speed").

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lost_order_core::load::{check_source, load_file};
use lost_order_core::policy::Policy;
use lost_order_core::simulate::play;

/// The flagship scenario's file, `scenarios/lost_order.ron` at the workspace's root.
fn flagship_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/lost_order.ron")
}

/// One random playthrough of the flagship per iteration, each with the next seed, on the
/// bench's one thread (the figure is per core; `simulate` spreads runs over all cores).
fn random_playthrough(c: &mut Criterion) {
    let scenario = Arc::new(load_file(&flagship_path()).expect("the flagship loads"));
    let mut group = c.benchmark_group("flagship");
    group.throughput(Throughput::Elements(1));
    let mut seed = 0u64;
    group.bench_function("random_playthrough", |b| {
        b.iter(|| {
            seed = seed.wrapping_add(1);
            play(scenario.clone(), Policy::Random, black_box(seed)).expect("random play ends")
        })
    });
    group.finish();
}

/// Loading the flagship from disk and checking it (read, parse, validate), and checking a
/// source already in memory.
fn load_and_check(c: &mut Criterion) {
    let path = flagship_path();
    let source = std::fs::read_to_string(&path).expect("the flagship is readable");
    let mut group = c.benchmark_group("flagship");
    group.bench_function("load_file", |b| {
        b.iter(|| load_file(black_box(&path)).expect("the flagship loads"))
    });
    group.bench_function("check_source", |b| {
        b.iter(|| check_source("lost_order.ron", black_box(&source)))
    });
    group.finish();
}

criterion_group!(benches, random_playthrough, load_and_check);
criterion_main!(benches);

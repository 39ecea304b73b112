//! Prints, for each policy, the `simulate` summary and a digest of every session's observable
//! state, so that two builds of the engine can be compared byte for byte.
//!
//! `cargo run --release -p lost-order-core --example session_digest -- [RUNS] [SEED] [FILE]`
//! (defaults: 300 runs from seed 0 of scenarios/lost_order.ron). Diff the output of two builds.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use lost_order_core::load::load_file;
use lost_order_core::policy::Policy;
use lost_order_core::simulate::{Run, simulate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let runs: u64 = args.next().map_or(Ok(300), |a| a.parse())?;
    let seed: u64 = args.next().map_or(Ok(0), |a| a.parse())?;
    let file = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/lost_order.ron"),
        PathBuf::from,
    );
    let scenario = Arc::new(load_file(&file)?);
    for policy in Policy::ALL {
        let digests = Mutex::new(Vec::new());
        let each = |run: &Run| {
            let digest = digest(run);
            digests
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push((run.seed, digest));
        };
        let summary = simulate(&scenario, policy, runs, seed, &each)?;
        let mut digests = digests.into_inner().unwrap_or_else(|p| p.into_inner());
        digests.sort_by_key(|(seed, _)| *seed);
        let mut all = blake3::Hasher::new();
        for (seed, d) in &digests {
            all.update(&seed.to_le_bytes());
            all.update(d.as_bytes());
        }
        println!("{}", serde_json::to_string(&summary)?);
        println!("{} sessions {}", policy.name(), all.finalize().to_hex());
    }
    Ok(())
}

/// BLAKE3 of everything a front end, a record or a report can read of a finished session.
fn digest(run: &Run) -> blake3::Hash {
    let s = &run.session;
    let parts = [
        json(s.phase()),
        json(&s.week()),
        json(&s.points()),
        json(&s.budget()),
        json(s.beliefs()),
        json(s.log()),
        json(s.decisions()),
        json(s.history()),
        json(s.grades()),
        json(&s.tender()),
        json(s.hidden_timeline()),
        json(&s.known_tender()),
        json(s.truth()),
        json(&s.covered_roles()),
        json(&s.notebook().collect::<Vec<_>>()),
    ];
    blake3::hash(parts.join("\n").as_bytes())
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("unserialisable: {e}"))
}

//! Determinism in one process: the same seed and decisions give identical sessions.

use std::sync::Arc;

use lost_order_core::engine::{Session, parse_script};
use lost_order_core::load::load_file;

#[test]
fn same_seed_and_script_replay_identically_in_one_process() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let scenario = Arc::new(
        load_file(std::path::Path::new(&format!(
            "{root}/scenarios/lost_order.ron"
        )))
        .unwrap(),
    );
    let script =
        std::fs::read_to_string(format!("{root}/tests/golden/full_coverage.script")).unwrap();
    let decisions = parse_script(&script).unwrap();
    let play = || {
        let mut s = Session::new(scenario.clone(), 11);
        for d in &decisions {
            s.apply(d).unwrap();
        }
        let made: Vec<_> = s
            .decisions()
            .iter()
            .map(|m| (m.week, m.result.clone()))
            .collect();
        (
            serde_json::to_string(s.tender().unwrap()).unwrap(),
            serde_json::to_string(s.history()).unwrap(),
            made,
        )
    };
    let first = play();
    assert_eq!(first, play());
    assert!(first.0.contains("\"won\":true"), "{}", first.0);
}

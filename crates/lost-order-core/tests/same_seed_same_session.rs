//! Determinism in one process: the same seed and decisions give identical sessions.

mod common;

use lost_order_core::engine::Session;

#[test]
fn same_seed_and_script_replay_identically_in_one_process() {
    let scenario = common::flagship();
    let decisions = common::golden("full_coverage.script");
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

//! Two hundred simulated trainees of the flagship join one server on loopback and finish;
//! every record in the class folder replays exactly and says what the trainee's own says, and
//! the class report over the class folder is the report over the trainees' own records.

mod common;

use std::time::Duration;

use lost_order_class::{Limits, Simulation, simulate_class};
use lost_order_core::policy::Policy;

#[test]
fn two_hundred_trainees_join_one_server_and_every_record_replays() {
    let dir = common::fresh_dir("200");
    let server = common::class_server(&dir.join("class"), common::loopback(), Limits::default());
    let outcome = simulate_class(&Simulation {
        url: server.url(),
        code: server.code().to_string(),
        policy: Policy::Random,
        trainees: 200,
        prefix: "trainee-".into(),
        faults: None,
        records: dir.join("local"),
        think: Duration::from_millis(100),
        arrival: Duration::ZERO,
        patience: Duration::from_secs(120),
    });
    let l = outcome.latency;
    eprintln!(
        "200 trainees: {} lines acknowledged in {:?}; ack latency p50 {:?} p95 {:?} p99 {:?} max {:?}",
        l.lines, outcome.elapsed, l.p50, l.p95, l.p99, l.max
    );
    assert!(outcome.problems.is_empty(), "{:#?}", outcome.problems);
    assert!(outcome.differences.is_empty(), "{:#?}", outcome.differences);
    assert_eq!(outcome.finished, 200);
    assert_eq!(outcome.lost_acknowledged, 0);
    assert!(l.lines >= 200 * 10, "{} lines", l.lines);
    drop(server);
    assert_eq!(common::replay_all(&dir.join("class")), 200);
    assert_eq!(common::replay_all(&dir.join("local")), 200);
    let served = report_of(&dir.join("class"));
    let offline = report_of(&dir.join("local"));
    assert_eq!(served["finished"], 200);
    assert_eq!(served, offline);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The class report over the records in `dir`, as JSON, without what differs by where and
/// when a file was written (its name, its start time), the sessions by player.
fn report_of(dir: &std::path::Path) -> serde_json::Value {
    let files = lost_order_app::records::record_files(&[dir.to_path_buf()]).unwrap();
    let report = lost_order_core::report::build(common::flagship_scenario(), &files, "en");
    let mut json = serde_json::to_value(&report).unwrap();
    let sessions = json["sessions"].as_array_mut().unwrap();
    for row in sessions.iter_mut() {
        row["file"] = serde_json::Value::Null;
        row["started"] = serde_json::Value::Null;
    }
    sessions.sort_by_key(|row| row["player"].as_str().unwrap_or_default().to_string());
    json
}

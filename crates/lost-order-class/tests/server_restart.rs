//! The server is stopped at once (as a crash) and started again on the same folder while 50
//! trainees play, with faults injected: nothing acknowledged is lost, every trainee finishes,
//! every record replays and each trainee has one record.

mod common;

use std::time::Duration;

use lost_order_class::{Faults, Limits, Simulation, simulate_class};
use lost_order_core::policy::Policy;

#[test]
fn a_server_stopped_and_started_again_mid_class_loses_nothing_acknowledged() {
    let dir = common::fresh_dir("restart");
    let class = dir.join("class");
    let server = common::class_server(&class, common::loopback(), Limits::default());
    let (addr, code) = (server.addr(), server.code().to_string());
    let sim = Simulation {
        url: server.url(),
        code: code.clone(),
        policy: Policy::FullCoverage,
        trainees: 50,
        prefix: "restart-".into(),
        faults: Some(Faults::all(0.05)),
        records: dir.join("local"),
        think: Duration::from_millis(15),
        arrival: Duration::ZERO,
        patience: Duration::from_secs(60),
    };
    let playing = std::thread::spawn(move || simulate_class(&sim));
    // Once ten trainees have joined (the others joining or playing), and a little play.
    common::wait_for_records(&dir.join("local"), 10);
    std::thread::sleep(Duration::from_millis(150));
    server.stop();
    std::thread::sleep(Duration::from_millis(300));
    let again = common::class_server(&class, addr, Limits::default());
    assert_eq!(again.code(), code, "the class keeps its code");
    assert!(again.warnings().is_empty(), "{:?}", again.warnings());
    assert!(
        again.trainees_at_start() > 0,
        "trainees had joined before the stop"
    );
    let outcome = playing.join().unwrap();
    eprintln!(
        "restart: {} trainees finished, {} lines, p99 {:?}",
        outcome.finished, outcome.latency.lines, outcome.latency.p99
    );
    assert!(outcome.problems.is_empty(), "{:#?}", outcome.problems);
    assert!(outcome.differences.is_empty(), "{:#?}", outcome.differences);
    assert_eq!(outcome.lost_acknowledged, 0);
    assert_eq!(outcome.finished, 50);
    drop(again);
    assert_eq!(common::replay_all(&class), 50, "one record per trainee");
    let _ = std::fs::remove_dir_all(&dir);
}

//! What the class tests share: a fresh folder, the flagship, a server on loopback.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lost_order_class::server::scenario_source;
use lost_order_class::{ClassOptions, ClassServer, Limits, ScenarioSource, serve};
use lost_order_core::load::check_source;
use lost_order_core::record::{read_record, replay};
use lost_order_core::scenario::Scenario;

/// A new empty folder under the system's temporary folder, unique to `name` and this process.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lo-class-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The flagship's source, as shipped.
pub fn flagship() -> ScenarioSource {
    scenario_source(Path::new("lost_order.ron")).unwrap()
}

/// The flagship, loaded.
pub fn flagship_scenario() -> Arc<Scenario> {
    let s = flagship();
    Arc::new(check_source(&s.file, &s.source).into_scenario().unwrap())
}

/// A flagship class with seed 7 in `dir`, on `bind` (127.0.0.1:0 for any free port).
pub fn class_server(dir: &Path, bind: SocketAddr, limits: Limits) -> ClassServer {
    serve(ClassOptions {
        dir: dir.to_path_buf(),
        bind,
        scenario: flagship(),
        seed: Some(7),
        code: None,
        roster: None,
        limits,
    })
    .unwrap()
}

pub fn loopback() -> SocketAddr {
    "127.0.0.1:0".parse().unwrap()
}

/// Every record in `dir`, each checked to replay exactly against the flagship and to be
/// finished; how many there are.
pub fn replay_all(dir: &Path) -> usize {
    let scenario = flagship_scenario();
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".record.ron") {
            continue;
        }
        let record = read_record(&path).unwrap();
        assert!(
            record.warnings.is_empty(),
            "{}: {:?}",
            path.display(),
            record.warnings
        );
        replay(scenario.clone(), &record).unwrap_or_else(|d| panic!("{}: {d}", path.display()));
        assert!(
            record.finished.is_some(),
            "{}: not finished",
            path.display()
        );
        n += 1;
    }
    n
}

/// An HTTP client that hands back refusals as answers, with a 10 s limit per request.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(10)))
        .build()
        .into()
}

/// Waits (up to 30 s) until `dir` holds at least `n` session records: trainees who joined
/// (a simulated trainee starts its local record once the server has answered its join).
pub fn wait_for_records(dir: &Path, n: usize) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while std::time::Instant::now() < deadline {
        let found = std::fs::read_dir(dir).map_or(0, |read| {
            read.flatten()
                .filter(|e| e.path().to_string_lossy().ends_with(".record.ron"))
                .count()
        });
        if found >= n {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{}: fewer than {n} records after 30 s", dir.display());
}

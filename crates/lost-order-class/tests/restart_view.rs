//! The live view after a restart: a trainee found again in the class folder was last
//! acknowledged when their record was last appended to, not when the server started.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use lost_order_class::server::Standing;
use lost_order_class::{ClassLink, ClassRecord, Credentials, Limits};
use lost_order_core::engine::{Decision, Dice, Phase, Session};
use lost_order_core::policy::Policy;

/// Plays `name` in the class at `url` with `code` until `decisions` are taken (or the end).
fn play(dir: &Path, url: &str, code: &str, name: &str, decisions: usize) {
    let (link, joined) = ClassLink::join(
        Credentials {
            url: url.to_string(),
            code: code.to_string(),
            name: name.into(),
            device: format!("{name}-laptop"),
        },
        None,
        0,
    )
    .unwrap();
    let mut session = Session::new(common::flagship_scenario(), joined.seed);
    let writer = lost_order_app::records::start(&dir.join("local"), &session, name).unwrap();
    let mut record = ClassRecord::new(writer, link);
    let mut dice = Dice::new(5);
    while session.decisions().len() < decisions && *session.phase() != Phase::Ended {
        let d = Policy::FullCoverage.decide(&session, &mut dice);
        if session.apply(&d).is_err() {
            session.apply(&Decision::EndWeek).unwrap();
        }
        record.sync(&session).unwrap();
    }
    assert!(record.link().flush(Duration::from_secs(10)));
}

/// The class's records in `dir`.
fn records(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".record.ron"))
        .collect()
}

#[test]
fn a_restarted_class_shows_each_trainee_last_acknowledged_when_their_record_was() {
    let dir = common::fresh_dir("restart-view");
    let class = dir.join("class");
    let server = common::class_server(&class, common::loopback(), Limits::default());
    let (url, code) = (server.url(), server.code());
    play(&dir, &url, &code, "Zhang Wei", usize::MAX);
    play(&dir, &url, &code, "Li Na", 2);
    server.stop();

    let ten_minutes_ago = SystemTime::now() - Duration::from_secs(600);
    let found = records(&class);
    assert_eq!(found.len(), 2);
    for path in &found {
        let file = std::fs::File::options().append(true).open(path).unwrap();
        file.set_modified(ten_minutes_ago).unwrap();
    }

    // Started again twice: the second start finds the times of the records' last lines too
    // (reopening a record to append to it keeps its time).
    for start in 1..=2 {
        let again = common::class_server(&class, common::loopback(), Limits::default());
        assert_eq!(again.trainees_at_start(), 2);
        let view = again.view();
        let row = |name: &str| {
            view.trainees
                .iter()
                .find(|t| t.name == name)
                .unwrap()
                .clone()
        };
        let (zhang, li) = (row("Zhang Wei"), row("Li Na"));
        for t in [&zhang, &li] {
            assert!(
                (599..=620).contains(&t.seen_seconds_ago),
                "start {start}: {} last acknowledged {} s ago",
                t.name,
                t.seen_seconds_ago
            );
        }
        assert_eq!(zhang.standing, Standing::Finished, "start {start}");
        assert_eq!(
            (li.standing, li.decisions),
            (Standing::Disconnected, 2),
            "start {start}: not posting since the start"
        );
        drop(again);
    }

    // A record with a time in the future: as if acknowledged at the start.
    let next_hour = SystemTime::now() + Duration::from_secs(3600);
    for path in &found {
        let file = std::fs::File::options().append(true).open(path).unwrap();
        file.set_modified(next_hour).unwrap();
    }
    let again = common::class_server(&class, common::loopback(), Limits::default());
    for t in &again.view().trainees {
        assert!(
            t.seen_seconds_ago < 5,
            "{}: {} s",
            t.name,
            t.seen_seconds_ago
        );
    }
    drop(again);
    let _ = std::fs::remove_dir_all(&dir);
}

//! Session records on the real binary: kill it mid-session, nothing is lost; resume; replay.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::{lost_order, only_file as only_record, stdout};

fn dir(name: &str) -> PathBuf {
    common::temp_dir("cli-records", name)
}

fn replay(record: &Path) -> (bool, String) {
    let out = lost_order().arg("replay").arg(record).output().unwrap();
    (out.status.success(), stdout(&out))
}

#[test]
fn killing_the_terminal_game_loses_no_decision_and_resume_finishes_it() {
    let records = dir("crash");
    // Week 1 of the tutorial: the scene, three actions, end of week.
    let week_one = "1\n2b\n2c\n2a\ne\n";
    let mut child = lost_order()
        .args([
            "play",
            "--text",
            "--lang",
            "en",
            "--seed",
            "1",
            "--player",
            "Li Lei",
            "--records",
        ])
        .arg(&records)
        .arg("scenarios/tutorial.ron")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(week_one.as_bytes())
        .unwrap();
    child.stdin.as_mut().unwrap().flush().unwrap();
    // Wait until the end of week 1 is on disk, then kill the process without warning.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let record = loop {
        assert!(
            std::time::Instant::now() < deadline,
            "week 1 never reached the record"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
        if let Ok(mut e) = std::fs::read_dir(&records)
            && let Some(Ok(f)) = e.next()
            && std::fs::read_to_string(f.path())
                .unwrap_or_default()
                .contains("EndWeek")
        {
            break f.path();
        }
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        record
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("tutorial-Li_Lei-1-")
    );
    let (ok, said) = replay(&record);
    assert!(ok, "{said}");
    assert!(
        said.contains("5 decisions replayed exactly; unfinished, in week 2"),
        "{said}"
    );

    // Resume and play weeks 2 and 3 and the bid.
    let rest = "4b\n4c\n4a\ne\ne\n1\n1 2\n1\n";
    let mut resume = lost_order();
    resume
        .args(["play", "--text", "--lang", "en", "--resume"])
        .arg(&record);
    let out = common::run_typed(resume, rest);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("you won the order"),
        "{text}"
    );
    assert_eq!(only_record(&records), record);
    let (ok, said) = replay(&record);
    assert!(ok && said.contains("finished: won"), "{said}");
}

#[test]
fn replay_fails_with_the_first_divergence_when_the_record_was_altered() {
    let records = dir("diverge");
    let out = lost_order()
        .args([
            "simulate",
            "--policy",
            "full-coverage",
            "--runs",
            "1",
            "--seed",
            "11",
            "--records",
        ])
        .arg(&records)
        .arg("scenarios/lost_order.ron")
        .output()
        .unwrap();
    assert!(out.status.success());
    let record = only_record(&records);
    let (ok, said) = replay(&record);
    assert!(ok, "{said}");
    // Change one result, as if the scenario had been edited since.
    let text = std::fs::read_to_string(&record).unwrap();
    let altered = text.replacen(
        "result:Some(\"introduced\")",
        "result:Some(\"declined\")",
        1,
    );
    assert_ne!(text, altered);
    std::fs::write(&record, altered).unwrap();
    let (ok, said) = replay(&record);
    assert!(!ok, "{said}");
    assert!(said.contains("diverged at decision"), "{said}");
}

/// Golden records, kept in the repository: they must replay exactly as long as the flagship is
/// unchanged. (When the flagship is edited on purpose, regenerate them with
/// `lost-order simulate --policy P --runs 1 --seed 11 --records DIR` and copy them here.)
#[test]
fn golden_records_replay_exactly() {
    for (file, expect) in [
        (
            "tests/golden/full_coverage-seed11.record.ron",
            "finished: won (won_on_value), score 95/100",
        ),
        (
            "tests/golden/liao-seed11.record.ron",
            "finished: lost (vetoed), score 17/100",
        ),
    ] {
        let (ok, said) = replay(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file));
        assert!(ok, "{said}");
        assert!(said.contains(expect), "{file}: {said}");
    }
}

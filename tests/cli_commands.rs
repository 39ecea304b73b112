//! The real binary's subcommands: exit codes, messages and outputs a user relies on.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::{lost_order, run, stderr, stdout, temp_dir};

#[test]
fn check_passes_shipped_scenarios() {
    let o = run(&[
        "check",
        "scenarios/lost_order.ron",
        "scenarios/tutorial.ron",
    ]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 error(s), 0 warning(s)"));
}

#[test]
fn check_fails_with_position_caret_and_hint() {
    let o = run(&["check", "tests/malformed/unknown_person.ron"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("tests/malformed/unknown_person.ron:33:115: error: unknown person `tehc`"),
        "{out}"
    );
    assert!(out.contains("^^^^^^ did you mean `tech`?"), "{out}");
}

#[test]
fn check_reports_a_missing_file_clearly() {
    let o = run(&["check", "no/such/file.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("no/such/file.ron: cannot read"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn play_script_reports_a_bad_decision_with_its_place() {
    let dir = temp_dir("cli", "bad-decision");
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("bad.script");
    std::fs::write(&script, "choose ask_who\nact visit wang\n").unwrap();
    let o = run(&[
        "play",
        "--script",
        script.to_str().unwrap(),
        "--seed",
        "1",
        "--json",
        "scenarios/lost_order.ron",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("decision 2") && err.contains("Chief Engineer Wang: you do not know them yet"),
        "{err}"
    );
}

#[test]
fn simulate_prints_the_promised_json() {
    let o = run(&[
        "simulate",
        "--policy",
        "liao",
        "--runs",
        "50",
        "--seed",
        "3",
        "--json",
        "scenarios/lost_order.ron",
    ]);
    assert!(o.status.success());
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["policy"], "liao");
    assert_eq!(j["runs"], 50);
    assert_eq!(j["wins"], 0);
    assert_eq!(j["win_rate"], 0.0);
    assert_eq!(j["endings"]["vetoed"], 50);
    for key in ["mean", "min", "max"] {
        assert!(j["score"][key].is_number(), "{j}");
    }
}

#[test]
fn simulate_rejects_an_unknown_policy() {
    let o = run(&[
        "simulate",
        "--policy",
        "bribe-everyone",
        "scenarios/lost_order.ron",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("full-coverage"));
}

/// Plays the tutorial start to finish by typing into the terminal mode, in both languages.
#[test]
fn play_text_runs_a_whole_session_from_typed_input() {
    // Scene: ask for introductions (a is the buyer, met first; b the owner and c the
    // technician, introduced in that order). Weeks: needs, then proposals, with each; bid.
    let typed = "1\n2b\n2c\n2a\ne\n4b\n4c\n4a\ne\ne\n1\n1 2\n1\n";
    let home = temp_dir("cli", "text");
    for (lang, won) in [("en", "you won the order"), ("zh", "你赢得了订单")] {
        let mut child = lost_order()
            .env("LOST_ORDER_HOME", &home)
            .args([
                "play",
                "--text",
                "--lang",
                lang,
                "--seed",
                "1",
                "scenarios/tutorial.ron",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(typed.as_bytes())
            .unwrap();
        let o = child.wait_with_output().unwrap();
        let out = stdout(&o);
        assert!(o.status.success(), "{out}");
        assert!(out.contains(won), "{lang}: {out}");
        assert!(out.contains("/100"), "{out}");
    }
    // Both sessions were recorded, under distinct names though they share seed and second.
    let records: Vec<_> = std::fs::read_dir(home.join("data/records"))
        .unwrap()
        .collect();
    assert_eq!(records.len(), 2);
}

/// An action that costs more points than are left: exit 1 and a sentence in the trainee's
/// language, never Debug output.
#[test]
fn a_script_action_without_enough_points_is_refused_in_words() {
    let dir = temp_dir("cli", "no-points");
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("too-much.script");
    // Three points a week; the fourth action has none left.
    std::fs::write(
        &script,
        "choose thanks\nact visit buyer\nact needs buyer\nact introduce buyer\nact visit buyer\n",
    )
    .unwrap();
    for (lang, words) in [
        ("en", ["decision 5", "not enough action points"]),
        ("zh", ["第 5 条决定", "行动点不足"]),
    ] {
        let o = run(&[
            "play",
            "--script",
            script.to_str().unwrap(),
            "--seed",
            "1",
            "--lang",
            lang,
            "scenarios/tutorial.ron",
        ]);
        assert_eq!(o.status.code(), Some(1), "{lang}");
        let err = stderr(&o);
        for w in words {
            assert!(err.contains(w), "{lang}: `{w}` missing from {err}");
        }
        for debug in ["{", "}", "NotEnoughPoints", "Blocked"] {
            assert!(!err.contains(debug), "{lang}: `{debug}` in {err}");
        }
    }
}

/// Two trainees who start `play --text` at the same moment get different worlds.
#[test]
fn two_sessions_started_together_get_different_seeds() {
    let home = temp_dir("cli", "seeds");
    let children: Vec<_> = (0..2)
        .map(|i| {
            let mut child = lost_order()
                .env("LOST_ORDER_HOME", &home)
                .args(["play", "--text", "--lang", "en", "--player"])
                .arg(format!("trainee-{i}"))
                .arg("scenarios/tutorial.ron")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap();
            child.stdin.take().unwrap().write_all(b"q\n").unwrap();
            child
        })
        .collect();
    for child in children {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stdout(&o));
    }
    let mut headers = Vec::new();
    for entry in std::fs::read_dir(home.join("data/records")).unwrap() {
        let record = lost_order_core::record::read_record(&entry.unwrap().path()).unwrap();
        headers.push(record.header);
    }
    assert_eq!(headers.len(), 2);
    assert_ne!(headers[0].seed, headers[1].seed, "{headers:?}");
}

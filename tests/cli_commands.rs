//! The real binary's subcommands: exit codes, messages and outputs a user relies on.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_lost-order");

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

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
    let dir = std::env::temp_dir().join(format!("lost-order-cli-{}", std::process::id()));
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
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("decision 2") && err.contains("do not know `wang`"),
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
    // Scene: ask for introductions. Weeks: needs + proposal on people, then end; bid.
    let typed = "1\n2\n1\n2\n2\n2\n3\ne\n4\n1\n4\n2\n4\n3\ne\ne\n1\n1 2\n1\n";
    let home = std::env::temp_dir().join(format!("lo-cli-text-{}", std::process::id()));
    for (lang, won) in [("en", "You won the order."), ("zh", "你赢得了订单。")] {
        let mut child = Command::new(BIN)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
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

//! `lost-order replay` on records that lie: a `Finished` line with a changed margin or rubric
//! line, and a `Finished` line the decisions never reach, both exit 1 naming what differs; the
//! golden records still replay.

mod common;

use std::path::{Path, PathBuf};

use common::{run, stdout};

/// The golden record of Liao's path, rewritten by `change` into a temp file.
fn changed(name: &str, change: impl Fn(&str) -> String) -> PathBuf {
    let dir = common::temp_dir("replay", name);
    std::fs::create_dir_all(&dir).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/liao-seed11.record.ron");
    let text = std::fs::read_to_string(golden).unwrap();
    let path = dir.join("liao.record.ron");
    std::fs::write(&path, change(&text)).unwrap();
    path
}

/// The record's `Finished` line rewritten by `change`.
fn finished_line(text: &str, change: impl Fn(&str) -> String) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with("Finished(") {
                change(l)
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// A number after `key:` in a line.
fn number_after(line: &str, key: &str) -> i64 {
    line.split(&format!("{key}:"))
        .nth(1)
        .unwrap()
        .split([',', ')'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

fn replay(path: &Path) -> (bool, String) {
    let o = run(&["replay", path.to_str().unwrap()]);
    (o.status.success(), stdout(&o) + &common::stderr(&o))
}

#[test]
fn a_changed_margin_is_named_and_fails() {
    let path = changed("margin", |text| {
        finished_line(text, |l| {
            let m = number_after(l, "margin");
            l.replace(&format!("margin:{m},"), &format!("margin:{},", m + 5))
        })
    });
    let (ok, said) = replay(&path);
    assert!(!ok, "{said}");
    assert!(said.contains("the Finished line claims margin"), "{said}");
    assert!(!said.contains("replayed exactly"), "{said}");
}

#[test]
fn a_changed_rubric_line_is_named_and_fails() {
    let path = changed("rubric", |text| {
        finished_line(text, |l| {
            // The first rubric line's points, one more.
            let (before, after) = l.split_once("rubric:[").unwrap();
            let points = number_after(after, "points");
            let after = after.replacen(
                &format!("points:{points},"),
                &format!("points:{},", points + 1),
                1,
            );
            format!("{before}rubric:[{after}")
        })
    });
    let (ok, said) = replay(&path);
    assert!(!ok, "{said}");
    assert!(said.contains("claims rubric line `outcome`"), "{said}");
}

#[test]
fn a_finished_line_the_decisions_never_reach_fails() {
    let path = changed("unreached", |text| {
        let lines: Vec<&str> = text.lines().collect();
        // The header, the first ten decisions, and the Finished line.
        let mut kept: Vec<&str> = lines[..11].to_vec();
        kept.push(lines.last().unwrap());
        kept.join("\n") + "\n"
    });
    let (ok, said) = replay(&path);
    assert!(!ok, "{said}");
    assert!(said.contains("before the tender"), "{said}");
}

#[test]
fn the_golden_records_replay_exactly() {
    for name in ["liao-seed11.record.ron", "full_coverage-seed11.record.ron"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name);
        let (ok, said) = replay(&path);
        assert!(ok, "{name}: {said}");
        assert!(said.contains("replayed exactly"), "{said}");
    }
}

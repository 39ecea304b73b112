//! Reading choice scripts: every kind of line, and the errors that name a bad one.

use super::*;
use crate::engine::decision::{Bid, Decision, format_script};
use crate::scenario::Grade;

#[test]
fn reads_and_writes_every_kind_of_line() {
    let text = "# Liao\nact dinner liu\nact report  # no target\nend\nchoose call_liu\nbid lowest emphasis=a,b commit=c\n";
    let decisions = parse_script(text).unwrap().plain_decisions().unwrap();
    assert_eq!(decisions.len(), 5);
    assert_eq!(
        decisions[4],
        Decision::Bid(Bid {
            price: "lowest".into(),
            emphases: vec!["a".into(), "b".into()],
            commitments: vec!["c".into()],
        })
    );
    assert_eq!(
        parse_script(&format_script(&decisions)).unwrap(),
        Script::of(&decisions)
    );
}

#[test]
fn names_the_bad_line() {
    let e = parse_script("end\nfly away now please\n").unwrap_err();
    assert_eq!(e.line, 2);
    let e = parse_script("bid low colour=red").unwrap_err();
    assert!(e.message.contains("`colour`"), "{e}");
    let e = parse_script("grade shanghai=D").unwrap_err();
    assert!(e.message.contains("`D`"), "{e}");
    assert!(parse_script("grade").is_err());
    assert!(parse_script("grade shanghai").is_err());
}

#[test]
fn reads_and_writes_a_grade_line() {
    let text = "grade shanghai=A ningbo=b suzhou=C  # before week 1\nend\n";
    let decisions = parse_script(text).unwrap().plain_decisions().unwrap();
    assert_eq!(
        decisions[0],
        Decision::Grade(vec![
            ("shanghai".into(), Grade::A),
            ("ningbo".into(), Grade::B),
            ("suzhou".into(), Grade::C),
        ])
    );
    assert_eq!(
        format_script(&decisions),
        "grade shanghai=A ningbo=B suzhou=C\nend\n"
    );
    assert_eq!(
        parse_script(&format_script(&decisions)).unwrap(),
        Script::of(&decisions)
    );
}

#[test]
fn a_grade_decision_is_plain_ron() {
    let d = Decision::Grade(vec![
        ("shanghai".into(), Grade::A),
        ("ningbo".into(), Grade::C),
    ]);
    let ron = ron::to_string(&d).unwrap();
    assert_eq!(ron, r#"Grade([("shanghai",A),("ningbo",C)])"#);
    assert_eq!(ron::from_str::<Decision>(&ron).unwrap(), d);
}

#[test]
fn a_long_line_is_quoted_cut_short() {
    let long = format!("fly {}", "x".repeat(100_000));
    let e = parse_script(&long).unwrap_err();
    assert!(e.message.len() < 400, "{} bytes", e.message.len());
    assert!(
        e.message.contains(&format!("`fly {}…`", "x".repeat(56))),
        "{e}"
    );
    let e = parse_script(&format!("bid low {}", "y".repeat(100_000))).unwrap_err();
    assert!(e.message.len() < 200, "{e}");
    let e = parse_script("end\0\u{1b}[2J").unwrap_err();
    assert!(e.message.contains("`end\\u{0}\\u{1b}[2J`"), "{e}");
    let e = parse_script(&format!("grade a={}", "象".repeat(100_000))).unwrap_err();
    assert!(
        e.message.starts_with(&format!("`{}…`", "象".repeat(60))),
        "{e}"
    );
}

/// A scratch folder for one test of `read_script`.
fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!(
        "lost-order-read-script-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_script_file_with_a_byte_order_mark_reads_like_one_without() {
    let d = scratch("bom");
    std::fs::write(d.join("s.script"), "\u{feff}end\nchoose call_liu\n").unwrap();
    let script = read_script(&d.join("s.script")).unwrap();
    assert_eq!(script.lines()[0].step, ScriptStep::Take(Decision::EndWeek));
}

#[test]
fn folders_large_files_and_non_text_are_refused_by_name() {
    let d = scratch("refused");
    let e = read_script(&d).unwrap_err();
    assert!(matches!(e, ScriptFileError::NotAFile { .. }), "{e}");
    let big = d.join("big.script");
    let line = "end\n".repeat(1024);
    let mut f = std::fs::File::create(&big).unwrap();
    for _ in 0..=(MAX_SCRIPT_BYTES / line.len() as u64) {
        std::io::Write::write_all(&mut f, line.as_bytes()).unwrap();
    }
    let e = read_script(&big).unwrap_err();
    assert!(
        e.to_string().contains("too large for a choice script"),
        "{e}"
    );
    std::fs::write(d.join("bin.script"), b"end\n\xff\xfe\n").unwrap();
    let e = read_script(&d.join("bin.script")).unwrap_err();
    assert!(
        e.to_string()
            .ends_with("not UTF-8 text, so not a choice script"),
        "{e}"
    );
    let e = read_script(&d.join("missing.script")).unwrap_err();
    assert_eq!(e.to_string().matches("No such file").count(), 1, "{e}");
    std::fs::write(d.join("bad.script"), "end\nfly\n").unwrap();
    let e = read_script(&d.join("bad.script")).unwrap_err();
    assert!(
        e.to_string()
            .contains("bad.script: line 2: cannot read `fly`"),
        "{e}"
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_script_is_refused_without_waiting() {
    let d = scratch("fifo");
    let fifo = d.join("pipe.script");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(
        made.is_ok_and(|s| s.success()),
        "mkfifo (coreutils) makes a pipe"
    );
    let e = read_script(&fifo).unwrap_err();
    assert!(matches!(e, ScriptFileError::NotAFile { .. }), "{e}");
}

#[test]
fn reads_try_and_on_lines() {
    let script = parse_script("on liu_news choose ask_who\ntry act visit zhao\nend\n").unwrap();
    assert_eq!(
        script.lines()[0],
        ScriptLine {
            number: 1,
            step: ScriptStep::OnScene {
                scene: "liu_news".into(),
                choice: "ask_who".into()
            }
        }
    );
    assert_eq!(
        script.lines()[1].step,
        ScriptStep::Try(Decision::Act {
            action: "visit".into(),
            target: Some("zhao".into())
        })
    );
    assert_eq!(script.plain_decisions(), None);
    let e = parse_script("on a choose x\nend\non a choose y\n").unwrap_err();
    assert_eq!(e.line, 3);
    assert!(
        e.message.contains("already has an `on` line (line 1)"),
        "{e}"
    );
    let e = parse_script("on liu_news ask_who\n").unwrap_err();
    assert!(
        e.message.contains("expected `on SCENE choose CHOICE`"),
        "{e}"
    );
    let e = parse_script("try fly\n").unwrap_err();
    assert!(e.message.contains("cannot read `try fly`"), "{e}");
}

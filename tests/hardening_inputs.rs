//! Issue 11, inputs, languages and records, on the real binary: a closed pipe ends a command
//! quietly; records with blank lines, CRLF or a byte-order mark read normally; long player
//! names; language tags and locales; a record finds its scenario by hash; BOMs everywhere;
//! Continue resumes only this player's own sessions.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{lost_order, only_file, run_typed, stderr, stdout};

fn dir(name: &str) -> PathBuf {
    common::temp_dir("hardening", name)
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `command` with its standard output a pipe whose reading end is already closed, as
/// `… | head -1` leaves it once `head` has its line; stderr is captured.
fn run_into_closed_pipe(mut command: Command) -> (std::process::ExitStatus, String) {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("the binary ends");
    (out.status, stderr(&out))
}

#[test]
fn every_subcommand_ends_quietly_when_its_output_pipe_closes() {
    let records = dir("pipe-records");
    let made = lost_order()
        .args(["simulate", "--policy", "random", "--runs", "3", "--records"])
        .arg(&records)
        .arg("scenarios/tutorial.ron")
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", stderr(&made));
    let record = std::fs::read_dir(&records)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let out = dir("pipe-report");
    let commands: Vec<Vec<String>> = vec![
        vec![
            "check".into(),
            "scenarios/lost_order.ron".into(),
            "scenarios/tutorial.ron".into(),
        ],
        vec![
            "play".into(),
            "--script".into(),
            "tests/golden/liao.script".into(),
            "--seed".into(),
            "11".into(),
            "scenarios/lost_order.ron".into(),
        ],
        vec![
            "simulate".into(),
            "--policy".into(),
            "liao".into(),
            "--runs".into(),
            "5".into(),
            "scenarios/tutorial.ron".into(),
        ],
        vec!["replay".into(), record.display().to_string()],
        vec![
            "report".into(),
            records.display().to_string(),
            "--out".into(),
            out.display().to_string(),
        ],
        vec![
            "play".into(),
            "--text".into(),
            "--records".into(),
            dir("pipe-text").display().to_string(),
            "scenarios/tutorial.ron".into(),
        ],
        vec!["--help".into()],
    ];
    for args in commands {
        let mut c = lost_order();
        c.args(&args);
        let (status, said) = run_into_closed_pipe(c);
        #[cfg(unix)]
        let by_sigpipe = std::os::unix::process::ExitStatusExt::signal(&status) == Some(13);
        #[cfg(not(unix))]
        let by_sigpipe = false;
        assert!(
            status.code() == Some(0) || status.code() == Some(141) || by_sigpipe,
            "{args:?}: {status:?}\n{said}"
        );
        assert!(!said.contains("panicked"), "{args:?}: {said}");
    }
}

#[test]
fn a_shell_pipe_into_head_exits_141_without_a_panic() {
    let shell = format!(
        "'{}' check scenarios/lost_order.ron scenarios/tutorial.ron scenarios/lost_order.ron | head -c 1 >/dev/null; exit 0",
        common::BIN
    );
    // `set -o pipefail` is not in every sh; the exit of the program is read through bash.
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; {} ; echo \"codes ${{PIPESTATUS[*]}}\"",
            shell.trim_end_matches("; exit 0")
        ))
        .current_dir(root())
        .output()
        .expect("bash runs");
    let said = stdout(&out);
    assert!(
        said.contains("codes 0 0") || said.contains("codes 141 0"),
        "{said}"
    );
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

fn replay(record: &Path, extra: &[&str]) -> Output {
    lost_order()
        .arg("replay")
        .arg(record)
        .args(extra)
        .output()
        .unwrap()
}

/// A finished record of the tutorial, made now by a simulated trainee, in `dir`/made.
fn finished_record(dir: &Path) -> PathBuf {
    let made = dir.join("made");
    let out = lost_order()
        .args([
            "simulate",
            "--policy",
            "full-coverage",
            "--runs",
            "1",
            "--seed",
            "3",
            "--records",
        ])
        .arg(&made)
        .arg("scenarios/tutorial.ron")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    only_file(&made)
}

#[test]
fn a_record_with_blank_lines_crlf_or_a_byte_order_mark_replays_without_warnings() {
    let d = dir("blank");
    let text = std::fs::read_to_string(finished_record(&d)).unwrap();
    std::fs::create_dir_all(&d).unwrap();
    for (name, variant) in [
        ("blank-after.record.ron", format!("{text}\n")),
        ("blanks-between.record.ron", text.replace('\n', "\n\n")),
        ("crlf.record.ron", text.replace('\n', "\r\n")),
        ("bom.record.ron", format!("\u{feff}{text}")),
        (
            "all.record.ron",
            format!("\u{feff}{}\r\n\r\n", text.replace('\n', "\r\n")),
        ),
    ] {
        let path = d.join(name);
        std::fs::write(&path, variant).unwrap();
        let out = replay(&path, &[]);
        assert!(
            out.status.success(),
            "{name}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        assert!(
            stdout(&out).contains("replayed exactly; finished"),
            "{name}"
        );
        assert!(
            !stderr(&out).contains("cut off"),
            "{name}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_player_with_a_90_character_chinese_name_starts_a_session_with_the_name_kept() {
    let records = dir("long-name");
    let name = "王".repeat(90);
    let mut c = lost_order();
    c.args([
        "play",
        "--text",
        "--lang",
        "zh",
        "--seed",
        "1",
        "--player",
        &name,
        "--records",
    ])
    .arg(&records)
    .arg("scenarios/tutorial.ron");
    let out = run_typed(c, "1\nq\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let record = only_file(&records);
    let file_name = record.file_name().unwrap().to_str().unwrap().to_string();
    assert!(file_name.len() < 200, "{file_name}");
    let header = std::fs::read_to_string(&record).unwrap();
    assert!(header.contains(&format!("player:\"{name}\"")), "{header}");
    let out = replay(&record, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The last line of `play --script liao.script` (the ending and score) with `--lang lang`
/// (if any) and the environment `env`.
fn ending_line(lang: Option<&str>, env: &[(&str, &str)]) -> Output {
    let mut c = lost_order();
    c.args([
        "play",
        "--script",
        "tests/golden/liao.script",
        "--seed",
        "11",
    ]);
    if let Some(l) = lang {
        c.args(["--lang", l]);
    }
    c.arg("scenarios/lost_order.ron");
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        c.env_remove(var);
    }
    c.envs(env.iter().copied());
    c.output().unwrap()
}

#[test]
fn language_tags_and_locales_pick_the_scenarios_language() {
    for (lang, env, chinese) in [
        (Some("en-US"), vec![], false),
        (Some("EN"), vec![("LANG", "zh_CN.UTF-8")], false),
        (Some("en_GB"), vec![], false),
        (Some("en_GB.UTF-8"), vec![], false),
        (Some("zh-Hans-CN"), vec![], true),
        (Some("zh_TW"), vec![], true),
        (None, vec![("LANG", "zh_CN.UTF-8")], true),
        (
            None,
            vec![("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")],
            false,
        ),
        (
            None,
            vec![
                ("LANG", "en_US"),
                ("LC_MESSAGES", "en_US"),
                ("LC_ALL", "zh_CN.UTF-8"),
            ],
            true,
        ),
        (None, vec![("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")], false),
        (None, vec![("LANG", "fr_FR.UTF-8")], false),
    ] {
        let out = ending_line(lang, &env);
        assert!(out.status.success(), "{lang:?} {env:?}: {}", stderr(&out));
        let said = stdout(&out);
        assert_eq!(said.contains("结局："), chinese, "{lang:?} {env:?}: {said}");
        assert_eq!(
            said.contains("Ending:"),
            !chinese,
            "{lang:?} {env:?}: {said}"
        );
    }
}

#[test]
fn a_language_the_scenario_lacks_is_refused_with_its_languages_and_exit_2() {
    for lang in ["fr", "de-DE", "english"] {
        let out = ending_line(Some(lang), &[]);
        assert_eq!(out.status.code(), Some(2), "{lang}");
        let said = stderr(&out);
        assert!(
            said.contains(lang) || said.contains("not a language"),
            "{said}"
        );
        assert!(stdout(&out).is_empty());
    }
    let said = stderr(&ending_line(Some("fr"), &[]));
    assert!(
        said.contains("its languages: zh, en") && said.contains("zh、en"),
        "{said}"
    );
}

#[test]
fn the_report_refuses_a_language_the_scenario_lacks_and_tags_its_page_with_the_one_used() {
    let out_dir = dir("report-fr");
    let golden = finished_record(&out_dir);
    let out = lost_order()
        .arg("report")
        .arg(&golden)
        .arg("--out")
        .arg(&out_dir)
        .args(["--lang", "fr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        !out_dir.join("index.html").exists(),
        "no page in a language not asked for"
    );
    let out = lost_order()
        .arg("report")
        .arg(&golden)
        .arg("--out")
        .arg(&out_dir)
        .args(["--lang", "en-US"])
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(
        page.contains("<html lang=\"en\">"),
        "{}",
        &page[..200.min(page.len())]
    );
}

/// A folder with `scenarios/tutorial.ron`, an edited copy of the shipped tutorial (same id
/// and version, one choice renamed, so the shipped case cannot replay its records).
fn folder_with_edited_tutorial(name: &str) -> (PathBuf, PathBuf) {
    let d = dir(name);
    std::fs::create_dir_all(d.join("scenarios")).unwrap();
    let shipped = std::fs::read_to_string(root().join("scenarios/tutorial.ron")).unwrap();
    let edited = shipped.replace("\"ask_intro\"", "\"ask_for_intro\"");
    assert_ne!(shipped, edited);
    let copy = d.join("scenarios/tutorial.ron");
    std::fs::write(&copy, edited).unwrap();
    (d, copy)
}

/// An unfinished record of the copy: the welcome scene's first choice, then quit.
fn unfinished_record_of(copy: &Path, records: &Path, player: &str) -> PathBuf {
    let mut c = lost_order();
    c.args([
        "play",
        "--text",
        "--lang",
        "en",
        "--seed",
        "1",
        "--player",
        player,
        "--records",
    ])
    .arg(records)
    .arg(copy);
    let out = run_typed(c, "1\nq\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let record = only_file(records);
    assert!(
        std::fs::read_to_string(&record)
            .unwrap()
            .contains("ask_for_intro")
    );
    record
}

#[test]
fn a_record_of_an_edited_copy_finds_the_copy_by_its_hash_or_says_edited_copy() {
    let (home, copy) = folder_with_edited_tutorial("edited");
    let records = home.join("records");
    let record = unfinished_record_of(&copy, &records, "Li Lei");

    // From the repository: only the shipped tutorial, same id and version, another hash.
    let out = replay(&record, &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        said.contains("edited copy") && !said.contains("another version"),
        "{said}"
    );

    // The copy given: replays exactly, no warning.
    let out = replay(&record, &["--scenario", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));

    // The copy in ./scenarios of the folder it runs from: found by its hash.
    let out = lost_order()
        .current_dir(&home)
        .arg("replay")
        .arg(&record)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));

    // --resume RECORD FILE honours FILE: continues, then quits again.
    let mut c = lost_order();
    c.args(["play", "--text", "--lang", "en", "--resume"])
        .arg(&record)
        .arg(&copy);
    let out = run_typed(c, "q\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("continuing"), "{}", stderr(&out));
    // … and without FILE, from the repository, it is refused in the same words.
    let mut c = lost_order();
    c.args(["play", "--text", "--lang", "en", "--resume"])
        .arg(&record);
    let out = run_typed(c, "q\n");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("edited copy"), "{}", stderr(&out));

    // Another version is called another version.
    let text = std::fs::read_to_string(&record).unwrap();
    let older = records.join("older.record.ron");
    std::fs::write(
        &older,
        // The header's version, whatever it is now, becomes 0.9.0.
        {
            let at = text.find("scenario_version:\"").unwrap() + "scenario_version:\"".len();
            let end = at + text[at..].find('"').unwrap();
            format!("{}0.9.0{}", &text[..at], &text[end..])
        },
    )
    .unwrap();
    let said = format!(
        "{}{}",
        stdout(&replay(&older, &[])),
        stderr(&replay(&older, &[]))
    );
    assert!(said.contains("version 0.9.0"), "{said}");
}

#[test]
fn a_byte_order_mark_is_accepted_in_scenarios_scripts_and_records() {
    let d = dir("bom");
    std::fs::create_dir_all(&d).unwrap();
    let scenario = d.join("tutorial.ron");
    let source = std::fs::read_to_string(root().join("scenarios/tutorial.ron")).unwrap();
    std::fs::write(&scenario, format!("\u{feff}{source}")).unwrap();
    let out = lost_order().arg("check").arg(&scenario).output().unwrap();
    assert!(out.status.success(), "{}", stdout(&out));

    let script = d.join("liao.script");
    let text = std::fs::read_to_string(root().join("tests/golden/liao.script")).unwrap();
    std::fs::write(&script, format!("\u{feff}{text}")).unwrap();
    let out = lost_order()
        .args(["play", "--seed", "11", "--lang", "en", "--script"])
        .arg(&script)
        .arg("scenarios/lost_order.ron")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("score 17/100"), "{}", stdout(&out));

    // A record made with the BOM'd scenario has the plain file's hash: the shipped case
    // replays it.
    let records = d.join("records");
    let mut c = lost_order();
    c.args(["play", "--text", "--lang", "en", "--seed", "1", "--records"])
        .arg(&records)
        .arg(&scenario);
    assert!(run_typed(c, "1\nq\n").status.success());
    let out = replay(&only_file(&records), &[]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn continue_in_the_terminal_resumes_only_this_players_own_session() {
    let (home, copy) = folder_with_edited_tutorial("continue");
    let _ = copy;
    let records = home.join("records");
    let tutorial = root().join("scenarios/tutorial.ron");
    for player in ["Li Lei", "Han Meimei"] {
        let mut c = lost_order();
        c.args([
            "play",
            "--text",
            "--lang",
            "en",
            "--seed",
            "1",
            "--player",
            player,
            "--records",
        ])
        .arg(&records)
        .arg(&tutorial);
        assert!(run_typed(c, "1\nq\n").status.success());
        // The second trainee's session is the newer one.
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    let cont = |player: &str| {
        let mut c = lost_order();
        c.env("LOST_ORDER_HOME", home.join("home"))
            .args([
                "play",
                "--text",
                "--lang",
                "en",
                "--continue",
                "--player",
                player,
                "--records",
            ])
            .arg(&records);
        run_typed(c, "q\n")
    };
    let out = cont("Li Lei");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Li_Lei"), "{}", stderr(&out));
    let out = cont("Wang Fang");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no unfinished session of player `Wang Fang`"),
        "{}",
        stderr(&out)
    );

    // Without --player, the name in the settings (a BOM'd settings file) is this player.
    let config = home.join("home/config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("settings.ron"),
        "\u{feff}(player: \"Han Meimei\")",
    )
    .unwrap();
    let mut c = lost_order();
    c.env("LOST_ORDER_HOME", home.join("home"))
        .args(["play", "--text", "--lang", "en", "--continue", "--records"])
        .arg(&records);
    let out = run_typed(c, "q\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Han_Meimei"), "{}", stderr(&out));
}

#[test]
fn the_window_refuses_a_language_it_does_not_speak_before_opening() {
    // Refused before any window is made, so this needs no display.
    let out = lost_order()
        .args(["--lang", "fr"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("its languages: zh, en"),
        "{}",
        stderr(&out)
    );
}

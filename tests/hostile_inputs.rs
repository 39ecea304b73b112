//! The hostile-input corpus (`tests/hostile/`) given to the real binary: each file gets a clear
//! message and a documented exit code (docs/reliability.md), never a panic, a hang or memory
//! without bound. Huge files, pipes, link loops and odd file names are made here, in a temp dir.

mod common;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, temp_dir};

/// Exit code of a command that did what was asked.
const OK: i32 = 0;
/// Exit code of an input refused (unreadable, invalid, a replay that diverged, a script refused).
const REFUSED: i32 = 1;

/// No run may take longer than this (a debug build on a busy machine): more is a hang.
const TIME_LIMIT: Duration = Duration::from_secs(90);
/// The address space a run may use, in KiB (1 GiB): more is memory without bound.
const MEMORY_LIMIT_KIB: u64 = 1024 * 1024;
/// A clear message is short: no run may print more than this (a huge input echoed back is not).
const OUTPUT_LIMIT: usize = 64 * 1024;

/// How one run ended.
struct Outcome {
    code: Option<i32>,
    /// Standard output and standard error, one after the other.
    said: String,
}

/// Runs the binary with `args` from the repository's root, at most [`TIME_LIMIT`] long and in
/// at most [`MEMORY_LIMIT_KIB`] of address space, with `env` added to its environment.
fn run_bounded(args: &[OsString], env: &[(&str, &Path)], scratch: &Path) -> Outcome {
    std::fs::create_dir_all(scratch).unwrap();
    let out = scratch.join("stdout.txt");
    let err = scratch.join("stderr.txt");
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("the binary starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} still runs after {TIME_LIMIT:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
    Outcome {
        code: status.code(),
        said: format!("{}{}", read(&out), read(&err)),
    }
}

/// Runs `args` and checks the run: exit code `exit`, a message containing `says`, no panic,
/// no more than [`OUTPUT_LIMIT`] printed. `what` names the case in failures.
fn expect(what: &str, args: &[OsString], exit: i32, says: &str, scratch: &Path) {
    expect_with(what, args, &[], exit, says, scratch);
}

/// As [`expect`], with `env` added to the binary's environment.
fn expect_with(
    what: &str,
    args: &[OsString],
    env: &[(&str, &Path)],
    exit: i32,
    says: &str,
    scratch: &Path,
) {
    if let Err(e) = judge(what, &run_bounded(args, env, scratch), exit, says) {
        panic!("{e}");
    }
}

/// What is wrong with `o` for a run expected to exit `exit` saying `says`, if anything.
fn judge(what: &str, o: &Outcome, exit: i32, says: &str) -> Result<(), String> {
    let shown: String = o.said.chars().take(2000).collect();
    if o.said.contains("panicked") || o.code == Some(101) {
        return Err(format!("{what}: a panic\n{shown}"));
    }
    if o.said.len() > OUTPUT_LIMIT {
        return Err(format!("{what}: {} bytes printed\n{shown}", o.said.len()));
    }
    if o.code != Some(exit) {
        return Err(format!("{what}: exit {:?}, not {exit}\n{shown}", o.code));
    }
    if !o.said.contains(says) {
        return Err(format!(
            "{what}: the message does not say `{says}`\n{shown}"
        ));
    }
    Ok(())
}

/// The repository's root.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The golden record the templates borrow from, as it is today (it is re-made whenever the
/// flagship changes, so the corpus names its parts instead of copying them).
fn golden() -> String {
    std::fs::read_to_string(root().join("tests/golden/liao-seed11.record.ron")).unwrap()
}

/// `bytes` with every `needle` replaced by `with`.
fn replace(bytes: &[u8], needle: &str, with: &str) -> Vec<u8> {
    let needle = needle.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(needle) {
            out.extend_from_slice(with.as_bytes());
            i += needle.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// A corpus file as given to the binary: its `@…@` placeholders filled from today's golden
/// record, golden script and flagship (see tests/hostile/README.md).
fn materialise(bytes: &[u8]) -> Vec<u8> {
    let golden = golden();
    let lines: Vec<&str> = golden.lines().collect();
    let header = lines[0];
    let finished = lines[lines.len() - 1];
    let decisions = lines[1..lines.len() - 1].join("\n");
    let script = std::fs::read_to_string(root().join("tests/golden/liao.script")).unwrap();
    let until_bid: String = script
        .lines()
        .filter(|l| !l.starts_with("bid "))
        .map(|l| format!("{l}\n"))
        .collect();
    let flagship = std::fs::read_to_string(root().join("scenarios/lost_order.ron")).unwrap();
    // Cut at the end of a line in the middle, as a copy that stopped half way would be.
    let half = flagship[..flagship.len() / 2].rfind('\n').unwrap() + 1;
    let mut out = bytes.to_vec();
    for (needle, with) in [
        ("@HEADER_SEED12@", header.replace(",seed:11,", ",seed:12,")),
        ("@HEADER@", header.to_string()),
        ("@DECISIONS@", decisions),
        ("@FINISHED@", finished.to_string()),
        ("@GOLDEN@", golden.trim_end().to_string()),
        ("@CRLF@", golden.trim_end().replace('\n', "\r\n")),
        ("@SCRIPT_UNTIL_BID@", until_bid),
        ("@SCRIPT@", script),
        ("@FLAGSHIP_HALF@", flagship[..half].to_string()),
    ] {
        out = replace(&out, needle, &with);
    }
    // `@FLAGSHIP:FROM->TO@`: the flagship with its first FROM replaced by TO.
    let text = String::from_utf8_lossy(&out).into_owned();
    if let Some(start) = text.find("@FLAGSHIP:") {
        let rest = &text[start + "@FLAGSHIP:".len()..];
        let end = rest.find('@').expect("a closing @");
        let (from, to) = rest[..end].split_once("->").expect("FROM->TO");
        assert!(flagship.contains(from), "the flagship has no `{from}`");
        let edited = flagship.replacen(from, to, 1);
        out = format!("{}{edited}{}", &text[..start], &rest[end + 1..]).into_bytes();
    }
    out
}

/// One corpus file: what to run it with, the exit code and a part of the message.
struct Case {
    /// The path under tests/hostile/.
    file: &'static str,
    /// The arguments; `{}` is the file (or folder) as materialised, `{out}` a fresh folder.
    args: &'static [&'static str],
    exit: i32,
    says: &'static str,
}

const REPLAY: &[&str] = &["replay", "{}"];
const SCRIPT: &[&str] = &["play", "--script", "{}", "--seed", "11", "--lang", "en"];
const CHECK: &[&str] = &["check", "{}"];
const REPORT: &[&str] = &["report", "{}", "--out", "{out}", "--lang", "en"];
/// A settings file is laid out as `$LOST_ORDER_HOME/config/settings.ron`; `play` reads the
/// player's name from it, and must play on with the defaults, the file left as it was.
const WITH_SETTINGS: &[&str] = &[
    "play",
    "--script",
    "tests/golden/liao.script",
    "--seed",
    "11",
    "--lang",
    "en",
];

/// Every file of tests/hostile/ but the README, and what it must give.
const CASES: &[Case] = &[
    // Records, replayed.
    Case {
        file: "records/empty.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/blank-lines.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/header-truncated.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/header-wrong-types.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/header-negative-seed.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/header-huge-seed.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/header-nan-seed.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/header-missing-field.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/header-deep-nesting.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/format-99.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "record format 99, this build reads format 1",
    },
    Case {
        file: "records/format-huge.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/unknown-scenario.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "no_such_case",
    },
    Case {
        file: "records/invalid-utf8-header.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/invalid-utf8-entry.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "diverged at decision 1 (week 0)",
    },
    Case {
        file: "records/binary-garbage.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/nul-bytes.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/json.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/a-scenario-not-a-record.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "not a session record",
    },
    Case {
        file: "records/damaged-middle.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: ":2: damaged entry",
    },
    Case {
        file: "records/week-wrong-type.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: ":2: damaged entry",
    },
    Case {
        file: "records/week-huge.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: ":2: damaged entry",
    },
    Case {
        file: "records/deep-nesting.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: ":2: damaged entry",
    },
    Case {
        file: "records/nan-margin.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "damaged entry",
    },
    Case {
        file: "records/huge-score.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "damaged entry",
    },
    Case {
        file: "records/header-only.record.ron",
        args: REPLAY,
        exit: OK,
        says: "0 decisions replayed exactly; unfinished",
    },
    Case {
        file: "records/crlf.record.ron",
        args: REPLAY,
        exit: OK,
        says: "replayed exactly; finished",
    },
    Case {
        file: "records/finished-lies.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "diverged",
    },
    Case {
        file: "records/finished-unreached.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "diverged",
    },
    Case {
        file: "records/week-skipped.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "diverged at decision 1",
    },
    Case {
        file: "records/unknown-action.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "diverged at decision 2",
    },
    Case {
        file: "records/result-lies.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "diverged at decision 1",
    },
    Case {
        file: "records/decision-after-finished.record.ron",
        args: REPLAY,
        exit: REFUSED,
        says: "diverged",
    },
    // Choice scripts, played on the flagship.
    Case {
        file: "scripts/empty.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "before the session did",
    },
    Case {
        file: "scripts/only-comments.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "before the session did",
    },
    Case {
        file: "scripts/invalid-utf8.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "UTF-8",
    },
    Case {
        file: "scripts/nul-bytes.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "line 1: cannot read `end\\u{0}\\u{0}`",
    },
    Case {
        file: "scripts/unknown-word.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "line 2: cannot read `fly to the moon`",
    },
    Case {
        file: "scripts/too-many-words.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "line 1: cannot read",
    },
    Case {
        file: "scripts/bid-bad-key.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "`colour`: expected `emphasis` or `commit`",
    },
    Case {
        file: "scripts/grade-bad-letter.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "`Z`: a grade is `A`, `B` or `C`",
    },
    Case {
        file: "scripts/grade-nan.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "`NaN`: a grade is `A`, `B` or `C`",
    },
    Case {
        file: "scripts/unknown-action.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "line 2 (week 1, `act bribe_everyone nobody`) was refused",
    },
    Case {
        file: "scripts/bid-too-early.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "line 2 (week 1, `bid lowest emphasis=partnership`) was refused",
    },
    Case {
        file: "scripts/bid-unknown-price.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "was refused",
    },
    Case {
        file: "scripts/after-end.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "comes after the session ended",
    },
    Case {
        file: "scripts/a-record-not-a-script.script",
        args: SCRIPT,
        exit: REFUSED,
        says: "line 1: cannot read",
    },
    // Scenarios, checked.
    Case {
        file: "scenarios/empty.ron",
        args: CHECK,
        exit: REFUSED,
        says: "empty.ron:1:1: error: the file is empty: no scenario in it",
    },
    Case {
        file: "scenarios/invalid-utf8.ron",
        args: CHECK,
        exit: REFUSED,
        says: "not UTF-8 text",
    },
    Case {
        file: "scenarios/deep-nesting.ron",
        args: CHECK,
        exit: REFUSED,
        says: "nests deeper than",
    },
    Case {
        file: "scenarios/deep-parens.ron",
        args: CHECK,
        exit: REFUSED,
        says: "deep-parens.ron:1:",
    },
    Case {
        file: "scenarios/nan-number.ron",
        args: CHECK,
        exit: REFUSED,
        says: "error",
    },
    Case {
        file: "scenarios/huge-number.ron",
        args: CHECK,
        exit: REFUSED,
        says: "error",
    },
    Case {
        file: "scenarios/truncated.ron",
        args: CHECK,
        exit: REFUSED,
        says: "the file ends too early",
    },
    Case {
        file: "scenarios/chinese-outside-a-string.ron",
        args: CHECK,
        exit: REFUSED,
        says: "chinese-outside-a-string.ron:1:",
    },
    Case {
        file: "scenarios/a-record-not-a-scenario.ron",
        args: CHECK,
        exit: REFUSED,
        says: "unknown field `scenario`",
    },
    // Settings files, read by `play` for the player's name.
    Case {
        file: "settings/empty.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    Case {
        file: "settings/truncated.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    Case {
        file: "settings/wrong-types.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    Case {
        file: "settings/nan-seed.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    Case {
        file: "settings/huge-seed.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    Case {
        file: "settings/invalid-utf8.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    Case {
        file: "settings/deep-nesting.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    Case {
        file: "settings/unknown-field.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    Case {
        file: "settings/a-record.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    Case {
        file: "settings/binary.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    Case {
        file: "settings/unknown-language.ron",
        args: WITH_SETTINGS,
        exit: OK,
        says: "Ending: ",
    },
    // Folders of a class, reported.
    Case {
        file: "reports/mixed",
        args: REPORT,
        exit: OK,
        says: "1 sessions (2 skipped)",
    },
    Case {
        file: "reports/all-broken",
        args: REPORT,
        exit: REFUSED,
        says: "no readable session record",
    },
    Case {
        file: "reports/not-records",
        args: REPORT,
        exit: REFUSED,
        says: "no session records (*.record.ron) found",
    },
    Case {
        file: "reports/unknown-scenario",
        args: REPORT,
        exit: REFUSED,
        says: "no_such_case",
    },
    Case {
        file: "reports/two-seeds",
        args: REPORT,
        exit: OK,
        says: "sessions",
    },
];

/// Copies the corpus entry `file` (a file or a folder of files) into `into`, materialised.
fn lay_out(file: &str, into: &Path) -> PathBuf {
    let from = root().join("tests/hostile").join(file);
    let to = into.join(from.file_name().unwrap());
    if from.is_dir() {
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap().path();
            let bytes = std::fs::read(&entry).unwrap();
            // `@SIMULATE@`: a record of the flagship as this build makes it.
            if bytes == b"@SIMULATE@\n" {
                one_good_record(&to);
                continue;
            }
            let bytes = materialise(&bytes);
            std::fs::write(to.join(entry.file_name().unwrap()), bytes).unwrap();
        }
    } else {
        std::fs::write(&to, materialise(&std::fs::read(&from).unwrap())).unwrap();
    }
    to
}

/// The arguments of `case` for the entry laid out at `path`, with `{out}` under `scratch`.
fn args_for(args: &[&str], path: &Path, scratch: &Path) -> Vec<OsString> {
    args.iter()
        .map(|a| match *a {
            "{}" => path.as_os_str().to_owned(),
            "{out}" => scratch.join("out").into_os_string(),
            other => other.into(),
        })
        .collect()
}

/// `words` as arguments, paths among them kept as they are (not necessarily UTF-8).
fn argv(words: &[&dyn AsRef<OsStr>]) -> Vec<OsString> {
    words.iter().map(|w| w.as_ref().to_owned()).collect()
}

#[test]
fn every_file_of_the_corpus_gives_a_clear_message_and_its_exit_code() {
    let base = temp_dir("hostile", "corpus");
    let mut wrong = Vec::new();
    for (i, case) in CASES.iter().enumerate() {
        let scratch = base.join(i.to_string());
        std::fs::create_dir_all(&scratch).unwrap();
        if case.file.starts_with("settings/") {
            let config = scratch.join("home/config");
            std::fs::create_dir_all(&config).unwrap();
            let laid = lay_out(case.file, &config);
            let settings = config.join("settings.ron");
            std::fs::rename(laid, &settings).unwrap();
            let before = std::fs::read(&settings).unwrap();
            let args = args_for(case.args, &settings, &scratch);
            let home = scratch.join("home");
            let env = [("LOST_ORDER_HOME", home.as_path())];
            let o = run_bounded(&args, &env, &scratch);
            wrong.extend(judge(case.file, &o, case.exit, case.says).err());
            if std::fs::read(&settings).unwrap() != before {
                wrong.push(format!("{}: the settings file was changed", case.file));
            }
            continue;
        }
        let path = lay_out(case.file, &scratch);
        let args = args_for(case.args, &path, &scratch);
        let o = run_bounded(&args, &[], &scratch);
        wrong.extend(judge(case.file, &o, case.exit, case.says).err());
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases:\n\n{}",
        wrong.len(),
        CASES.len(),
        wrong.join("\n\n")
    );
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn the_corpus_has_forty_files_and_each_has_its_case() {
    let corpus = root().join("tests/hostile");
    let mut files = Vec::new();
    for kind in std::fs::read_dir(&corpus).unwrap() {
        let kind = kind.unwrap().path();
        if !kind.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&kind).unwrap() {
            let entry = entry.unwrap().path();
            let name = entry.strip_prefix(&corpus).unwrap().display().to_string();
            let named = CASES.iter().any(|c| name == c.file);
            assert!(named, "tests/hostile/{name} has no case in CASES");
            if entry.is_dir() {
                files.extend(
                    std::fs::read_dir(&entry)
                        .unwrap()
                        .map(|e| e.unwrap().path()),
                );
            } else {
                files.push(entry);
            }
        }
    }
    assert!(files.len() >= 40, "{} files in tests/hostile", files.len());
}

/// Writes one record of the flagship, as `simulate` makes it today, into `class`.
fn one_good_record(class: &Path) {
    let args = argv(&[
        &"simulate",
        &"--policy",
        &"liao",
        &"--runs",
        &"1",
        &"--seed",
        &"11",
        &"--records",
        &class,
    ]);
    let scratch = class.parent().unwrap();
    expect("a record made by simulate", &args, OK, "liao", scratch);
}

/// A file of `size` bytes of zeros, made at once (sparse where the file system allows).
fn zeros(path: &Path, size: u64) {
    std::fs::File::create(path).unwrap().set_len(size).unwrap();
}

#[test]
fn a_million_line_record_and_a_100_mb_file_are_refused_by_size_quickly() {
    let dir = temp_dir("hostile", "huge");
    std::fs::create_dir_all(&dir).unwrap();
    let golden = golden();
    let header = golden.lines().next().unwrap();

    // A million decisions: far past the largest record read (16 MiB).
    let million = dir.join("million.record.ron");
    let line = "Decision((week:1,decision:EndWeek,result:None))\n";
    std::fs::write(&million, format!("{header}\n{}", line.repeat(1_000_000))).unwrap();
    let too_large = "too large for a session record";
    expect(
        "a million decisions",
        &argv(&[&"replay", &million]),
        REFUSED,
        too_large,
        &dir,
    );

    // A million lines within that limit: blank lines after the header.
    let blank = dir.join("million-blank.record.ron");
    std::fs::write(&blank, format!("{header}{}", "\n".repeat(1_000_000))).unwrap();
    let replayed = "0 decisions replayed exactly";
    expect(
        "a million blank lines",
        &argv(&[&"replay", &blank]),
        OK,
        replayed,
        &dir,
    );

    // 100 MB of zeros as a record, a script, a scenario, and beside a good record in a class.
    let big = dir.join("big.record.ron");
    zeros(&big, 100_000_000);
    expect(
        "100 MB record",
        &argv(&[&"replay", &big]),
        REFUSED,
        too_large,
        &dir,
    );
    let script = dir.join("big.script");
    zeros(&script, 100_000_000);
    let play = argv(&[&"play", &"--script", &script, &"--seed", &"11"]);
    expect(
        "100 MB script",
        &play,
        REFUSED,
        "too large for a choice script",
        &dir,
    );
    let scenario = dir.join("big.ron");
    zeros(&scenario, 100_000_000);
    let at_most = "a scenario may be at most 4 MiB";
    expect(
        "100 MB scenario",
        &argv(&[&"check", &scenario]),
        REFUSED,
        at_most,
        &dir,
    );
    let class = dir.join("class");
    std::fs::create_dir_all(&class).unwrap();
    std::fs::rename(&big, class.join("big.record.ron")).unwrap();
    one_good_record(&class);
    let out = dir.join("out");
    let report = argv(&[&"report", &class, &"--out", &out, &"--lang", &"en"]);
    expect(
        "100 MB record in a class",
        &report,
        OK,
        "1 sessions (1 skipped)",
        &dir,
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn pipes_folders_dangling_links_loops_and_odd_names_in_a_records_folder() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::symlink;
    let dir = temp_dir("hostile", "unreadable");
    let class = dir.join("class");
    std::fs::create_dir_all(&class).unwrap();
    // CI runs as root, who reads any file whatever its mode: these are unreadable otherwise.
    let fifo = class.join("pipe.record.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let folder = class.join("folder.record.ron");
    std::fs::create_dir_all(&folder).unwrap();
    let dangling = class.join("dangling.record.ron");
    symlink(dir.join("nowhere"), &dangling).unwrap();
    let looped = class.join("loop.record.ron");
    symlink(&looped, &looped).unwrap();
    let odd = class.join(OsStr::from_bytes(b"odd-\xff\xfe.record.ron"));
    std::fs::write(&odd, b"not a record").unwrap();
    one_good_record(&class);

    for (what, path, says) in [
        ("a pipe", &fifo, "not a file"),
        ("a folder", &folder, "not a file"),
        ("a dangling link", &dangling, "No such file or directory"),
        ("a link loop", &looped, "symbolic links"),
        ("an invalid UTF-8 name", &odd, "not a session record"),
    ] {
        expect(what, &argv(&[&"replay", path]), REFUSED, says, &dir);
    }
    let out = dir.join("out");
    let report = argv(&[&"report", &class, &"--out", &out, &"--lang", &"en"]);
    let what = "a class folder with unreadable entries";
    expect(what, &report, OK, "1 sessions (5 skipped)", &dir);
    let said = run_bounded(&report, &[], &dir).said;
    for name in ["pipe.", "folder.", "dangling.", "loop.", "odd-"] {
        assert!(
            said.contains(name),
            "the report does not name {name}…:\n{said}"
        );
    }

    // A records folder that is a link loop; a folder or a pipe where a file is wanted.
    let loop_dir = dir.join("looped-folder");
    symlink(&loop_dir, &loop_dir).unwrap();
    let report = argv(&[&"report", &loop_dir, &"--out", &out]);
    expect(
        "a looping records folder",
        &report,
        REFUSED,
        "looped-folder",
        &dir,
    );
    expect(
        "a folder as a record",
        &argv(&[&"replay", &class]),
        REFUSED,
        "not a file",
        &dir,
    );
    expect(
        "a folder as a scenario",
        &argv(&[&"check", &class]),
        REFUSED,
        "not a file",
        &dir,
    );
    let play = argv(&[&"play", &"--script", &class, &"--seed", &"1"]);
    expect("a folder as a script", &play, REFUSED, "not a file", &dir);
    let play = argv(&[&"play", &"--script", &fifo, &"--seed", &"1"]);
    expect("a pipe as a script", &play, REFUSED, "not a file", &dir);
    expect(
        "a pipe as a scenario",
        &argv(&[&"check", &fifo]),
        REFUSED,
        "not a file",
        &dir,
    );

    // A file where the report's folder should be.
    let taken = dir.join("taken");
    std::fs::write(&taken, "a file").unwrap();
    let report = argv(&[&"report", &class, &"--out", &taken]);
    expect(
        "a file as the report's folder",
        &report,
        REFUSED,
        "taken",
        &dir,
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Makes something at a path (a pipe, a folder, a link, a file).
type Lay = dyn Fn(&Path);

#[cfg(unix)]
#[test]
fn a_pipe_a_folder_a_dangling_link_or_100_mb_as_settings_are_passed_over() {
    let dir = temp_dir("hostile", "settings");
    let play: Vec<OsString> = WITH_SETTINGS.iter().map(OsString::from).collect();
    let make: [(&str, &Lay); 4] = [
        ("a pipe", &|p| {
            assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
        }),
        ("a folder", &|p| {
            std::fs::create_dir_all(p.join("inside")).unwrap()
        }),
        ("a dangling link", &|p| {
            std::os::unix::fs::symlink(p.with_file_name("nowhere"), p).unwrap();
        }),
        ("100 MB of zeros", &|p| zeros(p, 100_000_000)),
    ];
    for (i, (what, made)) in make.into_iter().enumerate() {
        let home = dir.join(i.to_string());
        let config = home.join("config");
        std::fs::create_dir_all(&config).unwrap();
        made(&config.join("settings.ron"));
        let env = [("LOST_ORDER_HOME", home.as_path())];
        expect_with(what, &play, &env, OK, "Ending: ", &home);
        let kept = std::fs::symlink_metadata(config.join("settings.ron")).unwrap();
        assert!(
            !kept.is_file() || kept.len() == 100_000_000,
            "{what}: replaced"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

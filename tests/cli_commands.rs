//! The real binary's subcommands: exit codes, messages and outputs a user relies on.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::terminal::play_text;
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
        out.contains("tests/malformed/unknown_person.ron:34:115: error: unknown person `tehc`"),
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
    // The flagship's accounts graded first, when it has grading: then the bad decision is
    // the third.
    let grade = common::flagship()
        .grading
        .as_ref()
        .map(|g| {
            let each: Vec<String> = g
                .accounts
                .iter()
                .map(|a| format!("{}={}", a.id, a.grade))
                .collect();
            format!("grade {}\n", each.join(" "))
        })
        .unwrap_or_default();
    std::fs::write(&script, format!("{grade}choose ask_who\nact visit wang\n")).unwrap();
    let place = if grade.is_empty() { "line 2" } else { "line 3" };
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
        err.contains(place) && err.contains("Chief Engineer Wang: you do not know them yet"),
        "{err}"
    );
}

#[test]
fn a_script_with_on_and_try_lines_plays_any_seed() {
    for seed in ["5", "77", "2024"] {
        let o = run(&[
            "play",
            "--script",
            "tests/golden/any_seed.script",
            "--seed",
            seed,
            "--json",
            "scenarios/lost_order.ron",
        ]);
        assert!(o.status.success(), "seed {seed}: {}", stderr(&o));
        let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(out["seed"], seed.parse::<u64>().unwrap());
    }
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
        let out = play_text(&home, lang, 1, "scenarios/tutorial.ron", typed);
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
        ("en", ["line 5", "not enough action points"]),
        ("zh", ["第 5 行", "行动点不足"]),
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

/// The tutorial with the grading section of docs/scenario-format.md after its `settings`
/// (three accounts: Shanghai A, this case's customer; Ningbo B; Suzhou C), written to `dir`;
/// `check` passes it clean.
fn graded_tutorial(dir: &std::path::Path) -> String {
    let docs = std::fs::read_to_string("docs/scenario-format.md").unwrap();
    let start = docs.find("```ron\ngrading: (").unwrap() + "```ron\n".len();
    let grading = &docs[start..start + docs[start..].find("```").unwrap()];
    let mut ron = String::new();
    for line in std::fs::read_to_string("scenarios/tutorial.ron")
        .unwrap()
        .lines()
    {
        ron += line;
        ron += "\n";
        if line.trim_start().starts_with("settings:") {
            for g in grading.lines() {
                ron += &format!("    {g}\n");
            }
        }
    }
    assert!(
        ron.contains("    grading: ("),
        "no settings line in the tutorial"
    );
    std::fs::create_dir_all(dir).unwrap();
    let file = dir.join("graded_tutorial.ron");
    std::fs::write(&file, ron).unwrap();
    let file = file.to_str().unwrap().to_string();
    let o = run(&["check", &file]);
    assert!(
        o.status.success() && stdout(&o).contains("0 error(s), 0 warning(s)"),
        "{}",
        stdout(&o)
    );
    file
}

/// `play --text` on a case with grading: the accounts with the four indicator groups and what
/// each grade of this customer grants, one line of grades (Ningbo graded wrong), the graded
/// line, week 1 with the granted points and budget, the whole session, and the grades in the
/// debrief; in both languages.
#[test]
fn play_text_grades_the_accounts_before_week_1() {
    let dir = temp_dir("cli", "grading");
    let scenario = graded_tutorial(&dir);
    // Shanghai A (right: 3 points, 60 k¥), Ningbo C (wrong: it is B), Suzhou C; then the
    // tutorial as in `play_text_runs_a_whole_session_from_typed_input`.
    let typed = "A c c\n1\n2b\n2c\n2a\ne\n4b\n4c\n4a\ne\ne\n1\n1 2\n1\n";
    for (lang, shown, graded, week1, review, won) in [
        (
            "zh",
            [
                "══ 客户分级 ══",
                "接手这个案子之前，先给公司的三个客户分级",
                "1. 上海某上市公司（本案客户）：公司最大的客户，正在启动新项目。",
                "   交易类：累计交易 4,800 万元",
                "。｜财务类：收款周期 45 天，无逾期欠款。",
                "   客户特征：上市公司",
                "。｜需求匹配：看重质量与长期可靠",
                "你给本案客户的等级决定你的资源：A 级 每周 3 个行动点、预算 60 千元 · B 级 每周 2 个行动点、预算 40 千元 · C 级 每周 2 个行动点、预算 20 千元",
                "按列出的顺序给每个客户评级",
            ],
            "• 你把本客户评为 A 级：每周 3 个行动点，预算 60 千元。",
            "══ 第 1 周 · 3 个行动点 · 预算 60 千元",
            "宁波某机械厂：你评为 C 级，应为 B 级（一般客户）。",
            "你赢得了订单",
        ),
        (
            "en",
            [
                "══ Customer grading ══",
                "Before you take the case, grade three of the company's accounts",
                "1. The Shanghai listed company (this case's customer): The company's biggest customer, starting a new project.",
                "   Transaction: 48 M¥ to date",
                " | Financial: Pays in 45 days; nothing overdue.",
                "   Customer traits: Listed",
                " | Needs match: Values quality and long-term reliability",
                "The grade you give this case's customer sets your resources: A: 3 action points a week, budget 60 k¥ · B: 2 action points a week, budget 40 k¥ · C: 2 action points a week, budget 20 k¥",
                "Grade each account in the listed order",
            ],
            "• You graded this customer A: 3 action points a week, a budget of 60 k¥.",
            "══ Week 1 · 3 action points · budget 60 k¥",
            "The Ningbo machinery works: you graded it C; it is B (ordinary customer).",
            "you won the order",
        ),
    ] {
        let out = play_text(&dir.join(lang), lang, 1, &scenario, typed);
        let at = |needle: &str| {
            out.find(needle)
                .unwrap_or_else(|| panic!("{lang}: no `{needle}` in:\n{out}"))
        };
        for s in shown {
            assert!(at(s) < at(week1), "{lang}: `{s}` after week 1:\n{out}");
        }
        // Nothing was refused; the grades took the session to week 1 and the graded line
        // opens it.
        assert!(
            !out.lines()
                .any(|l| l.starts_with("! ") || l.contains("> ! ")),
            "{lang}: refused:\n{out}"
        );
        assert!(
            at(shown[0]) < at(week1) && at(week1) < at(graded),
            "{lang}:\n{out}"
        );
        assert_eq!(
            out.matches(graded.trim_start_matches("• ")).count(),
            1,
            "{lang}"
        );
        // The session went on to the end, and the debrief reviews the grades.
        assert!(at(won) < at(review), "{lang}:\n{out}");
        assert!(at("/100") < at(review), "{lang}:\n{out}");
    }
}

/// Grades that cannot be taken are refused in words, the step asks again, and nothing is
/// decided: never Debug output.
#[test]
fn bad_grades_are_refused_in_words_and_asked_again() {
    let dir = temp_dir("cli", "bad-grades");
    let scenario = graded_tutorial(&dir);
    let typed = "A B\nA B D\n1A 4B 3C\n1A B C\n1A 1B 3C\n1A 2B\nq\n";
    for (lang, words) in [
        (
            "zh",
            [
                "输入了 2 个等级，要为 3 个客户各评一个。",
                "「D」不是等级：等级是 A、B 或 C。",
                "没有第 4 个客户：客户编号是 1 到 3。",
                "要么全按顺序（如 A B C），要么全带编号（如 1A 2B 3C）。",
                "「上海某上市公司」被评了两次级：每个客户只评一次。",
                "还没有给「苏州某贸易公司」评级：每个客户都要评级。",
            ],
        ),
        (
            "en",
            [
                "That is 2 grades for 3 accounts: give each one grade.",
                "“D” is not a grade: a grade is A, B or C.",
                "There is no account 4: the accounts are 1 to 3.",
                "Either all in order (e.g. A B C) or all numbered (e.g. 1A 2B 3C).",
                "“The Shanghai listed company” is graded twice: grade each account once.",
                "“The Suzhou trading company” has no grade yet: grade every account.",
            ],
        ),
    ] {
        let out = play_text(&dir.join(lang), lang, 1, &scenario, typed);
        let refusals: Vec<&str> = out
            .lines()
            .filter_map(|l| l.split_once("> ! ").map(|(_, r)| r))
            .collect();
        assert_eq!(refusals, words, "{lang}:\n{out}");
        for debug in [
            "{",
            "}",
            "Some(",
            "Err(",
            "AccountGradedTwice",
            "AccountNotGraded",
            "NotAGrade",
        ] {
            assert!(!out.contains(debug), "{lang}: `{debug}` in:\n{out}");
        }
        // The accounts were shown once; no week opened.
        let title = if lang == "zh" {
            "══ 客户分级 ══"
        } else {
            "══ Customer grading ══"
        };
        assert_eq!(out.matches(title).count(), 1, "{lang}:\n{out}");
        assert!(
            !out.contains("══ 第 1 周") && !out.contains("══ Week 1"),
            "{lang}:\n{out}"
        );
    }
}

/// At a scene, the keys work as everywhere: h shows it again, a wrong key says which numbers
/// are open, q leaves the session.
#[test]
fn a_scene_takes_help_and_quit_and_names_the_numbers() {
    let home = temp_dir("cli", "scene-keys");
    for (lang, hint, left) in [
        (
            "en",
            "Type an available number from 1 to 2",
            "Session left unfinished",
        ),
        ("zh", "请输入 1 到 2 中可选的编号", "本局未完成"),
    ] {
        let out =
            common::terminal::play_text(&home, lang, 1, "scenarios/tutorial.ron", "h\nx\nq\n");
        assert!(out.contains(hint), "{lang}: {out}");
        assert!(out.contains(left), "{lang}: {out}");
        // The scene was shown twice: at first and on h.
        assert_eq!(out.matches("┌──").count(), 2, "{lang}: {out}");
    }
}

#[test]
fn migrate_rewrites_a_format_1_case_that_check_refused() {
    let dir = temp_dir("migrate", "format_1");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("old.ron");
    std::fs::copy("tests/malformed/format_1.ron", &file).unwrap();
    let path = file.to_str().unwrap();
    let refused = run(&["check", path]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stdout(&refused).contains("`lost-order migrate FILE` does both"),
        "{}",
        stdout(&refused)
    );
    let o = run(&["migrate", path]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stderr(&o);
    assert!(said.contains("added `format: 2,`"), "{said}");
    assert!(said.contains("`when: [Won]` → `when: Won`"), "{said}");
    let text = std::fs::read_to_string(&file).unwrap();
    // The author's comment on the first line stays.
    assert!(text.starts_with("// 新手教程 / Tutorial"), "{text}");
    assert!(run(&["check", path]).status.success());
    // Migrating again leaves the file as it is.
    let again = run(&["migrate", path]);
    assert!(stderr(&again).contains("already in the current format"));
}

#[test]
fn simulate_all_policies_prints_one_table_as_text_json_and_csv() {
    let text = run(&[
        "simulate",
        "--all-policies",
        "--runs",
        "20",
        "scenarios/tutorial.ron",
    ]);
    assert!(text.status.success(), "{}", stderr(&text));
    let out = stdout(&text);
    assert!(
        out.contains("policy") && out.contains("p10") && out.contains("p90"),
        "{out}"
    );
    for p in lost_order_core::policy::Policy::ALL {
        assert!(
            out.lines().any(|l| l.starts_with(p.name())),
            "{} missing:\n{out}",
            p.name()
        );
    }
    let json = run(&[
        "simulate",
        "--all-policies",
        "--runs",
        "20",
        "--json",
        "scenarios/tutorial.ron",
    ]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), lost_order_core::policy::Policy::ALL.len());
    assert!(
        rows.iter()
            .all(|r| r["score"]["p10"].as_u64() <= r["score"]["p90"].as_u64())
    );
    let csv = run(&[
        "simulate",
        "--all-policies",
        "--runs",
        "20",
        "--csv",
        "scenarios/tutorial.ron",
    ]);
    let sheet = stdout(&csv);
    assert!(
        sheet.starts_with("policy,runs,win_rate,score_mean,score_p10,score_p90,endings\n"),
        "{sheet}"
    );
    assert_eq!(sheet.lines().count(), 1 + rows.len());
    // One policy or all of them, not both.
    let both = run(&["simulate", "--all-policies", "--policy", "liao"]);
    assert_eq!(both.status.code(), Some(2));
}

/// `check --deep` explores a case that passes `check`: the tutorial's findings are warnings
/// (exit 0); a scene whose only choice needs a flag set a week later is a soft-lock, printed
/// as an error at the scene with the seed and the decisions that reach it (exit 1).
#[test]
fn check_deep_reports_findings_and_fails_on_a_soft_lock() {
    let o = run(&["check", "--deep", "scenarios/tutorial.ron"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("warning: policy `full-coverage` wins alone: 100.0% of 300 seeds"),
        "{out}"
    );
    assert!(
        out.contains("scenarios/tutorial.ron: deep check explored"),
        "{out}"
    );
    // Progress is drawn only on a terminal.
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));

    let mut ron = std::fs::read_to_string("scenarios/tutorial.ron").unwrap();
    for (old, new) in [
        ("    criteria: [", "    flags: [\"late\"],\n    criteria: ["),
        (
            "        (id: \"learn_map\",",
            "        (id: \"call\", trigger: (week: At(2)), scene: \"call\"),\n        (id: \"later\", trigger: (week: At(3)), effects: [SetFlag(\"late\")]),\n        (id: \"learn_map\",",
        ),
        (
            "         ]),\n    ],\n    competitor: (",
            "         ]),\n        (id: \"call\", speaker: \"buyer\", text: {\"zh\": \"电话\", \"en\": \"A call\"}, choices: [\n            (id: \"answer\", label: {\"zh\": \"接\", \"en\": \"Answer\"}, when: Flag(\"late\")),\n        ]),\n    ],\n    competitor: (",
        ),
    ] {
        assert_eq!(ron.matches(old).count(), 1, "{old:?}");
        ron = ron.replacen(old, new, 1);
    }
    let dir = temp_dir("check-deep", "soft-lock");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("stuck.ron");
    std::fs::write(&file, &ron).unwrap();
    let file = file.to_str().unwrap();
    let o = run(&["check", "--deep", file]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    let at = ron.find("(id: \"call\", speaker").unwrap() + "(id: ".len();
    let line = ron[..at].matches('\n').count() + 1;
    let col = at - ron[..at].rfind('\n').unwrap();
    assert!(
        out.contains(&format!(
            "{file}:{line}:{col}: error: soft-lock: scene `call` opens with no choice the player can pick (seed "
        )),
        "{out}"
    );
    assert!(out.contains("  reached with seed "), "{out}");
    assert!(out.lines().any(|l| l == "    end"), "{out}");
}

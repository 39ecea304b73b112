//! `lost-order report`: the class debrief of one scenario as HTML (with charts), JSON and CSV.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use lost_order_core::engine::Decision;
use lost_order_core::record::read_record;
use lost_order_core::report::{ClassReport, Count, build};
use lost_order_core::scenario::Scenario;
use minijinja::{Environment, context};

use super::screen::t;
use crate::game::Catalog;

const TEMPLATE: &str = include_str!("report.html");

pub fn run(
    inputs: &[PathBuf],
    out: &Path,
    scenario: Option<&Path>,
    lang: &str,
) -> anyhow::Result<ExitCode> {
    let files = record_files(inputs)?;
    if files.is_empty() {
        bail!(
            "no session records (*.record.ron) found in {}",
            inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let scenario = match scenario {
        Some(path) => super::load(path)?,
        None => scenario_of_class(&files)?,
    };
    let report = build(scenario, &files, lang);
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    std::fs::write(
        out.join("summary.json"),
        serde_json::to_string_pretty(&report)?,
    )?;
    write_sessions_csv(&report, &out.join("sessions.csv"))?;
    write_decisions_csv(&report, &out.join("decisions.csv"))?;
    std::fs::write(out.join("index.html"), render_html(&report)?)?;
    for s in &report.skipped {
        eprintln!("skipped {}: {}", s.file, s.reason);
    }
    println!(
        "{} sessions ({} skipped) → {}/index.html, summary.json, sessions.csv, decisions.csv",
        report.sessions.len(),
        report.skipped.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The record files among `inputs`: files as given, folders searched for `*.record.ron`.
fn record_files(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .with_context(|| format!("cannot read {}", input.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".record.ron"))
                .collect();
            found.sort();
            files.extend(found);
        } else if input.exists() {
            files.push(input.clone());
        } else {
            bail!("{}: no such file or folder", input.display());
        }
    }
    Ok(files)
}

/// The scenario most of the class played, among the shipped and `scenarios/` ones.
fn scenario_of_class(files: &[PathBuf]) -> anyhow::Result<Arc<Scenario>> {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for f in files {
        if let Ok(r) = read_record(f) {
            *counts.entry(r.header.scenario).or_default() += 1;
        }
    }
    let id = counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(id, _)| id)
        .context("no readable session record")?;
    Catalog::load()
        .entries
        .into_iter()
        .map(|e| e.scenario)
        .find(|s| s.meta.id == id)
        .with_context(|| format!("no scenario with id `{id}`; name its file with --scenario"))
}

fn render_html(r: &ClassReport) -> anyhow::Result<String> {
    let mut env = Environment::new();
    env.add_template("report.html", TEMPLATE)?;
    let lang = r.lang.as_str();
    let words = [
        ("report", t(lang, "班级复盘", "Class debrief")),
        ("scenario", t(lang, "案例", "Scenario")),
        ("trainees", t(lang, "学员", "Trainees")),
        ("won", t(lang, "赢", "Won")),
        ("lost", t(lang, "输", "Lost")),
        ("unfinished", t(lang, "未完成", "Unfinished")),
        ("mean", t(lang, "平均分", "Mean score")),
        ("charts", t(lang, "图表", "Charts")),
        ("outcome", t(lang, "结果", "Outcome")),
        ("endings", t(lang, "结局", "Endings")),
        ("scores", t(lang, "得分分布", "Score distribution")),
        (
            "roles",
            t(
                lang,
                "覆盖各采购角色的学员数",
                "Trainees who covered each buying role",
            ),
        ),
        (
            "mistakes",
            t(
                lang,
                "最常见的致命错误（评分为 0 的项）",
                "Most common fatal mistakes (rubric lines at 0)",
            ),
        ),
        (
            "engaged",
            t(
                lang,
                "接触过各人的学员数",
                "Trainees who engaged each person",
            ),
        ),
        (
            "by_week",
            t(
                lang,
                "每周接触各人的学员数",
                "Trainees engaging each person, by week",
            ),
        ),
        ("person", t(lang, "人物", "Person")),
        ("week", t(lang, "周", "Week")),
        (
            "table",
            t(
                lang,
                "每位学员的路径与得分（最后一行为廖总的路径）",
                "Every trainee's path and score (last row: Liao's path)",
            ),
        ),
        ("player", t(lang, "学员", "Trainee")),
        ("seed", t(lang, "种子", "Seed")),
        ("score", t(lang, "得分", "Score")),
        ("roles_short", t(lang, "角色", "Roles")),
        ("path", t(lang, "路径", "Path")),
        ("skipped", t(lang, "未纳入的记录", "Records left out")),
    ];
    let words: std::collections::BTreeMap<&str, &str> = words.into_iter().collect();
    let outcome = vec![
        count("won", words["won"], r.won),
        count("lost", words["lost"], r.lost),
        count("unfinished", words["unfinished"], r.unfinished),
    ];
    let engaged: Vec<Count> = r
        .engagement
        .iter()
        .map(|e| count(&e.person, &e.name, e.trainees))
        .collect();
    let max = |items: &[Count]| items.iter().map(|c| c.count).max().unwrap_or(0);
    let mut rows: Vec<_> = r.sessions.clone();
    rows.extend(r.liao.clone());
    let html = env.get_template("report.html")?.render(context! {
        r => r,
        t => words,
        rows => rows,
        outcome_max => max(&outcome),
        outcome => outcome,
        endings_max => max(&r.endings),
        scores_max => max(&r.scores),
        roles_max => max(&r.roles),
        mistakes_max => max(&r.mistakes),
        engaged_max => max(&engaged),
        engaged => engaged,
        weeks => (1..=r.engagement.first().map_or(0, |e| e.by_week.len())).collect::<Vec<_>>(),
        week_max => r.engagement.iter().flat_map(|e| e.by_week.iter().copied()).max().unwrap_or(0),
    })?;
    Ok(html)
}

fn count(id: &str, label: &str, n: usize) -> Count {
    Count {
        id: id.to_string(),
        label: label.to_string(),
        count: n,
    }
}

fn write_sessions_csv(r: &ClassReport, path: &Path) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_path(path)?;
    w.write_record([
        "file",
        "player",
        "seed",
        "started",
        "finished",
        "won",
        "ending",
        "score",
        "roles_covered",
        "mistakes",
        "path",
    ])?;
    for s in &r.sessions {
        w.write_record([
            s.file.clone(),
            s.player.clone(),
            s.seed.to_string(),
            s.started.to_string(),
            s.finished.to_string(),
            s.won.map(|b| b.to_string()).unwrap_or_default(),
            s.ending.clone().unwrap_or_default(),
            s.score.map(|v| v.to_string()).unwrap_or_default(),
            s.covered.len().to_string(),
            s.mistakes.join(";"),
            s.path.join(" | "),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn write_decisions_csv(r: &ClassReport, path: &Path) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_path(path)?;
    w.write_record([
        "file", "player", "n", "week", "kind", "id", "target", "result",
    ])?;
    for s in &r.sessions {
        for (i, m) in s.decisions.iter().enumerate() {
            let (kind, id, target) = match &m.decision {
                Decision::Act { action, target } => {
                    ("act", action.clone(), target.clone().unwrap_or_default())
                }
                Decision::EndWeek => ("end_week", String::new(), String::new()),
                Decision::Choose(c) => ("choose", c.clone(), String::new()),
                Decision::Bid(b) => (
                    "bid",
                    b.price.clone(),
                    [b.emphases.join(";"), b.commitments.join(";")].join(" + "),
                ),
            };
            w.write_record([
                s.file.clone(),
                s.player.clone(),
                (i + 1).to_string(),
                m.week.to_string(),
                kind.to_string(),
                id,
                target,
                m.result.clone().unwrap_or_default(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

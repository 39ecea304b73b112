//! Writing a class report to a folder: index.html (with charts), summary.json, sessions.csv and
//! decisions.csv. Used by `lost-order report` and by the game's export.
//!
//! The charts are SVG written by the page's template from the report's counts. A chart crate
//! was considered (plotters), but its text layout needs system fonts for CJK labels, and the
//! page must work offline in any browser and print well; plain SVG bars from the template do.

use std::path::Path;

use lost_order_core::engine::Decision;
use lost_order_core::narrate::week_label;
use lost_order_core::report::{ClassReport, Count};
use lost_order_core::text::pick as t;
use minijinja::{Environment, context};

const TEMPLATE: &str = include_str!("report.html");

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The folder or a file could not be created or written.
    #[error("cannot write {path}: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// A CSV file could not be written.
    #[error("cannot write {path}: {source}")]
    Csv {
        path: std::path::PathBuf,
        source: csv::Error,
    },
    /// The page's template failed (a bug in the template).
    #[error("cannot render the report page: {0}")]
    Template(#[from] minijinja::Error),
    /// The summary could not be serialised.
    #[error("cannot write the summary: {0}")]
    Json(#[from] serde_json::Error),
}

/// Writes every file of the report into `out`, creating it: `index.html`, `summary.json`,
/// `sessions.csv` and `decisions.csv`.
///
/// # Errors
/// [`ReportError`] naming the file that could not be written.
pub fn write(report: &ClassReport, out: &Path) -> Result<(), ReportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ReportError::Io { path, source }
    };
    std::fs::create_dir_all(out).map_err(io(out))?;
    let summary = out.join("summary.json");
    std::fs::write(&summary, serde_json::to_string_pretty(report)?).map_err(io(&summary))?;
    let csv = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ReportError::Csv { path, source }
    };
    let sessions = out.join("sessions.csv");
    write_sessions_csv(report, &sessions).map_err(csv(&sessions))?;
    let decisions = out.join("decisions.csv");
    write_decisions_csv(report, &decisions).map_err(csv(&decisions))?;
    let index = out.join("index.html");
    std::fs::write(&index, render_html(report)?).map_err(io(&index))?;
    Ok(())
}

fn render_html(r: &ClassReport) -> Result<String, minijinja::Error> {
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
        ("turning", t(lang, "转折点", "Turning point")),
        ("skipped", t(lang, "未纳入的记录", "Records left out")),
        ("version", t(lang, "版本", "Version")),
        ("colon", t(lang, "：", ": ")),
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
        weeks => week_labels(r),
        week_max => r.engagement.iter().flat_map(|e| e.by_week.iter().copied()).max().unwrap_or(0),
    })?;
    Ok(html)
}

/// The week columns' names in the report's language: `第 1 周` / `Week 1`, one per week.
fn week_labels(r: &ClassReport) -> Vec<String> {
    let weeks = r.engagement.first().map_or(0, |e| e.by_week.len()) as u32;
    (1..=weeks).map(|w| week_label(w, &r.lang)).collect()
}

fn count(id: &str, label: &str, n: usize) -> Count {
    Count {
        id: id.to_string(),
        label: label.to_string(),
        count: n,
    }
}

fn write_sessions_csv(r: &ClassReport, path: &Path) -> Result<(), csv::Error> {
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
        "turning_point",
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
            s.ending_title.clone().unwrap_or_default(),
            s.score.map(|v| v.to_string()).unwrap_or_default(),
            s.covered.len().to_string(),
            s.mistake_labels.join(t(&r.lang, "；", "; ")),
            s.turning_point.clone().unwrap_or_default(),
            path_text(s, &r.lang),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// A trainee's path on one line: `第 1 周：拜访 刘副总裁；… | 第 2 周：…` / `Week 1: Visit VP Liu; … | Week 2: …`.
fn path_text(s: &lost_order_core::report::SessionRow, lang: &str) -> String {
    s.path
        .iter()
        .enumerate()
        .filter(|(_, acts)| !acts.is_empty())
        .map(|(i, acts)| {
            format!(
                "{}{}{acts}",
                week_label(i as u32 + 1, lang),
                t(lang, "：", ": ")
            )
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Every decision of every trainee, one a row, by the scenario's ids (for analysis in a
/// spreadsheet or a script; the words are in `sessions.csv` and `index.html`).
fn write_decisions_csv(r: &ClassReport, path: &Path) -> Result<(), csv::Error> {
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
                Decision::Grade(grades) => (
                    "grade",
                    grades
                        .iter()
                        .map(|(account, grade)| format!("{account}={grade}"))
                        .collect::<Vec<_>>()
                        .join(";"),
                    String::new(),
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

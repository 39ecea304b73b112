//! `lost-order report`: the class debrief of one scenario as HTML (with charts), JSON and CSV.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;
use lost_order_app::records::{record_files, scenario_of_class};
use lost_order_app::{Catalog, class_report};
use lost_order_core::report::build;
use lost_order_core::text::{fill, pick as t};

/// Writes the class report of the records among `inputs` into `out`, in `lang` (a `--lang`
/// value, refused when the scenario lacks it; else the environment's language).
pub fn run(
    inputs: &[PathBuf],
    out: &Path,
    scenario: Option<&Path>,
    lang: Option<&str>,
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
        None => scenario_of_class(&files, &Catalog::load())?,
    };
    let lang = lost_order_app::lang::resolve(lang, &scenario.meta.languages)?;
    let report = build(scenario, &files, &lang);
    class_report::write(&report, out)?;
    let lang = report.lang.as_str();
    for s in &report.skipped {
        eprintln!(
            "{}{}{}{}",
            t(lang, "未纳入 ", "skipped "),
            s.file,
            t(lang, "：", ": "),
            s.reason
        );
    }
    let line = t(
        lang,
        "{n} 份记录（{k} 份未纳入）→ {out}/index.html、summary.json、sessions.csv、decisions.csv",
        "{n} sessions ({k} skipped) → {out}/index.html, summary.json, sessions.csv, decisions.csv",
    );
    println!(
        "{}",
        fill(
            line,
            &[
                ("n", &report.sessions.len().to_string()),
                ("k", &report.skipped.len().to_string()),
                ("out", &out.display().to_string()),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}

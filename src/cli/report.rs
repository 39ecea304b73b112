//! `lost-order report`: the class debrief of one scenario as HTML (with charts), JSON and CSV.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;
use lost_order_app::records::{record_files, scenario_of_class};
use lost_order_app::{Catalog, class_report};
use lost_order_core::report::build;

/// Writes the class report of the records among `inputs` into `out`.
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
        None => scenario_of_class(&files, &Catalog::load())?,
    };
    let report = build(scenario, &files, lang);
    class_report::write(&report, out)?;
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

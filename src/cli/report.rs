//! `lost-order report`: the class debrief of one scenario as HTML (with charts), JSON and CSV,
//! streamed: a class of any size is read a batch of records at a time.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail};
use lost_order_app::records::record_files;
use lost_order_app::{Catalog, class_report};
use lost_order_core::report::{Roster, most_common_scenario, read_headers};
use lost_order_core::text::{fill, pick as t};

/// Writes the class report of the records among `inputs` into `out`, in `lang` (a `--lang`
/// value, refused when the scenario lacks it; else the environment's language). The scenario
/// is `scenario` if given, else the one most records were made with, found by its content.
pub fn run(
    inputs: &[PathBuf],
    out: &Path,
    scenario: Option<&Path>,
    lang: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let shown = || {
        inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let files = record_files(inputs)?;
    if files.is_empty() {
        bail!("no session records (*.record.ron) found in {}", shown());
    }
    let headings = read_headers(&files);
    let scenario = match scenario {
        Some(path) => super::load(path)?,
        None => {
            let header = most_common_scenario(&headings)
                .ok_or_else(|| anyhow!("no readable session record in {}", shown()))?;
            Catalog::load().locate(header, None)?.scenario
        }
    };
    let lang = lost_order_app::lang::resolve(lang, &scenario.meta.languages)?;
    let roster = Roster::of(scenario, headings, &lang);
    let summary = class_report::write_class(roster, out)?;
    let lang = summary.lang.as_str();
    for s in &summary.skipped {
        eprintln!(
            "{}{}{}{}",
            t(lang, "未纳入 ", "skipped "),
            s.file,
            t(lang, "：", ": "),
            s.reason
        );
    }
    if let Some(warning) = &summary.seed_warning {
        eprintln!("{}{warning}", t(lang, "注意：", "warning: "));
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
                ("n", &summary.trainees.to_string()),
                ("k", &summary.skipped.len().to_string()),
                ("out", &out.display().to_string()),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}

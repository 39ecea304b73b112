//! `lost-order report`: the class debrief of one scenario as HTML (with charts), JSON and CSV.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use lost_order_core::record::read_record;
use lost_order_core::report::build;
use lost_order_core::scenario::Scenario;

use crate::game::Catalog;

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
    crate::class_report::write(&report, out)?;
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
pub fn record_files(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
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
pub fn scenario_of_class(files: &[PathBuf]) -> anyhow::Result<Arc<Scenario>> {
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

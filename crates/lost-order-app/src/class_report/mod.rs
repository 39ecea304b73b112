//! Writing a class report to a folder: index.html (with charts), summary.json, sessions.csv and
//! decisions.csv. Used by `lost-order report` (streaming a class of any size) and by the
//! game's export (a report in memory).
//!
//! The charts are SVG written by a template of their own from the report's counts
//! (`render_charts`, which the class server's live view uses too). A chart crate
//! was considered (plotters), but its text layout needs system fonts for CJK labels, and the
//! page must work offline in any browser and print well; plain SVG bars from the template do.

mod charts;
mod files;
mod sheets;
mod when;
mod words;

use std::path::Path;

use lost_order_core::report::{ClassReport, ClassSink, ClassSummary, Roster, stream};

pub use charts::render_charts;
pub use files::ReportFiles;
pub use sheets::{BOM, cell};
pub use when::Clock;

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

/// Replays the class of `roster` and writes its report into `out` as it goes, with times in
/// the system's zone: memory holds a batch of rows and the counts, whatever the class's size.
/// Returns the summary (counts, records left out, the seed warning).
///
/// # Errors
/// [`ReportError`] naming the file that could not be written.
pub fn write_class(roster: Roster, out: &Path) -> Result<ClassSummary, ReportError> {
    let weeks = roster.scenario.settings.weeks;
    let mut files = ReportFiles::create(out, &roster.lang, weeks, Clock::local())?;
    let summary = stream(roster, &mut files)?;
    files.finish(&summary)?;
    Ok(summary)
}

/// Writes every file of a report built in memory into `out`, creating it: `index.html`,
/// `summary.json`, `sessions.csv` and `decisions.csv`.
///
/// # Errors
/// [`ReportError`] naming the file that could not be written.
pub fn write(report: &ClassReport, out: &Path) -> Result<(), ReportError> {
    let weeks = report.engagement.first().map_or(0, |e| e.by_week.len()) as u32;
    let mut files = ReportFiles::create(out, &report.lang, weeks, Clock::local())?;
    let several = report.groups.len() > 1;
    for group in &report.groups {
        files.group(group.seed, several)?;
        for row in report.sessions.iter().filter(|s| s.seed == group.seed) {
            files.session(row)?;
        }
        files.group_end(group, several)?;
    }
    files.finish(&report.summary)
}

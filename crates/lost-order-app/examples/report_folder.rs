//! The class report of a folder of records, exactly as `lost-order report DIR --out OUT
//! --lang LANG` makes it (the same calls as the CLI's `report`), timed: the class report's
//! benchmark without building the binary (docs/performance.md, "The class report").
//!
//! `/usr/bin/time -v cargo run --release -p lost-order-app --example report_folder -- DIR OUT [LANG]`
//! (default language: en).

use std::path::PathBuf;
use std::time::Instant;

use lost_order_app::records::record_files;
use lost_order_app::{Catalog, class_report};
use lost_order_core::report::{Roster, most_common_scenario, read_headers};

pub fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: report_folder DIR OUT [LANG]";
    let dir = PathBuf::from(args.next().ok_or(usage)?);
    let out = PathBuf::from(args.next().ok_or(usage)?);
    let lang = args.next().unwrap_or_else(|| "en".into());
    let start = Instant::now();
    let files = record_files(std::slice::from_ref(&dir))?;
    let headings = read_headers(&files);
    let header = most_common_scenario(&headings).ok_or("no readable session record")?;
    let scenario = Catalog::load().locate(header, None)?.scenario;
    let lang = lost_order_app::lang::resolve(Some(&lang), &scenario.meta.languages)?;
    let roster = Roster::of(scenario, headings, &lang);
    let summary = class_report::write_class(roster, &out)?;
    println!(
        "{} sessions ({} skipped) → {} in {:.2} s",
        summary.trainees,
        summary.skipped.len(),
        out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

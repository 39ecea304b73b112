//! `lost-order migrate`: rewrites cases of an older format in place, keeping comments and
//! layout, lists what changed and checks the result.

use std::path::PathBuf;
use std::process::ExitCode;

use lost_order_app::write_atomic;
use lost_order_core::load::{check_source, migrate};

/// Migrates each file; with `print`, writes the new text to stdout instead of the file.
/// Exit 1 when a file cannot be read or migrated, or its new text does not check clean.
pub fn run(files: &[PathBuf], print: bool) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for file in files {
        let source = match std::fs::read_to_string(file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{}: cannot read: {e}", file.display());
                failed = true;
                continue;
            }
        };
        let path = file.display().to_string();
        let migrated = match migrate(&source) {
            Ok(m) => m,
            Err(d) => {
                eprint!("{}", d.render(&path, &source));
                failed = true;
                continue;
            }
        };
        for change in &migrated.changes {
            eprintln!("{path}: {change}");
        }
        if print {
            print!("{}", migrated.text);
        } else if migrated.changes.is_empty() {
            eprintln!("{path}: already in the current format; left as it was");
        } else {
            write_atomic(file, &migrated.text)?;
            eprintln!("{path}: rewritten ({} change(s))", migrated.changes.len());
        }
        // Whatever else is wrong with the case is the author's to fix: say so now.
        let checked = check_source(&path, &migrated.text);
        if checked.errors() > 0 {
            eprintln!(
                "{path}: {} error(s) remain after migrating; run `lost-order check {path}`",
                checked.errors()
            );
            failed = true;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

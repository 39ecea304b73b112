//! `lost-order check`: every error and warning of each file, with the line and a caret; with
//! `--deep`, then what many played sessions show (docs/deep-check.md).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use lost_order_core::explore::{Budget, explore};
use lost_order_core::load::{Checked, check_file};

pub fn run(files: &[PathBuf], deep: bool) -> anyhow::Result<ExitCode> {
    let mut out = StandardStream::stdout(if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    });
    let (mut errors, mut warnings) = (0, 0);
    for file in files {
        match check_file(file) {
            Ok(checked) => {
                for d in &checked.diagnostics {
                    d.emit(&checked.path, &checked.source, &mut out)?;
                }
                errors += checked.errors();
                warnings += checked.warnings();
                // Only a case that passes the normal check is explored.
                let (deep_errors, deep_warnings) = if deep && checked.errors() == 0 {
                    run_deep(&checked, &mut out)?
                } else {
                    (0, 0)
                };
                errors += deep_errors;
                warnings += deep_warnings;
                if checked.diagnostics.is_empty() && deep_errors + deep_warnings == 0 {
                    println!("{}: ok", file.display());
                }
            }
            Err(e) => {
                println!("{e}");
                errors += 1;
            }
        }
    }
    println!(
        "{} file(s) checked: {errors} error(s), {warnings} warning(s)",
        files.len()
    );
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Explores a case that passed the check and prints its findings, each soft-lock with the
/// seed and the decisions that reach it; gives the errors (soft-locks) and warnings printed.
/// A bar on stderr shows how far it is, when stderr is a terminal.
fn run_deep(checked: &Checked, out: &mut StandardStream) -> anyhow::Result<(usize, usize)> {
    let Some(scenario) = checked.scenario.clone() else {
        return Ok((0, 0));
    };
    let show_progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let progress = |done: f64| {
        if show_progress {
            let filled = (done * 20.0).round() as usize;
            eprint!(
                "\rdeep check of {}: [{}{}] {:>3}%",
                checked.path,
                "#".repeat(filled.min(20)),
                " ".repeat(20 - filled.min(20)),
                (done * 100.0).round() as u32
            );
            let _ = std::io::stderr().flush();
        }
    };
    let found = explore(
        &Arc::new(scenario),
        &checked.source,
        &Budget::default(),
        &progress,
    );
    if show_progress {
        eprintln!();
    }
    let (mut errors, mut warnings) = (0, 0);
    for f in &found.findings {
        f.diagnostic.emit(&checked.path, &checked.source, out)?;
        if f.diagnostic.is_error() {
            errors += 1;
        } else {
            warnings += 1;
        }
        if let Some(repro) = &f.repro {
            writeln!(
                out,
                "  reached with seed {} ({}) by these decisions; save them as a file and run \
                 `lost-order play --seed {} --script FILE {}`:",
                repro.seed, repro.how, repro.seed, checked.path
            )?;
            for line in repro.script().lines() {
                writeln!(out, "    {line}")?;
            }
            if repro.decisions.is_empty() {
                writeln!(out, "    # none: the session starts there")?;
            }
        }
    }
    println!(
        "{}: deep check explored {} sessions ({} reached the tender)",
        checked.path, found.sessions, found.ended
    );
    Ok((errors, warnings))
}

//! `lost-order check`: every error and warning of each file, with the line and a caret.

use std::path::PathBuf;
use std::process::ExitCode;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use lost_order_core::load::check_file;

pub fn run(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
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
                if checked.diagnostics.is_empty() {
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

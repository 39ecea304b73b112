//! The `lost-order` binary: the game window, and the terminal tools (check, play, simulate).

use std::process::ExitCode;

fn main() -> ExitCode {
    lost_order::game::bench::mark_start();
    match lost_order::cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

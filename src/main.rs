//! The `lost-order` binary: the game window, and the terminal tools (check, play, simulate).

mod cli;
mod game;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

//! The `lost-order` binary: the game window, and the terminal tools (check, play, simulate).

use std::process::ExitCode;

/// mimalloc instead of the system's allocator: a playthrough makes a few hundred small
/// allocations (ids and happenings), and mimalloc serves them in about 30% less CPU time for
/// `simulate`, `report` and `check --deep` (docs/performance.md, "Engine speed").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    lost_order::game::bench::mark_start();
    match lost_order::cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            lost_order::cli::exit_code_of(&e)
        }
    }
}

/// Lets the system end the process when a reader of its output goes away
/// (`lost-order check scenarios/*.ron | head -1`): the shell sees 141 (128 + SIGPIPE) and
/// nothing is printed, in every subcommand. Rust ignores SIGPIPE by default, which turns the
/// next `println!` into a panic (exit 101) instead.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread exists; `signal` with
    // `SIG_DFL` only restores the action a process starts with.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

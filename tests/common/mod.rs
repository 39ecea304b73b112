//! Fixtures shared by the root package's tests: the real binary, temporary homes and folders,
//! the golden scripts, and (in `game`) a headless game to click through.
#![allow(dead_code, reason = "each test file uses a part of the fixtures")]

#[cfg(unix)]
pub mod browser;
pub mod game;
pub mod terminal;
pub mod window;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lost_order_core::engine::{Decision, parse_script};

/// Headless Chromium's flags for a test: no sandbox (in a container), no GPU, nothing fetched
/// from the network but the page, no first-run screens.
pub const HEADLESS_CHROMIUM: [&str; 6] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
];

/// The `lost-order` binary this test build made.
pub const BIN: &str = env!("CARGO_BIN_EXE_lost-order");

/// A command for the binary, run from the repository's root.
pub fn lost_order() -> Command {
    let mut c = Command::new(BIN);
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Runs the binary with `args` and waits for it.
pub fn run(args: &[&str]) -> Output {
    lost_order().args(args).output().expect("the binary runs")
}

/// Runs `command` with `typed` piped into its standard input, as a person typing would, and
/// waits for it (stdout and stderr captured).
pub fn run_typed(mut command: Command, typed: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(typed.as_bytes())
        .expect("the input is written");
    child.wait_with_output().expect("the binary ends")
}

/// Runs the binary with `args`, fails the test unless it succeeds, and returns its stdout.
pub fn run_ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

/// What a finished command printed on stdout.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What a finished command printed on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh, empty folder for one test (`kind` and `name` keep tests apart, the process id
/// keeps runs apart).
pub fn temp_dir(kind: &str, name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("lost-order-{kind}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// The only file in `dir`.
pub fn only_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// The decisions of a golden script in `tests/golden/`, e.g. `full_coverage.script`.
pub fn golden_script(name: &str) -> Vec<Decision> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    parse_script(&text)
        .unwrap()
        .plain_decisions()
        .expect("a golden script of plain decisions")
}

/// The flagship case, loaded from `scenarios/lost_order.ron`.
pub fn flagship() -> std::sync::Arc<lost_order_core::scenario::Scenario> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/lost_order.ron");
    std::sync::Arc::new(lost_order_core::load::load_file(&path).unwrap())
}

//! Fixtures shared by the core's integration tests: the shipped scenarios and golden scripts.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use lost_order_core::engine::{Decision, parse_script};
use lost_order_core::load::load_file;
use lost_order_core::scenario::Scenario;

/// The workspace's root, where `scenarios/` and `tests/golden/` are.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A shipped scenario by file name, loaded and checked: `scenario("lost_order.ron")`.
pub fn scenario(file: &str) -> Arc<Scenario> {
    let path = root().join("scenarios").join(file);
    Arc::new(load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// The flagship case, `scenarios/lost_order.ron`.
#[allow(dead_code, reason = "not every test file uses every fixture")]
pub fn flagship() -> Arc<Scenario> {
    scenario("lost_order.ron")
}

/// A golden choice script by file name: `golden("full_coverage.script")`.
#[allow(dead_code, reason = "not every test file uses every fixture")]
pub fn golden(file: &str) -> Vec<Decision> {
    let path = root().join("tests/golden").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_script(&text)
        .unwrap()
        .plain_decisions()
        .expect("a golden script of plain decisions")
}

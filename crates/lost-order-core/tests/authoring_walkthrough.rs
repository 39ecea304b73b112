//! The walk-through of docs/authoring.md builds a case an instructor can copy: its complete
//! file (the ```ron block that opens with the marker comment) checks clean, the course wins it
//! and Liao's path loses it, every scene and ending it describes is reached, and the tender's
//! worked example has the numbers the doc quotes. Prints the policy table:
//! `cargo test -p lost-order-core --test authoring_walkthrough -- --nocapture`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

use lost_order_core::engine::{Happening, Session, StageVerdict, parse_script};
use lost_order_core::load::check_source;
use lost_order_core::policy::Policy;
use lost_order_core::scenario::Scenario;
use lost_order_core::simulate::{Summary, simulate};

/// The first line of the complete case's code block in docs/authoring.md.
const MARKER: &str = "// The walk-through's complete case";

const RUNS: u64 = 200;

/// The complete case's source, taken from docs/authoring.md.
fn source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/authoring.md");
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let blocks: Vec<String> = doc
        .split("```ron\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .filter(|block| block.starts_with(MARKER))
        .map(str::to_string)
        .collect();
    assert_eq!(
        blocks.len(),
        1,
        "docs/authoring.md has exactly one ```ron block opening with `{MARKER}`"
    );
    blocks.into_iter().next().unwrap_or_default()
}

/// The case, checked.
static CASE: LazyLock<Arc<Scenario>> = LazyLock::new(|| {
    let checked = check_source("docs/authoring.md", &source());
    let report = checked.render();
    Arc::new(
        checked
            .into_scenario()
            .unwrap_or_else(|e| panic!("the walk-through's case does not load:\n{e}\n{report}")),
    )
});

/// Every policy over seeds 1–200, with the scenes each opened.
static TABLE: LazyLock<BTreeMap<Policy, (Summary, BTreeSet<String>)>> = LazyLock::new(|| {
    let mut table = BTreeMap::new();
    for policy in Policy::ALL {
        let scenes = Mutex::new(BTreeSet::new());
        let summary = simulate(&CASE, policy, RUNS, 1, &|run| {
            let mut seen = scenes.lock().unwrap();
            for entry in run.session.log() {
                if let Happening::SceneOpened { scene } = &entry.happening {
                    seen.insert(scene.clone());
                }
            }
        })
        .unwrap_or_else(|e| panic!("{policy}: {e}"));
        table.insert(policy, (summary, scenes.into_inner().unwrap()));
    }
    table
});

fn row(policy: Policy) -> &'static Summary {
    &TABLE[&policy].0
}

#[test]
fn the_complete_case_checks_without_errors_or_warnings() {
    let checked = check_source("docs/authoring.md", &source());
    assert!(
        checked.diagnostics.is_empty(),
        "{} errors, {} warnings:\n{}",
        checked.errors(),
        checked.warnings(),
        checked.render()
    );
}

#[test]
fn prints_the_policy_table() {
    println!("| policy | win rate | score mean | p10 | p90 | endings |\n|---|---|---|---|---|---|");
    for policy in Policy::ALL {
        let s = row(policy);
        let endings: Vec<String> = s.endings.iter().map(|(id, n)| format!("{id} {n}")).collect();
        println!(
            "| {} | {:.1}% | {:.1} | {} | {} | {} |",
            s.policy,
            s.win_rate * 100.0,
            s.score.mean,
            s.score.p10,
            s.score.p90,
            endings.join(", ")
        );
        assert_eq!(s.runs, RUNS);
    }
}

#[test]
fn the_course_wins_it() {
    let s = row(Policy::FullCoverage);
    assert!(s.win_rate >= 0.8, "{s:?}");
    assert!(s.score.mean >= 70.0, "{s:?}");
}

#[test]
fn liaos_path_and_doing_nothing_lose_it() {
    for policy in [Policy::Liao, Policy::LiaoDinners, Policy::DoNothing, Policy::PriceOnly] {
        let s = row(policy);
        assert_eq!(s.wins, 0, "{s:?}");
    }
}

#[test]
fn every_scene_and_every_ending_is_reached() {
    let mut scenes = BTreeSet::new();
    let mut endings = BTreeSet::new();
    for (summary, opened) in TABLE.values() {
        scenes.extend(opened.iter().cloned());
        endings.extend(summary.endings.keys().cloned());
    }
    let all_scenes: BTreeSet<String> = CASE.scenes.iter().map(|s| s.id.clone()).collect();
    let all_endings: BTreeSet<String> = CASE.endings.iter().map(|e| e.id.clone()).collect();
    assert_eq!(scenes, all_scenes);
    assert_eq!(endings, all_endings);
}

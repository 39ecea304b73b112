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
use lost_order_core::scenario::{Id, Scenario};
use lost_order_core::simulate::{Summary, simulate};

/// The first line of the complete case's code block in docs/authoring.md.
const MARKER: &str = "// The walk-through's complete case";
/// The first line of the worked example's choice script (a ```text block).
const SCRIPT_MARKER: &str = "# The worked example's script (seed 4)";
/// The seed the worked example is played on.
const SCRIPT_SEED: u64 = 4;
/// The first line of the script that plays the course's moves on any seed (a ```text block).
const ANY_SEED_MARKER: &str = "# The course's moves, for any seed";
/// The heading of the walk-through, whose ```ron fragments are copied from the complete case.
const WALKTHROUGH: &str = "## A case from nothing";

const RUNS: u64 = 200;

fn doc() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/authoring.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The contents of the code blocks of `text` in this language (`ron`, `text`), in order.
fn blocks(text: &str, lang: &str) -> Vec<String> {
    text.split(&format!("```{lang}\n"))
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .map(str::to_string)
        .collect()
}

/// The one block of this language that opens with `marker`.
fn marked(lang: &str, marker: &str) -> String {
    let found: Vec<String> = blocks(&doc(), lang)
        .into_iter()
        .filter(|b| b.starts_with(marker))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "docs/authoring.md has exactly one ```{lang} block opening with `{marker}`"
    );
    found.into_iter().next().unwrap_or_default()
}

/// The complete case's source, taken from docs/authoring.md.
fn source() -> String {
    marked("ron", MARKER)
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
static TABLE: LazyLock<BTreeMap<Policy, (Summary, BTreeSet<Id>)>> = LazyLock::new(|| {
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
        let endings: Vec<String> = s
            .endings
            .iter()
            .map(|(id, n)| format!("{id} {n}"))
            .collect();
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
    for policy in [
        Policy::Liao,
        Policy::LiaoDinners,
        Policy::DoNothing,
        Policy::PriceOnly,
    ] {
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
    let all_scenes: BTreeSet<Id> = CASE.scenes.iter().map(|s| s.id.clone()).collect();
    let all_endings: BTreeSet<Id> = CASE.endings.iter().map(|e| e.id.clone()).collect();
    assert_eq!(scenes, all_scenes);
    assert_eq!(endings, all_endings);
}

#[test]
fn every_fragment_of_the_walkthrough_is_copied_from_the_complete_case() {
    let doc = doc();
    let start = doc.find(WALKTHROUGH).expect("the walk-through's heading");
    let end = doc
        .find(&format!("```ron\n{MARKER}"))
        .expect("the complete case");
    let case = source();
    let lines: BTreeSet<&str> = case.lines().map(str::trim).collect();
    let fragments = blocks(&doc[start..end], "ron");
    assert!(fragments.len() >= 10, "{} fragments", fragments.len());
    for fragment in &fragments {
        for line in fragment.lines().map(str::trim).filter(|l| !l.is_empty()) {
            assert!(lines.contains(line), "not in the complete case: {line}");
        }
    }
}

/// The stage of the worked example's tender with this id.
fn stage<'a>(session: &'a Session, id: &str) -> &'a StageVerdict {
    let tender = session.tender().expect("the tender was decided");
    tender
        .stages
        .iter()
        .find(|s| s.stage == id)
        .unwrap_or_else(|| panic!("stage {id} read the bid"))
}

#[test]
fn the_worked_example_has_the_numbers_the_doc_quotes() {
    let script = parse_script(&marked("text", SCRIPT_MARKER)).expect("the script reads");
    let mut session = Session::new(CASE.clone(), SCRIPT_SEED);
    let support = |s: &Session, id: &str| {
        let i = CASE.person_index(id).expect("a person of the case");
        (
            s.truth().people[i].support,
            s.truth().people[i].rival_support,
        )
    };
    // The draw: President He −2 (rival 1), Xu −1 (rival 1), Tian 0.
    assert_eq!(support(&session, "he"), (-2, 1));
    assert_eq!(support(&session, "xu"), (-1, 1));
    assert_eq!(support(&session, "tian").0, 0);
    script
        .play(&mut session)
        .unwrap_or_else(|e| panic!("the worked example's script stops: {e:?}"));
    assert_eq!(support(&session, "he"), (2, 2));
    assert_eq!(support(&session, "xu"), (2, 1));
    assert_eq!(support(&session, "song"), (3, 1));
    assert_eq!(support(&session, "tian"), (3, 0));

    let technical = stage(&session, "technical");
    assert_eq!((technical.ours.total(), technical.rival.total()), (4, 2));
    assert!(technical.we_pass && technical.rival_pass);
    let commercial = stage(&session, "commercial");
    assert_eq!((commercial.ours.total(), commercial.rival.total()), (4, 4));
    assert_eq!((commercial.our_tally, commercial.rival_tally), (12, 12));
    let last = stage(&session, "final");
    assert_eq!((last.ours.total(), last.rival.total()), (6, 2));
    assert_eq!(last.center, Some((136, 52)));
    assert_eq!((last.our_tally, last.rival_tally), (148, 64));

    let tender = session.tender().expect("the tender was decided");
    assert!(tender.won);
    assert_eq!(tender.margin, 84);
    assert_eq!(tender.ending, "won");
    let points: BTreeMap<&str, u32> = tender
        .score
        .lines
        .iter()
        .map(|l| (l.id.as_str(), l.points))
        .collect();
    assert_eq!(points["outcome"], 28);
    assert_eq!(points["facts"], 9);
    assert_eq!(tender.score.total, 97);
    // What `play --script` prints is quoted in the doc, line by line.
    let doc = doc();
    for line in lost_order_core::narrate::explain(&session, "en") {
        assert!(doc.contains(&line), "the doc does not quote: {line}");
    }
}

#[test]
fn the_courses_moves_written_once_win_every_seed() {
    let script = parse_script(&marked("text", ANY_SEED_MARKER)).expect("the script reads");
    for seed in 1..=RUNS {
        let mut session = Session::new(CASE.clone(), seed);
        script
            .play(&mut session)
            .unwrap_or_else(|e| panic!("seed {seed}: the script stops: {e:?}"));
        let tender = session
            .tender()
            .unwrap_or_else(|| panic!("seed {seed}: the script ends before the tender"));
        assert!(tender.won, "seed {seed}: {}", tender.ending);
        assert!(
            tender.score.total >= 85,
            "seed {seed}: {}",
            tender.score.total
        );
    }
}

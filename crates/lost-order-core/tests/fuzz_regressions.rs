//! Inputs the fuzzers (fuzz/, docs/reliability.md) found or that cover what they found, kept
//! as regression tests: each file of tests/fuzz_regressions/<target>/ goes through the same
//! steps as its fuzz target, and none may panic, loop or take long.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use lost_order_core::engine::{Phase, Script, ScriptStop, Session, format_script, parse_script};
use lost_order_core::load::{check_source, load_file};
use lost_order_core::narrate;
use lost_order_core::policy::Policy;
use lost_order_core::record::{parse_record, replay};
use lost_order_core::scenario::Scenario;
use lost_order_core::simulate::play;

/// One input may take at most this long through its target's steps (a debug build).
const TIME_LIMIT: Duration = Duration::from_secs(20);

static FLAGSHIP: LazyLock<Arc<Scenario>> = LazyLock::new(|| shipped("lost_order.ron"));
static TUTORIAL: LazyLock<Arc<Scenario>> = LazyLock::new(|| shipped("tutorial.ron"));

fn shipped(name: &str) -> Arc<Scenario> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../scenarios")
        .join(name);
    Arc::new(load_file(&path).unwrap())
}

/// The kept inputs of one fuzz target; there is at least one.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs kept in {}", dir.display());
    files
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).unwrap();
            (f, bytes)
        })
        .collect()
}

/// Everything a player reads of `session`, in both languages, as the fuzz targets narrate it.
fn narrate_all(session: &Session) {
    for lang in ["zh", "en"] {
        narrate::phase_name(session.phase(), session.scenario(), lang);
        for entry in session.log() {
            narrate::describe(session, &entry.happening, lang);
        }
        for week in 0..=session.week() {
            narrate::week_summary(session, week, lang);
        }
        narrate::known_tender(session, lang);
        if *session.phase() == Phase::Ended {
            narrate::explain(session, lang);
            narrate::hidden_timeline(session, lang);
            narrate::grades_review(session, lang);
            narrate::debrief_cause(session, lang);
        }
    }
}

/// Runs `each` on every kept input of `target`, each within [`TIME_LIMIT`].
fn each_input(target: &str, each: impl Fn(&[u8])) {
    for (file, bytes) in inputs(target) {
        let started = Instant::now();
        each(&bytes);
        assert!(
            started.elapsed() < TIME_LIMIT,
            "{} took {:?}",
            file.display(),
            started.elapsed()
        );
    }
}

#[test]
fn scenario_inputs_load_check_and_play() {
    each_input("scenario", |data| {
        let Ok(source) = std::str::from_utf8(data) else {
            return;
        };
        let checked = check_source("fuzz.ron", source);
        let _ = checked.render();
        if let Ok(scenario) = checked.into_scenario()
            && let Ok(run) = play(Arc::new(scenario), Policy::Random, 11)
        {
            narrate_all(&run.session);
        }
    });
}

#[test]
fn record_inputs_read_and_replay() {
    each_input("record", |data| {
        let text = String::from_utf8_lossy(data);
        let Ok(record) = parse_record("fuzz.record.ron", &text) else {
            return;
        };
        let scenario = if record.header.scenario == TUTORIAL.meta.id {
            TUTORIAL.clone()
        } else {
            FLAGSHIP.clone()
        };
        if let Ok(session) = replay(scenario, &record) {
            narrate_all(&session);
        }
    });
}

#[test]
fn script_inputs_parse_round_trip_and_play() {
    each_input("script", |data| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let Ok(script) = parse_script(text) else {
            return;
        };
        let mut session = Session::new(FLAGSHIP.clone(), 11);
        if let Err(ScriptStop::Refused { error, .. }) = script.play(&mut session) {
            narrate::error(session.scenario(), &error, "en");
            narrate::error(session.scenario(), &error, "zh");
        }
        narrate_all(&session);
        let Some(decisions) = script.plain_decisions() else {
            return;
        };
        assert_eq!(
            parse_script(&format_script(&decisions)),
            Ok(Script::of(&decisions))
        );
        let mut session = Session::new(FLAGSHIP.clone(), 11);
        for decision in &decisions {
            if *session.phase() == Phase::Ended {
                break;
            }
            if let Err(e) = session.apply(decision) {
                narrate::error(session.scenario(), &e, "en");
                narrate::error(session.scenario(), &e, "zh");
            }
        }
        narrate_all(&session);
    });
}

/// Found while reading what the scenario target runs (not by the fuzzer, whose mutations do not
/// grow lists): a tender of 24 emphases, any number of them in a bid, passed the checker, and
/// the debrief of a lost session then enumerated 4 × 2²⁴ × 11 bids, without bound in time and
/// memory. The checker now refuses more than 10,000 bids.
#[test]
fn a_tender_of_millions_of_bids_is_refused_by_the_checker() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/lost_order.ron");
    let flagship = std::fs::read_to_string(&path).unwrap();
    let many: String = (0..24)
        .map(|i| {
            format!(
                "(id: \"e{i}\", label: {{\"zh\": \"强调{i}\", \"en\": \"Stress {i}\"}}, addresses: [(\"value\", 1)]),\n"
            )
        })
        .collect();
    assert!(flagship.contains("emphases: [\n") && flagship.contains("max_emphases: 3,"));
    let edited = flagship
        .replacen("emphases: [\n", &format!("emphases: [\n{many}"), 1)
        .replacen("max_emphases: 3,", "max_emphases: 29,", 1);
    let checked = check_source("many_bids.ron", &edited);
    let report = checked.render();
    assert!(
        report.contains("the tender allows more than 10000 different bids"),
        "{report}"
    );
    assert!(checked.into_scenario().is_err());
}

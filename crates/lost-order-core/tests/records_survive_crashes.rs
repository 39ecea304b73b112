//! Session records: written as decisions are made, read back whole, torn tails dropped, replayed exactly.

mod common;

use common::flagship;
use lost_order_core::engine::{Decision, Session};
use lost_order_core::record::{Header, RECORD_FORMAT, RecordWriter, read_record, replay};

fn golden() -> Vec<Decision> {
    common::golden("full_coverage.script")
}

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("lo-records-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn header(s: &lost_order_core::scenario::Scenario, seed: u64) -> Header {
    Header::new(s, seed, "Wang Fang", 1_764_300_000)
}

fn write_session(dir: &std::path::Path, decisions: &[Decision]) -> (std::path::PathBuf, Session) {
    let scenario = flagship();
    let mut w = RecordWriter::create(dir, &header(&scenario, 11)).unwrap();
    let mut session = Session::new(scenario, 11);
    for d in decisions {
        session.apply(d).unwrap();
        w.sync(&session).unwrap();
    }
    (w.path().to_path_buf(), session)
}

#[test]
fn a_finished_record_reads_back_and_replays_exactly() {
    let d = dir("finished");
    let (path, session) = write_session(&d, &golden());
    assert!(
        path.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("lost_order-Wang_Fang-11-")
    );
    let record = read_record(&path).unwrap();
    assert!(record.warnings.is_empty());
    assert_eq!(record.decisions, session.decisions());
    let f = record.finished.as_ref().unwrap();
    assert_eq!((f.won, f.score), (true, 95));
    let replayed = replay(flagship(), &record).unwrap();
    assert_eq!(replayed.tender(), session.tender());
}

#[test]
fn a_torn_last_entry_is_dropped_with_a_warning() {
    let d = dir("torn");
    let (path, _) = write_session(&d, &golden()[..10]);
    let whole = std::fs::read_to_string(&path).unwrap();
    // Cut the file in the middle of its last line, as a crash during a write would.
    let cut = whole.len() - 7;
    std::fs::write(&path, &whole[..cut]).unwrap();
    let record = read_record(&path).unwrap();
    assert_eq!(record.decisions.len(), 9);
    assert_eq!(record.warnings.len(), 1, "{:?}", record.warnings);
    assert!(record.warnings[0].contains("cut off"));
    // The rest still replays.
    assert!(replay(flagship(), &record).is_ok());
}

#[test]
fn a_damaged_middle_entry_is_an_error_with_its_line() {
    let d = dir("damaged");
    let (path, _) = write_session(&d, &golden()[..6]);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[3] = "Decision((week: oops";
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let err = read_record(&path).unwrap_err().to_string();
    assert!(err.contains(":4: damaged entry"), "{err}");
}

#[test]
fn replay_names_the_first_divergence() {
    let d = dir("diverge");
    let (path, _) = write_session(&d, &golden());
    let mut record = read_record(&path).unwrap();
    // Pretend the fourth decision (an introduction that worked) had another result, as after
    // an edit of the scenario.
    record.decisions[3].result = Some("declined".into());
    let e = replay(flagship(), &record).unwrap_err();
    assert_eq!(e.index, 4);
    assert!(
        e.to_string().contains("the record says Some(\"declined\")"),
        "{e}"
    );
}

#[test]
fn a_header_names_the_scenario_it_was_made_with() {
    let s = flagship();
    let h = header(&s, 11);
    assert_eq!(h.format, RECORD_FORMAT);
    assert_eq!(
        (h.scenario.as_str(), h.scenario_version.as_str()),
        (s.meta.id.as_str(), s.meta.version.as_str())
    );
    assert_eq!(h.scenario_hash, s.hash);
    assert_eq!(
        (h.seed, h.player.as_str(), h.started),
        (11, "Wang Fang", 1_764_300_000)
    );
}

#[test]
fn two_records_with_the_same_name_do_not_clash() {
    let d = dir("clash");
    let s = flagship();
    let a = RecordWriter::create(&d, &header(&s, 11)).unwrap();
    let b = RecordWriter::create(&d, &header(&s, 11)).unwrap();
    assert_ne!(a.path(), b.path());
    assert!(b.path().to_str().unwrap().ends_with("-2.record.ron"));
}

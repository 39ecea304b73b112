//! `replay` checks every claim of a record's `Finished` line (won, ending, margin, score, each
//! rubric line) and refuses a `Finished` line that the decisions never reach.

mod common;

use std::sync::Arc;

use common::flagship;
use lost_order_core::policy::Policy;
use lost_order_core::record::{Finished, Header, Record, RecordWriter, read_record, replay};
use lost_order_core::scenario::Scenario;

/// A finished record of the flagship played by Liao from seed 11, as the writer would write it.
fn finished_record() -> (Arc<Scenario>, Record) {
    let scenario = flagship();
    let run = lost_order_core::simulate::play(scenario.clone(), Policy::Liao, 11).unwrap();
    let t = run.session.tender().unwrap();
    let record = Record {
        header: Header::new(&scenario, 11, "Wang Fang", 1_764_300_000),
        decisions: run.session.decisions().to_vec(),
        finished: Some(Finished {
            won: t.won,
            ending: t.ending.clone(),
            margin: t.margin,
            score: t.score.total,
            rubric: t.score.lines.clone(),
        }),
        warnings: Vec::new(),
    };
    (scenario, record)
}

#[test]
fn a_true_record_replays() {
    let (scenario, record) = finished_record();
    assert!(replay(scenario, &record).is_ok());
}

/// A change that makes a `Finished` line lie.
type Lie = fn(&mut Finished);

#[test]
fn every_changed_claim_of_the_finished_line_is_named() {
    let (scenario, record) = finished_record();
    let cases: [(&str, Lie); 7] = [
        ("the order", |f| f.won = !f.won),
        ("ending", |f| f.ending = "no_such_ending".into()),
        ("margin", |f| f.margin += 1),
        ("score", |f| f.score += 1),
        ("rubric line `", |f| f.rubric[0].points += 1),
        ("as rubric line 1", |f| f.rubric[0].id = "another".into()),
        ("rubric lines:", |f| {
            f.rubric.pop();
        }),
    ];
    for (claim, change) in cases {
        let mut lying = record.clone();
        change(lying.finished.as_mut().unwrap());
        let Err(err) = replay(scenario.clone(), &lying) else {
            panic!("a Finished line whose {claim} changed replayed")
        };
        assert!(
            err.message.contains(&format!("claims {claim}")),
            "{claim}: {err}"
        );
    }
}

#[test]
fn a_changed_margin_names_both_figures() {
    let (scenario, mut record) = finished_record();
    let f = record.finished.as_mut().unwrap();
    let true_margin = f.margin;
    f.margin += 7;
    let Err(err) = replay(scenario, &record) else {
        panic!("replayed")
    };
    assert_eq!(
        err.message,
        format!(
            "the Finished line claims margin {}; the replay gives {true_margin}",
            true_margin + 7
        )
    );
}

#[test]
fn a_finished_line_the_decisions_never_reach_is_a_divergence() {
    let (scenario, mut record) = finished_record();
    record.decisions.truncate(record.decisions.len() / 2);
    let Err(err) = replay(scenario, &record) else {
        panic!("replayed")
    };
    assert!(err.message.contains("before the tender"), "{err}");
    assert_eq!(err.index, record.decisions.len());
}

#[test]
fn an_unfinished_record_without_a_finished_line_replays() {
    let (scenario, mut record) = finished_record();
    record.decisions.truncate(5);
    record.finished = None;
    let session = replay(scenario, &record).unwrap();
    assert!(session.tender().is_none());
}

#[test]
fn a_record_written_and_read_back_keeps_its_claims_true() {
    let (scenario, record) = finished_record();
    let dir = std::env::temp_dir().join(format!("lo-replay-claims-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut writer = RecordWriter::create(&dir, &record.header).unwrap();
    let session = replay(scenario.clone(), &record).unwrap();
    writer.sync(&session).unwrap();
    let back = read_record(writer.path()).unwrap();
    assert_eq!(back.finished, record.finished);
    assert!(replay(scenario, &back).is_ok());
    let _ = std::fs::remove_dir_all(&dir);
}

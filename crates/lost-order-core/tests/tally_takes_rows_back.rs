//! A class's counts take a row back exactly: a live class replaces a trainee's row as they
//! play on, and the counts must stay those of the rows it holds now.

mod common;

use lost_order_core::policy::Policy;
use lost_order_core::report::{Tally, row_from_session};
use lost_order_core::simulate::play;

#[test]
fn a_row_taken_back_leaves_the_counts_of_the_rows_that_remain() {
    let scenario = common::flagship();
    let finished: Vec<_> = [Policy::Liao, Policy::PriceOnly, Policy::FullCoverage]
        .into_iter()
        .map(|p| row_from_session(&play(scenario.clone(), p, 11).unwrap().session, "en"))
        .collect();
    assert!(finished.iter().all(|r| r.finished));
    // Liao's session halfway: engaged people, not finished.
    let whole = play(scenario.clone(), Policy::Liao, 11).unwrap().session;
    let mut half = lost_order_core::engine::Session::new(scenario.clone(), 11);
    for m in &whole.decisions()[..whole.decisions().len() / 2] {
        half.apply(&m.decision).unwrap();
    }
    let halfway = row_from_session(&half, "en");
    assert!(!halfway.finished && !halfway.decisions.is_empty());

    let mut live = Tally::new(&scenario);
    for row in &finished[1..] {
        live.add(&scenario, row);
    }
    // Liao's trainee halfway, then finished: the halfway row replaced.
    live.add(&scenario, &halfway);
    live.add(&scenario, &finished[0]);
    live.remove(&scenario, &halfway);

    let mut fresh = Tally::new(&scenario);
    for row in &finished {
        fresh.add(&scenario, row);
    }
    let json = |t: &Tally| serde_json::to_string(&t.figures(&scenario, "en")).unwrap();
    assert_eq!(json(&live), json(&fresh));
    assert_eq!(live.sessions(), 3);

    // Everything taken back: the counts of an empty class.
    for row in &finished {
        live.remove(&scenario, row);
    }
    assert_eq!(json(&live), json(&Tally::new(&scenario)));
}

//! The engine's arithmetic saturates: a case that skipped the loader's bounds (built in code,
//! or read without `check`) cannot turn +5 into −5 nor a won tender into a wrapped tally.

use std::sync::Arc;

use lost_order_core::engine::{Bid, Session};
use lost_order_core::load::check_source;
use lost_order_core::scenario::Scenario;

/// The test tutorial with `edits`, parsed even though the checks refuse it.
fn unchecked(edits: &[(&str, &str)]) -> Arc<Scenario> {
    let mut source = include_str!("authoring/tutorial.ron").to_string();
    for (find, replace) in edits {
        assert!(source.contains(find), "{find}");
        source = source.replacen(find, replace, 1);
    }
    let checked = check_source("tutorial.ron", &source);
    assert!(checked.errors() > 0, "the checks refuse these numbers");
    Arc::new(checked.scenario.expect("it parses"))
}

#[test]
fn a_huge_support_change_clamps_at_plus_five() {
    let scenario = unchecked(&[("Support(Target, 1)", "Support(Target, 2147483647)")]);
    let mut s = Session::new(scenario, 3);
    s.choose("thanks").unwrap();
    let buyer = s.scenario().person_index("buyer").unwrap();
    s.act("visit", Some("buyer")).unwrap();
    assert_eq!(s.truth().people[buyer].support, 5);
    s.end_week().unwrap();
    s.act("visit", Some("buyer")).unwrap();
    assert_eq!(
        s.truth().people[buyer].support,
        5,
        "+5 plus a huge number stays +5"
    );
}

#[test]
fn a_huge_stage_weight_saturates_the_tally_instead_of_wrapping() {
    let scenario = unchecked(&[("rule: Decide(2)", "rule: Decide(2147483647)")]);
    let mut s = Session::new(scenario, 3);
    s.choose("thanks").unwrap();
    while s.tender().is_none() && s.end_week().is_ok() {}
    let bid = Bid {
        price: "standard".into(),
        emphases: vec!["quality".into(), "delivery".into()],
        commitments: vec!["samples".into()],
    };
    s.submit_bid(&bid).unwrap();
    let t = s.tender().expect("the tender is decided");
    // Every verdict on this bid is positive (each person's criterion is addressed), so the
    // owner's weighted verdict, times the largest weight, stops at the largest tally.
    let decision = t.stages.iter().find(|v| v.stage == "decision").unwrap();
    assert_eq!(decision.our_tally, i32::MAX, "{decision:?}");
    assert!(t.won && t.margin > 0, "{t:?}");
}

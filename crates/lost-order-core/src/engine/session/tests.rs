//! The session's rules on the tiny inline scenario: refusals, drawn weeks, coaches, bids, what-if.

use std::collections::BTreeSet;

use super::{BidPart, BidProblem, Blocked, Happening, Made, Phase, Session, SessionError};
use crate::engine::decision::{Bid, Decision};
use crate::testkit::tiny;

fn session(seed: u64) -> Session {
    Session::new(tiny(), seed)
}

/// Ends weeks (agreeing in week 6's scene) until the bid is due.
fn to_bidding(s: &mut Session) {
    while *s.phase() != Phase::Bidding {
        match s.phase() {
            Phase::Scene(_) => s.choose("agree").unwrap(),
            _ => s.end_week().unwrap(),
        };
    }
}

fn bid(price: &str, emphases: &[&str], commitments: &[&str]) -> Bid {
    Bid {
        price: price.into(),
        emphases: emphases.iter().map(|&s| s.into()).collect(),
        commitments: commitments.iter().map(|&s| s.into()).collect(),
    }
}

#[test]
fn an_action_costing_more_points_than_are_left_is_refused_with_both_numbers() {
    let mut s = session(1);
    s.act("visit", Some("boss")).unwrap();
    assert_eq!(
        s.act("visit", Some("boss")),
        Err(SessionError::Blocked {
            action: "visit".into(),
            target: Some("boss".into()),
            reason: Blocked::NotEnoughPoints { need: 2, have: 1 },
        })
    );
    assert_eq!(s.points(), 1, "a refused action spends nothing");
    assert_eq!(s.decisions().len(), 1, "a refused action is not recorded");
}

#[test]
fn each_way_an_action_does_not_fit_has_its_reason() {
    let mut s = session(1);
    let reason = |r: Result<Vec<Happening>, SessionError>| match r {
        Err(SessionError::Blocked { reason, .. }) => reason,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        reason(s.act("visit", Some("tech"))),
        Blocked::NotOnMap("tech".into())
    );
    assert_eq!(
        reason(s.act("report", Some("boss"))),
        Blocked::NotATarget("boss".into())
    );
    assert_eq!(reason(s.act("visit", None)), Blocked::NeedsTarget);
    assert!(matches!(
        reason(s.act("pitch", Some("boss"))),
        Blocked::Requirement(_)
    ));
    s.act("visit", Some("boss")).unwrap();
    s.end_week().unwrap();
    assert_eq!(
        reason(
            s.act("coach", Some("boss"))
                .and_then(|_| s.act("coach", Some("boss")))
        ),
        Blocked::AlreadyThisWeek
    );
    assert_eq!(
        s.act("fly", None),
        Err(SessionError::UnknownAction("fly".into()))
    );
    assert_eq!(
        s.act("visit", Some("nobody")),
        Err(SessionError::UnknownPerson("nobody".into()))
    );
    assert_eq!(
        s.choose("agree"),
        Err(SessionError::WrongPhase {
            now: Phase::Planning
        })
    );
}

/// The week each seed's `rumour` was told in; panics unless it was told exactly once.
fn rumour_week(seed: u64) -> u32 {
    let mut s = session(seed);
    while s.week() < 6 {
        s.end_week().unwrap();
    }
    let weeks: Vec<u32> = s
        .log()
        .iter()
        .filter(|e| matches!(&e.happening, Happening::Story { event } if event == "rumour"))
        .map(|e| e.week)
        .collect();
    assert_eq!(weeks.len(), 1, "seed {seed}: told in weeks {weeks:?}");
    weeks[0]
}

#[test]
fn a_drawn_week_fires_once_inside_its_range_and_the_seed_decides_which() {
    let mut seen = BTreeSet::new();
    for seed in 0..40 {
        let week = rumour_week(seed);
        assert!((2..=5).contains(&week), "seed {seed}: week {week}");
        assert_eq!(rumour_week(seed), week, "seed {seed} drew differently");
        seen.insert(week);
    }
    assert!(seen.len() > 1, "every seed drew week {seen:?}");
}

fn rival_moves<'a>(happenings: impl IntoIterator<Item = &'a Happening>) -> usize {
    happenings
        .into_iter()
        .filter(|h| matches!(h, Happening::RivalMove { .. }))
        .count()
}

#[test]
fn only_a_coach_reveals_the_rivals_moves() {
    let mut s = session(3);
    let week2 = s.end_week().unwrap();
    assert_eq!(rival_moves(&week2), 0, "no coach yet");
    assert_eq!(rival_moves(s.log().iter().map(|e| &e.happening)), 0);
    let coached = s.act("coach", Some("boss")).unwrap();
    assert!(coached.contains(&Happening::CoachGained {
        person: "boss".into()
    }));
    let week3 = s.end_week().unwrap();
    assert_eq!(rival_moves(&week3), 1);
    assert!(week3.contains(&Happening::RivalMove {
        rule: "rival_call".into()
    }));
}

#[test]
fn a_bid_is_checked_before_the_tender_decides() {
    let mut s = session(5);
    assert_eq!(
        s.submit_bid(&bid("standard", &[], &[])),
        Err(SessionError::WrongPhase {
            now: Phase::Planning
        })
    );
    to_bidding(&mut s);
    let problem = |s: &mut Session, b: Bid| match s.submit_bid(&b) {
        Err(SessionError::InvalidBid(p)) => p,
        other => panic!("expected an invalid bid, got {other:?}"),
    };
    assert_eq!(
        problem(&mut s, bid("cheap", &[], &[])),
        BidProblem::UnknownPrice("cheap".into())
    );
    assert_eq!(
        problem(&mut s, bid("low", &["quality", "cost", "speed"], &[])),
        BidProblem::TooMany {
            part: BidPart::Emphasis,
            max: 2
        }
    );
    assert_eq!(
        problem(&mut s, bid("low", &["quality", "charm"], &[])),
        BidProblem::UnknownOption {
            part: BidPart::Emphasis,
            id: "charm".into()
        }
    );
    assert_eq!(
        problem(&mut s, bid("low", &["quality", "quality"], &[])),
        BidProblem::GivenTwice {
            part: BidPart::Emphasis,
            id: "quality".into()
        }
    );
    assert_eq!(
        problem(&mut s, bid("low", &[], &["samples", "gold"])),
        BidProblem::TooMany {
            part: BidPart::Commitment,
            max: 1
        }
    );
    assert_eq!(
        problem(&mut s, bid("low", &[], &["gold"])),
        BidProblem::UnknownOption {
            part: BidPart::Commitment,
            id: "gold".into()
        }
    );
    assert_eq!(*s.phase(), Phase::Bidding, "a refused bid changes nothing");
    s.submit_bid(&bid("low", &["quality"], &["samples"]))
        .unwrap();
    assert_eq!(*s.phase(), Phase::Ended);
}

/// A short session over three weeks, with actions whose results are drawn.
fn played() -> Session {
    let mut s = session(7);
    for d in [
        Decision::Act {
            action: "visit".into(),
            target: Some("boss".into()),
        },
        Decision::Act {
            action: "report".into(),
            target: None,
        },
        Decision::EndWeek,
        Decision::Act {
            action: "coach".into(),
            target: Some("boss".into()),
        },
        Decision::EndWeek,
        Decision::Act {
            action: "visit".into(),
            target: Some("tech".into()),
        },
    ] {
        s.apply(&d).unwrap();
    }
    s
}

#[test]
fn what_if_replays_the_weeks_before_and_stops_there() {
    let s = played();
    let again = s.what_if(2).unwrap();
    assert_eq!(again.week(), 2);
    assert_eq!(again.seed(), s.seed());
    let before: Vec<&Made> = s.decisions().iter().filter(|m| m.week < 2).collect();
    assert_eq!(again.decisions().iter().collect::<Vec<_>>(), before);
    assert_eq!(again.log(), &s.log()[..again.log().len()]);
    // From week 1: a fresh session; past the end: the same session again.
    assert!(s.what_if(1).unwrap().decisions().is_empty());
    let whole = s.what_if(99).unwrap();
    assert_eq!(whole.decisions(), s.decisions());
    assert_eq!(whole.log(), s.log());
    assert_eq!(whole.truth().people, s.truth().people);
}

#[test]
fn what_if_returns_the_error_of_a_decision_that_does_not_replay() {
    let mut s = played();
    s.made.insert(
        0,
        Made {
            week: 1,
            decision: Decision::Choose("agree".into()),
            result: None,
        },
    );
    assert_eq!(
        s.what_if(2).map(|_| ()),
        Err(SessionError::WrongPhase {
            now: Phase::Planning
        })
    );
}

#[test]
fn a_blocked_choice_carries_the_authors_reason() {
    let mut s = session(2);
    while s.week() < 6 {
        s.end_week().unwrap();
    }
    assert_eq!(*s.phase(), Phase::Scene("talk".into()));
    match s.choose("insist") {
        Err(SessionError::ChoiceBlocked {
            scene,
            choice,
            reason: Some(reason),
        }) => {
            assert_eq!((scene.as_str(), choice.as_str()), ("talk", "insist"));
            assert_eq!(reason.get("en"), "You have nothing to insist with.");
        }
        other => panic!("expected a blocked choice, got {other:?}"),
    }
    assert_eq!(
        s.choose("shout"),
        Err(SessionError::UnknownChoice {
            scene: "talk".into(),
            choice: "shout".into()
        })
    );
    s.choose("agree").unwrap();
}

#[test]
fn what_if_each_week_is_what_if_of_every_week() {
    let mut s = played();
    to_bidding(&mut s);
    s.submit_bid(&bid("standard", &[], &[])).unwrap();
    let starts = s.what_if_each_week().unwrap();
    assert_eq!(starts.len() as u32, s.scenario().settings.weeks);
    for (start, week) in starts.iter().zip(1..) {
        let again = s.what_if(week).unwrap();
        assert_eq!(format!("{start:?}"), format!("{again:?}"), "week {week}");
        // The random stream at the same place: the next draws are the same.
        let next = |s: &Session| {
            let mut dice = s.dice.clone();
            [dice.between(0, 1 << 40), dice.between(0, 1 << 40)]
        };
        assert_eq!(next(start), next(&again), "week {week}");
    }
    // Any range of weeks: the same sessions; an empty range, none.
    let some = s.what_if_weeks(3..=5).unwrap();
    assert_eq!(some.len(), 3);
    for (start, week) in some.iter().zip(3..) {
        assert_eq!(format!("{start:?}"), format!("{:?}", starts[week - 1]));
    }
    let empty = std::ops::RangeInclusive::new(4, 3);
    assert!(s.what_if_weeks(empty).unwrap().is_empty());
}

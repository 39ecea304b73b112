//! The flagship makes the lesson true over many seeds (game-design.md section 2, and the
//! required outcomes of issue 8): Liao's thread loses however many dinners, bribes never pay,
//! the lowest price costs score, a coach is worth having.

mod common;

use lost_order_core::policy::Policy;
use lost_order_core::simulate::{Summary, simulate};

const RUNS: u64 = 500;

fn run(policy: Policy) -> Summary {
    simulate(&common::flagship(), policy, RUNS, 1, &|_| {}).unwrap()
}

#[test]
fn liao_path_always_loses() {
    let s = run(Policy::Liao);
    assert_eq!(s.wins, 0, "{s:?}");
    assert!(s.score.max < 30, "{s:?}");
}

#[test]
fn liao_path_with_extra_dinners_still_always_loses() {
    let s = run(Policy::LiaoDinners);
    assert_eq!(s.wins, 0, "{s:?}");
}

#[test]
fn full_coverage_wins_at_least_80_percent_with_a_healthy_score() {
    let s = run(Policy::FullCoverage);
    assert!(s.win_rate >= 0.8, "{s:?}");
    assert!(s.score.mean >= 70.0, "{s:?}");
}

#[test]
fn price_only_loses_or_scores_poorly() {
    let s = run(Policy::PriceOnly);
    assert!(s.win_rate < 0.5 && s.score.max < 50, "{s:?}");
}

#[test]
fn top_only_mostly_loses_to_the_technical_veto() {
    let s = run(Policy::TopOnly);
    assert!(s.win_rate < 0.5, "{s:?}");
    let vetoed: u64 = s
        .endings
        .iter()
        .filter(|(id, _)| id.starts_with("vetoed"))
        .map(|(_, n)| n)
        .sum();
    assert!(vetoed * 2 > RUNS, "{s:?}");
}

#[test]
fn doing_nothing_always_loses() {
    let s = run(Policy::DoNothing);
    assert_eq!(s.wins, 0, "{s:?}");
}

#[test]
fn random_play_wins_well_below_full_coverage() {
    let random = run(Policy::Random);
    let full = run(Policy::FullCoverage);
    assert!(
        random.win_rate < full.win_rate / 2.0,
        "{random:?} vs {full:?}"
    );
}

#[test]
fn a_coach_first_wins_at_least_as_often_as_full_coverage() {
    let coach = run(Policy::CoachFirst);
    let full = run(Policy::FullCoverage);
    assert!(coach.wins >= full.wins, "{coach:?} vs {full:?}");
}

#[test]
fn bribes_never_pay_greedy_scores_at_most_40_and_mostly_loses() {
    let s = run(Policy::Greedy);
    assert!(s.score.max <= 40, "{s:?}");
    assert!(s.wins * 2 < RUNS, "{s:?}");
}

#[test]
fn the_lowest_price_wins_no_more_often_and_scores_at_least_10_less() {
    let lowest = run(Policy::FullCoverageLowest);
    let value = run(Policy::FullCoverage);
    assert!(lowest.wins <= value.wins, "{lowest:?} vs {value:?}");
    assert!(
        lowest.score.mean + 10.0 <= value.score.mean,
        "{lowest:?} vs {value:?}"
    );
}

/// Liao's weeks lose however she could have written the bid: a player who never dealt with the
/// technical buyer or the decision maker does not learn what they look for, so no bid she could
/// write on purpose rescues her (every such bid is tried exactly; the tender draws no dice).
#[test]
fn liao_weeks_with_any_bid_she_could_write_still_lose_at_least_90_percent() {
    let scenario = common::flagship();
    let seeds = 200;
    let rescued = (1..=seeds)
        .filter(|&seed| {
            let run =
                lost_order_core::simulate::play(scenario.clone(), Policy::Liao, seed).unwrap();
            run.session.bid_that_would_have_won().is_some()
        })
        .count();
    assert!(
        rescued * 10 <= seeds as usize,
        "a bid alone rescues Liao's weeks in {rescued} of {seeds} seeds"
    );
}

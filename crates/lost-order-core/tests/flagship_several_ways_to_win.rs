//! Several ways to win, none by one variable (issue 8, item 10): a middle-of-the-road player
//! (meets whom Liu introduces, visits each once, turns to the MD late, no coach, a discounted
//! price) wins sometimes; adding any one course move alone raises the win rate by at least 10
//! points. Prints the table:
//! `cargo test -p lost-order-core --test flagship_several_ways_to_win -- --nocapture`.

mod common;

use lost_order_core::policy::Policy;
use lost_order_core::simulate::{Summary, simulate};

const RUNS: u64 = 500;

fn run(policy: Policy) -> Summary {
    simulate(&common::flagship(), policy, RUNS, 1, &|_| {}).unwrap()
}

#[test]
fn each_course_move_alone_raises_the_middle_win_rate_by_10_points() {
    let rows: Vec<Summary> = Policy::MIDDLE.into_iter().map(run).collect();
    println!("| policy | win rate | score mean |\n|---|---|---|");
    for s in &rows {
        println!(
            "| {} | {:.1}% | {:.1} |",
            s.policy,
            s.win_rate * 100.0,
            s.score.mean
        );
    }
    let middle = &rows[0];
    assert!(
        middle.wins > 0 && middle.win_rate < 0.5,
        "the middle road wins sometimes: {middle:?}"
    );
    for s in &rows[1..] {
        assert!(
            s.win_rate >= middle.win_rate + 0.10,
            "{} adds less than 10 points: {:.1}% vs {:.1}%",
            s.policy,
            s.win_rate * 100.0,
            middle.win_rate * 100.0
        );
    }
}

//! A tuning aid (ignored): the flagship's required outcomes under variants of two numbers,
//! the technical veto's threshold and Chief Engineer Wang's starting stance, so a change can
//! be weighed before it is made. `cargo test -p lost-order-core --test flagship_tuning_grid --
//! --ignored --nocapture`
mod common;

use std::sync::Arc;

use lost_order_core::load::check_source;
use lost_order_core::policy::Policy;
use lost_order_core::simulate::{play, simulate};

#[test]
#[ignore = "a tuning aid, prints only"]
fn grid() {
    let source = std::fs::read_to_string(common::root().join("scenarios/lost_order.ron")).unwrap();
    let veto_now = source
        .find("rule: Veto(")
        .map(|i| &source[i..i + 13])
        .unwrap()
        .to_string();
    // Wang's own stance line: the first `\n            stance:` after his id.
    let wang = source.find("id: \"wang\"").unwrap();
    let wang_at = wang
        + source[wang..]
            .find("\n            stance: (-1, 0),")
            .unwrap()
        + 1
        + 12;
    for veto in [2, 3] {
        for wang in ["(-1, 0)", "(-2, -1)", "(-2, 0)"] {
            let mut text = source.replace(&veto_now, &format!("rule: Veto({veto})"));
            text.replace_range(wang_at..wang_at + 16, &format!("stance: {wang},"));
            let scenario = Arc::new(check_source("grid", &text).into_scenario().unwrap());
            let rate =
                |p: Policy| simulate(&scenario, p, 200, 1, &|_| {}).unwrap().win_rate * 100.0;
            let rescued = (1..=100)
                .filter(|&seed| {
                    play(scenario.clone(), Policy::Liao, seed)
                        .unwrap()
                        .session
                        .bid_that_would_have_won()
                        .is_some()
                })
                .count();
            let row: Vec<String> = [
                Policy::FullCoverage,
                Policy::Middle,
                Policy::MiddleCoach,
                Policy::MiddleWang,
                Policy::MiddleValue,
                Policy::MiddleRoles,
                Policy::Random,
            ]
            .into_iter()
            .map(|p| format!("{} {:.0}%", p.name(), rate(p)))
            .collect();
            println!(
                "veto {veto} wang {wang}: liao rescued by a bid {rescued}%  {}",
                row.join("  ")
            );
        }
    }
}

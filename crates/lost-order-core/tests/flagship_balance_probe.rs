//! A tuning probe (ignored): per policy, each person's mean true support and the competitor's at
//! the tender, the veto pass rate and the mean margin. `cargo test -p lost-order-core --test
//! flagship_balance_probe -- --ignored --nocapture`
mod common;

use lost_order_core::policy::Policy;
use lost_order_core::scenario::Id;
use lost_order_core::simulate::play;

#[test]
#[ignore = "a tuning aid, prints only"]
fn probe() {
    let scenario = common::flagship();
    let names: Vec<Id> = scenario.people.iter().map(|p| p.id.clone()).collect();
    let list =
        std::env::var("POLICIES").unwrap_or_else(|_| "middle,middle-wang,full-coverage".into());
    for name in list.split(',') {
        let policy: Policy = name.parse().unwrap();
        let n = 300;
        let mut ours = vec![0.0; names.len()];
        let mut rival = vec![0.0; names.len()];
        let (mut pass, mut margin, mut wins) = (0, 0.0, 0);
        for seed in 1..=n {
            let run = play(scenario.clone(), policy, seed).unwrap();
            for (i, p) in run.session.truth().people.iter().enumerate() {
                ours[i] += f64::from(p.support) / n as f64;
                rival[i] += f64::from(p.rival_support) / n as f64;
            }
            let t = run.session.tender().unwrap();
            pass += usize::from(t.stages.iter().all(|st| st.we_pass));
            wins += usize::from(t.won);
            margin += f64::from(t.margin) / n as f64;
        }
        let people: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, id)| format!("{id} {:+.1}/{:+.1}", ours[i], rival[i]))
            .collect();
        println!(
            "{name:22} win {wins:3} pass {pass:3} margin {margin:+6.1}  {}",
            people.join("  ")
        );
    }
}

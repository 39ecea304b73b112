//! The sessions the deep check plays, on all cores: every policy on seeds 1…n, then random walks.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::Budget;
use super::count::Explorer;
use super::observe::Plan;
use super::sites::Sites;
use super::tally::Tally;
use super::walk::Decider;
use crate::engine::Dice;
use crate::policy::Policy;
use crate::scenario::Scenario;

/// The share of the week's open decisions at which a walk ends its week, by walk: some walks
/// act a lot, some little.
const END_WEEK: [f64; 3] = [0.1, 0.25, 0.5];

/// One session to play from the start.
#[derive(Clone, Copy, Debug)]
enum Job {
    Policy { policy: usize, seed: u64 },
    Walk { seed: u64 },
}

/// Plays every job of `budget` and adds up what they saw; calls `progress` as they finish.
pub(super) fn run_all(
    scenario: &Arc<Scenario>,
    sites: &Sites,
    budget: &Budget,
    progress: &(dyn Fn(f64) + Sync),
) -> Tally {
    let mut jobs: Vec<Job> = Vec::new();
    for seed in 1..=budget.seeds_per_policy {
        for policy in 0..Policy::ALL.len() {
            jobs.push(Job::Policy { policy, seed });
        }
    }
    jobs.extend((1..=budget.walks).map(|seed| Job::Walk { seed }));
    let total = jobs.len() as u64;
    let done = AtomicU64::new(0);
    progress(0.0);
    let tally = jobs
        .par_iter()
        .fold(
            || Tally::new(scenario, sites),
            |mut tally, job| {
                play(scenario, sites, budget, *job, &mut tally);
                let now = done.fetch_add(1, Ordering::Relaxed) + 1;
                if now * 100 / total != (now - 1) * 100 / total {
                    progress(now as f64 / total as f64);
                }
                tally
            },
        )
        .reduce(|| Tally::new(scenario, sites), Tally::merge);
    progress(1.0);
    tally
}

/// Plays one job into `tally`.
fn play(scenario: &Arc<Scenario>, sites: &Sites, budget: &Budget, job: Job, tally: &mut Tally) {
    let mut explorer = Explorer {
        scenario,
        sites,
        tally,
    };
    match job {
        Job::Policy { policy, seed } => {
            // The policy's own randomness as `simulate::play` seeds it: the same runs.
            let decider =
                Decider::Policy(Policy::ALL[policy], Dice::new(seed ^ 0x9E37_79B9_7F4A_7C15));
            let plan = Plan {
                policy: Some(policy),
                forks: 0,
                sweep: if seed <= budget.sweeps_per_policy {
                    budget.bids_per_sweep
                } else {
                    0
                },
            };
            explorer.play(scenario, seed, decider, plan);
        }
        Job::Walk { seed } => {
            let decider = Decider::Walk {
                dice: Dice::new(seed ^ 0x57A1_4B0D_D1CE_0001),
                end_week: END_WEEK[(seed % 3) as usize],
            };
            let plan = Plan {
                policy: None,
                forks: budget.forks_per_walk,
                sweep: 0,
            };
            explorer.play(scenario, seed, decider, plan);
        }
    }
}

//! Running many seeded sessions of one policy in parallel, and summing up what happened.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::engine::{Decision, Dice, Phase, Session, SessionError};
use crate::policy::Policy;
use crate::scenario::{Id, Scenario};

/// A session can never need more decisions than this; more means a policy is stuck.
const MAX_DECISIONS: usize = 10_000;

/// The result of playing one session to the end.
#[derive(Clone, Debug)]
pub struct Run {
    pub seed: u64,
    pub session: Session,
}

/// Plays one session with `policy`; the policy's own randomness is derived from the seed.
///
/// # Errors
/// `NeverEnded` when the session is not over after `MAX_DECISIONS` (10 000) decisions; the
/// error of an `EndWeek` the session refuses (a policy that cannot even end its week).
pub fn play(scenario: Arc<Scenario>, policy: Policy, seed: u64) -> Result<Run, SessionError> {
    let mut session = Session::new(scenario, seed);
    let mut dice = Dice::new(seed ^ 0x9E37_79B9_7F4A_7C15);
    for _ in 0..MAX_DECISIONS {
        if *session.phase() == Phase::Ended {
            return Ok(Run { seed, session });
        }
        let decision = policy.decide(&session, &mut dice);
        let ends_week = decision == Decision::EndWeek;
        if let Err(e) = session.take(decision) {
            // A policy proposing something impossible ends its week instead.
            if ends_week {
                return Err(e);
            }
            session.take(Decision::EndWeek)?;
        }
    }
    Err(SessionError::NeverEnded {
        decisions: MAX_DECISIONS,
    })
}

/// Score statistics over many runs, in points out of 100.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ScoreStats {
    pub mean: f64,
    pub min: u32,
    pub max: u32,
    /// The 10th percentile (nearest rank): one run in ten scored this or less.
    pub p10: u32,
    /// The 90th percentile (nearest rank): one run in ten scored this or more.
    pub p90: u32,
}

/// The `p`th percentile (0…100) of `sorted` by nearest rank; 0 for no runs.
fn percentile(sorted: &[u32], p: usize) -> u32 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

/// What `simulate` prints.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Summary {
    pub policy: String,
    pub runs: u64,
    pub wins: u64,
    pub win_rate: f64,
    pub score: ScoreStats,
    pub endings: BTreeMap<Id, u64>,
}

/// Runs `runs` sessions with seeds `seed, seed+1, …` on all cores; `each` sees every finished run.
pub fn simulate(
    scenario: &Arc<Scenario>,
    policy: Policy,
    runs: u64,
    seed: u64,
    each: &(dyn Fn(&Run) + Sync),
) -> Result<Summary, SessionError> {
    let results: Vec<(bool, u32, Id)> = (0..runs)
        .into_par_iter()
        .map(|i| {
            let run = play(scenario.clone(), policy, seed.wrapping_add(i))?;
            each(&run);
            let t = run
                .session
                .tender()
                .expect("a finished session has a tender");
            Ok((t.won, t.score.total, t.ending.clone()))
        })
        .collect::<Result<_, SessionError>>()?;
    let wins = results.iter().filter(|r| r.0).count() as u64;
    let mut endings = BTreeMap::new();
    for (_, _, ending) in &results {
        *endings.entry(ending.clone()).or_insert(0) += 1;
    }
    let scores = results.iter().map(|r| r.1);
    let mut sorted: Vec<u32> = scores.clone().collect();
    sorted.sort_unstable();
    Ok(Summary {
        policy: policy.name().to_string(),
        runs,
        wins,
        win_rate: if runs == 0 {
            0.0
        } else {
            wins as f64 / runs as f64
        },
        score: ScoreStats {
            mean: if runs == 0 {
                0.0
            } else {
                scores.clone().map(f64::from).sum::<f64>() / runs as f64
            },
            min: scores.clone().min().unwrap_or(0),
            max: scores.clone().max().unwrap_or(0),
            p10: percentile(&sorted, 10),
            p90: percentile(&sorted, 90),
        },
        endings,
    })
}

#[cfg(test)]
mod percentile_tests {
    use super::percentile;

    #[test]
    fn nearest_rank_percentiles() {
        let scores: Vec<u32> = (1..=10).collect();
        assert_eq!((percentile(&scores, 10), percentile(&scores, 90)), (1, 9));
        assert_eq!(percentile(&[42], 10), 42);
        assert_eq!(percentile(&[], 90), 0);
    }
}

//! Running many seeded sessions of one policy in parallel, and summing up what happened.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::engine::{Decision, Dice, Phase, Session, SessionError};
use crate::policy::Policy;
use crate::scenario::Scenario;

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

/// Score statistics over many runs.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ScoreStats {
    pub mean: f64,
    pub min: u32,
    pub max: u32,
}

/// What `simulate` prints.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Summary {
    pub policy: String,
    pub runs: u64,
    pub wins: u64,
    pub win_rate: f64,
    pub score: ScoreStats,
    pub endings: BTreeMap<String, u64>,
}

/// Runs `runs` sessions with seeds `seed, seed+1, …` on all cores; `each` sees every finished run.
pub fn simulate(
    scenario: &Arc<Scenario>,
    policy: Policy,
    runs: u64,
    seed: u64,
    each: &(dyn Fn(&Run) + Sync),
) -> Result<Summary, SessionError> {
    let results: Vec<(bool, u32, String)> = (0..runs)
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
            max: scores.max().unwrap_or(0),
        },
        endings,
    })
}

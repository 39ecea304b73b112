//! The deep check: many seeded runs of every policy and random walks over the decisions, then what never or always happened.
//!
//! `explore` plays the case (`runs`), each session decision by decision (`observe`), with a
//! policy or a random walk (`walk`), and counts what every state shows (`count`, into a
//! `tally`) per item and per condition site (`sites`); `findings` turns the counts into diagnostics at the place
//! (`places`) of the item in the source. docs/deep-check.md says what each finding means.

mod count;
mod findings;
mod observe;
mod places;
mod runs;
mod sites;
mod tally;
mod walk;

use std::sync::Arc;

use serde::Serialize;

use crate::engine::{Decision, format_script};
use crate::load::Diagnostic;
use crate::scenario::{Id, Scenario};

/// How much the deep check plays. The default explores the flagship in about 5 s on 2 cores
/// (release build); the findings say how many sessions they rest on.
#[derive(Clone, Debug, PartialEq)]
pub struct Budget {
    /// Seeded runs of every policy (seeds 1…n), whose wins make the dominant-strategy finding.
    pub seeds_per_policy: u64,
    /// Random walks (seeds 1…n): every decision drawn uniformly from those open.
    pub walks: u64,
    /// Per walk, the other open choices of its scenes tried on copies, each played on at random.
    pub forks_per_walk: u32,
    /// Per policy, how many of its runs (the first seeds) try other bids on copies at the tender.
    pub sweeps_per_policy: u64,
    /// The most bids one sweep tries: every valid bid when there are no more, else each price
    /// level alone and random bids.
    pub bids_per_sweep: usize,
    /// A policy winning at least this share of its seeds alone (0…1) is reported as dominant.
    pub dominant_win_rate: f64,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            seeds_per_policy: 300,
            walks: 12_000,
            forks_per_walk: 4,
            sweeps_per_policy: 4,
            bids_per_sweep: 256,
            dominant_win_rate: 0.95,
        }
    }
}

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum FindingKind {
    /// No session ended in this ending.
    EndingNeverReached(Id),
    /// No session showed this scene.
    SceneNeverShown(Id),
    /// The scene was shown, but this choice was never picked.
    ChoiceNeverPicked { scene: Id, choice: Id },
    /// The action was never taken: never open to anyone.
    ActionNeverTaken(Id),
    /// Every time the action was taken, its result changed nothing but the points and money
    /// it costs (and its target counting as met, which any action aimed at a person does):
    /// no support, influence, role, coach, flag, counter, competitor bid, belief, fact on the
    /// map, tender told, points or money given.
    ActionNeverUseful(Id),
    /// The rubric line gave 0 points in every session that ended.
    RubricNeverEarned(Id),
    /// The rubric line gave all its points in every session that ended.
    RubricAlwaysEarned(Id),
    /// The flag was set in some state, but no condition was evaluated while it was set.
    FlagSetNeverRead(Id),
    /// The condition (described, e.g. "choice `x` of scene `y`") held every time it was evaluated.
    ConditionAlwaysTrue(String),
    /// The condition never held when evaluated.
    ConditionAlwaysFalse(String),
    /// One policy alone wins at least `Budget::dominant_win_rate` of its seeds (information).
    DominantStrategy { policy: String, win_rate: f64 },
    /// A reachable state where no decision is possible: this scene opened with no choice open.
    SoftLock(Id),
    /// A reachable loop of scenes that never closes, here through this scene.
    EndlessLoop(Id),
}

impl FindingKind {
    /// Whether the player can be stuck: the CLI exits 1 on such a finding.
    pub fn is_soft_lock(&self) -> bool {
        matches!(self, FindingKind::SoftLock(_) | FindingKind::EndlessLoop(_))
    }
}

/// How to reach a state again: the seed and the decisions, from the start of a session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Repro {
    pub seed: u64,
    pub decisions: Vec<Decision>,
    /// How the decisions were made: `policy NAME` or `random walk`.
    pub how: String,
}

impl Repro {
    /// The decisions as a choice script (docs/scripts.md), for `lost-order play --seed N --script FILE`.
    pub fn script(&self) -> String {
        format_script(&self.decisions)
    }
}

/// One finding of the deep check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// The message at the item's place: a warning, or an error for a soft-lock.
    pub diagnostic: Diagnostic,
    /// For a soft-lock, how to reach it.
    pub repro: Option<Repro>,
}

/// A policy's record over its own seeds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyRecord {
    pub policy: String,
    pub runs: u64,
    pub wins: u64,
    /// Mean score, points out of 100.
    pub mean_score: f64,
}

/// Everything the deep check found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Exploration {
    /// In source order; findings about the whole file last.
    pub findings: Vec<Finding>,
    /// Sessions played, forks and swept bids included.
    pub sessions: u64,
    /// Sessions that reached the tender's end.
    pub ended: u64,
    /// Each policy's wins over its own seeds, in `Policy::ALL` order.
    pub policies: Vec<PolicyRecord>,
}

impl Exploration {
    /// Whether some finding is a soft-lock.
    pub fn soft_locked(&self) -> bool {
        self.findings.iter().any(|f| f.kind.is_soft_lock())
    }
}

/// Explores `scenario` (parsed from `source`, which findings point into) within `budget` on
/// all cores; `progress` is called with the share done (0…1) each time a whole percent more
/// is done, from any thread.
///
/// A scenario with errors can be explored, but findings are only meaningful for one that
/// passes `check`; the engine never panics on a checked scenario.
pub fn explore(
    scenario: &Arc<Scenario>,
    source: &str,
    budget: &Budget,
    progress: &(dyn Fn(f64) + Sync),
) -> Exploration {
    let sites = sites::Sites::of(scenario);
    let tally = runs::run_all(scenario, &sites, budget, progress);
    let findings = findings::findings(scenario, source, &sites, &tally, budget);
    let policies = crate::policy::Policy::ALL
        .iter()
        .zip(&tally.policies)
        .zip(&tally.policy_points)
        .map(|((p, &(wins, runs)), &points)| PolicyRecord {
            policy: p.name().to_string(),
            runs,
            wins,
            mean_score: if runs == 0 {
                0.0
            } else {
                points as f64 / runs as f64
            },
        })
        .collect();
    Exploration {
        findings,
        sessions: tally.sessions,
        ended: tally.ended,
        policies,
    }
}

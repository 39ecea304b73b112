//! What the runs saw, counted per item of the scenario; tallies of parallel runs add up.

use super::Repro;
use super::sites::Sites;
use crate::policy::Policy;
use crate::scenario::{Id, Scenario};

/// A session that reached a scene where no decision is possible, or that looped in scenes.
#[derive(Clone, Debug)]
pub(super) struct Stuck {
    /// The scene it is stuck in (the last one shown, for a loop).
    pub scene: Id,
    /// True for a loop of scenes that never closes (each decision possible, none leaving).
    pub endless: bool,
    pub repro: Repro,
}

/// Counts over every session played (policy runs, walks, their forks and bid sweeps).
#[derive(Clone, Debug, Default)]
pub(super) struct Tally {
    /// Sessions started (a fork or a swept bid counts as one more).
    pub sessions: u64,
    /// Sessions that reached the end.
    pub ended: u64,
    /// Per ending, sessions that ended in it.
    pub endings: Vec<u64>,
    /// Per scene, the times it was shown.
    pub scenes: Vec<u64>,
    /// Per scene, per choice, the times it was picked.
    pub choices: Vec<Vec<u64>>,
    /// Per action, the times it was taken.
    pub taken: Vec<u64>,
    /// Per action, the times taking it changed more than points, money and "met".
    pub useful: Vec<u64>,
    /// Per rubric line, the ended sessions in which it gave 0 points.
    pub rubric_zero: Vec<u64>,
    /// Per rubric line, the ended sessions in which it gave all its points.
    pub rubric_full: Vec<u64>,
    /// Per condition site, the evaluations that came out false and true.
    pub sites: Vec<[u64; 2]>,
    /// Per flag, the observed states in which it was set.
    pub flag_set: Vec<u64>,
    /// Per flag, the evaluations of a condition reading it while it was set.
    pub flag_read: Vec<u64>,
    /// Per policy (in `Policy::ALL` order), its own runs' wins and runs.
    pub policies: Vec<(u64, u64)>,
    /// Per policy, the sum of its runs' scores (points out of 100).
    pub policy_points: Vec<u64>,
    /// The shortest way found into each stuck scene (one per scene and kind).
    pub stuck: Vec<Stuck>,
}

impl Tally {
    /// An empty tally shaped for `s`.
    pub fn new(s: &Scenario, sites: &Sites) -> Tally {
        Tally {
            endings: vec![0; s.endings.len()],
            scenes: vec![0; s.scenes.len()],
            choices: s
                .scenes
                .iter()
                .map(|sc| vec![0; sc.choices.len()])
                .collect(),
            taken: vec![0; s.actions.len()],
            useful: vec![0; s.actions.len()],
            rubric_zero: vec![0; s.rubric.len()],
            rubric_full: vec![0; s.rubric.len()],
            sites: vec![[0; 2]; sites.list.len()],
            flag_set: vec![0; sites.flags.len()],
            flag_read: vec![0; sites.flags.len()],
            policies: vec![(0, 0); Policy::ALL.len()],
            policy_points: vec![0; Policy::ALL.len()],
            ..Tally::default()
        }
    }

    /// Keeps a stuck session if it is the first, or shorter than the one kept, for its scene.
    pub fn stuck(&mut self, found: Stuck) {
        match self
            .stuck
            .iter_mut()
            .find(|s| s.scene == found.scene && s.endless == found.endless)
        {
            Some(kept) if shorter(&found.repro, &kept.repro) => *kept = found,
            Some(_) => {}
            None => self.stuck.push(found),
        }
    }

    /// Adds `other` into this tally.
    pub fn merge(mut self, other: Tally) -> Tally {
        self.sessions += other.sessions;
        self.ended += other.ended;
        add(&mut self.endings, &other.endings);
        add(&mut self.scenes, &other.scenes);
        for (a, b) in self.choices.iter_mut().zip(&other.choices) {
            add(a, b);
        }
        add(&mut self.taken, &other.taken);
        add(&mut self.useful, &other.useful);
        add(&mut self.rubric_zero, &other.rubric_zero);
        add(&mut self.rubric_full, &other.rubric_full);
        for (a, b) in self.sites.iter_mut().zip(&other.sites) {
            a[0] += b[0];
            a[1] += b[1];
        }
        add(&mut self.flag_set, &other.flag_set);
        add(&mut self.flag_read, &other.flag_read);
        for (a, b) in self.policies.iter_mut().zip(&other.policies) {
            a.0 += b.0;
            a.1 += b.1;
        }
        add(&mut self.policy_points, &other.policy_points);
        for s in other.stuck {
            self.stuck(s);
        }
        self
    }
}

/// Adds `b` into `a`, item by item (an empty tally's lists grow to fit).
fn add(a: &mut Vec<u64>, b: &[u64]) {
    if a.len() < b.len() {
        a.resize(b.len(), 0);
    }
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// Fewer decisions first, then the lower seed, then the script: the same winner whatever
/// order parallel runs finish in.
fn shorter(a: &Repro, b: &Repro) -> bool {
    (a.decisions.len(), a.seed, a.script()) < (b.decisions.len(), b.seed, b.script())
}

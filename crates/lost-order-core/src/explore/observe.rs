//! Playing one explored session decision by decision, with its forks and bid sweeps, counting each state.

use super::Repro;
use super::count::Explorer;
use super::tally::Stuck;
use super::walk::{Decider, sweep_bids};
use crate::engine::{Decision, Dice, Phase, Session};
use crate::scenario::{Id, Scenario};

/// A session never needs more decisions than this; more means it cannot end.
const MAX_DECISIONS: usize = 10_000;

/// Scene decisions in a row after which the story counts as looping with no way out: a
/// real chain of scenes is a handful long.
const MAX_SCENES_IN_A_ROW: usize = 200;

/// What one explored session is, besides its decider.
#[derive(Clone, Copy, Debug)]
pub(super) struct Plan {
    /// The policy playing it (its index in `Policy::ALL`), whose wins are counted; `None` for
    /// a walk, a fork or a swept bid.
    pub policy: Option<usize>,
    /// Other open choices still to be tried on copies at scenes (a walk's forks).
    pub forks: u32,
    /// Bids to try on copies at the tender (0: none).
    pub sweep: usize,
}

impl Explorer<'_> {
    /// Starts a session with `seed` and plays it to its end, or until it is stuck.
    pub fn play(
        &mut self,
        scenario: &std::sync::Arc<Scenario>,
        seed: u64,
        decider: Decider,
        plan: Plan,
    ) {
        let s = Session::new(scenario.clone(), seed);
        self.tally.sessions += 1;
        if *s.phase() != Phase::Grading {
            self.week_started(&s);
        }
        self.go_on(s, decider, plan);
    }

    /// Plays `s` on from where it is with `decider`.
    fn go_on(&mut self, mut s: Session, mut decider: Decider, mut plan: Plan) {
        let mut scenes_in_a_row = 0;
        for _ in 0..MAX_DECISIONS {
            self.state(&s);
            match s.phase() {
                Phase::Ended => return self.ended(&s, plan.policy),
                Phase::Scene(id) => {
                    let open = s.open_choices().len();
                    scenes_in_a_row += 1;
                    if open == 0 || scenes_in_a_row > MAX_SCENES_IN_A_ROW {
                        let scene = id.clone();
                        let endless = open > 0;
                        return self.stuck(&s, &decider, scene, endless);
                    }
                }
                Phase::Bidding if plan.sweep > 0 => {
                    self.sweep(&s, plan.sweep);
                    plan.sweep = 0;
                }
                _ => scenes_in_a_row = 0,
            }
            let decision = decider.decide(&s);
            if plan.forks > 0 && matches!(decision, Decision::Choose(_)) {
                self.fork(&s, &decider, &decision, &mut plan.forks);
            }
            if !self.step(&mut s, decision) {
                return;
            }
        }
        let scene = match s.phase() {
            Phase::Scene(id) => id.clone(),
            _ => Id::default(),
        };
        self.stuck(&s, &decider, scene, true);
    }

    /// Tries the scene's other open choices on copies, each played on by a copy of the
    /// decider with fresh randomness and no forks of its own, while forks are left.
    fn fork(&mut self, s: &Session, decider: &Decider, picked: &Decision, forks: &mut u32) {
        let others: Vec<Decision> = s
            .open_choices()
            .into_iter()
            .map(|c| Decision::Choose(c.clone()))
            .filter(|d| d != picked)
            .collect();
        for other in others {
            if *forks == 0 {
                return;
            }
            *forks -= 1;
            let mut copy = s.clone();
            self.tally.sessions += 1;
            let decider = match decider {
                Decider::Walk { end_week, .. } => Decider::Walk {
                    dice: Dice::new(s.seed() ^ (u64::from(*forks) << 32) ^ 0xF0E1_D2C3),
                    end_week: *end_week,
                },
                d => d.clone(),
            };
            if self.step(&mut copy, other) {
                let plan = Plan {
                    policy: None,
                    forks: 0,
                    sweep: 0,
                };
                self.go_on(copy, decider, plan);
            }
        }
    }

    /// Tries up to `limit` bids on copies of `s` (due to bid), each to its end.
    fn sweep(&mut self, s: &Session, limit: usize) {
        let mut dice = Dice::new(s.seed() ^ 0x5EED_B1D5);
        for bid in sweep_bids(&self.scenario.tender, limit, &mut dice) {
            let mut copy = s.clone();
            self.tally.sessions += 1;
            if copy.take(Decision::Bid(bid)).is_ok() {
                self.state(&copy);
                self.ended(&copy, None);
            }
        }
    }

    /// Takes `decision` (a refused one ends the week instead, as `simulate::play` does) and
    /// counts what it did; false when not even the week can end.
    fn step(&mut self, s: &mut Session, decision: Decision) -> bool {
        let week = s.week();
        let before = match &decision {
            Decision::Act { action, target } => self.before_act(s, action, target.as_deref()),
            _ => None,
        };
        let chose = match (&decision, s.phase()) {
            (Decision::Choose(c), Phase::Scene(id)) => {
                self.scenario.scenes.iter().enumerate().find_map(|(i, sc)| {
                    (sc.id == *id)
                        .then(|| sc.choices.iter().position(|x| x.id == *c).map(|k| (i, k)))?
                })
            }
            _ => None,
        };
        let ends_week = decision == Decision::EndWeek;
        if s.take(decision).is_ok() {
            if let Some(before) = before {
                self.after_act(s, before);
            }
            if let Some((i, k)) = chose {
                self.tally.choices[i][k] += 1;
            }
        } else if ends_week || s.take(Decision::EndWeek).is_err() {
            return false;
        }
        if s.week() != week && !matches!(s.phase(), Phase::Bidding | Phase::Ended) {
            self.week_started(s);
        }
        true
    }

    /// Keeps a session that cannot go on: a scene with no open choice, or an endless loop.
    fn stuck(&mut self, s: &Session, decider: &Decider, scene: Id, endless: bool) {
        let repro = Repro {
            seed: s.seed(),
            decisions: s.decisions().iter().map(|m| m.decision.clone()).collect(),
            how: decider.how(),
        };
        self.tally.stuck(Stuck {
            scene,
            endless,
            repro,
        });
    }
}

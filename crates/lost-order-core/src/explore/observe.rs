//! Playing one explored session decision by decision, and counting what each state shows.

use super::Repro;
use super::sites::{Sites, condition};
use super::tally::{Stuck, Tally};
use super::walk::{Decider, sweep_bids};
use crate::engine::{Belief, Decision, Dice, Hidden, KnownTender, Phase, Session};
use crate::scenario::{Scenario, Targets, WeekRule};

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

/// Counts what explored sessions show into one tally.
pub(super) struct Explorer<'a> {
    pub scenario: &'a Scenario,
    pub sites: &'a Sites,
    pub tally: &'a mut Tally,
}

/// What an action changed is judged against this: the state just before it was taken.
struct Before {
    action: usize,
    target: Option<usize>,
    points: u32,
    budget: i64,
    world: crate::engine::World,
    beliefs: Vec<Belief>,
    told: Option<KnownTender>,
    /// The flags set before the action (for the flags its results' `when` read).
    flags: std::collections::BTreeSet<crate::scenario::Id>,
    /// Whether each result's `when` could hold before the action (`None`: it has none).
    results: Vec<Option<bool>>,
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
            _ => String::new(),
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

    /// Counts a state before a decision: the flags set, the requirements of the actions the
    /// player can afford (as `options` checks them), the open scene and its choices' `when`.
    fn state(&mut self, s: &Session) {
        for f in &s.truth().flags {
            if let Some(i) = self.sites.flag_of(f) {
                self.tally.flag_set[i] += 1;
            }
        }
        match s.phase() {
            Phase::Planning => {
                for (a, action) in self.scenario.actions.iter().enumerate() {
                    if action.requires.is_empty()
                        || action.points > s.points()
                        || action.cost > s.budget()
                    {
                        continue;
                    }
                    let targets: Vec<Option<usize>> = if action.targets == Targets::Nobody {
                        vec![None]
                    } else {
                        (0..self.scenario.people.len())
                            .filter(|&i| s.may_aim_at(&action.targets, i))
                            .map(Some)
                            .collect()
                    };
                    for target in targets {
                        for k in 0..action.requires.len() {
                            if !self.eval(s, self.sites.requirements[a][k], target) {
                                break; // `options` stops at the first that fails.
                            }
                        }
                    }
                }
            }
            Phase::Scene(id) => {
                let Some(i) = self.scenario.scenes.iter().position(|sc| sc.id == *id) else {
                    return;
                };
                self.tally.scenes[i] += 1;
                for k in 0..self.scenario.scenes[i].choices.len() {
                    if let Some(site) = self.sites.choices[i][k] {
                        self.eval(s, site, None);
                    }
                }
            }
            _ => {}
        }
    }

    /// Counts the triggers of the week that just opened: a rule or event in its week that
    /// fired counts as true; one that did not (and may still) is evaluated on the state the
    /// week opened with.
    fn week_started(&mut self, s: &Session) {
        let w = s.week();
        let fired = |id: &str, this_week: bool| {
            s.hidden_timeline().iter().any(|h| {
                (if this_week { h.week == w } else { h.week < w })
                    && match &h.what {
                        Hidden::Event { event } => event == id,
                        Hidden::RivalMove { rule, .. } => rule == id,
                        _ => false,
                    }
            })
        };
        let scenario = self.scenario;
        let triggers = scenario
            .events
            .iter()
            .zip(&self.sites.events)
            .map(|(e, site)| (&e.id, &e.trigger, e.repeat, *site))
            .chain(
                scenario
                    .competitor
                    .rules
                    .iter()
                    .zip(&self.sites.rivals)
                    .map(|(r, site)| (&r.id, &r.trigger, r.repeat, *site)),
            );
        for (id, trigger, repeat, site) in triggers {
            let Some(site) = site else { continue };
            let in_week = match trigger.week {
                WeekRule::Any => true,
                WeekRule::At(n) => w == n,
                WeekRule::From(n) => w >= n,
                WeekRule::Between(a, b) => (a..=b).contains(&w),
                WeekRule::Drawn(..) => s.drawn_week(id) == Some(w),
            };
            if !in_week {
                continue;
            }
            if fired(id, true) {
                self.record(s, site, true);
            } else if repeat || !fired(id, false) {
                self.eval(s, site, None);
            }
        }
    }

    /// The state before action `action` (an id) is taken at `target`, when it is worth
    /// keeping: the action is known and not yet found useful by this tally.
    fn before_act(&mut self, s: &Session, action: &str, target: Option<&str>) -> Option<Before> {
        let a = self.scenario.action_index(action)?;
        let target = match target {
            Some(t) => Some(self.scenario.person_index(t)?),
            None => None,
        };
        let results = self.scenario.actions[a]
            .results
            .iter()
            .map(|r| r.when.as_ref().map(|c| s.could_hold_for(c, target)))
            .collect();
        let keep = self.tally.useful[a] == 0;
        Some(Before {
            action: a,
            target,
            points: s.points(),
            budget: s.budget(),
            world: if keep {
                s.truth().clone()
            } else {
                Default::default()
            },
            beliefs: if keep {
                s.beliefs().to_vec()
            } else {
                Vec::new()
            },
            told: s.known_tender().cloned(),
            flags: s.truth().flags.clone(),
            results,
        })
    }

    /// Counts an action just taken: its results' `when` up to the one that happened, and
    /// whether it changed anything but its points, its money and its target being met.
    fn after_act(&mut self, s: &Session, before: Before) {
        let a = before.action;
        self.tally.taken[a] += 1;
        let happened = s.decisions().last().and_then(|m| m.result.as_deref());
        let action = &self.scenario.actions[a];
        for (k, r) in action.results.iter().enumerate() {
            if let (Some(site), Some(v)) = (self.sites.results[a][k], before.results[k]) {
                self.record_before(site, v, &before);
            }
            if happened == Some(r.id.as_str()) {
                break;
            }
        }
        if self.tally.useful[a] > 0 {
            return;
        }
        let world = s.truth();
        let same_people = before
            .world
            .people
            .iter()
            .zip(&world.people)
            .enumerate()
            .all(|(i, (x, y))| {
                let met = x.met || before.target == Some(i);
                x.role == y.role
                    && x.influence == y.influence
                    && x.support == y.support
                    && x.rival_support == y.rival_support
                    && x.criteria == y.criteria
                    && x.coach == y.coach
                    && met == y.met
            });
        let same = same_people
            && before.flags == world.flags
            && before.world.counters == world.counters
            && before.world.rival_bid == world.rival_bid
            && before.beliefs.as_slice() == s.beliefs()
            && before.told.as_ref() == s.known_tender()
            && s.points() == before.points.saturating_sub(action.points)
            && s.budget() == before.budget - action.cost;
        if !same {
            self.tally.useful[a] += 1;
        }
    }

    /// Counts a session at its end: its ending, its rubric lines, the policy's win, and the
    /// conditions read at the tender (disqualifiers, judges, caps, endings, the rubric's).
    fn ended(&mut self, s: &Session, policy: Option<usize>) {
        let Some(t) = s.tender() else { return };
        let scenario = self.scenario;
        self.tally.ended += 1;
        if let Some(i) = scenario.endings.iter().position(|e| e.id == t.ending) {
            self.tally.endings[i] += 1;
        }
        for (k, line) in t.score.lines.iter().enumerate().take(scenario.rubric.len()) {
            if line.max > 0 {
                self.tally.rubric_zero[k] += u64::from(line.points == 0);
                self.tally.rubric_full[k] += u64::from(line.points == line.max);
            }
        }
        for k in 0..scenario.tender.disqualify.len() {
            if self.eval(s, self.sites.disqualify[k], None) {
                break; // The first that holds disqualifies.
            }
        }
        if t.disqualified.is_none() {
            for verdict in &t.stages {
                let Some(i) = scenario
                    .tender
                    .stages
                    .iter()
                    .position(|x| x.id == verdict.stage)
                else {
                    continue;
                };
                for site in self.sites.judges[i].clone() {
                    // The first judge without a `when`, or whose `when` holds, runs the stage.
                    if site.is_none_or(|site| self.eval(s, site, None)) {
                        break;
                    }
                }
            }
        }
        for k in 0..scenario.caps.len() {
            self.eval(s, self.sites.caps[k], None);
        }
        for site in self.sites.endings.clone() {
            if site.is_none_or(|site| self.eval(s, site, None)) {
                break; // The first ending that holds is chosen.
            }
        }
        for site in self.sites.rubric.clone().into_iter().flatten() {
            self.eval(s, site, None);
        }
        if let Some(p) = policy {
            self.tally.policies[p].1 += 1;
            self.tally.policies[p].0 += u64::from(t.won);
            self.tally.policy_points[p] += u64::from(t.score.total);
        }
    }

    /// Keeps a session that cannot go on: a scene with no open choice, or an endless loop.
    fn stuck(&mut self, s: &Session, decider: &Decider, scene: String, endless: bool) {
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

    /// Evaluates the condition of `site` on `s` for `target` and counts the outcome.
    fn eval(&mut self, s: &Session, site: usize, target: Option<usize>) -> bool {
        let c = condition(self.scenario, self.sites.list[site].kind);
        let v = s.could_hold_for(c, target);
        self.record(s, site, v);
        v
    }

    /// Counts an outcome of `site` on the state `s`, and the flags it read while they were set.
    fn record(&mut self, s: &Session, site: usize, v: bool) {
        self.tally.sites[site][usize::from(v)] += 1;
        let flags = &s.truth().flags;
        for &f in &self.sites.list[site].reads {
            if flags.contains(&self.sites.flags[f]) {
                self.tally.flag_read[f] += 1;
            }
        }
    }

    /// `record` for an outcome found on the state before an action (its result's `when`):
    /// the flags read are those set then.
    fn record_before(&mut self, site: usize, v: bool, before: &Before) {
        self.tally.sites[site][usize::from(v)] += 1;
        for &f in &self.sites.list[site].reads {
            if before.flags.contains(&self.sites.flags[f]) {
                self.tally.flag_read[f] += 1;
            }
        }
    }
}

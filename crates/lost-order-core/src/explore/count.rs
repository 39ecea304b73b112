//! Counting what one explored state shows: flags, requirements, scenes, triggers, actions, the end.

use std::collections::BTreeSet;

use super::sites::{Sites, condition};
use super::tally::Tally;
use crate::engine::{Belief, Hidden, KnownTender, Phase, Session, World};
use crate::scenario::{Id, Scenario, Targets, WeekRule};

/// Counts what explored sessions show into one tally.
pub(super) struct Explorer<'a> {
    pub scenario: &'a Scenario,
    pub sites: &'a Sites,
    pub tally: &'a mut Tally,
}

/// What an action changed is judged against this: the state just before it was taken.
pub(super) struct Before {
    action: usize,
    target: Option<usize>,
    points: u32,
    budget: i64,
    world: World,
    beliefs: Vec<Belief>,
    told: Option<KnownTender>,
    /// The flags set before the action (for the flags its results' `when` read).
    flags: BTreeSet<Id>,
    /// Whether each result's `when` could hold before the action (`None`: it has none).
    results: Vec<Option<bool>>,
}

impl Explorer<'_> {
    /// Counts a state before a decision: the flags set, the requirements of the actions the
    /// player can afford (as `options` checks them), the open scene and its choices' `when`.
    pub(super) fn state(&mut self, s: &Session) {
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
    pub(super) fn week_started(&mut self, s: &Session) {
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
    pub(super) fn before_act(
        &mut self,
        s: &Session,
        action: &str,
        target: Option<&str>,
    ) -> Option<Before> {
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
    pub(super) fn after_act(&mut self, s: &Session, before: Before) {
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
    pub(super) fn ended(&mut self, s: &Session, policy: Option<usize>) {
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

    /// Evaluates the condition of `site` on `s` for `target` and counts the outcome.
    pub(super) fn eval(&mut self, s: &Session, site: usize, target: Option<usize>) -> bool {
        let c = condition(self.scenario, self.sites.list[site].kind);
        let v = s.could_hold_for(c, target);
        self.record(s, site, v);
        v
    }

    /// Counts an outcome of `site` on the state `s`, and the flags it read while they were set.
    pub(super) fn record(&mut self, s: &Session, site: usize, v: bool) {
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

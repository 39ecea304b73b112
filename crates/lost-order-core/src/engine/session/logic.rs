//! Evaluating conditions and applying effects against the session's state.

use std::collections::BTreeMap;

use super::facts::who_index;
use super::{Scope, Session};
use crate::engine::happening::{Happening, Learned};
use crate::engine::hidden::Hidden;
use crate::engine::state::{
    INFLUENCE_RANGE, KnownStage, KnownTender, PersonTruth, SUPPORT_RANGE, Seen,
};
use crate::scenario::{Effect, Fact, Id, Stage, Who};

impl Session {
    /// The index of `who` in the scenario's `people`, for an effect.
    pub(super) fn who(&self, who: &Who, scope: Scope) -> Option<usize> {
        who_index(&self.scenario, who, scope)
    }

    pub(super) fn apply_all(&mut self, effects: &[Effect], scope: Scope, out: &mut Vec<Happening>) {
        for e in effects {
            self.apply_effect(e, scope, out);
        }
    }

    fn apply_effect(&mut self, e: &Effect, scope: Scope, out: &mut Vec<Happening>) {
        match e {
            Effect::Support(w, d) => self.adjust(w, scope, |p| &mut p.support, *d, SUPPORT_RANGE),
            Effect::RivalSupport(w, d) => {
                self.adjust(w, scope, |p| &mut p.rival_support, *d, SUPPORT_RANGE)
            }
            Effect::Influence(w, d) => {
                self.adjust(w, scope, |p| &mut p.influence, *d, INFLUENCE_RANGE)
            }
            Effect::SetRole(w, r) => {
                if let Some(i) = self.who(w, scope) {
                    self.world.people[i].role = *r;
                }
            }
            Effect::Reveal(w, fact) => {
                if let Some(i) = self.who(w, scope) {
                    self.reveal(i, *fact, out);
                }
            }
            Effect::Discover(w) => {
                if let Some(i) = self.who(w, scope) {
                    self.discover(i, out);
                }
            }
            Effect::Hint(w) => {
                if let Some(i) = self.who(w, scope) {
                    let b = &mut self.beliefs[i];
                    if !b.hinted && !b.on_map() {
                        b.hinted = true;
                        out.push(Happening::Hinted {
                            person: self.scenario.people[i].id.clone(),
                        });
                    }
                }
            }
            Effect::Introduce(w) => {
                if let Some(i) = self.who(w, scope) {
                    let scenario = self.scenario.clone();
                    let before = out.len();
                    for other in &scenario.people[i].introduces {
                        if let Some(j) = scenario.person_index(other) {
                            self.discover(j, out);
                        }
                    }
                    // Say so, rather than "agrees to introduce you" followed by nobody.
                    if out.len() == before {
                        out.push(Happening::NoOneNew {
                            person: scenario.people[i].id.clone(),
                        });
                    }
                }
            }
            Effect::MakeCoach(w) => {
                if let Some(i) = self.who(w, scope)
                    && !self.world.people[i].coach
                {
                    self.world.people[i].coach = true;
                    self.beliefs[i].coach = true;
                    out.push(Happening::CoachGained {
                        person: self.scenario.people[i].id.clone(),
                    });
                }
            }
            Effect::SetFlag(f) => {
                if !self.world.flags.contains(f) {
                    self.world.flags.insert(f.clone());
                }
            }
            Effect::ClearFlag(f) => {
                self.world.flags.remove(f);
            }
            Effect::AddCounter(id, d) => {
                add_to_counter(&mut self.world.counters, id, *d);
            }
            Effect::Budget(d) => self.budget = self.budget.saturating_add(*d),
            Effect::Points(d) => self.points = self.points.saturating_add_signed(*d),
            Effect::Note(text) => out.push(Happening::Note {
                person: scope.target.map(|i| self.scenario.people[i].id.clone()),
                text: text.clone(),
            }),
            Effect::RivalAddresses(c, s) => match self.world.rival_bid.get_mut(c) {
                Some(strength) => *strength = *s,
                None => {
                    self.world.rival_bid.insert(c.clone(), *s);
                }
            },
            Effect::Maybe(p, inner) => {
                if self.dice.chance(*p) {
                    self.apply_all(inner, scope, out);
                }
            }
            Effect::RevealTender => self.reveal_tender(scope, out),
            Effect::Exposure {
                counter,
                base,
                step,
                flag,
            } => {
                let times = add_to_counter(&mut self.world.counters, counter, 1);
                let chance = (base + step * (times - 1) as f64).clamp(0.0, 1.0);
                if !self.world.flags.contains(flag) && self.dice.chance(chance) {
                    self.world.flags.insert(flag.clone());
                    self.hide(
                        Hidden::Exposed {
                            flag: flag.clone(),
                            counter: counter.clone(),
                        },
                        false,
                    );
                }
            }
        }
    }

    fn adjust(
        &mut self,
        w: &Who,
        scope: Scope,
        field: fn(&mut PersonTruth) -> &mut i32,
        delta: i32,
        (lo, hi): (i32, i32),
    ) {
        if let Some(i) = self.who(w, scope) {
            let v = field(&mut self.world.people[i]);
            *v = v.saturating_add(delta).clamp(lo, hi);
        }
    }

    pub(super) fn discover(&mut self, i: usize, out: &mut Vec<Happening>) {
        if self.beliefs[i].identified.is_none() {
            self.beliefs[i].identified = Some(self.week);
            self.beliefs[i].hinted = true;
            out.push(Happening::Discovered {
                person: self.scenario.people[i].id.clone(),
            });
        }
    }

    /// Who would run `stage` if the tender were now: the first judge whose `when` could hold
    /// (a `Chance` counts as possible; nothing is drawn).
    pub(super) fn judge_now(&self, stage: &Stage) -> Option<usize> {
        stage
            .judge
            .iter()
            .find(|j| {
                j.when
                    .as_ref()
                    .is_none_or(|w| self.could_hold(w, Scope::default()))
            })
            .or(stage.judge.last())
            .and_then(|j| self.scenario.person_index(&j.who))
    }

    /// A coach tells how the tender will be judged: each stage's rule and judge as things
    /// stand; the judges appear on the map with their criteria revealed.
    fn reveal_tender(&mut self, scope: Scope, out: &mut Vec<Happening>) {
        let scenario = self.scenario.clone();
        let by = scope.target.map(|i| scenario.people[i].id.clone());
        out.push(Happening::TenderTold { by: by.clone() });
        let mut stages = Vec::new();
        for stage in &scenario.tender.stages {
            let Some(j) = self.judge_now(stage) else {
                continue;
            };
            self.reveal(j, Fact::Criteria, out);
            stages.push(KnownStage {
                stage: stage.id.clone(),
                rule: stage.rule,
                judge: scenario.people[j].id.clone(),
                criteria: self.world.people[j].criteria.clone(),
            });
        }
        self.told = Some(KnownTender {
            week: self.week,
            by,
            stages,
        });
    }

    /// The player learns the present truth of `fact`; revealing a person also puts them on the map.
    pub(super) fn reveal(&mut self, i: usize, fact: Fact, out: &mut Vec<Happening>) {
        self.discover(i, out);
        let week = self.week;
        let truth = &self.world.people[i];
        let b = &mut self.beliefs[i];
        let learned = match fact {
            Fact::Identity => None,
            Fact::Role => replace(&mut b.role, Seen::observed(truth.role, week))
                .then_some(Learned::Role(truth.role)),
            Fact::Stance => replace(&mut b.stance, Seen::observed(truth.support, week))
                .then_some(Learned::Stance(truth.support)),
            Fact::Influence => replace(&mut b.influence, Seen::observed(truth.influence, week))
                .then_some(Learned::Influence(truth.influence)),
            Fact::Criteria => replace(
                &mut b.criteria,
                Seen::observed(truth.criteria.clone(), week),
            )
            .then(|| Learned::Criteria(truth.criteria.clone())),
        };
        if let Some(value) = learned {
            out.push(Happening::Revealed {
                person: self.scenario.people[i].id.clone(),
                fact,
                value,
            });
        }
    }
}

/// Adds `by` to the counter `id` (a missing one starts at 0) and gives its new value; the id
/// is cloned only for a new counter.
fn add_to_counter(counters: &mut BTreeMap<Id, i64>, id: &str, by: i64) -> i64 {
    match counters.get_mut(id) {
        Some(value) => {
            *value = value.saturating_add(by);
            *value
        }
        None => {
            counters.insert(id.into(), by);
            by
        }
    }
}

/// Stores a new observation; reports whether the player learned something new.
fn replace<T: PartialEq>(slot: &mut Option<Seen<T>>, seen: Seen<T>) -> bool {
    let new = slot
        .as_ref()
        .is_none_or(|old| old.value != seen.value || old.assumed);
    if new || slot.as_ref().is_some_and(|old| old.week != seen.week) {
        *slot = Some(seen);
    }
    new
}

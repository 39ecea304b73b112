//! What a condition reads: the session's state without its dice, so that a `Chance` can draw
//! from the dice while the rest is read.

use super::{Scope, Session};
use crate::engine::dice::Dice;
use crate::engine::outcome::{GradeGiven, StageVerdict, TenderResult};
use crate::engine::state::{Belief, World};
use crate::scenario::{Condition, Fact, Scenario, Who};

/// The parts of a session that conditions read, borrowed: all but the dice.
pub(super) struct Facts<'s> {
    scenario: &'s Scenario,
    world: &'s World,
    beliefs: &'s [Belief],
    week: u32,
    budget: i64,
    points: u32,
    tender: Option<&'s TenderResult>,
    graded: &'s [GradeGiven],
}

/// The index of `who` in the scenario's `people`: the action's target, or the person named.
pub(super) fn who_index(scenario: &Scenario, who: &Who, scope: Scope) -> Option<usize> {
    match who {
        Who::Target => scope.target,
        Who::Person(id) => scenario.person_index_of(id),
    }
}

impl Session {
    /// What conditions read now, with the dice apart: a condition evaluated with these can
    /// draw from the dice while reading the rest.
    fn facts_and_dice(&mut self) -> (Facts<'_>, &mut Dice) {
        let Session {
            scenario,
            world,
            beliefs,
            week,
            budget,
            points,
            tender,
            graded,
            dice,
            ..
        } = self;
        let facts = Facts {
            scenario,
            world,
            beliefs,
            week: *week,
            budget: *budget,
            points: *points,
            tender: tender.as_ref(),
            graded,
        };
        (facts, dice)
    }

    /// Evaluates with the session's dice, for conditions that really happen: a `Chance`
    /// draws when it is reached.
    pub(super) fn holds_now(&mut self, c: &Condition, scope: Scope) -> bool {
        let (facts, dice) = self.facts_and_dice();
        facts.holds(c, scope, &mut || dice.unit())
    }

    /// Evaluates without drawing: a `Chance` counts as possible (for showing what is available).
    pub(super) fn could_hold(&self, c: &Condition, scope: Scope) -> bool {
        self.facts().could_hold(c, scope)
    }

    /// What conditions read now, for evaluating several without drawing.
    pub(super) fn facts(&self) -> Facts<'_> {
        Facts {
            scenario: &self.scenario,
            world: &self.world,
            beliefs: &self.beliefs,
            week: self.week,
            budget: self.budget,
            points: self.points,
            tender: self.tender.as_ref(),
            graded: &self.graded,
        }
    }
}

impl Facts<'_> {
    /// Evaluates `c` without drawing: a `Chance` counts as possible.
    pub(super) fn could_hold(&self, c: &Condition, scope: Scope) -> bool {
        self.holds(c, scope, &mut || 0.0)
    }

    fn who(&self, who: &Who, scope: Scope) -> Option<usize> {
        who_index(self.scenario, who, scope)
    }

    /// Evaluates `c`. `roll` supplies the numbers for `Chance`.
    pub(super) fn holds(&self, c: &Condition, scope: Scope, roll: &mut dyn FnMut() -> f64) -> bool {
        let person = |w: &Who| self.who(w, scope).map(|i| &self.world.people[i]);
        let belief = |w: &Who| self.who(w, scope).map(|i| &self.beliefs[i]);
        match c {
            Condition::Flag(f) => self.world.flags.contains(f),
            Condition::NotFlag(f) => !self.world.flags.contains(f),
            Condition::Counter(id, b) => b.holds(self.world.counters.get(id).copied().unwrap_or(0)),
            Condition::Week(b) => b.holds(i64::from(self.week)),
            Condition::Budget(b) => b.holds(self.budget),
            Condition::Points(b) => b.holds(i64::from(self.points)),
            Condition::Support(w, b) => person(w).is_some_and(|p| b.holds(i64::from(p.support))),
            Condition::RivalSupport(w, b) => {
                person(w).is_some_and(|p| b.holds(i64::from(p.rival_support)))
            }
            Condition::Influence(w, b) => {
                person(w).is_some_and(|p| b.holds(i64::from(p.influence)))
            }
            Condition::Role(w, r) => person(w).is_some_and(|p| p.role == *r),
            Condition::Layer(w, l) => self
                .who(w, scope)
                .is_some_and(|i| self.scenario.people[i].layer == *l),
            Condition::Met(w) => person(w).is_some_and(|p| p.met),
            Condition::Known(w, fact) => belief(w).is_some_and(|b| match fact {
                Fact::Identity => b.on_map(),
                Fact::Role => b.role.as_ref().is_some_and(|r| !r.assumed),
                Fact::Stance => b.stance.is_some(),
                Fact::Influence => b.influence.is_some(),
                Fact::Criteria => b.criteria.is_some(),
            }),
            Condition::Coach(w) => person(w).is_some_and(|p| p.coach),
            Condition::AnyCoach => self.world.people.iter().any(|p| p.coach),
            Condition::Coachable(w) => self
                .who(w, scope)
                .is_some_and(|i| self.scenario.people[i].coachable),
            Condition::Cares(w, c) => person(w).is_some_and(|p| p.criteria.contains(c)),
            Condition::TargetIs(id) => scope
                .target
                .is_some_and(|i| &self.scenario.people[i].id == id),
            Condition::Chance(p) => roll() < *p,
            Condition::Disqualified => self
                .tender
                .as_ref()
                .is_some_and(|t| t.disqualified.is_some()),
            Condition::Won => self.tender.is_some_and(|t| t.won),
            Condition::Lost => self.tender.is_some_and(|t| !t.won),
            Condition::Eliminated(stage) => self
                .tender
                .as_ref()
                .is_some_and(|t| t.eliminated_at.as_deref() == Some(stage.as_str())),
            Condition::Price(id) => self.tender.is_some_and(|t| &t.bid.price == id),
            Condition::BidIncludes(id) => self
                .tender
                .as_ref()
                .is_some_and(|t| t.bid.emphases.contains(id) || t.bid.commitments.contains(id)),
            Condition::StagePassed(id) => self.stage_read(id).is_some_and(|v| v.we_pass),
            Condition::StageFailed(id) => self.stage_read(id).is_some_and(|v| !v.we_pass),
            Condition::StageAhead(id) => self.stage_read(id).is_some_and(|v| match v.center {
                Some((ours, rival)) => ours > rival,
                None => v.ours.total() > v.rival.total(),
            }),
            Condition::Margin(b) => self
                .tender
                .as_ref()
                .is_some_and(|t| b.holds(i64::from(t.margin))),
            Condition::GradedAs(account, grade) => self
                .graded
                .iter()
                .any(|g| &g.account == account && g.given == *grade),
            Condition::All(cs) => cs.iter().all(|c| self.holds(c, scope, roll)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c, scope, roll)),
            Condition::Not(c) => !self.holds(c, scope, roll),
        }
    }

    /// The verdict of tender stage `id` on our bid, if that stage has read it (so far).
    fn stage_read(&self, id: &str) -> Option<&StageVerdict> {
        self.tender?.stages.iter().find(|v| v.stage == id)
    }
}

//! What a policy reads of a session: its belief of a person, with guesses where nothing is
//! known, how often an action was tried on someone, and the criteria a requirement asks for.
//! A leaf that every policy module may use.

use crate::engine::Session;
use crate::scenario::{Action, BuyingRole, Condition, Id, Layer, Who};

/// Calls `each` with every criterion a requirement's condition asks the target to care about.
pub(super) fn cares_in(c: &Condition, each: &mut impl FnMut(&str)) {
    match c {
        Condition::Cares(Who::Target, crit) => each(crit),
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| cares_in(c, each)),
        _ => {}
    }
}

/// Whether an action's results favour a criterion among `criteria`; `None` when they favour
/// no criterion at all.
pub(super) fn favours_any(action: &Action, criteria: &[Id]) -> Option<bool> {
    let (mut wanted, mut fits) = (false, false);
    for c in action.results.iter().filter_map(|r| r.when.as_ref()) {
        cares_in(c, &mut |crit| {
            wanted = true;
            fits |= criteria.iter().any(|x| x == crit);
        });
    }
    wanted.then_some(fits)
}

/// How often each action was aimed at each person so far, and how often it worked (any
/// result but the action's last, which is the fallback when nothing else happens): counted
/// once from the session's decisions, then read for every option weighed.
pub(super) struct Attempts {
    people: usize,
    /// (tries, successes) by action index × people + person index.
    counts: Vec<(i32, i32)>,
}

impl Attempts {
    pub(super) fn of(s: &Session) -> Attempts {
        let scenario = s.scenario();
        let people = scenario.people.len();
        let mut counts = vec![(0, 0); scenario.actions.len() * people];
        for taken in s.actions_taken() {
            let Some(i) = taken.target else {
                continue;
            };
            let fallback = scenario.actions[taken.action].results.len().checked_sub(1);
            let count = &mut counts[taken.action * people + i];
            count.0 += 1;
            count.1 += i32::from(taken.result != fallback);
        }
        Attempts { people, counts }
    }

    /// (tries, successes) of action number `a` aimed at person number `i`.
    pub(super) fn at(&self, a: usize, i: usize) -> (i32, i32) {
        self.counts[a * self.people + i]
    }
}

/// The person the player starts out closest to: Liao's VP Liu in the flagship.
pub(super) fn first_friend(s: &Session) -> &str {
    s.scenario()
        .people
        .iter()
        .zip(s.beliefs())
        .filter(|(_, b)| b.identified == Some(0))
        .max_by_key(|(_, b)| b.stance.as_ref().map_or(i32::MIN, |x| x.value))
        .map_or("", |(p, _)| p.id.as_str())
}

/// What the options of one step are weighed against, read once for all of them (a policy
/// weighs every open option at every step).
pub(super) struct Step<'s> {
    /// How often each action was tried on each person, and worked.
    pub attempts: Attempts,
    /// The player's first friend (`first_friend`).
    pub friend: &'s str,
    /// What the player believes of each person, in the scenario's order.
    pub seen: Vec<Seen<'s>>,
}

impl<'s> Step<'s> {
    pub(super) fn of(s: &'s Session) -> Step<'s> {
        Step {
            attempts: Attempts::of(s),
            friend: first_friend(s),
            seen: (0..s.beliefs().len()).map(|i| Seen::of(s, i)).collect(),
        }
    }
}

/// What the player believes of a person, with guesses where nothing is known; borrowed from
/// the session.
pub(super) struct Seen<'s> {
    pub layer: Layer,
    pub stance: i32,
    pub knows_stance: bool,
    pub influence: i32,
    pub knows_influence: bool,
    pub knows_criteria: bool,
    pub criteria: &'s [Id],
    pub coach: bool,
    /// Their role as observed (an assumed role does not count).
    pub role: Option<BuyingRole>,
}

impl<'s> Seen<'s> {
    /// How far their support is from safe: 0 once it is 4 or more.
    pub(super) fn need(&self) -> i32 {
        (4 - self.stance).max(0)
    }

    /// The belief of person number `i` (in the scenario's `people`, as options name them).
    pub(super) fn of(s: &'s Session, i: usize) -> Seen<'s> {
        let person = &s.scenario().people[i];
        let b = &s.beliefs()[i];
        let guess = match person.layer {
            Layer::Decision => 8,
            Layer::Management => 5,
            Layer::Execution => 2,
        };
        Seen {
            layer: person.layer,
            stance: b.stance.as_ref().map_or(0, |x| x.value),
            knows_stance: b.stance.is_some(),
            influence: b.influence.as_ref().map_or(guess, |x| x.value.max(1)),
            knows_influence: b.influence.is_some(),
            knows_criteria: b.criteria.is_some(),
            criteria: b.criteria.as_ref().map_or(&[], |c| c.value.as_slice()),
            coach: b.coach,
            role: b.role.as_ref().filter(|r| !r.assumed).map(|r| r.value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Attempts;
    use crate::engine::{Decision, Dice, Phase, Session};
    use crate::policy::Policy;
    use crate::testkit::tiny;

    /// `policy` played to the end on the tiny case, as the simulator plays it (the policy does
    /// not name the simulator, which names the policy).
    fn played(policy: Policy, seed: u64) -> Session {
        let mut s = Session::new(tiny(), seed);
        let mut dice = Dice::new(seed);
        while *s.phase() != Phase::Ended {
            let decision = policy.decide(&s, &mut dice);
            if s.apply(&decision).is_err() {
                s.apply(&Decision::EndWeek).unwrap();
            }
        }
        s
    }

    /// Tries and successes counted the slow way: by ids, from the decisions.
    fn counted(s: &Session, a: usize, i: usize) -> (i32, i32) {
        let action = &s.scenario().actions[a];
        let target = &s.scenario().people[i].id;
        let fallback = action.results.last().map(|r| r.id.as_str());
        let mut counts = (0, 0);
        for m in s.decisions() {
            if matches!(&m.decision, Decision::Act { action: x, target: Some(t) } if *x == action.id && t == target)
            {
                counts.0 += 1;
                counts.1 += i32::from(m.result.as_deref() != fallback);
            }
        }
        counts
    }

    #[test]
    fn attempts_by_index_are_the_decisions_counted_by_id() {
        let mut compared = 0;
        for policy in [Policy::Random, Policy::FullCoverage, Policy::Liao] {
            for seed in 0..20 {
                let s = played(policy, seed);
                let tally = Attempts::of(&s);
                for a in 0..s.scenario().actions.len() {
                    for i in 0..s.scenario().people.len() {
                        assert_eq!(tally.at(a, i), counted(&s, a, i), "{policy} {seed}");
                        compared += counted(&s, a, i).0;
                    }
                }
            }
        }
        assert!(
            compared > 100,
            "too few actions taken to compare: {compared}"
        );
    }
}

//! What a policy reads of a session: its belief of a person, with guesses where nothing is
//! known, how often an action was tried on someone, and the criteria a requirement asks for.
//! A leaf that every policy module may use.

use crate::engine::{Decision, Session};
use crate::scenario::{Action, BuyingRole, Condition, Layer, Who};

/// The criteria a requirement's condition asks the target to care about, added to `out`.
pub(super) fn cares_in(c: &Condition, out: &mut Vec<String>) {
    match c {
        Condition::Cares(Who::Target, crit) => out.push(crit.clone()),
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| cares_in(c, out)),
        _ => {}
    }
}

/// How often this action was aimed at this target so far, and how often it worked
/// (any result but the last, which is the fallback when nothing else happens).
pub(super) fn attempts(s: &Session, action: &Action, target: &str) -> (i32, i32) {
    let fallback = action.results.last().map(|r| r.id.as_str());
    let mut counts = (0, 0);
    for m in s.decisions() {
        if matches!(&m.decision, Decision::Act { action: a, target: Some(t) } if *a == action.id && t == target)
        {
            counts.0 += 1;
            counts.1 += i32::from(m.result.as_deref() != fallback);
        }
    }
    counts
}

/// What the player believes of a person, with guesses where nothing is known.
pub(super) struct Seen {
    pub layer: Layer,
    pub stance: i32,
    pub knows_stance: bool,
    pub influence: i32,
    pub knows_influence: bool,
    pub knows_criteria: bool,
    pub criteria: Vec<String>,
    pub coach: bool,
    /// Their role as observed (an assumed role does not count).
    pub role: Option<BuyingRole>,
}

impl Seen {
    /// How far their support is from safe: 0 once it is 4 or more.
    pub(super) fn need(&self) -> i32 {
        (4 - self.stance).max(0)
    }

    pub(super) fn of(s: &Session, id: &str) -> Seen {
        let person = s
            .scenario()
            .person(id)
            .expect("options only name known people");
        let b = s.belief(id).expect("options only name known people");
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
            criteria: b
                .criteria
                .as_ref()
                .map(|c| c.value.clone())
                .unwrap_or_default(),
            coach: b.coach,
            role: b.role.as_ref().filter(|r| !r.assumed).map(|r| r.value),
        }
    }
}

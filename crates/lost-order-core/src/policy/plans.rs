//! How each policy spends its week and answers scenes, judged only on the player's beliefs.

use super::Policy;
use super::course::{self, Kind, Moves, Opening, Prospect};
use super::reading::{Seen, Step, favours_any};
use crate::engine::{Decision, Dice, Session};
use crate::scenario::{Action, Fact, Layer, Purpose};

/// The choice a policy makes in the open scene: the first open one, or a random one.
pub(super) fn choose(policy: Policy, s: &Session, dice: &mut Dice) -> Decision {
    let open = s.open_choices();
    let pick = match policy {
        Policy::Random if !open.is_empty() => dice.index(open.len()),
        // Liao trusts her friend: she never asks further, never hears what is left unsaid.
        Policy::Liao | Policy::LiaoDinners => open.len().saturating_sub(1),
        _ => 0,
    };
    open.get(pick)
        .map_or(Decision::EndWeek, |&c| Decision::Choose(c.clone()))
}

/// The next action this week, or `None` to end the week.
pub(super) fn plan(policy: Policy, s: &Session, dice: &mut Dice) -> Option<Decision> {
    match policy {
        Policy::DoNothing | Policy::PriceOnly => None,
        Policy::Random => random_action(s, dice),
        _ => {
            // Options are weighed by index; only the best one's ids are cloned.
            let step = Step::of(s);
            let best = s
                .open_actions()
                .into_iter()
                .map(|o| (worth(policy, s, o, &step), o))
                .filter(|(w, _)| *w > 0)
                .max_by_key(|(w, _)| *w)
                .map(|(_, o)| o)?;
            Some(act(s, best))
        }
    }
}

/// Any open option, or (one time in four) none, to end the week; nothing is drawn when no
/// option is open.
fn random_action(s: &Session, dice: &mut Dice) -> Option<Decision> {
    // Whether any is open is known from the first one: the list is made only when needed.
    if !s.any_action_open() || dice.chance(0.25) {
        return None;
    }
    let open = s.open_actions();
    Some(act(s, open[dice.index(open.len())]))
}

/// The decision to take an open option (action and target by index, as
/// `Session::open_actions` gives them).
fn act(s: &Session, (a, target): Opening) -> Decision {
    let scenario = s.scenario();
    Decision::Act {
        action: scenario.actions[a].id.clone(),
        target: target.map(|i| scenario.people[i].id.clone()),
    }
}

/// What a policy thinks an option is worth now; 0 or less means "not worth doing".
fn worth(policy: Policy, s: &Session, o: Opening, step: &Step) -> i32 {
    let (action, Some(i)) = (&s.scenario().actions[o.0], o.1) else {
        return 0;
    };
    let target = s.scenario().people[i].id.as_str();
    let view = &step.seen[i];
    let (tries, successes) = step.attempts.at(o.0, i);
    match policy {
        Policy::Liao => {
            if target != step.friend {
                return 0;
            }
            match action.purpose {
                Purpose::Relationship => 10 - tries.min(9),
                Purpose::Discovery if tries == 0 => 5,
                _ => 0,
            }
        }
        Policy::TopOnly => {
            if view.layer != Layer::Decision || action.purpose == Purpose::Coaching {
                return 0;
            }
            professional(s, action, (o.0, i), view, tries, successes)
        }
        Policy::FullCoverage | Policy::FullCoverageLowest => {
            professional(s, action, (o.0, i), view, tries, successes)
        }
        Policy::CoachFirst => course::coach_first_worth(s, o, step)
            .unwrap_or_else(|| professional(s, action, (o.0, i), view, tries, successes)),
        Policy::LiaoDinners => {
            if target != step.friend {
                return 0;
            }
            match (action.purpose, Kind::of(s, action)) {
                (_, Kind::Relationship) => 20,
                (Purpose::Relationship, _) => 10 - tries.min(9),
                (Purpose::Discovery, _) if tries == 0 => 5,
                _ => 0,
            }
        }
        Policy::Middle => course::middle_worth(Moves::default(), s, o, step),
        Policy::MiddleCoach => course::middle_worth(
            Moves {
                coach: true,
                ..Moves::default()
            },
            s,
            o,
            step,
        ),
        Policy::MiddleWang => course::middle_worth(
            Moves {
                technical: true,
                ..Moves::default()
            },
            s,
            o,
            step,
        ),
        Policy::MiddleValue => course::middle_worth(
            Moves {
                value: true,
                ..Moves::default()
            },
            s,
            o,
            step,
        ),
        Policy::MiddleRoles => course::middle_worth(
            Moves {
                roles: true,
                ..Moves::default()
            },
            s,
            o,
            step,
        ),
        Policy::Greedy => {
            let gain = match action.purpose {
                Purpose::Unethical => 12,
                Purpose::Persuasion if fits(action, view) => 16,
                Purpose::Persuasion => 5,
                Purpose::Relationship if view.stance < 3 => 8,
                Purpose::Introduction if tries == 0 => 4,
                Purpose::Discovery if !view.knows_criteria => 3,
                Purpose::Coaching if view.stance >= 2 && tries < 2 => 3,
                _ => 0,
            };
            gain * view.influence
        }
        Policy::DoNothing | Policy::PriceOnly | Policy::Random => 0,
    }
}

/// A professional's priorities: meet everyone, ask, develop a coach, then persuade where it matters.
/// `on` is the option's action and person, by index (`Opening`).
fn professional(
    s: &Session,
    action: &Action,
    on: (usize, usize),
    v: &Seen,
    tries: i32,
    successes: i32,
) -> i32 {
    let failures = tries - successes;
    match action.purpose {
        Purpose::Introduction if successes == 0 && failures < 2 => 60 - 15 * failures,
        Purpose::Discovery if tries < 2 => question(s, on, v) / (1 + tries),
        Purpose::Coaching if v.coach && successes < 2 => 45,
        // The course's advice: look for the coach below the top, e.g. in the technical department.
        Purpose::Coaching
            if !v.coach && v.layer != Layer::Decision && v.stance >= 2 && failures < 2 =>
        {
            40
        }
        Purpose::Persuasion if v.knows_criteria && fits(action, v) => {
            8 + 3 * v.influence * v.need() / 2
        }
        // A first visit to someone below the top who might become the coach.
        Purpose::Relationship
            if Kind::of(s, action) == Kind::Visit
                && !v.coach
                && v.layer == Layer::Execution
                && !v.knows_stance
                && tries == 0 =>
        {
            38
        }
        Purpose::Relationship => 5 + v.influence * v.need(),
        _ => 0,
    }
}

/// What a question is worth to a professional: the criteria first, then the role, then whoever
/// else it may bring onto the map, then influence and stance.
fn question(s: &Session, on: (usize, usize), v: &Seen) -> i32 {
    let may = Prospect::of(s, on);
    let mut w = 0;
    if !v.knows_criteria && may.reveals(Fact::Criteria) {
        w = w.max(50);
    }
    if v.role.is_none() && may.reveals(Fact::Role) {
        w = w.max(35);
    }
    if may.discovers_someone_new {
        w = w.max(30);
    }
    if !v.knows_influence && may.reveals(Fact::Influence) {
        w = w.max(12);
    }
    if !v.knows_stance && may.reveals(Fact::Stance) {
        w = w.max(12);
    }
    w
}

/// Whether an action's results favour a criterion this person is believed to care about
/// (actions that favour no criterion fit everyone).
fn fits(action: &Action, v: &Seen) -> bool {
    favours_any(action, v.criteria).unwrap_or(true)
}

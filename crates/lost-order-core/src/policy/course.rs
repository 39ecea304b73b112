//! The course's moves, one at a time: a middle-of-the-road plan that each move can be added to,
//! and a coach-first opening. Judged only on what the player sees, and on the scenario's
//! actions as any player reads them (purposes, targets, what their results may reveal).

use super::reading::{Seen, Step, favours_any};
use crate::engine::Session;
use crate::scenario::{Action, BuyingRole, Fact, Layer, Purpose, Targets};

/// The course moves a middle-of-the-road player may add, each alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Moves {
    /// Develop a coach below the top (and ask them for news).
    pub coach: bool,
    /// Meet and persuade the technical buyer by mid-case.
    pub technical: bool,
    /// Ask the decision maker what he values, meet him on it, and bid for it.
    pub value: bool,
    /// Engage the purchaser and the user on their criteria.
    pub roles: bool,
}

/// An open option as `Session::open_actions` gives it: the action's index in the scenario's
/// `actions`, the target's in its `people` (`None`: an action without targets).
pub(super) type Opening = (usize, Option<usize>);

/// The week from which the middle-of-the-road player turns to the decision maker.
const LATE: u32 = 5;
/// The last week by which the technical buyer counts as met "by mid-case".
const MID: u32 = 4;

/// How the middle-of-the-road plan, with `moves`, rates an option now; 0 or less: not worth it.
pub(super) fn middle_worth(moves: Moves, s: &Session, o: Opening, step: &Step) -> i32 {
    let (action, Some(i)) = (&s.scenario().actions[o.0], o.1) else {
        return 0;
    };
    let target = s.scenario().people[i].id.as_str();
    let v = &step.seen[i];
    let (tries, successes) = step.attempts.at(o.0, i);
    let week = s.week();
    let friend = step.friend;
    let is_friend = target == friend;
    let decision_maker = v.layer == Layer::Decision && !is_friend;
    let technical = is_technical(v);
    let kind = Kind::of(s, action);
    let may = Prospect::of(s, (o.0, i));
    let mut best = 0;
    // The middle of the road.
    if is_friend && kind == Kind::Introduction && successes == 0 && tries < 2 {
        best = best.max(100);
    }
    if kind == Kind::Visit && tries == 0 && !decision_maker && !technical {
        best = best.max(50);
    }
    if week >= LATE && decision_maker && kind == Kind::Visit && tries == 0 {
        best = best.max(55);
    }
    if week >= LATE
        && !decision_maker_on_map(s, friend)
        && kind == Kind::Ask
        && may.discovers_someone_new
        && !is_friend
        && tries == 0
    {
        best = best.max(45);
    }
    if moves.coach {
        let lower = v.layer == Layer::Execution;
        if lower && !v.coach && kind == Kind::Introduction && successes == 0 && tries < 2 {
            best = best.max(40);
        }
        if lower && !v.coach && kind == Kind::Visit && v.stance < 2 && tries < 3 {
            best = best.max(30);
        }
        if lower && kind == Kind::Coaching && !v.coach && v.stance >= 2 && tries - successes < 3 {
            best = best.max(60);
        }
        if kind == Kind::Coaching && v.coach && successes < 2 {
            best = best.max(35);
        }
    }
    if moves.technical {
        let early = week <= MID;
        if early
            && !technical_on_map(s)
            && v.layer == Layer::Execution
            && kind == Kind::Introduction
            && successes == 0
            && tries < 2
        {
            best = best.max(45);
        }
        if technical {
            match kind {
                Kind::Visit if tries == 0 => best = best.max(46),
                Kind::Ask if may.reveals(Fact::Criteria) && !v.knows_criteria => {
                    best = best.max(44)
                }
                Kind::Persuasion if fits_criteria(action, v) && tries == 0 => best = best.max(42),
                _ => {}
            }
        }
    }
    if moves.value && decision_maker && week >= LATE {
        match kind {
            Kind::Ask if may.reveals(Fact::Criteria) && !v.knows_criteria => best = best.max(58),
            Kind::Ask if may.reveals(Fact::Stance) && tries == 0 => best = best.max(48),
            Kind::Executive if tries < 2 && v.knows_criteria => best = best.max(52),
            _ => {}
        }
    }
    if moves.roles && !is_friend && !decision_maker && !technical {
        let role = v.role;
        let engaged = matches!(role, Some(BuyingRole::Purchaser | BuyingRole::User))
            || (role.is_none() && v.layer == Layer::Execution);
        if engaged {
            match kind {
                Kind::Ask if may.reveals(Fact::Criteria) && !v.knows_criteria => {
                    best = best.max(48)
                }
                Kind::Ask if may.reveals(Fact::Role) && role.is_none() => best = best.max(47),
                Kind::Persuasion
                    if v.knows_criteria && fits_criteria(action, v) && successes == 0 =>
                {
                    best = best.max(44)
                }
                Kind::Visit if tries < 2 => best = best.max(30),
                _ => {}
            }
        }
    }
    best
}

/// The coach-first opening: through the friend's introductions down to the execution layer,
/// warm someone there up and ask them to be the coach; `None` once a coach is developed (or
/// the opening is over), when the professional plan takes over.
pub(super) fn coach_first_worth(s: &Session, o: Opening, step: &Step) -> Option<i32> {
    if s.beliefs().iter().any(|b| b.coach) || s.week() > 3 {
        return None;
    }
    let action = &s.scenario().actions[o.0];
    let i = o.1?;
    let target = s.scenario().people[i].id.as_str();
    let v = &step.seen[i];
    let (tries, successes) = step.attempts.at(o.0, i);
    let is_friend = target == step.friend;
    let kind = Kind::of(s, action);
    let w = match kind {
        Kind::Introduction if is_friend && successes == 0 && tries < 2 => 100,
        Kind::Introduction
            if v.layer == Layer::Execution && successes == 0 && tries < 2 && !v.coach =>
        {
            90
        }
        Kind::Coaching if v.layer != Layer::Decision && v.stance >= 2 && tries - successes < 3 => {
            95
        }
        Kind::Visit if v.layer == Layer::Execution && v.stance < 2 && tries < 3 => 80,
        _ => 0,
    };
    Some(w)
}

/// What a player makes of an action from its purpose and targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// The cheapest relationship action open to anyone: a visit.
    Visit,
    /// A relationship action for the decision layer only: an executive meeting.
    Executive,
    /// Another relationship action (a dinner).
    Relationship,
    /// A question (discovery).
    Ask,
    Introduction,
    Coaching,
    Persuasion,
    Unethical,
}

impl Kind {
    pub(super) fn of(s: &Session, action: &Action) -> Kind {
        match action.purpose {
            Purpose::Relationship => match &action.targets {
                Targets::Layers(l) if l == &[Layer::Decision] => Kind::Executive,
                _ => {
                    let cheapest = s
                        .scenario()
                        .actions
                        .iter()
                        .filter(|a| {
                            a.purpose == Purpose::Relationship && a.targets == Targets::Anyone
                        })
                        .map(|a| (a.points, a.cost))
                        .min();
                    if cheapest == Some((action.points, action.cost)) {
                        Kind::Visit
                    } else {
                        Kind::Relationship
                    }
                }
            },
            Purpose::Discovery => Kind::Ask,
            Purpose::Introduction => Kind::Introduction,
            Purpose::Coaching => Kind::Coaching,
            Purpose::Persuasion => Kind::Persuasion,
            Purpose::Unethical => Kind::Unethical,
        }
    }
}

/// The technical buyer as the player sees them: believed technical, or a management-layer
/// person who is not the purchaser.
fn is_technical(v: &Seen) -> bool {
    match v.role {
        Some(r) => r == BuyingRole::Technical,
        None => v.layer == Layer::Management,
    }
}

fn technical_on_map(s: &Session) -> bool {
    (0..s.scenario().people.len())
        .filter(|&i| s.beliefs()[i].on_map())
        .any(|i| is_technical(&Seen::of(s, i)))
}

fn decision_maker_on_map(s: &Session, friend: &str) -> bool {
    s.scenario()
        .people
        .iter()
        .zip(s.beliefs())
        .any(|(p, b)| b.on_map() && p.layer == Layer::Decision && p.id != friend)
}

/// Whether an action's results favour a criterion this person is believed to care about.
fn fits_criteria(action: &Action, v: &Seen) -> bool {
    // Actions that favour no criterion fit whoever's criteria are known.
    favours_any(action, v.criteria).unwrap_or(v.knows_criteria)
}

/// What an action may bring about on its target, read from its possible effects in one pass:
/// the facts it may reveal and whether it may put someone new on the map.
pub(super) struct Prospect {
    reveals: [bool; Fact::ALL.len()],
    /// It may put someone not yet on the map on it.
    pub discovers_someone_new: bool,
}

impl Prospect {
    /// What action number `a` may bring about on person number `i` now (the indices of an
    /// `Opening`): the facts from the scenario's table, whether someone new from the map.
    pub(super) fn of(s: &Session, (a, i): (usize, usize)) -> Prospect {
        let possible = s.scenario().possible(a, i);
        Prospect {
            reveals: possible.reveals,
            discovers_someone_new: possible.discovers.iter().any(|&j| !s.beliefs()[j].on_map()),
        }
    }

    /// It may reveal this fact about its target.
    pub(super) fn reveals(&self, fact: Fact) -> bool {
        self.reveals[fact as usize]
    }
}

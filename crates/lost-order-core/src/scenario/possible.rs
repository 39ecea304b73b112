//! What an action may do to a target, judged from the scenario alone: which of its results can
//! apply to that person (a result's `TargetIs` conditions), and so which effects may follow.

use super::{Action, Condition, Effect};

/// Whether a result's condition can hold for this target, judged only on who the target is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum May {
    No,
    Maybe,
    Yes,
}

fn may_hold(c: &Condition, target: &str) -> May {
    match c {
        Condition::TargetIs(id) if id == target => May::Yes,
        Condition::TargetIs(_) => May::No,
        Condition::Not(inner) => match may_hold(inner, target) {
            May::Yes => May::No,
            May::No if matches!(**inner, Condition::TargetIs(_)) => May::Yes,
            _ => May::Maybe,
        },
        Condition::All(cs) => cs
            .iter()
            .fold(May::Yes, |acc, c| match (acc, may_hold(c, target)) {
                (May::No, _) | (_, May::No) => May::No,
                (May::Yes, May::Yes) => May::Yes,
                _ => May::Maybe,
            }),
        Condition::Any(cs) => cs
            .iter()
            .fold(May::No, |acc, c| match (acc, may_hold(c, target)) {
                (May::Yes, _) | (_, May::Yes) => May::Yes,
                (May::No, May::No) => May::No,
                _ => May::Maybe,
            }),
        _ => May::Maybe,
    }
}

/// Whether any effect `action` may have on `target` (a person's id) passes `test`: the
/// effects of every result that may happen to them, up to the first that surely does.
pub(crate) fn any_possible_effect(
    action: &Action,
    target: &str,
    mut test: impl FnMut(&Effect) -> bool,
) -> bool {
    for r in &action.results {
        let may = r.when.as_ref().map_or(May::Yes, |c| may_hold(c, target));
        if may == May::No {
            continue;
        }
        if r.effects.iter().any(&mut test) {
            return true;
        }
        if may == May::Yes && r.chance >= 1.0 {
            break;
        }
    }
    false
}

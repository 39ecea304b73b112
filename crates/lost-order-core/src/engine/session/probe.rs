//! Read-only probes for the deep check (`explore`): conditions on the present state, draws and firings.

use super::{Scope, Session};
use crate::scenario::{Condition, Targets};

impl Session {
    /// Whether `c` could hold now, for an action aimed at person `target` (an index in the
    /// scenario's `people`) when there is one: a `Chance` counts as possible, as in `options`.
    /// Draws nothing and changes nothing.
    pub(crate) fn could_hold_for(&self, c: &Condition, target: Option<usize>) -> bool {
        self.could_hold(c, Scope { target })
    }

    /// Whether an action with these targets may be aimed at person `i` (an index in the
    /// scenario's `people`) now: on the map and among the targets.
    pub(crate) fn may_aim_at(&self, targets: &Targets, i: usize) -> bool {
        self.aims_at(targets, i)
    }

    /// The week drawn at the start for the `Drawn` rule or event `id`; `None` for another.
    pub(crate) fn drawn_week(&self, id: &str) -> Option<u32> {
        self.drawn_weeks.get(id).copied()
    }
}

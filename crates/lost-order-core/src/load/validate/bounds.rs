//! The bounds of every number an author writes, and the check that reports one outside them at
//! the number itself. docs/scenario-format.md ("Bounds of numbers") lists the same table.

use std::ops::RangeInclusive;

use super::{Checker, Place};

/// One kind of number: its bounds and how a message says them.
#[derive(Clone, Copy, Debug)]
pub(in crate::load) struct Bounds {
    pub lo: i64,
    pub hi: i64,
    /// The rule in the author's words, e.g. "a case runs 1 to 52 weeks".
    pub rule: &'static str,
    /// A correct example as written in a file, e.g. "weeks: 8".
    pub example: &'static str,
}

impl Bounds {
    const fn new(lo: i64, hi: i64, rule: &'static str, example: &'static str) -> Self {
        Bounds {
            lo,
            hi,
            rule,
            example,
        }
    }

    /// The allowed values, both ends included.
    pub fn range(self) -> RangeInclusive<i64> {
        self.lo..=self.hi
    }
}

/// The largest amount of money anywhere (a budget, a cost, a budget effect), in the case's
/// money unit (k¥ in the shipped cases): one thousand million yuan.
pub(super) const MONEY: i64 = 1_000_000;

pub(super) const WEEKS: Bounds = Bounds::new(1, 52, "a case runs 1 to 52 weeks", "weeks: 8");
pub(super) const WEEKLY_POINTS: Bounds = Bounds::new(
    1,
    20,
    "a week has 1 to 20 action points",
    "action_points: 3",
);
pub(super) const BUDGET: Bounds = Bounds::new(
    0,
    MONEY,
    "a budget is 0 to 1000000 in the case's money unit",
    "budget: 20",
);
pub(super) const ACTION_POINTS: Bounds =
    Bounds::new(1, 20, "an action costs 1 to 20 action points", "points: 1");
pub(super) const COST: Bounds = Bounds::new(
    0,
    MONEY,
    "a cost is 0 to 1000000 in the case's money unit",
    "cost: 2",
);
pub(super) const STRENGTH: Bounds = Bounds::new(
    0,
    5,
    "a bid addresses a criterion with a strength of 0 to 5",
    "(\"quality\", 2)",
);
pub(super) const MARGIN: Bounds = Bounds::new(
    0,
    100,
    "a price level's margin is 0 to 100 percent points of the order",
    "margin: 25",
);
pub(super) const MISSED: Bounds = Bounds::new(
    -5,
    0,
    "a criterion the bid ignores counts -5 to 0",
    "missed_criterion: -1",
);
pub(super) const VETO: Bounds = Bounds::new(
    -5,
    5,
    "a veto threshold is -5 to 5, on the scale of a verdict",
    "Veto(0)",
);
pub(super) const WEIGHT: Bounds = Bounds::new(1, 100, "a stage's weight is 1 to 100", "Decide(2)");
pub(super) const RUBRIC_POINTS: Bounds =
    Bounds::new(0, 100, "a rubric line gives 0 to 100 points", "points: 30");
pub(super) const FULL_MARGIN: Bounds = Bounds::new(
    1,
    10_000,
    "the margin that earns full points is 1 to 10000 points of tally (ours minus the competitor's)",
    "Won(full_margin: 30)",
);
pub(super) const PROFIT_FULL: Bounds = Bounds::new(
    1,
    100,
    "the profit that earns full points is a margin of 1 to 100 percent points",
    "Profit(full: 25)",
);
pub(super) const CAP: Bounds = Bounds::new(
    0,
    100,
    "a cap holds the total at 0 to 100 points",
    "max: 40",
);
pub(super) const STANCE_CHANGE: Bounds = Bounds::new(
    -10,
    10,
    "an effect changes support by -10 to 10",
    "Support(Target, 1)",
);
pub(super) const INFLUENCE_CHANGE: Bounds = Bounds::new(
    -10,
    10,
    "an effect changes influence by -10 to 10",
    "Influence(Target, 1)",
);
pub(super) const BUDGET_CHANGE: Bounds = Bounds::new(
    -MONEY,
    MONEY,
    "an effect changes the budget by -1000000 to 1000000",
    "Budget(-5)",
);
pub(super) const POINTS_CHANGE: Bounds = Bounds::new(
    -20,
    20,
    "an effect changes the week's action points by -20 to 20",
    "Points(1)",
);
pub(super) const COUNTER_CHANGE: Bounds = Bounds::new(
    -1000,
    1000,
    "an effect adds -1000 to 1000 to a counter",
    "AddCounter(\"visits\", 1)",
);

/// The bounds of a field whose name alone says which number it is (`points` does not: an
/// action's and a rubric line's differ), for RON's own errors about numbers it cannot store.
pub(in crate::load) fn of_field(field: &str) -> Option<Bounds> {
    Some(match field {
        "weeks" => WEEKS,
        "action_points" => WEEKLY_POINTS,
        "budget" => BUDGET,
        "cost" => COST,
        "max" => CAP,
        "full_margin" => FULL_MARGIN,
        "full" => PROFIT_FULL,
        "missed_criterion" => MISSED,
        "margin" => MARGIN,
        _ => return None,
    })
}

impl Checker<'_> {
    /// Reports `value` outside `bounds` at the number written after `key` (past `place`), e.g.
    /// "`weeks` is 53; a case runs 1 to 52 weeks". `field` names it as the author wrote it
    /// (quoted in the message), or in words starting with "the ".
    pub(super) fn number(
        &mut self,
        field: &str,
        value: i64,
        bounds: Bounds,
        place: Place,
        key: &str,
    ) {
        if bounds.range().contains(&value) {
            return;
        }
        let span = self.span_of_number(place, key, value);
        let field = if field.starts_with("the ") {
            field.to_string()
        } else {
            format!("`{field}`")
        };
        self.error(
            format!("{field} is {value}; {}", bounds.rule),
            span,
            Some(format!(
                "write a whole number from {} to {}, e.g. `{}`",
                bounds.lo, bounds.hi, bounds.example
            )),
        );
    }

    /// The span of the number `value` written after `key` (past `place`), else of `key`, else
    /// of the place's id.
    pub(super) fn span_of_number(
        &self,
        place: Place,
        key: &str,
        value: i64,
    ) -> Option<std::ops::Range<usize>> {
        let keyed = self.locator.token(place.at, key);
        let from = keyed.as_ref().map_or(place.at, |k| k.end);
        self.locator
            .number(from, value)
            .filter(|n| keyed.as_ref().is_none_or(|k| n.start - k.end < 80))
            .or(keyed)
            .or_else(|| self.locator.token(place.at, "\""))
    }
}

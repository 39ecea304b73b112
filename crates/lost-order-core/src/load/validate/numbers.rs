//! Numbers an author can get wrong: ranges, weeks, costs, limits and the rubric's total.

use super::bounds::{
    ACTION_POINTS, BUDGET, CAP, COST, FULL_MARGIN, MARGIN, MISSED, PROFIT_FULL, RUBRIC_POINTS,
    STRENGTH, VETO, WEEKLY_POINTS, WEEKS, WEIGHT,
};
use super::{Checker, Place};
use crate::scenario::{Amount, Measure, StageRule, WeekRule};

/// The most different bids a tender may allow. The debrief looks for the closest winning bid
/// among all of them (`Session::smallest_change`), so their number bounds its time and memory;
/// the flagship allows 1,144.
const MAX_BIDS: u64 = 10_000;

/// How many bids a tender allows: one price level, at most `max` of the emphases and at most
/// `max` of the commitments, given as `(how many, max)`. Saturates past [`MAX_BIDS`].
fn bid_count(prices: usize, emphases: (usize, usize), commitments: (usize, usize)) -> u64 {
    // Σ C(n, k) for k ≤ max, stopping once past the limit.
    let sets = |(n, max): (usize, usize)| -> u64 {
        let (n, max) = (n as u64, max.min(n) as u64);
        let mut total = 1u64;
        let mut choose = 1u64;
        for k in 1..=max {
            choose = choose.saturating_mul(n - k + 1) / k;
            total = total.saturating_add(choose);
            if total > MAX_BIDS {
                return MAX_BIDS + 1;
            }
        }
        total
    };
    (prices as u64)
        .saturating_mul(sets(emphases))
        .saturating_mul(sets(commitments))
}

impl<'a> Checker<'a> {
    pub(super) fn check_numbers(&mut self) {
        let s = self.s;
        let settings = self.section_place("settings");
        let set = &s.settings;
        self.number("weeks", set.weeks.into(), WEEKS, settings, "weeks:");
        let weekly = set.action_points.into();
        self.number(
            "action_points",
            weekly,
            WEEKLY_POINTS,
            settings,
            "action_points:",
        );
        self.number("budget", set.budget, BUDGET, settings, "budget:");
        for p in &s.people {
            let place = self.place("people", &p.id);
            self.amount("influence", p.influence, 0, 10, place);
            self.amount("stance", p.stance, -5, 5, place);
            self.amount("rival_stance", p.rival_stance, -5, 5, place);
        }
        for a in &s.actions {
            let place = self.place("actions", &a.id);
            if a.points > s.settings.action_points {
                let span = self.span_of_token(place, "points");
                self.warning(
                    format!(
                        "action `{}` costs {} points but a week has only {}",
                        a.id, a.points, s.settings.action_points
                    ),
                    span,
                    None,
                );
            }
            self.number("points", a.points.into(), ACTION_POINTS, place, "points:");
            self.number("cost", a.cost, COST, place, "cost:");
            match a.results.last() {
                None => self.error(
                    format!("action `{}` has no result", a.id),
                    self.span_of_token(place, "results"),
                    Some("add what happens, e.g. `results: [(id: \"done\", text: {…})]`".into()),
                ),
                Some(last) if last.when.is_some() || last.chance < 1.0 => {
                    let span = self.span_of_literal(place, &last.id);
                    self.warning(format!("action `{}` may have no result: its last result has a condition or a chance", a.id), span, Some("end with a result that always happens".into()));
                }
                Some(_) => {}
            }
        }
        for e in &s.events {
            self.week_rule(e.trigger.week, self.place("events", &e.id));
        }
        for r in &s.competitor.rules {
            self.week_rule(r.trigger.week, self.place("competitor", &r.id));
        }
        self.check_tender_numbers();
        for cap in &s.caps {
            let place = self.place("caps", &cap.id);
            self.number("max", cap.max.into(), CAP, place, "max:");
        }
        self.check_rubric_numbers();
        let total: u64 = s.rubric.iter().map(|r| u64::from(r.points)).sum();
        if total != 100 {
            let span = self.span_of_token(self.section_place("rubric"), "rubric");
            self.warning(
                format!("the rubric's points add up to {total}, not 100"),
                span,
                None,
            );
        }
    }

    fn check_tender_numbers(&mut self) {
        let t = &self.s.tender;
        let place = self.section_place("tender");
        if t.price_levels.is_empty() {
            self.error(
                "the tender needs at least one price level".into(),
                self.span_of_token(place, "price_levels"),
                Some("e.g. `price_levels: [(id: \"standard\", label: {…})]`".into()),
            );
        }
        if t.max_emphases as usize > t.emphases.len() {
            let span = self.span_of_token(place, "max_emphases");
            self.warning(
                format!(
                    "max_emphases is {} but there are only {} emphases",
                    t.max_emphases,
                    t.emphases.len()
                ),
                span,
                None,
            );
        }
        if t.max_commitments as usize > t.commitments.len() {
            let span = self.span_of_token(place, "max_commitments");
            self.warning(
                format!(
                    "max_commitments is {} but there are only {} commitments",
                    t.max_commitments,
                    t.commitments.len()
                ),
                span,
                None,
            );
        }
        let bids = bid_count(
            t.price_levels.len(),
            (t.emphases.len(), t.max_emphases as usize),
            (t.commitments.len(), t.max_commitments as usize),
        );
        if bids > MAX_BIDS {
            self.error(
                format!(
                    "the tender allows more than {MAX_BIDS} different bids (price levels × sets of emphases × sets of commitments)"
                ),
                self.span_of_token(place, "emphases"),
                Some(
                    "fewer emphases or commitments, or a lower max_emphases or max_commitments; the debrief weighs every bid".into(),
                ),
            );
        }
        if t.stages.is_empty() {
            self.error(
                "the tender needs at least one stage".into(),
                self.span_of_token(place, "stages"),
                Some("e.g. `stages: [(id: \"decision\", name: {…}, judge: [(who: \"wang\")], rule: Decide(2))]`".into()),
            );
        }
        for o in &t.price_levels {
            if let Some(m) = o.margin {
                self.number(
                    "margin",
                    m.into(),
                    MARGIN,
                    self.place("tender", &o.id),
                    "margin:",
                );
            }
        }
        for o in t.emphases.iter().chain(&t.commitments) {
            if o.margin.is_some() {
                let span = self.span_of_token(self.place("tender", &o.id), "margin");
                self.warning(
                    format!("`{}` is not a price level; its margin is never used", o.id),
                    span,
                    Some("give `margin` to the price levels only".into()),
                );
            }
        }
        for line in &self.s.rubric {
            if let Measure::Profit { .. } = line.measure {
                let place = self.place("rubric", &line.id);
                if t.price_levels.iter().all(|p| p.margin.is_none()) {
                    let span = self.span_of_token(place, "Profit");
                    self.warning(
                        "`Profit` always scores 0: no price level has a `margin`".into(),
                        span,
                        Some("give each price level its `margin`, e.g. `margin: 25`".into()),
                    );
                }
            }
        }
        for stage in &t.stages {
            let place = self.place("stages", &stage.id);
            match stage.rule {
                StageRule::Veto(v) => self.number("Veto", v.into(), VETO, place, "Veto("),
                StageRule::Score(w) => self.number("Score", w.into(), WEIGHT, place, "Score("),
                StageRule::Decide(w) => self.number("Decide", w.into(), WEIGHT, place, "Decide("),
            }
        }
        let tender = self.section_place("tender");
        self.number(
            "missed_criterion",
            t.missed_criterion.into(),
            MISSED,
            tender,
            "missed_criterion:",
        );
        for o in t.options() {
            let place = self.place("tender", &o.id);
            for (c, strength) in &o.addresses {
                let key = format!("\"{c}\"");
                let field = format!("the strength of `{c}`");
                self.number(&field, (*strength).into(), STRENGTH, place, &key);
            }
        }
        let competitor = self.section_place("competitor");
        for (c, strength) in &self.s.competitor.bid {
            let key = format!("\"{c}\"");
            let field = format!("the strength of `{c}`");
            self.number(&field, (*strength).into(), STRENGTH, competitor, &key);
        }
        for stage in &t.stages {
            if stage.judge.last().is_some_and(|j| j.when.is_some()) {
                let span = self.span_of_literal(self.place("stages", &stage.id), &stage.id);
                self.warning(
                    format!(
                        "stage `{}` may have nobody to run it: its last judge has a condition",
                        stage.id
                    ),
                    span,
                    Some("end the list with a judge without `when`".into()),
                );
            }
        }
    }

    /// A person's number, fixed or a range drawn per session, within `lo..=hi`.
    fn amount(&mut self, field: &str, a: Amount, lo: i32, hi: i32, place: Place) {
        let key = format!("{field}:");
        let span = self.span_of_token(place, &key);
        if a.min() > a.max() {
            self.error(
                format!("`{field}` range {a} has its minimum above its maximum"),
                span,
                Some(format!("write `({}, {})`", a.max(), a.min())),
            );
        } else if a.min() < lo || a.max() > hi {
            let wrong = if a.min() < lo { a.min() } else { a.max() };
            let span = self.span_of_number(place, &key, wrong.into());
            let what = if field == "influence" {
                "an influence"
            } else {
                "a stance"
            };
            self.error(
                format!("`{field}` is {a}; {what} runs {lo} to {hi}"),
                span,
                Some(format!(
                    "write a whole number from {lo} to {hi}, or a range drawn per session, e.g. `{field}: ({}, {})`",
                    lo.max(-1),
                    hi.min(1)
                )),
            );
        }
    }

    /// The rubric lines' points and the numbers of their measures.
    fn check_rubric_numbers(&mut self) {
        let weeks = self.s.settings.weeks;
        for line in &self.s.rubric {
            let place = self.place("rubric", &line.id);
            self.number(
                "points",
                line.points.into(),
                RUBRIC_POINTS,
                place,
                "points:",
            );
            match &line.measure {
                Measure::Won { full_margin } => {
                    let m = (*full_margin).into();
                    self.number("full_margin", m, FULL_MARGIN, place, "full_margin:");
                }
                Measure::Profit { full } => {
                    self.number("full", (*full).into(), PROFIT_FULL, place, "full:");
                }
                Measure::Found { by_week, .. }
                    if WEEKS.range().contains(&weeks.into())
                        && (*by_week < 1 || *by_week > weeks) =>
                {
                    let span = self.span_of_number(place, "by_week:", (*by_week).into());
                    self.error(
                        format!("`by_week` is {by_week}; the case runs weeks 1 to {weeks}"),
                        span,
                        Some(format!("write a week from 1 to {weeks}, e.g. `by_week: 1`")),
                    );
                }
                _ => {}
            }
        }
    }

    fn week_rule(&mut self, rule: WeekRule, place: Place) {
        let weeks = self.s.settings.weeks;
        if !WEEKS.range().contains(&weeks.into()) {
            return; // Reported at `weeks`; every week would seem wrong.
        }
        let (lo, hi) = match rule {
            WeekRule::Any => return,
            WeekRule::At(w) | WeekRule::From(w) => (w, w),
            WeekRule::Between(a, b) | WeekRule::Drawn(a, b) => (a, b),
        };
        if lo > hi {
            self.error(
                format!("week range {lo} to {hi} has its start after its end"),
                self.span_of_token(place, "week:"),
                Some(format!(
                    "write the earlier week first, e.g. `Between({hi}, {lo})`"
                )),
            );
        } else if lo < 1 || hi > weeks {
            let wrong = if lo < 1 { lo } else { hi };
            self.error(
                format!("week {wrong} is outside the session's weeks 1 to {weeks}"),
                self.span_of_number(place, "week:", wrong.into()),
                Some(format!("write a week from 1 to {weeks} (`settings.weeks`)")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_BIDS, bid_count};

    #[test]
    fn bids_are_counted_as_the_debrief_enumerates_them() {
        // The flagship: 4 prices × (1 + 5 + 10 + 10) sets of emphases × (1 + 4 + 6) of commitments.
        assert_eq!(bid_count(4, (5, 3), (4, 2)), 1144);
        assert_eq!(bid_count(1, (0, 3), (0, 0)), 1);
        assert_eq!(bid_count(2, (3, 9), (1, 1)), 2 * 8 * 2);
        assert!(bid_count(4, (40, 40), (40, 40)) > MAX_BIDS);
        assert!(bid_count(usize::MAX, (usize::MAX, usize::MAX), (1, 1)) > MAX_BIDS);
    }
}

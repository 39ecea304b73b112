//! Numbers an author can get wrong: ranges, weeks, costs, limits and the rubric's total.

use super::{Checker, Place};
use crate::scenario::{Amount, Measure, WeekRule};

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
        if s.settings.weeks == 0 {
            self.error(
                "a session needs at least one week".into(),
                self.span_of_token(settings, "weeks"),
                None,
            );
        }
        if s.settings.action_points == 0 {
            self.error(
                "with 0 action points the player can do nothing".into(),
                self.span_of_token(settings, "action_points"),
                None,
            );
        }
        if s.settings.budget < 0 {
            self.error(
                "the budget cannot be negative".into(),
                self.span_of_token(settings, "budget"),
                None,
            );
        }
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
            if a.cost < 0 {
                self.error(
                    "a cost cannot be negative".into(),
                    self.span_of_token(place, "cost"),
                    None,
                );
            }
            match a.results.last() {
                None => self.error(
                    format!("action `{}` has no result", a.id),
                    self.span_of_token(place, "results"),
                    None,
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
            if cap.max > 100 {
                let span = self.span_of_token(self.place("caps", &cap.id), "max");
                self.warning(
                    format!(
                        "cap `{}` allows {} of 100 points: it never holds a score down",
                        cap.id, cap.max
                    ),
                    span,
                    Some("a cap is the most the total may be, e.g. `max: 40`".into()),
                );
            }
        }
        let total: u32 = s.rubric.iter().map(|r| r.points).sum();
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
                None,
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
                None,
            );
        }
        for o in &t.price_levels {
            if let Some(m) = o.margin
                && !(0..=100).contains(&m)
            {
                let span = self.span_of_token(self.place("tender", &o.id), "margin");
                self.error(
                    format!("margin {m} of price level `{}` is outside 0..=100", o.id),
                    span,
                    Some("a margin is the profit in percent points of the order, e.g. 25".into()),
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
            if let Measure::Profit { full } = line.measure {
                let place = self.place("rubric", &line.id);
                if full <= 0 {
                    let span = self.span_of_token(place, "full");
                    self.error(
                        format!(
                            "`Profit(full: {full})` needs a margin above 0 to earn full points"
                        ),
                        span,
                        Some(
                            "write the margin that earns all the points, e.g. `Profit(full: 25)`"
                                .into(),
                        ),
                    );
                }
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

    fn amount(&mut self, field: &str, a: Amount, lo: i32, hi: i32, place: Place) {
        let span = self.span_of_token(place, &format!("{field}:"));
        if a.min() > a.max() {
            self.error(
                format!("`{field}` range {a} has its minimum above its maximum"),
                span,
                Some(format!("write `({}, {})`", a.max(), a.min())),
            );
        } else if a.min() < lo || a.max() > hi {
            self.error(format!("`{field}` {a} is outside {lo}..={hi}"), span, None);
        }
    }

    fn week_rule(&mut self, rule: WeekRule, place: Place) {
        let weeks = self.s.settings.weeks;
        let (lo, hi) = match rule {
            WeekRule::Any => return,
            WeekRule::At(w) | WeekRule::From(w) => (w, w),
            WeekRule::Between(a, b) | WeekRule::Drawn(a, b) => (a, b),
        };
        let span = self.span_of_token(place, "week:");
        if lo > hi {
            self.error(
                format!("week range {lo} to {hi} has its start after its end"),
                span,
                None,
            );
        } else if lo < 1 || hi > weeks {
            self.error(
                format!(
                    "week {} is outside the session's weeks 1 to {weeks}",
                    if lo < 1 { lo } else { hi }
                ),
                span,
                None,
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

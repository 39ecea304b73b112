//! "What if": the same world played again from an earlier week.

use std::ops::RangeInclusive;

use super::Session;
use super::error::SessionError;

impl Session {
    /// A new session of the same scenario and seed, with the decisions made before `week`
    /// replayed, so the player can try again from the start of `week` (1-based). Replaying
    /// draws the same numbers in the same order, so the replayed weeks come out the same.
    /// A `week` past the current one replays every decision; 0 or 1 replays none, except that
    /// 1 replays the grading (made in week 0) of a scenario with `grading`.
    ///
    /// # Errors
    /// The `SessionError` of the first decision that does not replay; the partly replayed
    /// session is dropped. The engine is deterministic, so this only happens through a bug.
    pub fn what_if(&self, week: u32) -> Result<Session, SessionError> {
        let mut again = Session::new(self.scenario.clone(), self.seed);
        for made in self.made.iter().filter(|m| m.week < week) {
            again.apply(&made.decision)?;
        }
        Ok(again)
    }

    /// The session at the start of every week, 1 to the scenario's last: the same sessions
    /// as `what_if(1)`, …, `what_if(weeks)`, from one replay of the decisions instead of one
    /// replay a week.
    ///
    /// # Errors
    /// As `what_if`.
    pub fn what_if_each_week(&self) -> Result<Vec<Session>, SessionError> {
        self.what_if_weeks(1..=self.scenario.settings.weeks)
    }

    /// The session at the start of each week of `weeks` (1-based): the same sessions as
    /// `what_if` of each, from one replay of the decisions; empty for an empty range.
    ///
    /// # Errors
    /// As `what_if`.
    pub fn what_if_weeks(&self, weeks: RangeInclusive<u32>) -> Result<Vec<Session>, SessionError> {
        let (first, last) = (*weeks.start(), *weeks.end());
        let mut starts = Vec::with_capacity(weeks.count());
        let mut again = Session::new(self.scenario.clone(), self.seed);
        let mut made = self.made.iter().peekable();
        for week in first..=last {
            // Decisions are kept in the order made, so by week.
            while let Some(m) = made.next_if(|m| m.week < week) {
                again.take(m.decision.clone())?;
            }
            if week == last {
                starts.push(again);
                break;
            }
            starts.push(again.clone());
        }
        Ok(starts)
    }
}

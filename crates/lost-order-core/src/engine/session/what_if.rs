//! "What if": the same world played again from an earlier week.

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
    /// replay a week (the turning point tries every week).
    ///
    /// # Errors
    /// As `what_if`.
    pub fn what_if_each_week(&self) -> Result<Vec<Session>, SessionError> {
        let weeks = self.scenario.settings.weeks;
        let mut starts = Vec::with_capacity(weeks as usize);
        let mut again = Session::new(self.scenario.clone(), self.seed);
        let mut made = self.made.iter().peekable();
        for week in 1..=weeks {
            // Decisions are kept in the order made, so by week.
            while let Some(m) = made.next_if(|m| m.week < week) {
                again.take(m.decision.clone())?;
            }
            if week == weeks {
                starts.push(again);
                break;
            }
            starts.push(again.clone());
        }
        Ok(starts)
    }
}

//! The debrief's real cause: the turning point, computed by playing the course's moves from
//! each earlier week of the same world (the same seed) and seeing whether the outcome changes.
//!
//! It sits above the engine and the policies (it uses both); `narrate` words what it finds.

mod smallest;

pub use smallest::SmallestChange;

use crate::engine::{Decision, Dice, Phase, Session, SessionError};
use crate::policy::Policy;

/// A what-if can never need more decisions than this; more means a policy is stuck.
const MAX_DECISIONS: usize = 10_000;

/// How many weeks' starts the turning point's search keeps from one replay of the player's
/// decisions: fewer sessions kept than weeks, more replays when the search goes far back.
const STARTS_AT_ONCE: u32 = 4;

/// The policy whose moves stand for "the course's moves": find everyone, learn their criteria,
/// develop a coach, address every role.
pub const COURSE_POLICY: Policy = Policy::FullCoverage;

/// What playing the course's moves from one week on would have given.
#[derive(Clone, Debug)]
pub struct WhatIfRun {
    /// The week (1-based) from whose start the course's moves were played; the player's own
    /// decisions before it were kept.
    pub from_week: u32,
    /// The session played to its end.
    pub session: Session,
}

impl WhatIfRun {
    /// The order was won in this run.
    pub fn won(&self) -> bool {
        self.session.tender().is_some_and(|t| t.won)
    }
}

/// Where a lost session could still have been turned around.
#[derive(Clone, Debug)]
pub struct TurningPoint {
    /// The last week from whose start the course's moves would still have won the order (the
    /// week after it, it was too late); the same as `run.from_week`.
    pub week: u32,
    /// The run from that week: its people, stages and margin say what would have changed.
    pub run: WhatIfRun,
    /// The weeks tried, from the turning point to the last, in order: the week and whether the
    /// order would have been won (the search goes back from the last week and stops at the
    /// first win, so earlier weeks are not played).
    pub tried: Vec<(u32, bool)>,
}

impl Session {
    /// The turning point of a lost session: for each week N, from the last back to the first,
    /// the player's decisions before N are replayed (`what_if`), then the course's moves
    /// ([`COURSE_POLICY`], whose own randomness is fixed by the seed) are played to the end;
    /// the first N (so the latest week) whose run wins is the turning point, and no earlier
    /// week is played. `None` while the tender is not decided, when the order was won, or when
    /// no week's run wins (this world could not be won with the course's moves).
    /// Deterministic; it plays up to `weeks` whole sessions.
    pub fn turning_point(&self) -> Option<TurningPoint> {
        self.turning_point_with(&mut |s: &Session, dice: &mut Dice| COURSE_POLICY.decide(s, dice))
    }

    /// [`Session::turning_point`] with another way of playing from week N on: `play` gives
    /// the next decision, with a generator seeded from the session's seed and N.
    pub fn turning_point_with(
        &self,
        play: &mut dyn FnMut(&Session, &mut Dice) -> Decision,
    ) -> Option<TurningPoint> {
        let t = self.tender()?;
        if t.won {
            return None;
        }
        // From the last week back: the first week that wins is the latest, and the weeks
        // before it need not be played (a class report computes this for every lost record).
        // The week starts come from one replay of the player's decisions for each few weeks
        // tried: most turning points are late, so the earlier starts are seldom needed.
        let mut tried = Vec::new();
        let mut last = self.scenario().settings.weeks;
        while last >= 1 {
            let first = last.saturating_sub(STARTS_AT_ONCE - 1).max(1);
            let mut starts = self.what_if_weeks(first..=last).ok()?;
            while let Some(mut session) = starts.pop() {
                let week = first + starts.len() as u32;
                play_out(&mut session, play).ok()?;
                let run = WhatIfRun {
                    from_week: week,
                    session,
                };
                tried.insert(0, (week, run.won()));
                if run.won() {
                    return Some(TurningPoint { week, run, tried });
                }
            }
            last = first - 1;
        }
        None
    }

    /// `play` from the start of each week, 1 to the last, after the player's decisions before it.
    ///
    /// # Errors
    /// The error of a decision that does not replay, or of a player stuck past 10 000 decisions.
    pub fn what_if_runs(
        &self,
        play: &mut dyn FnMut(&Session, &mut Dice) -> Decision,
    ) -> Result<Vec<WhatIfRun>, SessionError> {
        self.what_if_each_week()?
            .into_iter()
            .zip(1..)
            .map(|(mut session, week)| {
                play_out(&mut session, play)?;
                Ok(WhatIfRun {
                    from_week: week,
                    session,
                })
            })
            .collect()
    }
}

/// Plays until the session ends (a refused decision ends the week instead).
fn play_out(
    session: &mut Session,
    play: &mut dyn FnMut(&Session, &mut Dice) -> Decision,
) -> Result<(), SessionError> {
    let mut dice = Dice::new(session.seed() ^ 0x9E37_79B9_7F4A_7C15 ^ u64::from(session.week()));
    for _ in 0..MAX_DECISIONS {
        if *session.phase() == Phase::Ended {
            return Ok(());
        }
        let decision = play(session, &mut dice);
        if session.take(decision).is_err() {
            session.take(Decision::EndWeek)?;
        }
    }
    Err(SessionError::NeverEnded {
        decisions: MAX_DECISIONS,
    })
}

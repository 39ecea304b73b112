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
    /// Every week tried, in order: the week and whether the order would have been won.
    pub tried: Vec<(u32, bool)>,
}

impl Session {
    /// The turning point of a lost session: for each week N from 1 to the last, the player's
    /// decisions before N are replayed (`what_if`), then the course's moves ([`COURSE_POLICY`],
    /// whose own randomness is fixed by the seed) are played to the end; the latest N whose
    /// run wins is the turning point. `None` while the tender is not decided, when the order
    /// was won, or when no week's run wins (this world could not be won with the course's
    /// moves). Deterministic; it plays up to `weeks` whole sessions.
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
        let runs = self.what_if_runs(play).ok()?;
        let tried: Vec<(u32, bool)> = runs.iter().map(|r| (r.from_week, r.won())).collect();
        let run = runs.into_iter().rev().find(WhatIfRun::won)?;
        Some(TurningPoint {
            week: run.from_week,
            run,
            tried,
        })
    }

    /// `play` from the start of each week, 1 to the last, after the player's decisions before it.
    ///
    /// # Errors
    /// The error of a decision that does not replay, or of a player stuck past 10 000 decisions.
    pub fn what_if_runs(
        &self,
        play: &mut dyn FnMut(&Session, &mut Dice) -> Decision,
    ) -> Result<Vec<WhatIfRun>, SessionError> {
        (1..=self.scenario().settings.weeks)
            .map(|week| {
                let mut session = self.what_if(week)?;
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
        if session.apply(&decision).is_err() {
            session.apply(&Decision::EndWeek)?;
        }
    }
    Err(SessionError::NeverEnded {
        decisions: MAX_DECISIONS,
    })
}

//! Replaying a record against a scenario: exact re-runs, resuming, and checking for divergence.

use std::sync::Arc;

use super::Record;
use crate::engine::Session;
use crate::scenario::Scenario;

/// The first place where a replay differs from its record.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("decision {index} (week {week}): {message}")]
pub struct Divergence {
    /// 1-based number of the decision.
    pub index: usize,
    pub week: u32,
    pub message: String,
}

/// Re-runs every decision of `record` and checks each result (and the outcome) matches.
pub fn replay(scenario: Arc<Scenario>, record: &Record) -> Result<Session, Divergence> {
    let mut session = Session::new(scenario, record.header.seed);
    for (i, made) in record.decisions.iter().enumerate() {
        let diverged = |message: String| Divergence {
            index: i + 1,
            week: made.week,
            message,
        };
        if session.week() != made.week {
            return Err(diverged(format!(
                "the session is in week {}, the record says week {}",
                session.week(),
                made.week
            )));
        }
        session
            .apply(&made.decision)
            .map_err(|e| diverged(e.to_string()))?;
        let now = session.decisions().last().map(|m| m.result.clone());
        if now != Some(made.result.clone()) {
            return Err(diverged(format!(
                "{:?} gave {:?}, the record says {:?}",
                made.decision,
                now.flatten(),
                made.result
            )));
        }
    }
    if let (Some(f), Some(t)) = (&record.finished, session.tender())
        && (f.won != t.won || f.score != t.score.total || f.ending != t.ending)
    {
        return Err(Divergence {
            index: record.decisions.len(),
            week: session.week(),
            message: format!(
                "the outcome is {} / {} / {}, the record says {} / {} / {}",
                t.won, t.ending, t.score.total, f.won, f.ending, f.score
            ),
        });
    }
    Ok(session)
}

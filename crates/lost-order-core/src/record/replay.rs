//! Replaying a record against a scenario: exact re-runs, resuming, and checking for divergence,
//! down to every claim of the `Finished` line.

use std::sync::Arc;

use super::{Finished, Record};
use crate::engine::{Session, TenderResult};
use crate::scenario::Scenario;

/// The first place where a replay differs from its record.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("decision {index} (week {week}): {message}")]
pub struct Divergence {
    /// 1-based number of the decision (for the `Finished` line: the last decision's).
    pub index: usize,
    pub week: u32,
    /// What differs, naming the decision or the claim of the `Finished` line.
    pub message: String,
}

/// Re-runs every decision of `record` and checks each result matches; when the record has a
/// `Finished` line, checks that the decisions reach the tender and that every claim of that
/// line (won, ending, margin, score, each rubric line) is what the replay gives.
///
/// # Errors
/// The first [`Divergence`]: a decision refused or giving another result, a decision made in
/// another week, a `Finished` line the decisions never reach, or a claim of it that differs.
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
        // `take`, not `apply`: the happenings are not needed back.
        session
            .take(made.decision.clone())
            .map_err(|e| diverged(e.to_string()))?;
        let now = session.decisions().last().map(|m| &m.result);
        if now != Some(&made.result) {
            return Err(diverged(format!(
                "{:?} gave {:?}, the record says {:?}",
                made.decision,
                now.cloned().flatten(),
                made.result
            )));
        }
    }
    if let Some(claimed) = &record.finished {
        let at_end = |message: String| Divergence {
            index: record.decisions.len(),
            week: session.week(),
            message,
        };
        let Some(tender) = session.tender() else {
            return Err(at_end(format!(
                "the record's Finished line says the tender was decided ({}, ending {}, score {}), \
                 but its {} decisions end in week {} before the tender",
                if claimed.won { "won" } else { "lost" },
                claimed.ending,
                claimed.score,
                record.decisions.len(),
                session.week()
            )));
        };
        if let Some(claim) = differing_claim(claimed, tender) {
            return Err(at_end(claim));
        }
    }
    Ok(session)
}

/// The first claim of a `Finished` line that differs from the tender the replay reached, in
/// words naming it: `the Finished line claims margin 40; the replay gives 39`.
fn differing_claim(claimed: &Finished, t: &TenderResult) -> Option<String> {
    let says = |claim: &str, record: String, replay: String| {
        Some(format!(
            "the Finished line claims {claim} {record}; the replay gives {replay}"
        ))
    };
    if claimed.won != t.won {
        let word = |won: bool| if won { "won" } else { "lost" }.to_string();
        return says("the order", word(claimed.won), word(t.won));
    }
    if claimed.ending != t.ending {
        return says("ending", claimed.ending.to_string(), t.ending.to_string());
    }
    if claimed.margin != t.margin {
        return says("margin", claimed.margin.to_string(), t.margin.to_string());
    }
    if claimed.score != t.score.total {
        return says(
            "score",
            claimed.score.to_string(),
            t.score.total.to_string(),
        );
    }
    let lines = &t.score.lines;
    for (i, (c, r)) in claimed.rubric.iter().zip(lines).enumerate() {
        if c.id != r.id {
            return says(
                &format!("as rubric line {}", i + 1),
                format!("`{}`", c.id),
                format!("`{}`", r.id),
            );
        }
        if (c.points, c.max) != (r.points, r.max) {
            return says(
                &format!("rubric line `{}`", c.id),
                format!("{} of {}", c.points, c.max),
                format!("{} of {}", r.points, r.max),
            );
        }
    }
    if claimed.rubric.len() != lines.len() {
        return says(
            "rubric lines:",
            claimed.rubric.len().to_string(),
            lines.len().to_string(),
        );
    }
    None
}

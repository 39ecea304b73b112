//! Choice scripts: decisions in order, `try` lines skipped when refused, and `on SCENE` answers
//! given whenever a scene opens, so that one script serves every seed.

mod parse;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use parse::{MAX_SCRIPT_BYTES, ScriptError, ScriptFileError, parse_script, read_script};

use crate::engine::decision::Decision;
use crate::engine::session::{Phase, Session, SessionError};
use crate::scenario::{Id, Scenario};

/// A choice script (docs/scripts.md): its lines in order, as read by [`parse_script`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Script {
    lines: Vec<ScriptLine>,
}

/// One line of a choice script, with its place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptLine {
    /// 1-based line number in the script's text.
    pub number: usize,
    /// What the line asks for.
    pub step: ScriptStep,
}

/// What a line of a choice script asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptStep {
    /// `act`, `end`, `choose`, `bid` or `grade`: taken in its turn; a refusal stops the script.
    Take(Decision),
    /// `try …`: taken in its turn if the session accepts it, else skipped (a person not met
    /// yet under this seed, an action the week's points no longer cover).
    Try(Decision),
    /// `on SCENE choose CHOICE`: the answer to scene SCENE whenever it opens and the next line
    /// is not a `choose`. It holds for the whole script, wherever it is written.
    OnScene { scene: Id, choice: Id },
}

/// Why a script stopped before its last line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScriptStop {
    /// The session refused the decision of line `line` (a `Take` line, or the `on` line that
    /// answered the open scene), in week `week`.
    #[error("line {line} (week {week}): {error}")]
    Refused {
        line: usize,
        week: u32,
        decision: Box<Decision>,
        error: Box<SessionError>,
    },
    /// Line `line` comes after the session ended.
    #[error("line {line} comes after the session ended")]
    AfterEnd { line: usize },
}

impl Script {
    /// A script of plain decisions, one `Take` line each (numbered from 1), as
    /// [`format_script`](crate::engine::format_script) writes them.
    pub fn of(decisions: &[Decision]) -> Script {
        let lines = decisions
            .iter()
            .enumerate()
            .map(|(i, d)| ScriptLine {
                number: i + 1,
                step: ScriptStep::Take(d.clone()),
            })
            .collect();
        Script { lines }
    }

    /// The lines in the order written.
    pub fn lines(&self) -> &[ScriptLine] {
        &self.lines
    }

    /// The decisions of a script that has no `try` and no `on` line, in order; `None` when it
    /// has one, since then the decisions depend on the session (see [`Script::resolve`]).
    pub fn plain_decisions(&self) -> Option<Vec<Decision>> {
        self.lines
            .iter()
            .map(|l| match &l.step {
                ScriptStep::Take(d) => Some(d.clone()),
                _ => None,
            })
            .collect()
    }

    /// Plays the script on `session`: each `Take` line in turn, each `Try` line if the
    /// session accepts it, and an `on` line's choice whenever its scene is open and the next
    /// line is not a `choose`. Stops after the last line, once no `on` line answers the open
    /// scene; whether the session has ended then is the caller's question.
    ///
    /// # Errors
    /// [`ScriptStop::Refused`] for a refused `Take` line or `on` answer (the session is left as
    /// it was before that decision), [`ScriptStop::AfterEnd`] for a line after the session ended.
    pub fn play(&self, session: &mut Session) -> Result<(), ScriptStop> {
        let answers: BTreeMap<&str, (usize, &Id)> = self
            .lines
            .iter()
            .filter_map(|l| match &l.step {
                ScriptStep::OnScene { scene, choice } => Some((scene.as_str(), (l.number, choice))),
                _ => None,
            })
            .collect();
        // The lines taken in turn: (line number, decision, whether it is a `try`).
        let mut turns = self
            .lines
            .iter()
            .filter_map(|l| match &l.step {
                ScriptStep::Take(d) => Some((l.number, d, false)),
                ScriptStep::Try(d) => Some((l.number, d, true)),
                ScriptStep::OnScene { .. } => None,
            })
            .peekable();
        loop {
            if let Phase::Scene(scene) = session.phase() {
                let next_chooses = matches!(turns.peek(), Some((_, Decision::Choose(_), false)));
                if let (false, Some(&(line, choice))) = (next_chooses, answers.get(scene.as_str()))
                {
                    take(session, line, &Decision::Choose(choice.clone()))?;
                    continue;
                }
            }
            let Some((line, decision, is_try)) = turns.next() else {
                return Ok(());
            };
            if *session.phase() == Phase::Ended {
                return Err(ScriptStop::AfterEnd { line });
            }
            if is_try {
                // A refused decision changes nothing, so skipping it is safe.
                drop(session.apply(decision));
            } else {
                take(session, line, decision)?;
            }
        }
    }

    /// The decisions this script makes in a new session of `scenario` with `seed`: what
    /// [`Script::play`] takes, in order (for the window's demo and the terminal's keys, which
    /// need them ahead of time).
    ///
    /// # Errors
    /// As [`Script::play`].
    pub fn resolve(&self, scenario: Arc<Scenario>, seed: u64) -> Result<Vec<Decision>, ScriptStop> {
        let mut session = Session::new(scenario, seed);
        self.play(&mut session)?;
        Ok(session
            .decisions()
            .iter()
            .map(|m| m.decision.clone())
            .collect())
    }
}

/// Applies the decision of script line `line`, or says why the session refused it.
fn take(session: &mut Session, line: usize, decision: &Decision) -> Result<(), ScriptStop> {
    session
        .apply(decision)
        .map(drop)
        .map_err(|error| ScriptStop::Refused {
            line,
            week: session.week(),
            decision: Box::new(decision.clone()),
            error: Box::new(error),
        })
}

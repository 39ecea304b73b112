//! One session of a class as a report row: a trainee's record replayed, or Liao's path played.

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::engine::{Decision, Made, Session};
use crate::policy::Policy;
use crate::record::{read_record, replay};
use crate::scenario::{BuyingRole, Id, RubricLine, Scenario};
use crate::text::{fill, pick};

/// One trainee's session in the report.
#[derive(Clone, Debug, Serialize)]
pub struct SessionRow {
    /// The record's file name (empty for Liao's path).
    pub file: String,
    /// The trainee's name as typed (Liao's path: `廖总的路径` / `Liao's path`).
    pub player: String,
    pub seed: u64,
    /// When the session started, in seconds since the Unix epoch (0 for Liao's path). Written
    /// out as RFC 3339 by the app (`lost_order_app::class_report`), never as raw seconds.
    #[serde(skip)]
    pub started: u64,
    pub finished: bool,
    pub won: Option<bool>,
    pub ending: Option<Id>,
    /// The ending's title in the report's language (what a reader sees; `ending` is its id).
    pub ending_title: Option<String>,
    pub score: Option<u32>,
    /// Rubric lines at 0 points: the mistakes this trainee made.
    pub mistakes: Vec<Id>,
    /// The same mistakes by name, as failures (`RubricLine::missed_label`): `没有发展教练` / `No coach`.
    pub mistake_labels: Vec<String>,
    /// The buying roles whose true holders were met and supportive at the tender.
    pub covered: Vec<BuyingRole>,
    /// Actions by week, in the report's language.
    pub path: Vec<String>,
    /// For a lost order, where it could still have been won, in the report's language
    /// (`narrate::turning_point`): the last week from which the course's moves would have won.
    pub turning_point: Option<String>,
    #[serde(skip)]
    pub decisions: Vec<Made>,
}

/// Reads the record at `path` and replays it against `scenario`: the trainee's row, with its
/// turning point.
///
/// # Errors
/// Why the record is left out, in `lang`: unreadable, or it does not replay.
pub fn row_of(scenario: &Arc<Scenario>, path: &Path, lang: &str) -> Result<SessionRow, String> {
    let record = read_record(path).map_err(|e| e.to_string())?;
    let session = replay(scenario.clone(), &record).map_err(|d| {
        fill(
            pick(lang, "无法重放：{d}", "does not replay: {d}"),
            &[("d", &d.to_string())],
        )
    })?;
    let mut row = row_from_session(&session, lang);
    row.turning_point = turning_point(&session, lang);
    row.file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    row.player = record.header.player;
    row.started = record.header.started;
    Ok(row)
}

/// Liao's path from `seed` (the course's "what the experienced seller did"), as a row named
/// `廖总的路径` / `Liao's path`; `None` if the policy cannot play the case.
pub fn liao_row(scenario: &Arc<Scenario>, seed: u64, lang: &str) -> Option<SessionRow> {
    let run = crate::simulate::play(scenario.clone(), Policy::Liao, seed).ok()?;
    let mut row = row_from_session(&run.session, lang);
    row.turning_point = turning_point(&run.session, lang);
    row.player = pick(lang, "廖总的路径", "Liao's path").into();
    Some(row)
}

/// Where a lost session could still have been won, in words (`None` when won or unfinished).
/// Plays up to one session per week of the case.
fn turning_point(session: &Session, lang: &str) -> Option<String> {
    let tp = session.turning_point();
    crate::narrate::turning_point(session, tp.as_ref(), lang)
}

/// A row for any session (a trainee's, or Liao's path played by the policy), without file,
/// player, start time or turning point.
pub fn row_from_session(session: &Session, lang: &str) -> SessionRow {
    let sc = session.scenario();
    let t = session.tender();
    let covered = session.covered_roles();
    // The rubric lines at 0 points, in the rubric's order.
    let missed: Vec<&RubricLine> = t
        .map(|t| {
            sc.rubric
                .iter()
                .zip(&t.score.lines)
                .filter(|(_, got)| got.points == 0)
                .map(|(line, _)| line)
                .collect()
        })
        .unwrap_or_default();
    let path = (1..=sc.settings.weeks)
        .map(|week| {
            let acts: Vec<String> = session
                .decisions()
                .iter()
                .filter(|m| m.week == week)
                .filter_map(|m| match &m.decision {
                    Decision::Act { action, target } => {
                        let label = sc
                            .action(action)
                            .map_or(action.as_str(), |a| a.label.get(lang));
                        Some(match target.as_deref() {
                            Some(t) => format!("{label} {}", sc.person_name(t, lang)),
                            None => label.to_string(),
                        })
                    }
                    _ => None,
                })
                .collect();
            acts.join(pick(lang, "；", "; "))
        })
        .collect();
    SessionRow {
        file: String::new(),
        player: String::new(),
        seed: session.seed(),
        started: 0,
        finished: t.is_some(),
        won: t.map(|t| t.won),
        ending: t.map(|t| t.ending.clone()),
        ending_title: t.map(|t| {
            sc.endings
                .iter()
                .find(|e| e.id == t.ending)
                .map_or(t.ending.as_str(), |e| e.title.get(lang))
                .to_string()
        }),
        score: t.map(|t| t.score.total),
        mistakes: missed.iter().map(|l| l.id.clone()).collect(),
        mistake_labels: missed.iter().map(|l| l.missed_label(lang)).collect(),
        covered,
        path,
        turning_point: None,
        decisions: session.decisions().to_vec(),
    }
}

//! The live view of a class: one row per trainee, updated as their lines are taken (the
//! instructor's page reads these rows, never the records, so watching never slows a
//! trainee's request), and a version that tells the page's event stream something changed.

use std::collections::{BTreeMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use super::trainee::Trainee;

/// A trainee with no request for this long is disconnected (a link sends a heartbeat every
/// 10 s while it has nothing to send).
pub const DISCONNECTED_AFTER: Duration = Duration::from_secs(30);

/// A connected trainee with no new line for this long is idle.
pub const IDLE_AFTER: Duration = Duration::from_secs(120);

/// What the instructor's page shows: the class and each trainee, as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassView {
    /// The scenario's id.
    pub scenario: String,
    /// The class seed.
    pub seed: u64,
    /// The code a new trainee joins with (the view is the instructor's only).
    #[serde(default)]
    pub code: String,
    /// Whether the class is locked: no new trainee joins.
    #[serde(default)]
    pub locked: bool,
    /// Trainees who joined.
    pub joined: usize,
    /// Trainees whose tender is decided.
    pub finished: usize,
    /// Trainees who won the order.
    pub won: usize,
    /// The mean score (points of 100) of the finished sessions; `None` before the first.
    pub mean_score: Option<f64>,
    /// A row per trainee, by name.
    pub trainees: Vec<TraineeRow>,
}

/// Where a trainee stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Sending, nothing waiting.
    Playing,
    /// Connected, with lines waiting on their side.
    Behind,
    /// Connected, but no new line for [`IDLE_AFTER`].
    Idle,
    /// No request for [`DISCONNECTED_AFTER`].
    Disconnected,
    /// The tender is decided.
    Finished,
}

/// One trainee's row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraineeRow {
    /// The name or roster label they joined with.
    pub name: String,
    /// Where they stand.
    pub standing: Standing,
    /// The week (0 while grading the accounts).
    pub week: u32,
    /// Decisions taken so far.
    pub decisions: usize,
    /// Lines waiting on the trainee's side, as their last request said.
    pub unsent: usize,
    /// Seconds since the server last acknowledged a request of theirs.
    pub seen_seconds_ago: u64,
    /// Whether they won the order, once finished.
    pub won: Option<bool>,
    /// Points of 100, once finished.
    pub score: Option<u32>,
    /// The ending's id, once finished.
    pub ending: Option<String>,
    /// The ending's title in each of the scenario's languages, once finished.
    pub ending_titles: Vec<String>,
}

#[derive(Debug)]
struct Row {
    name: String,
    seen: Instant,
    changed: Instant,
    week: u32,
    decisions: usize,
    unsent: usize,
    outcome: Option<Outcome>,
}

/// A finished session's outcome, as the view shows it.
#[derive(Debug)]
struct Outcome {
    won: bool,
    score: u32,
    ending: String,
    titles: Vec<String>,
}

/// The rows, and the version the event streams watch.
#[derive(Debug)]
pub(crate) struct View {
    scenario: String,
    seed: u64,
    rows: Mutex<BTreeMap<String, Row>>,
    /// The session ids of the trainees whose session moved since the class charts last
    /// counted them.
    to_chart: Mutex<HashSet<String>>,
    version: watch::Sender<u64>,
}

impl View {
    pub fn new(scenario: String, seed: u64) -> View {
        View {
            scenario,
            seed,
            rows: Mutex::new(BTreeMap::new()),
            to_chart: Mutex::new(HashSet::new()),
            version: watch::channel(0).0,
        }
    }

    /// The trainee as they stand now; `unsent` as their last request said, `new_lines`
    /// when it brought lines.
    pub fn update(&self, t: &Trainee, unsent: usize, new_lines: bool) {
        let now = Instant::now();
        let outcome = t.session.tender().map(|r| {
            let scenario = t.session.scenario();
            let mut titles: Vec<String> = scenario
                .endings
                .iter()
                .find(|e| e.id == r.ending)
                .map(|e| {
                    scenario
                        .meta
                        .languages
                        .iter()
                        .map(|l| e.title.get(l).to_string())
                        .collect()
                })
                .unwrap_or_default();
            titles.dedup();
            Outcome {
                won: r.won,
                score: r.score.total,
                ending: r.ending.to_string(),
                titles,
            }
        });
        let mut rows = self.rows.lock().unwrap_or_else(|e| e.into_inner());
        let row = rows.entry(t.id.clone()).or_insert_with(|| Row {
            name: t.name.clone(),
            seen: now,
            changed: now,
            week: 0,
            decisions: 0,
            unsent: 0,
            outcome: None,
        });
        row.seen = now;
        if new_lines {
            row.changed = now;
        }
        row.week = t.session.week();
        row.decisions = t.session.decisions().len();
        row.unsent = unsent;
        row.outcome = outcome;
        drop(rows);
        self.to_chart
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(t.id.clone());
        self.touch();
    }

    /// Tells the event streams something changed (the code or the lock).
    pub fn touch(&self) {
        self.version.send_modify(|v| *v += 1);
    }

    /// The session ids of the trainees whose session moved since the last call (each once).
    pub fn take_to_chart(&self) -> HashSet<String> {
        std::mem::take(&mut *self.to_chart.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// A receiver told of every change.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.version.subscribe()
    }

    /// The class as it stands, rows by name, with its `code` and whether it is `locked`.
    pub fn snapshot(&self, code: String, locked: bool) -> ClassView {
        let now = Instant::now();
        let rows = self.rows.lock().unwrap_or_else(|e| e.into_inner());
        let mut trainees: Vec<TraineeRow> = rows
            .values()
            .map(|r| {
                let seen = now.duration_since(r.seen);
                let standing = if r.outcome.is_some() {
                    Standing::Finished
                } else if seen > DISCONNECTED_AFTER {
                    Standing::Disconnected
                } else if r.unsent > 0 {
                    Standing::Behind
                } else if now.duration_since(r.changed) > IDLE_AFTER {
                    Standing::Idle
                } else {
                    Standing::Playing
                };
                TraineeRow {
                    name: r.name.clone(),
                    standing,
                    week: r.week,
                    decisions: r.decisions,
                    unsent: r.unsent,
                    seen_seconds_ago: seen.as_secs(),
                    won: r.outcome.as_ref().map(|o| o.won),
                    score: r.outcome.as_ref().map(|o| o.score),
                    ending: r.outcome.as_ref().map(|o| o.ending.clone()),
                    ending_titles: r
                        .outcome
                        .as_ref()
                        .map(|o| o.titles.clone())
                        .unwrap_or_default(),
                }
            })
            .collect();
        drop(rows);
        trainees.sort_by(|a, b| a.name.cmp(&b.name));
        let scores: Vec<u32> = trainees.iter().filter_map(|t| t.score).collect();
        ClassView {
            scenario: self.scenario.clone(),
            seed: self.seed,
            code,
            locked,
            joined: trainees.len(),
            finished: scores.len(),
            won: trainees.iter().filter(|t| t.won == Some(true)).count(),
            mean_score: (!scores.is_empty())
                .then(|| scores.iter().map(|&s| f64::from(s)).sum::<f64>() / scores.len() as f64),
            trainees,
        }
    }
}

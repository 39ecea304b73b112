//! The live view of a class: one row per trainee, updated as their lines are taken (the
//! instructor's page reads these rows, never the records, so watching never slows a
//! trainee's request), and a version that tells the page's event stream something changed.

use std::collections::{BTreeMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

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
    /// The class seed, written in JSON as a string of its digits (a JavaScript number holds
    /// integers exactly only up to 2^53, and a seed goes to 2^64 − 1); read from a string or a
    /// number (see [`seed_text`]).
    #[serde(with = "seed_text")]
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
    /// The last acknowledgement.
    seen: Moment,
    /// The last new line.
    changed: Moment,
    week: u32,
    decisions: usize,
    unsent: usize,
    outcome: Option<Outcome>,
}

/// A moment in the past: an instant of this process, and how long before it the moment was
/// (zero for what the server saw itself; the age of a record file found again at start, which
/// may be older than the system's monotonic clock reaches back).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Moment {
    at: Instant,
    before: Duration,
}

impl Moment {
    /// Now.
    pub fn now() -> Moment {
        Moment::ago(Duration::ZERO)
    }

    /// `age` before now.
    pub fn ago(age: Duration) -> Moment {
        Moment {
            at: Instant::now(),
            before: age,
        }
    }

    /// The moment of `time` by the system clock (a file's modification time: the last line
    /// appended to a record); now when there is no time (it could not be read) or it is in
    /// the future.
    pub fn of(time: Option<SystemTime>) -> Moment {
        let age = time
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .unwrap_or(Duration::ZERO);
        Moment::ago(age)
    }

    /// How long ago the moment was, at `now`.
    fn elapsed(&self, now: Instant) -> Duration {
        now.saturating_duration_since(self.at) + self.before
    }
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
        self.update_at(t, unsent, new_lines, Moment::now());
    }

    /// A trainee found again in the class folder at start: last acknowledged, and last
    /// changed, at `last_line` (when their record was last appended to).
    pub fn found_again(&self, t: &Trainee, last_line: Moment) {
        self.update_at(t, 0, true, last_line);
    }

    fn update_at(&self, t: &Trainee, unsent: usize, new_lines: bool, now: Moment) {
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
                let seen = r.seen.elapsed(now);
                let standing = if r.outcome.is_some() {
                    Standing::Finished
                } else if seen > DISCONNECTED_AFTER {
                    Standing::Disconnected
                } else if r.unsent > 0 {
                    Standing::Behind
                } else if r.changed.elapsed(now) > IDLE_AFTER {
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

/// The seed as the live view's JSON holds it: a string of decimal digits, read back from a
/// string or (as views before it wrote) a number.
pub(crate) mod seed_text {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `seed` as a string of its digits.
    pub fn serialize<S: Serializer>(seed: &u64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(seed)
    }

    /// Reads a seed from a string of digits or from a number.
    ///
    /// # Errors
    /// Neither, or a string that is not a u64 in decimal.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Seed {
            Number(u64),
            Text(String),
        }
        match Seed::deserialize(deserializer)? {
            Seed::Number(n) => Ok(n),
            Seed::Text(t) => t.parse().map_err(|_| {
                serde::de::Error::custom(format!(
                    "a seed is a number of up to 20 digits, not `{t}`"
                ))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(seed: u64) -> ClassView {
        View::new("lost_order".into(), seed).snapshot("K7QX3M".into(), false)
    }

    #[test]
    fn the_seed_is_written_as_its_digits_and_read_from_digits_or_a_number() {
        let seed = 11_010_532_022_927_582_682;
        let json = serde_json::to_string(&view(seed)).unwrap();
        assert!(json.contains(r#""seed":"11010532022927582682""#), "{json}");
        assert_eq!(serde_json::from_str::<ClassView>(&json).unwrap().seed, seed);
        let number = json.replace(r#""11010532022927582682""#, "11010532022927582682");
        assert_eq!(
            serde_json::from_str::<ClassView>(&number).unwrap().seed,
            seed
        );
        let max = serde_json::to_string(&view(u64::MAX)).unwrap();
        assert_eq!(
            serde_json::from_str::<ClassView>(&max).unwrap().seed,
            u64::MAX
        );
        let bad = json.replace("11010532022927582682", "-1");
        assert!(serde_json::from_str::<ClassView>(&bad).is_err());
    }

    #[test]
    fn a_moment_found_again_is_as_old_as_it_was_plus_the_time_since() {
        let old = Moment::ago(Duration::from_secs(600));
        let age = old.elapsed(Instant::now() + Duration::from_secs(5));
        assert!(
            age >= Duration::from_secs(605) && age < Duration::from_secs(606),
            "{age:?}"
        );
        assert!(Moment::now().elapsed(Instant::now()) < Duration::from_secs(1));
        let future = SystemTime::now() + Duration::from_secs(3600);
        for unknown in [None, Some(future)] {
            let age = Moment::of(unknown).elapsed(Instant::now());
            assert!(age < Duration::from_secs(1), "{unknown:?}: {age:?}");
        }
        let then = SystemTime::now() - Duration::from_secs(600);
        let age = Moment::of(Some(then)).elapsed(Instant::now());
        assert_eq!(age.as_secs(), 600);
    }
}

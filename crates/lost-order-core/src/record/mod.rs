//! Session records: an append-only journal of one trainee's session, one RON value per line,
//! flushed after every decision, so that a crash loses nothing and a class can be debriefed.
//!
//! ```text
//! (format: 1, scenario: "lost_order", scenario_version: "1.0.0", scenario_hash: "…", seed: 11, player: "Wang Fang", started: 1764300000)
//! Decision((week: 1, decision: Choose("ask_who"), result: None))
//! Decision((week: 1, decision: Act(action: "visit", target: Some("liu")), result: Some("warm")))
//! Finished((won: true, ending: "won_on_value", margin: 39, score: 74, rubric: [(id: "outcome", points: 25, max: 30), …]))
//! ```

mod read;
mod replay;
mod write;

use serde::{Deserialize, Serialize};

pub use read::{MAX_RECORD_BYTES, Record, RecordError, parse_record, read_record};
pub use replay::{Divergence, replay};
pub use write::{RecordWriter, file_name};

use crate::engine::{LineScore, Made, TenderResult};
use crate::scenario::{Id, Scenario};

/// The version of the record format this build writes and reads.
pub const RECORD_FORMAT: u32 = 1;

/// The first line of a record: what was played, by whom, in which world.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The record format, `RECORD_FORMAT` when written by this build.
    pub format: u32,
    /// The scenario's id (`meta.id`).
    pub scenario: Id,
    /// The scenario's version (`meta.version`).
    pub scenario_version: String,
    /// BLAKE3 of the scenario file; a different hash means the case was edited since.
    pub scenario_hash: String,
    /// The session's seed.
    pub seed: u64,
    /// The trainee's name as typed; may be empty.
    pub player: String,
    /// Seconds since the Unix epoch.
    pub started: u64,
}

impl Header {
    /// The header of a new record of `scenario` (its id, version and hash) played from `seed`
    /// by `player`, started at `started` (seconds since the Unix epoch), in `RECORD_FORMAT`.
    pub fn new(scenario: &Scenario, seed: u64, player: &str, started: u64) -> Header {
        Header {
            format: RECORD_FORMAT,
            scenario: scenario.meta.id.clone(),
            scenario_version: scenario.meta.version.clone(),
            scenario_hash: scenario.hash.clone(),
            seed,
            player: player.to_string(),
            started,
        }
    }
}

/// The outcome, written once the tender is decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finished {
    pub won: bool,
    pub ending: Id,
    pub margin: i32,
    pub score: u32,
    pub rubric: Vec<LineScore>,
}

impl Finished {
    /// The `Finished` line of a session whose tender is decided: what the record says of it.
    pub fn of(tender: &TenderResult) -> Finished {
        Finished {
            won: tender.won,
            ending: tender.ending.clone(),
            margin: tender.margin,
            score: tender.score.total,
            rubric: tender.score.lines.clone(),
        }
    }
}

/// Every line after the header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    Decision(Made),
    Finished(Finished),
}

//! The class protocol on the wire: JSON bodies over HTTP/1.1, their paths, and the refusals.
//!
//! ```text
//! POST /class/join                      JoinRequest  -> 200 Joined
//! POST /class/sessions/{id}/lines       Lines        -> 200 Acknowledged
//! GET  /class/sessions/{id}/record      X-Class-Code, X-Device headers -> 200 the record's text
//! GET  /class/view?token=T              the live view, a self-contained page
//! GET  /class/view/events?token=T       the live view's server-sent events (ClassView JSON,
//!                                       and `charts` events: LiveCharts JSON)
//! GET  /class/report/{file}?token=T[&lang=L]  the class report (index.html, summary.json,
//!                                       sessions.csv, decisions.csv), written from DIR
//! POST /class/view/lock                 LockRequest   -> 200 Gate (the instructor's `l`)
//! POST /class/view/code                 CodeRequest   -> 200 Gate (the instructor's `c`)
//! any refusal                           -> 4xx/5xx Refusal
//! ```

use serde::{Deserialize, Serialize};

/// The path a trainee joins by (POST only: a bare GET, a link preview, joins nobody).
pub const JOIN_PATH: &str = "/class/join";

/// The live view's page, for the instructor (`?token=`).
pub const VIEW_PATH: &str = "/class/view";

/// The live view's server-sent events (`?token=`): the class view (`server::ClassView`) in JSON
/// at each change, at most four a second, at least one a second; and, as events named
/// `charts`, the class charts (`server::LiveCharts` in JSON) each time they are drawn anew.
pub const EVENTS_PATH: &str = "/class/view/events";

/// Where the live view locks or unlocks the class (POST, with the instructor's token).
pub const LOCK_PATH: &str = "/class/view/lock";

/// Where the live view gives the class a new code (POST, with the instructor's token).
pub const CODE_PATH: &str = "/class/view/code";

/// The header carrying the class code on a GET.
pub const CODE_HEADER: &str = "x-class-code";

/// The header carrying the trainee's device token on a GET.
pub const DEVICE_HEADER: &str = "x-device";

/// The path a trainee posts record lines to.
pub fn lines_path(session: &str) -> String {
    format!("/class/sessions/{session}/lines")
}

/// The path a trainee reads the server's copy of their record from.
pub fn record_path(session: &str) -> String {
    format!("/class/sessions/{session}/record")
}

/// A trainee asking to join the class, or to resume their session in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequest {
    /// The class code the instructor gave.
    pub code: String,
    /// The player's name or roster label, as typed (spaces around it are dropped).
    pub name: String,
    /// A token the device made once and keeps (its settings): with the name, it tells a
    /// trainee coming back from a new one using the same name.
    pub device: String,
}

/// The scenario of a class: its file's name and its whole text, so that a trainee can check
/// it against its own copy (same BLAKE3 hash) or load it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioSource {
    /// The file name, e.g. `lost_order.ron` (what messages about it name).
    pub file: String,
    /// The file's text.
    pub source: String,
}

/// What a trainee gets on joining.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Joined {
    /// The trainee's session in this class: the path segment their lines are posted to.
    pub session: String,
    /// The scenario's id (`meta.id`).
    pub scenario_id: String,
    /// BLAKE3 of the scenario file, as record headers carry it.
    pub scenario_hash: String,
    /// The scenario's file, to check or load.
    pub scenario: ScenarioSource,
    /// The class seed: every trainee plays the same world.
    pub seed: u64,
    /// How many record lines (after the header) the server already holds for this trainee:
    /// 0 for a new session; a trainee resuming sends from there.
    pub lines: usize,
}

impl Joined {
    /// The class's scenario, loaded from the source handed over and checked against the hash
    /// the server announced.
    ///
    /// # Errors
    /// The checker's report when it does not load; a message when its hash is not the one
    /// announced.
    pub fn load_scenario(&self) -> Result<lost_order_core::scenario::Scenario, String> {
        let s = &self.scenario;
        let checked = lost_order_core::load::check_source(&s.file, &s.source);
        let problems = checked.render();
        let scenario = checked
            .into_scenario()
            .map_err(|_| format!("the class's scenario does not load:\n{problems}"))?;
        if scenario.hash != self.scenario_hash {
            return Err(format!(
                "the class's scenario has hash {}, the server announced {}",
                scenario.hash, self.scenario_hash
            ));
        }
        Ok(scenario)
    }
}

/// Record lines sent by a trainee: the lines of their local record after its header, the
/// first being line number `from` (0-based, counting lines after the header).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lines {
    /// The class code.
    pub code: String,
    /// The device token the session joined with.
    pub device: String,
    /// The index of the first line sent.
    pub from: usize,
    /// Each a record entry exactly as a record file holds it (`Decision((…))`, `Finished((…))`).
    pub lines: Vec<String>,
    /// How many more lines wait on the trainee's side after these (for the live view).
    #[serde(default)]
    pub unsent: usize,
}

/// The server's answer to lines it took: how many lines it now holds for the trainee, every
/// one of them appended to the record in the class folder and synced to the disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledged {
    /// Lines held after the header.
    pub lines: usize,
}

/// The instructor locking the class (no new trainee joins) or unlocking it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRequest {
    /// The instructor's token.
    pub token: String,
    /// Locked or not, whatever it was (two pages clicking at once agree).
    pub locked: bool,
}

/// The instructor asking for a new class code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeRequest {
    /// The instructor's token.
    pub token: String,
}

/// The class's door after the instructor's change: the code a new trainee joins with, and
/// whether the class is locked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gate {
    /// The code a new trainee joins with.
    pub code: String,
    /// Whether no new trainee joins.
    pub locked: bool,
}

/// Why the server refused a request, a stable word a front end can put in its own language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The class code is not this class's (403).
    WrongCode,
    /// The live view was asked for without the instructor's token (403).
    NotInstructor,
    /// The name is empty, too long or has characters a name cannot have (400).
    BadName,
    /// The name is playing on another device (409).
    NameTaken,
    /// No session with this id in the class (404).
    UnknownSession,
    /// No such report file (404).
    NoSuchFile,
    /// The device token is not the one that joined as this session (403).
    WrongDevice,
    /// The first line sent is past the lines the server holds (409; `expected` says where to
    /// start).
    OutOfOrder,
    /// A line resent differs from the one acknowledged at its index (409).
    Differs,
    /// A line is not a record entry, or the body is not the request (400).
    Malformed,
    /// A line does not replay against the class's scenario (422): a tampered or impossible
    /// decision.
    Impossible,
    /// The session would pass the longest record the server keeps (413).
    TooLong,
    /// The request body is larger than the server takes (413).
    TooLarge,
    /// The trainee sends faster than the server takes (429).
    TooFast,
    /// The class has as many trainees as the server takes (503).
    ClassFull,
    /// The instructor gave a roster and the name is not on it (403).
    NotOnRoster,
    /// The instructor locked the class: no new trainee joins (403).
    Locked,
    /// The server could not write the record (500).
    Disk,
}

/// A refusal as sent: the reason, in words (English), and where it applies, the index the
/// server expects next and how many lines it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    /// Why, as a stable word.
    pub reason: Reason,
    /// Why, in English words, with the line's index when it is about a line.
    pub message: String,
    /// For `OutOfOrder`: the index of the next line the server takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<usize>,
    /// For refusals of lines: how many lines the server holds (some of a batch may have been
    /// taken before the refused one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<usize>,
}

impl Refusal {
    /// A refusal with only a reason and its words.
    pub fn new(reason: Reason, message: impl Into<String>) -> Refusal {
        Refusal {
            reason,
            message: message.into(),
            expected: None,
            acknowledged: None,
        }
    }

    /// The HTTP status the refusal is sent with.
    pub fn status(&self) -> u16 {
        match self.reason {
            Reason::WrongCode
            | Reason::WrongDevice
            | Reason::NotInstructor
            | Reason::NotOnRoster
            | Reason::Locked => 403,
            Reason::BadName | Reason::Malformed => 400,
            Reason::NameTaken | Reason::OutOfOrder | Reason::Differs => 409,
            Reason::UnknownSession | Reason::NoSuchFile => 404,
            Reason::Impossible => 422,
            Reason::TooLong | Reason::TooLarge => 413,
            Reason::TooFast => 429,
            Reason::ClassFull => 503,
            Reason::Disk => 500,
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.status())
    }
}

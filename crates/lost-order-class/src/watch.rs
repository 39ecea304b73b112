//! The instructor's watch on a class from another program (the game's Instructor view): the
//! live view's server-sent events read on a thread of its own, the latest class view and class
//! charts kept for the front end to look at whenever it likes, so that watching never blocks
//! it; and the class's door (lock, new code) for the same instructor.

use std::io::{BufRead, BufReader};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::link::Failure;
use crate::protocol::{
    CODE_PATH, CodeRequest, EVENTS_PATH, Gate, LOCK_PATH, LockRequest, Reason, Refusal,
};
use crate::server::{ClassView, LiveCharts};

/// How long connecting may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// The longest silence on the event stream before the server is taken for gone (it sends an
/// event at least once a second).
const READ_TIMEOUT: Duration = Duration::from_secs(5);

/// The wait before connecting again after the server was not reached.
const RETRY: Duration = Duration::from_secs(1);

/// How the watch stands with the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WatchStatus {
    /// Connecting, no event yet.
    Connecting,
    /// Events arrive.
    Live,
    /// The server was not reached, or the stream broke: the watch tries again every second;
    /// the error as the network said it.
    Unreachable(String),
    /// The server refused (a wrong instructor token is [`Reason::NotInstructor`]); the watch
    /// has stopped.
    Refused(Refusal),
}

/// What the watch has seen: the last class view and charts, how it stands, and a count of
/// the events taken (it grows at each new view or charts, to tell a change cheaply).
#[derive(Clone, Debug, PartialEq)]
pub struct Watched {
    /// The class as the last event showed it; kept while the server is not reached.
    pub view: Option<ClassView>,
    /// The class charts as last drawn (at most once a second); kept while the server is not
    /// reached.
    pub charts: Option<LiveCharts>,
    /// How the watch stands.
    pub status: WatchStatus,
    /// Events taken so far.
    pub events: u64,
}

/// The instructor's watch on the class at a server: see the module's documentation. Dropping
/// it stops its thread (after the event in progress, within a second or so).
#[derive(Debug)]
pub struct ClassWatch {
    shared: Arc<Shared>,
    door: Door,
}

/// The class's door, for the instructor: lock or unlock it, give a new code (the live view's
/// buttons, the server's `l` and `c`). Each call is one blocking request (at most a few
/// seconds): call it off a window's thread.
#[derive(Clone, Debug)]
pub struct Door {
    url: String,
    token: String,
}

#[derive(Debug)]
struct Shared {
    watched: Mutex<Watched>,
    stop: AtomicBool,
}

impl ClassWatch {
    /// Starts watching the class at `url` (`http://ADDR:PORT`) with the instructor's `token`,
    /// on a thread of its own; [`ClassWatch::watched`] says how it goes.
    ///
    /// # Errors
    /// Only when the thread cannot be started.
    pub fn open(url: &str, token: &str) -> std::io::Result<ClassWatch> {
        let shared = Arc::new(Shared {
            watched: Mutex::new(Watched {
                view: None,
                charts: None,
                status: WatchStatus::Connecting,
                events: 0,
            }),
            stop: AtomicBool::new(false),
        });
        let door = Door {
            url: url.trim().trim_end_matches('/').to_string(),
            token: token.trim().to_string(),
        };
        let events = format!("{}{EVENTS_PATH}", door.url);
        let token = door.token.clone();
        let thread = shared.clone();
        std::thread::Builder::new()
            .name("class-watch".into())
            .spawn(move || watch(&thread, &events, &token))?;
        Ok(ClassWatch { shared, door })
    }

    /// What the watch has seen so far.
    pub fn watched(&self) -> Watched {
        lock(&self.shared).clone()
    }

    /// The door of the class watched.
    pub fn door(&self) -> Door {
        self.door.clone()
    }
}

impl Door {
    /// Locks the class (no new trainee joins; those in it go on) or unlocks it.
    ///
    /// # Errors
    /// [`Failure::Network`] when the server is not reached; [`Failure::Refused`] with
    /// [`Reason::NotInstructor`] for a wrong token.
    pub fn set_locked(&self, locked: bool) -> Result<Gate, Failure> {
        self.post(
            LOCK_PATH,
            &LockRequest {
                token: self.token.clone(),
                locked,
            },
        )
    }

    /// Gives the class a new code: trainees in it go on, a newcomer needs the new one.
    ///
    /// # Errors
    /// As [`Door::set_locked`].
    pub fn new_code(&self) -> Result<Gate, Failure> {
        self.post(
            CODE_PATH,
            &CodeRequest {
                token: self.token.clone(),
            },
        )
    }

    fn post<B: serde::Serialize>(&self, path: &str, body: &B) -> Result<Gate, Failure> {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_global(Some(READ_TIMEOUT))
            .build();
        let agent: ureq::Agent = config.into();
        let json = serde_json::to_string(body).map_err(|e| Failure::Network(e.to_string()))?;
        let mut response = agent
            .post(&format!("{}{path}", self.url))
            .header("content-type", "application/json")
            .send(json.as_str())
            .map_err(|e| Failure::Network(e.to_string()))?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .read_to_string()
            .map_err(|e| Failure::Network(e.to_string()))?;
        if status != 200 {
            return Err(Failure::Refused(crate::link::refusal(status, &text)));
        }
        serde_json::from_str(&text).map_err(|e| {
            Failure::Refused(Refusal::new(
                Reason::Malformed,
                format!("the server's answer is not of the class protocol: {e}"),
            ))
        })
    }
}

impl Drop for ClassWatch {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, Watched> {
    shared.watched.lock().unwrap_or_else(|e| e.into_inner())
}

fn stopped(shared: &Shared) -> bool {
    shared.stop.load(Ordering::Relaxed)
}

/// The watch's thread: reads the event stream, connecting again while the server is not
/// reached, until stopped or refused.
fn watch(shared: &Shared, events: &str, token: &str) {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_per_read(Some(READ_TIMEOUT))
        .build();
    let agent: ureq::Agent = config.into();
    while !stopped(shared) {
        let broke = match agent.get(events).query("token", token).call() {
            Err(e) => e.to_string(),
            Ok(response) if response.status().as_u16() == 200 => {
                match read_events(shared, response.into_body()) {
                    Some(error) => error,
                    None => return,
                }
            }
            Ok(mut response) => {
                let status = response.status().as_u16();
                let text = response.body_mut().read_to_string().unwrap_or_default();
                lock(shared).status = WatchStatus::Refused(crate::link::refusal(status, &text));
                return;
            }
        };
        lock(shared).status = WatchStatus::Unreachable(broke);
        std::thread::sleep(RETRY);
    }
}

/// Takes each event's class view or charts until the stream breaks (its error) or the watch
/// is stopped (`None`).
fn read_events(shared: &Shared, body: ureq::Body) -> Option<String> {
    let reader = BufReader::new(body.into_reader());
    // The event's name: unnamed events carry the class view, `charts` the charts; others are
    // passed over. A blank line ends an event.
    let mut name = String::new();
    for line in reader.lines() {
        if stopped(shared) {
            return None;
        }
        let line = match line {
            Ok(l) => l,
            Err(e) => return Some(e.to_string()),
        };
        if line.is_empty() {
            name.clear();
            continue;
        }
        if let Some(n) = line.strip_prefix("event:") {
            name = n.trim().to_string();
            continue;
        }
        let Some(data) = line.strip_prefix("data:").map(str::trim) else {
            continue;
        };
        let taken = match name.as_str() {
            "" | "message" => serde_json::from_str::<ClassView>(data).map(|view| {
                let mut w = lock(shared);
                w.view = Some(view);
                w.status = WatchStatus::Live;
                w.events += 1;
            }),
            "charts" => serde_json::from_str::<LiveCharts>(data).map(|charts| {
                let mut w = lock(shared);
                w.charts = Some(charts);
                w.events += 1;
            }),
            _ => Ok(()),
        };
        if let Err(e) = taken {
            lock(shared).status = WatchStatus::Refused(Refusal::new(
                Reason::Malformed,
                format!("the server's live view is not of the class protocol: {e}"),
            ));
            return None;
        }
    }
    Some("the server closed the live view's stream".to_string())
}

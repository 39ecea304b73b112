//! The class server: `serve` opens a class in a folder and answers trainees over HTTP until
//! it is stopped.

mod bind;
mod charts;
mod class;
mod register;
mod report;
mod routes;
mod trainee;
mod view;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lost_order_core::load::check_source;

pub use bind::{DEFAULT_PORT, default_bind};
pub use charts::LiveCharts;
pub use class::{MAX_DEVICE_BYTES, MAX_NAME_CHARS};
pub use register::REGISTER_FILE;
pub use report::{REPORT_DIR, REPORT_FILES};
pub use view::{ClassView, DISCONNECTED_AFTER, IDLE_AFTER, Standing, TraineeRow};

use crate::protocol::ScenarioSource;

/// What the server takes, per request and per trainee.
#[derive(Clone, Debug, PartialEq)]
pub struct Limits {
    /// The largest request body, in bytes (64 KiB by default).
    pub max_body_bytes: usize,
    /// The most lines a session's record holds after its header (2 000 by default; a
    /// flagship session writes about 60).
    pub max_lines: usize,
    /// The most trainees a class holds (2 000 by default).
    pub max_trainees: usize,
    /// Posts a trainee may make a second, on average (20 by default).
    pub posts_per_second: f64,
    /// Posts a trainee may make at once before the average applies (200 by default).
    pub burst: f64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_body_bytes: 64 * 1024,
            max_lines: 2000,
            max_trainees: 2000,
            posts_per_second: 20.0,
            burst: 200.0,
        }
    }
}

/// How to run a class.
#[derive(Clone, Debug)]
pub struct ClassOptions {
    /// The class folder: every trainee's record, and the register (`class.jsonl`).
    pub dir: PathBuf,
    /// Where to listen; [`default_bind`] gives the LAN address.
    pub bind: SocketAddr,
    /// The scenario every trainee plays.
    pub scenario: ScenarioSource,
    /// The class seed; a fresh one when `None` (or the one a class already in `dir` has).
    pub seed: Option<u64>,
    /// The class code; a fresh one when `None` (or the one a class already in `dir` has).
    pub code: Option<String>,
    /// The only names that may join (the instructor's roster, see [`roster_labels`]); anyone
    /// when `None`.
    pub roster: Option<Vec<String>>,
    /// What the server takes, per request and per trainee.
    pub limits: Limits,
}

/// Why a class server could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The scenario does not load; the rendered problems.
    #[error("{file}: the scenario does not load:\n{problems}")]
    Scenario {
        /// The scenario's file name.
        file: String,
        /// The checker's report.
        problems: String,
    },
    /// The class folder or its register could not be read or written. Its message names the
    /// folder; the system's error is its source (an error chain prints both).
    #[error("the class folder {path} could not be read or written")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The folder holds a class of another scenario or seed.
    #[error("{dir} holds a class of {found}: give that scenario and seed, or another folder")]
    OtherClass {
        /// The class folder.
        dir: PathBuf,
        /// The class it holds: scenario, hash and seed, in words.
        found: String,
    },
    /// The address could not be listened on. Its message names the address; the system's
    /// error is its source (an error chain prints both).
    #[error("cannot listen on {addr}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The system's error.
        source: std::io::Error,
    },
    /// The class code given is not one trainees can be told: see [`check_code`].
    #[error(
        "`{code}` cannot be a class code: a code is {min} to {max} letters A–Z and digits 0–9 (any case), e.g. K7QX3M",
        min = CODE_CHARS.start(),
        max = CODE_CHARS.end()
    )]
    Code {
        /// The code given.
        code: String,
    },
}

/// How many characters a class code given to [`serve`] may have (a code the server makes
/// has six).
pub const CODE_CHARS: std::ops::RangeInclusive<usize> = 4..=16;

/// Whether `code` may be a class code: [`CODE_CHARS`] ASCII letters and digits (compared
/// without regard to case when trainees join, as the codes the server makes are).
///
/// # Errors
/// [`ServeError::Code`] when it is empty, shorter or longer, or holds any other character
/// (a space, a letter beyond ASCII, `/`).
pub fn check_code(code: &str) -> Result<(), ServeError> {
    let fits = CODE_CHARS.contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric());
    if fits {
        Ok(())
    } else {
        Err(ServeError::Code {
            code: code.to_string(),
        })
    }
}

/// A running class server. Dropping it (or [`ClassServer::stop`]) stops it at once, as a
/// crash would, except that a record line being written is finished first.
#[derive(Debug)]
pub struct ClassServer {
    addr: SocketAddr,
    class: Arc<class::Class>,
    instructor_token: String,
    seed: u64,
    trainees: usize,
    warnings: Vec<String>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Opens the class of `options` in its folder (anew, or again after a stop: every trainee's
/// record is replayed so they resume where the server's record ends) and serves it on its
/// own threads. The code and the address are checked first: a class that cannot start
/// leaves its folder as it was (not made, when it was not there).
///
/// # Errors
/// [`ServeError::Scenario`] when the scenario does not load, [`ServeError::Code`] when the
/// code given is not a class code (see [`check_code`]), [`ServeError::Bind`] when the
/// address cannot be listened on, [`ServeError::Io`] and [`ServeError::OtherClass`] from the
/// folder.
pub fn serve(options: ClassOptions) -> Result<ClassServer, ServeError> {
    let checked = check_source(&options.scenario.file, &options.scenario.source);
    let problems = checked.render();
    let scenario = checked.into_scenario().map_err(|_| ServeError::Scenario {
        file: options.scenario.file.clone(),
        problems,
    })?;
    if let Some(code) = &options.code {
        check_code(code)?;
    }
    let bind_error = |source| ServeError::Bind {
        addr: options.bind,
        source,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("class-server")
        .build()
        .map_err(bind_error)?;
    // Listening before the folder is touched: a port taken leaves no class behind. Trainees
    // who connect while the records replay wait in the backlog.
    let listener = {
        let _entered = runtime.enter();
        listen(options.bind).map_err(bind_error)?
    };
    let addr = listener.local_addr().map_err(bind_error)?;
    let opened = class::Class::open(
        &options.dir,
        Arc::new(scenario),
        options.scenario.clone(),
        options.seed,
        options.code.clone(),
        options.roster.clone(),
        options.limits.clone(),
    )?;
    let class = Arc::new(opened.class);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let app = routes::router(class.clone());
    let thread = std::thread::Builder::new()
        .name("class-server".into())
        .spawn(move || {
            runtime.block_on(async move {
                tokio::select! {
                    _ = axum::serve(listener, app) => {}
                    _ = stopped => {}
                }
            });
            // Dropping the runtime drops every request in flight; a record line being written
            // on a blocking thread is finished first.
            drop(runtime);
        })
        .map_err(bind_error)?;
    Ok(ClassServer {
        addr,
        class: class.clone(),
        instructor_token: class.instructor_token.clone(),
        seed: class.seed,
        trainees: class.trainees(),
        warnings: opened.warnings,
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// Connections the system holds for the server before it accepts them. The standard
/// library's 128 overflowed when a class of 1,000 joined at once: the dropped connections were
/// tried again by the trainees' systems a second later, and p99 of the acknowledgements was
/// 1.07 s (docs/performance.md). The system caps it (`net.core.somaxconn`, 4096 on Linux).
const BACKLOG: u32 = 4096;

/// A listener on `addr` (the address reused at once after a crash, as the standard library
/// does) with a backlog of [`BACKLOG`]. Needs the runtime entered.
fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

impl ClassServer {
    /// The address listened on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The address to give trainees: `http://ADDR:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The class code new trainees join with.
    pub fn code(&self) -> String {
        self.class.code()
    }

    /// Whether the class is locked: no new trainee joins.
    pub fn locked(&self) -> bool {
        self.class.locked()
    }

    /// Locks the class (new trainees are refused with `locked`; those already in go on and
    /// may join again) or unlocks it. The register keeps it across a restart.
    ///
    /// # Errors
    /// Any I/O error of the register; the class is then left as it was.
    pub fn set_locked(&self, locked: bool) -> std::io::Result<()> {
        self.class.set_locked(locked)
    }

    /// Gives the class a fresh code for new trainees and returns it (the code leaked, say);
    /// trainees already in go on with the code they joined with. The register keeps it.
    ///
    /// # Errors
    /// Any I/O error of the register; the code is then left as it was.
    pub fn new_code(&self) -> std::io::Result<String> {
        self.class.new_code()
    }

    /// The live view's class charts, brought up to date first (the report's charts drawn
    /// from counts kept as trainees play).
    pub fn live_charts(&self) -> LiveCharts {
        self.class.charts(std::time::Duration::ZERO)
    }

    /// The class's figures as the live view's charts count them, brought up to date first,
    /// in `lang` (the scenario's first language when it has not that one): the figures the
    /// report over the class folder gives.
    pub fn chart_figures(&self, lang: &str) -> lost_order_core::report::Figures {
        self.class.chart_figures(lang)
    }

    /// The live view as the class stands now.
    pub fn view(&self) -> ClassView {
        self.class.snapshot()
    }

    /// The instructor's token (for the live view).
    pub fn instructor_token(&self) -> &str {
        &self.instructor_token
    }

    /// The class seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// How many trainees the class had when the server started (those found again).
    pub fn trainees_at_start(&self) -> usize {
        self.trainees
    }

    /// What opening the folder passed over: records that no longer replay, a torn register
    /// line.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Stops the server at once: requests in flight are dropped unanswered (a line being
    /// written is finished first), as if the process had been killed.
    pub fn stop(mut self) {
        self.halt();
    }

    /// Serves until the server's thread ends (it ends only on a stop from another thread or
    /// when the process does).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    fn halt(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for ClassServer {
    fn drop(&mut self) {
        self.halt();
    }
}

/// The labels of a roster file's text: one a line, trimmed, blank lines skipped; a byte-order
/// mark and Windows line ends (CRLF) are accepted, as a roster saved from a spreadsheet has
/// them.
///
/// # Errors
/// The first label that is not a name a trainee can join with (empty after trimming is
/// skipped; too long, `/`, `\`, `..`, control characters), with its line number; a roster
/// with no label.
pub fn roster_labels(text: &str) -> Result<Vec<String>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut labels: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let label = line.trim();
        if label.is_empty() {
            continue;
        }
        class::check_name(label).map_err(|r| format!("line {}: {}", i + 1, r.message))?;
        if !labels.iter().any(|l| l == label) {
            labels.push(label.to_string());
        }
    }
    if labels.is_empty() {
        return Err("the roster holds no name".to_string());
    }
    Ok(labels)
}

/// The scenario source of `path` (a file read from disk), or of the shipped case of that file
/// name when no such file exists (`lost_order.ron`).
///
/// # Errors
/// The I/O error of reading an existing file, or `NotFound` when it is neither.
pub fn scenario_source(path: &Path) -> std::io::Result<ScenarioSource> {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if path.exists() {
        return Ok(ScenarioSource {
            file,
            source: std::fs::read_to_string(path)?,
        });
    }
    lost_order_app::catalog::shipped_source(&file)
        .filter(|_| path.parent().is_none_or(|p| p.as_os_str().is_empty()))
        .map(|source| ScenarioSource {
            file: file.clone(),
            source: source.to_string(),
        })
        .ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{}: no such file", path.display()),
            )
        })
}

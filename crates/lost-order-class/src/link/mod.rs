//! A trainee's link to the class server: lines already in the local record are queued and
//! sent in order by a background thread, resent after a lost connection, until the server
//! acknowledges them; the front end shows whether it is connected and how many wait.

mod deliver;
mod device;
mod enrolment;
mod faults;
mod record;
mod rejoin;
mod transport;

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use deliver::{Delivered, deliver, undelivered};
pub use device::{DEVICE_TOKEN_FILE, device_token};
pub use enrolment::{ENROLMENT_SUFFIX, Enrolment, enrolment_path};
pub use faults::Faults;
pub use record::ClassRecord;
pub use rejoin::{Answer, Mismatch, Rejoin, relink};
pub use transport::Failure;
pub(crate) use transport::refusal;

use crate::protocol::{JoinRequest, Joined, Lines, Reason, Refusal};
use transport::Transport;

/// The most lines sent in one request.
pub const MAX_BATCH: usize = 64;

/// The first wait before sending again after a lost connection; it doubles up to
/// [`MAX_BACKOFF`].
const MIN_BACKOFF: Duration = Duration::from_millis(25);

/// How often a link with nothing to send tells the server it is still there (an empty post),
/// so the live view tells a trainee thinking from one whose laptop is gone.
pub const HEARTBEAT: Duration = Duration::from_secs(10);

/// The longest wait before sending again after a lost connection.
const MAX_BACKOFF: Duration = Duration::from_secs(1);

/// The server's address as a URL: `http://` added when missing (trainees type what
/// `class serve` printed, `192.168.1.20:7878`), no trailing `/`.
pub fn server_url(address: &str) -> String {
    let a = address.trim().trim_end_matches('/');
    if a.starts_with("http://") || a.starts_with("https://") {
        a.to_string()
    } else {
        format!("http://{a}")
    }
}

/// How a trainee is known to the class: the server's address, the class code, the name and
/// the device token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    /// `http://ADDR:PORT`, as the instructor gave it.
    pub url: String,
    /// The class code the instructor gave.
    pub code: String,
    /// The player's name or roster label.
    pub name: String,
    /// The token this device made once and keeps.
    pub device: String,
}

/// A trainee's link to the class: see the module's documentation.
#[derive(Debug)]
pub struct ClassLink {
    shared: Arc<Shared>,
    credentials: Credentials,
    session: String,
    sender: Option<JoinHandle<()>>,
}

#[derive(Debug, Default)]
struct Shared {
    queue: Mutex<Queue>,
    changed: Condvar,
}

#[derive(Debug, Default)]
struct Queue {
    /// Every line of the local record after its header, as queued.
    lines: Vec<String>,
    /// When each line was queued.
    queued: Vec<Instant>,
    /// How many lines the server holds (acknowledged, synced on its disk).
    acknowledged: usize,
    connected: bool,
    refused: Option<Refusal>,
    closing: bool,
    /// From queuing to acknowledgement, for each line acknowledged.
    latencies: Vec<Duration>,
    /// Lines once acknowledged that the server later said it did not hold.
    lost: usize,
}

impl ClassLink {
    /// Joins the class (or rejoins it: the same name and device resume their session) and
    /// starts the thread that sends queued lines. The link starts with the lines the server
    /// holds counted as acknowledged ([`Joined::lines`]). `faults`, for simulated trainees,
    /// are drawn from `seed`.
    ///
    /// # Errors
    /// [`Failure::Network`] when the server is not reached, [`Failure::Refused`] when it
    /// refuses the join (wrong code, a name taken, …).
    pub fn join(
        credentials: Credentials,
        faults: Option<Faults>,
        seed: u64,
    ) -> Result<(ClassLink, Joined), Failure> {
        let mut transport = Transport::new(&credentials.url, faults, seed);
        let joined = transport.join(&JoinRequest {
            code: credentials.code.clone(),
            name: credentials.name.clone(),
            device: credentials.device.clone(),
        })?;
        let shared = Arc::new(Shared::default());
        {
            let mut q = lock(&shared);
            q.acknowledged = joined.lines;
            q.connected = true;
        }
        let sender = {
            let shared = shared.clone();
            let lines = Lines {
                code: credentials.code.clone(),
                device: credentials.device.clone(),
                from: 0,
                lines: Vec::new(),
                unsent: 0,
            };
            let session = joined.session.clone();
            std::thread::Builder::new()
                .name("class-link".into())
                .spawn(move || send(&shared, transport, &session, lines))
                .map_err(|e| Failure::Network(format!("cannot start the sending thread: {e}")))?
        };
        Ok((
            ClassLink {
                shared,
                credentials,
                session: joined.session.clone(),
                sender: Some(sender),
            },
            joined,
        ))
    }

    /// Queues the next line of the local record (after its header); call it only once the
    /// line is written there.
    pub fn push(&self, line: String) {
        self.push_all(vec![line]);
    }

    /// Queues the next lines of the local record at once (a decision and the `Finished`
    /// line it brought go in one request).
    pub fn push_all(&self, lines: Vec<String>) {
        let mut q = lock(&self.shared);
        let now = Instant::now();
        q.queued.extend(lines.iter().map(|_| now));
        q.lines.extend(lines);
        self.shared.changed.notify_all();
    }

    /// Whether the last request reached the server.
    pub fn connected(&self) -> bool {
        lock(&self.shared).connected
    }

    /// How many queued lines the server has not acknowledged yet.
    pub fn unsent(&self) -> usize {
        let q = lock(&self.shared);
        q.lines.len().saturating_sub(q.acknowledged)
    }

    /// How many lines the server holds.
    pub fn acknowledged(&self) -> usize {
        lock(&self.shared).acknowledged
    }

    /// The server's refusal that stopped the sending (a line it will never take), if any.
    pub fn refused(&self) -> Option<Refusal> {
        lock(&self.shared).refused.clone()
    }

    /// How many lines the server once acknowledged and later said it did not hold (0 unless
    /// the server broke its promise).
    pub fn lost_acknowledged(&self) -> usize {
        lock(&self.shared).lost
    }

    /// For each line acknowledged, the time from queuing it to its acknowledgement.
    pub fn latencies(&self) -> Vec<Duration> {
        lock(&self.shared).latencies.clone()
    }

    /// Waits until every queued line is acknowledged (true), or a refusal stops the sending
    /// or `timeout` passes (false).
    pub fn flush(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut q = lock(&self.shared);
        loop {
            if q.lines.len() <= q.acknowledged {
                return true;
            }
            let now = Instant::now();
            if q.refused.is_some() || now >= deadline {
                return false;
            }
            q = self
                .shared
                .changed
                .wait_timeout(q, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// The class this link joined, as a record's note keeps it.
    pub fn enrolment(&self) -> Enrolment {
        let c = &self.credentials;
        Enrolment {
            url: c.url.clone(),
            code: c.code.clone(),
            name: c.name.clone(),
            delivered: false,
        }
    }

    /// The session id the server gave.
    pub fn session(&self) -> &str {
        &self.session
    }

    /// The server's copy of this trainee's record, as text.
    ///
    /// # Errors
    /// [`Failure::Network`] or the server's refusal.
    pub fn server_record(&self) -> Result<String, Failure> {
        let c = &self.credentials;
        Transport::new(&c.url, None, 0).record(&self.session, &c.code, &c.device)
    }
}

impl Drop for ClassLink {
    fn drop(&mut self) {
        lock(&self.shared).closing = true;
        self.shared.changed.notify_all();
        if let Some(sender) = self.sender.take() {
            let _ = sender.join();
        }
    }
}

fn lock(shared: &Shared) -> MutexGuard<'_, Queue> {
    shared.queue.lock().unwrap_or_else(|e| e.into_inner())
}

/// The sending thread: sends the lines not acknowledged, from the first, in batches of
/// [`MAX_BATCH`], until the link closes.
fn send(shared: &Shared, mut transport: Transport, session: &str, mut request: Lines) {
    let mut backoff = MIN_BACKOFF;
    loop {
        {
            let mut q = lock(shared);
            let beat = Instant::now() + HEARTBEAT;
            while !q.closing && (q.refused.is_some() || q.lines.len() <= q.acknowledged) {
                let now = Instant::now();
                if now >= beat && q.refused.is_none() {
                    break;
                }
                q = shared
                    .changed
                    .wait_timeout(q, beat.saturating_duration_since(now))
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
            if q.closing {
                return;
            }
            request.from = q.acknowledged.min(q.lines.len());
            let to = q.lines.len().min(request.from + MAX_BATCH);
            request.lines = q.lines[request.from..to].to_vec();
            request.unsent = q.lines.len() - to;
        }
        let result = transport.post(session, &request);
        let mut q = lock(shared);
        let mut wait = None;
        match result {
            Ok(ack) => {
                q.connected = true;
                backoff = MIN_BACKOFF;
                q.take(ack.lines);
            }
            Err(Failure::Refused(r)) => {
                q.connected = true;
                match r.reason {
                    // The server holds fewer (a dropped request) or more (an answer lost):
                    // send from where it is.
                    Reason::OutOfOrder => q.take(r.expected.unwrap_or(0)),
                    Reason::TooFast => wait = Some(Duration::from_secs(1)),
                    Reason::Disk => {
                        wait = Some(backoff);
                        backoff = (backoff * 2).min(MAX_BACKOFF);
                    }
                    _ => q.refused = Some(r),
                }
            }
            Err(Failure::Network(_)) => {
                q.connected = false;
                wait = Some(backoff);
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
        shared.changed.notify_all();
        if let Some(wait) = wait {
            let deadline = Instant::now() + wait;
            while !q.closing && Instant::now() < deadline {
                q = shared
                    .changed
                    .wait_timeout(q, deadline - Instant::now())
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
        }
    }
}

impl Queue {
    /// The server holds `held` lines: those newly acknowledged get their latency; fewer than
    /// acknowledged before counts as lost, and they are sent again.
    fn take(&mut self, held: usize) {
        let now = Instant::now();
        if held < self.acknowledged {
            self.lost += self.acknowledged - held;
        }
        for queued in self.queued.iter().take(held).skip(self.acknowledged) {
            self.latencies.push(now - *queued);
        }
        self.acknowledged = held;
    }
}

//! Joining a class again for a session continued from its local record, in the background:
//! tried again while the server is not reached, so the session goes on (written locally)
//! meanwhile; once in, the local record goes on with the link and every line the server does
//! not hold is sent. The game's Continue and the terminal's `--continue` both use it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use lost_order_core::engine::Session;
use lost_order_core::record::RecordWriter;

use super::{ClassLink, ClassRecord, Credentials, Failure};
use crate::entries::entries_of;
use crate::protocol::Joined;

/// What the joining brings back: the link and the class, or the server's refusal.
pub type Answer = Result<(ClassLink, Joined), Failure>;

/// A class being joined again on a thread of its own. Dropping it stops the tries.
#[derive(Debug)]
pub struct Rejoin {
    answer: Mutex<Option<Receiver<Answer>>>,
    stop: Arc<AtomicBool>,
}

impl Rejoin {
    /// Starts joining the class of `credentials`, tried again every `retry` while the server
    /// is not reached, until it answers (or the `Rejoin` is dropped).
    ///
    /// # Errors
    /// The thread cannot be started.
    pub fn start(credentials: Credentials, retry: Duration) -> std::io::Result<Rejoin> {
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let stopped = stop.clone();
        std::thread::Builder::new()
            .name("class-rejoin".into())
            .spawn(move || {
                if let Some(answer) = reach(&credentials, retry, &stopped) {
                    // Nobody reads it when the `Rejoin` was dropped meanwhile.
                    let _ = tx.send(answer);
                }
            })?;
        Ok(Rejoin {
            answer: Mutex::new(Some(rx)),
            stop,
        })
    }

    /// The server's answer, once: `None` while it is not reached yet (and after the answer
    /// was taken).
    pub fn answer(&self) -> Option<Answer> {
        self.answer_within(Duration::ZERO)
    }

    /// The server's answer, waiting for it up to `wait`; `None` when it has not come by then.
    pub fn answer_within(&self, wait: Duration) -> Option<Answer> {
        let mut slot = self.answer.lock().unwrap_or_else(|e| e.into_inner());
        let answer = match slot.as_ref()?.recv_timeout(wait) {
            Ok(answer) => answer,
            Err(RecvTimeoutError::Timeout) => return None,
            // The thread ended without an answer: only when stopped, which `Drop` does.
            Err(RecvTimeoutError::Disconnected) => {
                Err(Failure::Network("the joining stopped".into()))
            }
        };
        *slot = None;
        Some(answer)
    }
}

impl Drop for Rejoin {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Joins until the server answers; `None` when stopped first.
fn reach(credentials: &Credentials, retry: Duration, stop: &AtomicBool) -> Option<Answer> {
    loop {
        match ClassLink::join(credentials.clone(), None, lost_order_app::fresh_seed()) {
            Err(Failure::Network(_)) => {
                if stop.load(Ordering::Relaxed) {
                    return None;
                }
                std::thread::sleep(retry);
            }
            answer => return Some(answer),
        }
    }
}

/// Why a class that answered cannot take a continued session.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Mismatch {
    /// The class plays another scenario or seed than the session's.
    #[error("the class plays another case or seed than this session")]
    NotThisClass,
    /// The server holds more of this trainee's lines than the local record (a record copied
    /// back from an older state).
    #[error("the class holds {server} lines of this session, this computer only {here}")]
    ServerAhead {
        /// Lines the server holds.
        server: usize,
        /// Lines of the local session.
        here: usize,
    },
}

/// Why the class `joined` cannot take `session` (continued from its local record), if it
/// cannot.
pub fn mismatch(joined: &Joined, session: &Session) -> Option<Mismatch> {
    let held = entries_of(session).len();
    if joined.scenario_hash != session.scenario().hash || joined.seed != session.seed() {
        Some(Mismatch::NotThisClass)
    } else if joined.lines > held {
        Some(Mismatch::ServerAhead {
            server: joined.lines,
            here: held,
        })
    } else {
        None
    }
}

/// The local record `writer` of `session` goes on with `link`, into the class `joined`; the
/// next [`ClassRecord::sync`] queues every line and the link sends those the server lacks.
///
/// # Errors
/// A [`Mismatch`], with the writer back (the link is closed off this thread, as closing waits
/// for a request in flight).
pub fn relink(
    writer: RecordWriter,
    link: ClassLink,
    joined: &Joined,
    session: &Session,
) -> Result<ClassRecord, (RecordWriter, Mismatch)> {
    match mismatch(joined, session) {
        Some(m) => {
            std::thread::spawn(move || drop(link));
            Err((writer, m))
        }
        None => Ok(ClassRecord::new(writer, link)),
    }
}

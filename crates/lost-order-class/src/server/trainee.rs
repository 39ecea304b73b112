//! One trainee on the server: their session replayed line by line, the record it is appended
//! to, and the rate they post at.

use std::path::PathBuf;
use std::time::Instant;

use lost_order_core::engine::Session;
use lost_order_core::record::{Entry, Finished, RecordWriter};

use super::Limits;
use crate::entries::entries_of;
use crate::protocol::{Reason, Refusal};

/// A trainee of the class, as the server holds them.
#[derive(Debug)]
pub(crate) struct Trainee {
    /// The session id, the path segment of their requests.
    pub id: String,
    /// The name or roster label they joined with (trimmed).
    pub name: String,
    /// The token of the device that joined as them.
    pub device: String,
    /// Their session, replayed to the last line acknowledged.
    pub session: Session,
    /// Appends to their record in the class folder; `None` once the session is finished.
    pub writer: Option<RecordWriter>,
    /// Their record file.
    pub path: PathBuf,
    /// The record's lines after the header, as held (each appended and synced).
    pub entries: Vec<Entry>,
    /// What is left of their allowance of posts (see [`Limits::posts_per_second`]).
    tokens: f64,
    refilled: Instant,
}

impl Trainee {
    /// A trainee whose record, at `path`, holds `session` so far.
    pub fn new(
        id: String,
        name: String,
        device: String,
        session: Session,
        writer: Option<RecordWriter>,
        path: PathBuf,
        limits: &Limits,
    ) -> Trainee {
        let entries = entries_of(&session);
        Trainee {
            id,
            name,
            device,
            session,
            writer,
            path,
            entries,
            tokens: limits.burst,
            refilled: Instant::now(),
        }
    }

    /// Takes one post from the trainee's allowance.
    ///
    /// # Errors
    /// [`Reason::TooFast`] when they have none left.
    pub fn spend(&mut self, limits: &Limits) -> Result<(), Refusal> {
        let now = Instant::now();
        let seconds = now.duration_since(self.refilled).as_secs_f64();
        self.refilled = now;
        self.tokens = (self.tokens + seconds * limits.posts_per_second).min(limits.burst);
        if self.tokens < 1.0 {
            return Err(Refusal::new(
                Reason::TooFast,
                format!(
                    "too many requests: at most {} a second; wait and send again",
                    limits.posts_per_second
                ),
            ));
        }
        self.tokens -= 1.0;
        Ok(())
    }

    /// Takes `lines`, the first at index `from`: a line the server already holds must be the
    /// same (a resend, acknowledged again); a new one must be the next, a record entry that
    /// replays against the class's scenario; it is appended to the record and synced before
    /// the next is looked at. Returns how many lines the server holds.
    ///
    /// # Errors
    /// [`Reason::OutOfOrder`] when `from` is past the lines held (with the index expected),
    /// [`Reason::Malformed`] for a line that is not a record entry, [`Reason::Differs`] for a
    /// resent line unlike the one held, [`Reason::TooLong`] past [`Limits::max_lines`],
    /// [`Reason::Impossible`] for a decision that does not replay, [`Reason::Disk`] when the
    /// record cannot be written. Lines before the refused one are kept (`acknowledged`).
    pub fn post(
        &mut self,
        from: usize,
        lines: &[String],
        limits: &Limits,
    ) -> Result<usize, Refusal> {
        let held = self.entries.len();
        if from > held {
            let mut r = Refusal::new(
                Reason::OutOfOrder,
                format!(
                    "line {from} is out of order: the server holds {held} lines; send from line {held}"
                ),
            );
            r.expected = Some(held);
            r.acknowledged = Some(held);
            return Err(r);
        }
        for (k, text) in lines.iter().enumerate() {
            let index = from + k;
            let refused = |reason, message: String, held: usize| {
                let mut r = Refusal::new(reason, format!("line {index}: {message}"));
                r.acknowledged = Some(held);
                r
            };
            let held = self.entries.len();
            let entry = parse_line(text).map_err(|m| refused(Reason::Malformed, m, held))?;
            if let Some(acknowledged) = self.entries.get(index) {
                if *acknowledged != entry {
                    return Err(refused(
                        Reason::Differs,
                        "differs from the line acknowledged at this index".into(),
                        held,
                    ));
                }
                continue;
            }
            if index >= limits.max_lines {
                return Err(refused(
                    Reason::TooLong,
                    format!("a session record holds at most {} lines", limits.max_lines),
                    held,
                ));
            }
            self.take(entry)
                .map_err(|(reason, m)| refused(reason, m, held))?;
        }
        Ok(self.entries.len())
    }

    /// Replays one new entry on a copy of the session, appends what it made to the record,
    /// then keeps the copy.
    fn take(&mut self, entry: Entry) -> Result<(), (Reason, String)> {
        let made = match entry {
            Entry::Decision(made) => made,
            Entry::Finished(_) => {
                return Err((
                    Reason::Impossible,
                    "a Finished line, but the session has not reached the tender".into(),
                ));
            }
        };
        if self.session.tender().is_some() {
            return Err((Reason::Impossible, "the session is over".into()));
        }
        if made.week != self.session.week() {
            return Err((
                Reason::Impossible,
                format!(
                    "the session is in week {}, the line says week {}",
                    self.session.week(),
                    made.week
                ),
            ));
        }
        let mut next = self.session.clone();
        next.apply(&made.decision).map_err(|e| {
            (
                Reason::Impossible,
                format!("{:?} is refused: {e}", made.decision),
            )
        })?;
        let result = next.decisions().last().and_then(|m| m.result.clone());
        if result != made.result {
            return Err((
                Reason::Impossible,
                format!(
                    "{:?} gives {:?}, the line says {:?}",
                    made.decision, result, made.result
                ),
            ));
        }
        let Some(writer) = self.writer.as_mut() else {
            return Err((Reason::Impossible, "the session is over".into()));
        };
        writer.sync(&next).map_err(|e| {
            (
                Reason::Disk,
                format!("the record could not be written: {e}"),
            )
        })?;
        self.entries.push(Entry::Decision(made));
        if let Some(t) = next.tender() {
            self.entries.push(Entry::Finished(Finished::of(t)));
            self.writer = None;
        }
        self.session = next;
        Ok(())
    }
}

/// A record line read as the record reader reads it: one RON entry on one line.
fn parse_line(text: &str) -> Result<Entry, String> {
    if text.contains(['\n', '\r']) {
        return Err("a line cannot hold a line break".into());
    }
    ron::from_str::<Entry>(text).map_err(|e| format!("not a record entry: {e}"))
}

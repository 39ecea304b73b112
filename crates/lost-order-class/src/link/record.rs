//! A session's record kept locally and sent to the class: each decision is written to the
//! local record first (it stays the source of truth), then queued on the link.

use std::path::Path;

use lost_order_core::engine::{Phase, Session};
use lost_order_core::record::{Entry, RecordWriter};

use super::{ClassLink, Enrolment};
use crate::entries::{entries_of, line_of};

/// The local record of a session played in a class, and its link to the class server.
#[derive(Debug)]
pub struct ClassRecord {
    writer: RecordWriter,
    link: ClassLink,
    /// How many of the session's lines are queued on the link.
    queued: usize,
    /// Whether the class is noted beside the local record ([`super::Enrolment`]).
    noted: bool,
    /// Whether the note says the class holds the whole finished session.
    delivered: bool,
    /// Whether the last line queued is the session's outcome (`Finished`), not a decision.
    outcome_queued: bool,
}

impl ClassRecord {
    /// Writes to `writer` (a new record, or one resumed, holding the session so far) and
    /// sends on `link`; the next [`ClassRecord::sync`] queues every line of the session, and
    /// the link sends those the server does not hold.
    pub fn new(writer: RecordWriter, link: ClassLink) -> ClassRecord {
        ClassRecord {
            writer,
            link,
            queued: 0,
            noted: false,
            delivered: false,
            outcome_queued: false,
        }
    }

    /// Writes the session's new decisions (and its outcome once there is one) to the local
    /// record, synced, then queues them to be sent. The first time, the class is noted beside
    /// the record (`NAME.class.json`), so that continuing it later joins the class again.
    ///
    /// # Errors
    /// Any I/O error of the local record or of the note; nothing is queued then.
    pub fn sync(&mut self, session: &Session) -> std::io::Result<()> {
        self.writer.sync(session)?;
        if !self.noted {
            self.link.enrolment().write_beside(self.writer.path())?;
            self.noted = true;
        }
        let entries = entries_of(session);
        let new = entries
            .get(self.queued..)
            .unwrap_or_default()
            .iter()
            .map(line_of)
            .collect::<std::io::Result<Vec<_>>>()?;
        self.queued = entries.len();
        self.outcome_queued = matches!(entries.last(), Some(Entry::Finished(_)));
        if !new.is_empty() {
            self.link.push_all(new);
        }
        Ok(())
    }

    /// Once `session` is over and the class acknowledged every line, notes beside the record
    /// that the class holds the whole session (once; `true` from then on), so that a later
    /// `--continue` need not send it. Call it after [`ClassRecord::sync`].
    ///
    /// # Errors
    /// Any I/O error of writing the note.
    pub fn note_delivered(&mut self, session: &Session) -> std::io::Result<bool> {
        if !self.delivered
            && *session.phase() == Phase::Ended
            && self.queued == entries_of(session).len()
            && self.link.unsent() == 0
        {
            let note = Enrolment {
                delivered: true,
                ..self.link.enrolment()
            };
            note.write_beside(self.writer.path())?;
            self.delivered = true;
        }
        Ok(self.delivered)
    }

    /// How many decisions written locally the class has not acknowledged: the lines waiting,
    /// less the session's outcome line when it waits too (it is not a decision).
    pub fn decisions_waiting(&self) -> usize {
        let lines = self.link.unsent();
        lines - usize::from(self.outcome_queued && lines > 0)
    }

    /// Whether the note says the class holds the whole finished session.
    pub fn delivered(&self) -> bool {
        self.delivered
    }

    /// The link, to show whether it is connected and how many lines wait.
    pub fn link(&self) -> &ClassLink {
        &self.link
    }

    /// The local record file.
    pub fn path(&self) -> &Path {
        self.writer.path()
    }
}

//! The running session: the core's `Session` in a resource, recorded after every decision.
//! Starting a session and taking a decision are announced as events, so the screens that care
//! (the router, the board) react without this module knowing them. In a live class the
//! record is also sent to the class server (docs/classroom.md).

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use lost_order_app::fresh_seed;
use lost_order_app::records;
use lost_order_class::ClassRecord;
use lost_order_core::engine::{Decision, Session};
use lost_order_core::narrate;
use lost_order_core::record::RecordWriter;

use super::prefs::{Home, Prefs};

/// The session being played, and the catalog key (file name) of its scenario.
#[derive(Resource, Clone, Debug)]
pub struct Play {
    pub key: Option<String>,
    pub session: Session,
}

/// The session record being written (see `lost_order_core::record`).
#[derive(Resource, Debug, Default)]
pub struct Recording(pub Option<Journal>);

/// Where a session's decisions go as they are made.
#[derive(Debug)]
pub enum Journal {
    /// A session played alone: its record file.
    Local(RecordWriter),
    /// A session of a live class: the local record first, then the link that sends each line.
    Class(ClassRecord),
}

impl Journal {
    /// The local record file.
    pub fn path(&self) -> &Path {
        match self {
            Journal::Local(w) => w.path(),
            Journal::Class(r) => r.path(),
        }
    }

    /// Writes the session's new decisions to the local record, synced; in a class, then
    /// queues them to be sent.
    ///
    /// # Errors
    /// Any I/O error of the local record.
    pub fn sync(&mut self, session: &Session) -> std::io::Result<()> {
        match self {
            Journal::Local(w) => w.sync(session),
            Journal::Class(r) => r.sync(session),
        }
    }

    /// The class record, when the session is played in a live class.
    pub fn class(&self) -> Option<&ClassRecord> {
        match self {
            Journal::Class(r) => Some(r),
            Journal::Local(_) => None,
        }
    }
}

/// The catalog key of a case whose sessions are not recorded: the file of play-while-writing
/// (`--scenario`) changes under its sessions, and drafts must not join a class's records.
#[derive(Resource, Clone, Debug)]
pub struct Unrecorded(pub String);

/// A seed given on the command line (`--seed`), used instead of the class seed for this run.
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct SeedOverride(pub Option<u64>);

/// A session was started, resumed or replayed from a week; it is in [`Play`].
#[derive(Event, Clone, Copy, Debug)]
pub struct SessionStarted;

/// A decision was taken (or refused); `message` says what came of it in the player's language.
#[derive(Event, Clone, Debug)]
pub struct Decided {
    pub decision: Decision,
    /// Whether the session took it.
    pub taken: bool,
    pub message: Option<String>,
}

/// The folder session records go to: the one set in Settings, else the user's data folder.
pub fn records_dir(world: &World) -> PathBuf {
    world.resource::<Prefs>().records(world.resource::<Home>())
}

/// The seed for a new session: `--seed`, else the class seed, else a fresh one.
pub fn new_seed(world: &World) -> u64 {
    world
        .resource::<SeedOverride>()
        .0
        .or(world.resource::<Prefs>().class_seed)
        .unwrap_or_else(fresh_seed)
}

/// Makes `session` the current one, with `writer` as its record (`None`: start a new record).
/// A class session played before is left (its last lines are still sent while its link
/// closes, off the game's thread).
pub fn start(
    world: &mut World,
    key: Option<String>,
    session: Session,
    writer: Option<RecordWriter>,
) {
    let unrecorded = world
        .get_resource::<Unrecorded>()
        .is_some_and(|u| key.as_deref() == Some(u.0.as_str()));
    let writer = writer.or_else(|| {
        if unrecorded {
            return None;
        }
        let dir = records_dir(world);
        let player = world.resource::<Prefs>().player.clone();
        records::start(&dir, &session, &player)
            .inspect_err(|e| error!("cannot create a session record: {e}"))
            .ok()
    });
    begin(world, key, session, writer.map(Journal::Local));
}

/// Makes `session`, of a live class, the current one: `record` is its local record (holding
/// the session so far) and its link to the class; every line the server does not hold yet is
/// queued at once.
pub fn start_in_class(
    world: &mut World,
    key: Option<String>,
    session: Session,
    mut record: ClassRecord,
) {
    if let Err(e) = record.sync(&session) {
        error!("cannot write the session record: {e}");
    }
    begin(world, key, session, Some(Journal::Class(record)));
}

fn begin(world: &mut World, key: Option<String>, session: Session, journal: Option<Journal>) {
    let old = std::mem::replace(&mut world.resource_mut::<Recording>().0, journal);
    if let Some(Journal::Class(old)) = old {
        // Closing a link waits for a request in flight (up to its timeout when offline).
        std::thread::spawn(move || drop(old));
    }
    world.insert_resource(Play { key, session });
    world.trigger(SessionStarted);
}

/// Takes a decision in the current session, appends it to the record, and announces it.
pub fn decide(world: &mut World, decision: &Decision) {
    let lang = world.resource::<Prefs>().lang.clone();
    let Some(mut play) = world.get_resource_mut::<Play>() else {
        return;
    };
    let before = play.session.log().len();
    let result = play.session.apply(decision);
    let play = world.resource::<Play>();
    let s = &play.session;
    let taken = result.is_ok();
    let message = match result {
        Ok(_) => s.log()[before..]
            .iter()
            .rev()
            .find_map(|e| narrate::describe(s, &e.happening, &lang)),
        Err(e) => Some(narrate::error(s.scenario(), &e, &lang)),
    };
    let session = s.clone();
    if let Some(journal) = world.resource_mut::<Recording>().0.as_mut()
        && let Err(e) = journal.sync(&session)
    {
        error!("cannot write the session record: {e}");
    }
    world.trigger(Decided {
        decision: decision.clone(),
        taken,
        message,
    });
}

//! The running session: the core's `Session` in a resource, recorded after every decision.
//! Starting a session and taking a decision are announced as events, so the screens that care
//! (the router, the board) react without this module knowing them.

use std::path::PathBuf;

use bevy::prelude::*;
use lost_order_app::fresh_seed;
use lost_order_app::records;
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
pub struct Recording(pub Option<RecordWriter>);

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
    world.resource_mut::<Recording>().0 = writer;
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
    if let Some(writer) = world.resource_mut::<Recording>().0.as_mut()
        && let Err(e) = writer.sync(&session)
    {
        error!("cannot write the session record: {e}");
    }
    world.trigger(Decided {
        decision: decision.clone(),
        taken,
        message,
    });
}

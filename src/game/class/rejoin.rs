//! A session continued from the title that was played in a class joins that class again (the
//! address, code and name noted beside its record, this computer's device token) off the
//! game's thread, tried again every second while the server is not reached; meanwhile the
//! session goes on, written to the local record; once in, every line the server does not hold
//! is sent.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bevy::prelude::*;
use lost_order_class::entries::entries_of;
use lost_order_class::{ClassLink, ClassRecord, Credentials, Enrolment, Failure, Joined};

use super::{JoinError, LinkState, wake_while_in_class};
use crate::game::play::{Journal, Play, Recording};
use crate::game::prefs::Home;

/// The wait before trying again while the server is not reached.
const RETRY: Duration = Duration::from_secs(1);

/// What the joining thread brings back: the link and the class, or why not.
type Answer = Result<(ClassLink, Joined), JoinError>;

/// The class being joined again for the record at `record`, or why it could not be.
/// Dropping it stops the joining thread.
#[derive(Resource)]
pub struct Rejoining {
    record: PathBuf,
    answer: Option<Mutex<Receiver<Answer>>>,
    stop: Arc<AtomicBool>,
    failed: Option<JoinError>,
}

impl Rejoining {
    /// What the class line shows meanwhile.
    pub fn state(&self) -> Option<LinkState> {
        Some(match &self.failed {
            Some(e) => LinkState::RejoinFailed(e.clone()),
            None => LinkState::Rejoining,
        })
    }
}

impl Drop for Rejoining {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Joins the class of `note` again for the session being played (just continued from its
/// local record), off the game's thread.
pub fn rejoin(world: &mut World, note: Enrolment) {
    let Some(record) = world
        .resource::<Recording>()
        .0
        .as_ref()
        .map(|j| j.path().to_path_buf())
    else {
        return;
    };
    let stop = Arc::new(AtomicBool::new(false));
    let mut rejoining = Rejoining {
        record,
        answer: None,
        stop: stop.clone(),
        failed: None,
    };
    match lost_order_class::device_token(&world.resource::<Home>().config) {
        Ok(device) => {
            let credentials = Credentials {
                url: note.url.clone(),
                code: note.code,
                name: note.name,
                device,
            };
            let (tx, rx) = channel();
            let spawned = std::thread::Builder::new()
                .name("class-rejoin".into())
                .spawn(move || {
                    let _ = tx.send(reach(&credentials, &note.url, &stop));
                });
            match spawned {
                Ok(_) => rejoining.answer = Some(Mutex::new(rx)),
                Err(e) => rejoining.failed = Some(JoinError::Unreachable(e.to_string())),
            }
        }
        Err(e) => rejoining.failed = Some(JoinError::Records(e.to_string())),
    }
    world.insert_resource(rejoining);
    wake_while_in_class(world);
}

/// Joins until the server answers (or the joining is stopped: then a failure nobody reads).
fn reach(credentials: &Credentials, url: &str, stop: &AtomicBool) -> Answer {
    loop {
        match ClassLink::join(credentials.clone(), None, lost_order_app::fresh_seed()) {
            Ok(joined) => return Ok(joined),
            Err(Failure::Refused(r)) => return Err(JoinError::Refused(r.reason, r.message)),
            Err(Failure::Network(_)) => {
                if stop.load(Ordering::Relaxed) {
                    return Err(JoinError::Unreachable(url.to_string()));
                }
                std::thread::sleep(RETRY);
            }
        }
    }
}

/// Takes the answer when it has come: the session's local record goes on with the link.
/// Leaves off when another session (or none) is played meanwhile.
pub(super) fn arrive(world: &mut World) {
    let Some(r) = world.get_resource::<Rejoining>() else {
        return;
    };
    let ours = match &world.resource::<Recording>().0 {
        Some(Journal::Local(w)) => w.path() == r.record,
        _ => false,
    };
    if !ours {
        world.remove_resource::<Rejoining>();
        return;
    }
    let Some(rx) = &r.answer else { return };
    let answer = match rx.lock().unwrap_or_else(|e| e.into_inner()).try_recv() {
        Ok(answer) => answer,
        Err(TryRecvError::Empty) => return,
        Err(TryRecvError::Disconnected) => Err(JoinError::Unreachable(String::new())),
    };
    match answer.and_then(|(link, joined)| link_up(world, link, &joined)) {
        Ok(()) => {
            world.remove_resource::<Rejoining>();
        }
        Err(e) => {
            warn!("cannot join the class again: {e:?}");
            let mut r = world.resource_mut::<Rejoining>();
            r.answer = None;
            r.failed = Some(e);
        }
    }
}

/// Puts the link under the session's local record, which queues every line the server does
/// not hold; refuses a class of another case or seed, or one holding more than this record.
fn link_up(world: &mut World, link: ClassLink, joined: &Joined) -> Result<(), JoinError> {
    let session = world.resource::<Play>().session.clone();
    let held = entries_of(&session).len();
    let problem =
        if joined.scenario_hash != session.scenario().hash || joined.seed != session.seed() {
            Some(JoinError::NotThisClass)
        } else if joined.lines > held {
            Some(JoinError::ServerAhead {
                server: joined.lines,
                here: held,
            })
        } else {
            None
        };
    if let Some(problem) = problem {
        // Closing a link waits for a request in flight.
        std::thread::spawn(move || drop(link));
        return Err(problem);
    }
    let Some(Journal::Local(writer)) = world.resource_mut::<Recording>().0.take() else {
        return Ok(());
    };
    let mut record = ClassRecord::new(writer, link);
    if let Err(e) = record.sync(&session) {
        error!("cannot write the session record: {e}");
    }
    world.resource_mut::<Recording>().0 = Some(Journal::Class(record));
    Ok(())
}

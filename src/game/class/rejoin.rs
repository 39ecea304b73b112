//! A session continued from the title that was played in a class joins that class again (the
//! address, code and name noted beside its record, this computer's device token) off the
//! game's thread, tried again every second while the server is not reached; meanwhile the
//! session goes on, written to the local record; once in, every line the server does not hold
//! is sent.

use std::path::PathBuf;
use std::time::Duration;

use bevy::prelude::*;
use lost_order_class::{Credentials, Enrolment, Failure, Rejoin, relink};

use super::{JoinError, LinkState, wake_while_in_class};
use crate::game::play::{Journal, Play, Recording};
use crate::game::prefs::Home;

/// The wait before trying again while the server is not reached.
const RETRY: Duration = Duration::from_secs(1);

/// The class being joined again for the record at `record`, or why it could not be.
/// Dropping it stops the joining.
#[derive(Resource)]
pub struct Rejoining {
    record: PathBuf,
    /// The class server, as the class line names it.
    url: String,
    joining: Option<Rejoin>,
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
    let mut rejoining = Rejoining {
        record,
        url: note.url.clone(),
        joining: None,
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
            match Rejoin::start(credentials, RETRY) {
                Ok(joining) => rejoining.joining = Some(joining),
                Err(e) => rejoining.failed = Some(JoinError::Unreachable(e.to_string())),
            }
        }
        Err(e) => rejoining.failed = Some(JoinError::Records(e.to_string())),
    }
    world.insert_resource(rejoining);
    wake_while_in_class(world);
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
    let Some(answer) = r.joining.as_ref().and_then(Rejoin::answer) else {
        return;
    };
    let answer = answer.map_err(|f| match f {
        Failure::Refused(refusal) => JoinError::Refused(refusal.reason, refusal.message),
        // Only once the joining stopped, which dropping `Rejoining` does.
        Failure::Network(_) => JoinError::Unreachable(r.url.clone()),
    });
    match answer.and_then(|(link, joined)| link_up(world, link, &joined)) {
        Ok(()) => {
            world.remove_resource::<Rejoining>();
        }
        Err(e) => {
            warn!("cannot join the class again: {e:?}");
            let mut r = world.resource_mut::<Rejoining>();
            r.joining = None;
            r.failed = Some(e);
        }
    }
}

/// Puts the link under the session's local record, which queues every line the server does
/// not hold; refuses a class of another case or seed, or one holding more than this record.
fn link_up(
    world: &mut World,
    link: lost_order_class::ClassLink,
    joined: &lost_order_class::Joined,
) -> Result<(), JoinError> {
    let session = world.resource::<Play>().session.clone();
    let writer = match world.resource_mut::<Recording>().0.take() {
        Some(Journal::Local(writer)) => writer,
        // `arrive` looked: the session's own local record; anything else stays as it is.
        other => {
            world.resource_mut::<Recording>().0 = other;
            return Ok(());
        }
    };
    match relink(writer, link, joined, &session) {
        Ok(mut record) => {
            if let Err(e) = record.sync(&session) {
                error!("cannot write the session record: {e}");
            }
            world.resource_mut::<Recording>().0 = Some(Journal::Class(record));
            Ok(())
        }
        Err((writer, mismatch)) => {
            world.resource_mut::<Recording>().0 = Some(Journal::Local(writer));
            Err(JoinError::Mismatch(mismatch))
        }
    }
}

//! Finished class sessions their class does not hold whole (the server was away when they
//! ended, or the game was closed before the last lines went), sent off the game's thread each
//! time the title opens; the title says what was sent and what still waits.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use bevy::prelude::*;
use lost_order_class::{deliver, device_token, undelivered};
use lost_order_core::text::{fill, pick};

use super::POLL;
use crate::game::play::records_dir;
use crate::game::prefs::{Home, Prefs};
use crate::game::wake::Waker;

/// How long sending one session's lines may take.
const WAIT: Duration = Duration::from_secs(10);

/// The sending under way (its answer comes from a thread of its own), and what the last one
/// did.
#[derive(Resource, Default)]
pub struct Deliveries {
    running: Option<Mutex<Receiver<Tally>>>,
    /// Finished sessions sent, and those that could not be, with the first reason.
    pub last: Option<Tally>,
    /// Wakes the window while sending (held for its `Drop`).
    _waker: Option<Waker>,
}

/// What one round of sending did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Sessions the class now holds whole.
    pub sent: usize,
    /// Sessions that could not be sent.
    pub waiting: usize,
    /// Why the first of those could not be, in the player's language.
    pub why: Option<String>,
}

impl Tally {
    /// What the title says of it, in `lang`; `None` when there was nothing to send.
    pub fn words(&self, lang: &str) -> Option<String> {
        let mut said = Vec::new();
        if self.sent > 0 {
            said.push(fill(
                pick(
                    lang,
                    "已把 {n} 局结束的课堂练习补发到课堂。",
                    "Finished class sessions sent to their class: {n}.",
                ),
                &[("n", &self.sent.to_string())],
            ));
        }
        if self.waiting > 0 {
            said.push(fill(
                pick(
                    lang,
                    "{n} 局结束的课堂练习还未送达课堂，下次打开标题页时再试。{why}",
                    "Finished class sessions not with their class yet: {n}; tried again when the title opens next. {why}",
                ),
                &[
                    ("n", &self.waiting.to_string()),
                    ("why", self.why.as_deref().unwrap_or_default()),
                ],
            ));
        }
        (!said.is_empty()).then(|| said.join(" ").trim_end().to_string())
    }
}

/// On the title: sends this player's finished class sessions that their class lacks, off the
/// game's thread, unless a round is under way.
pub fn start(world: &mut World) {
    if world.resource::<Deliveries>().running.is_some() {
        return;
    }
    let dir = records_dir(world);
    let prefs = world.resource::<Prefs>();
    let (player, lang) = (prefs.player.clone(), prefs.lang.clone());
    let waiting = undelivered(&dir, &player);
    if waiting.is_empty() {
        return;
    }
    let device = match device_token(&world.resource::<Home>().config) {
        Ok(d) => d,
        Err(e) => {
            warn!("cannot send finished class sessions: {e}");
            return;
        }
    };
    let (tx, rx) = channel();
    let spawned = std::thread::Builder::new()
        .name("class-deliver".into())
        .spawn(move || {
            let mut tally = Tally::default();
            for record in waiting {
                match deliver(&record, &device, None, &lang, WAIT) {
                    Ok(d) => {
                        info!(
                            "{}: {} lines sent to the class at {}",
                            record.display(),
                            d.sent,
                            d.url
                        );
                        tally.sent += 1;
                    }
                    Err(why) => {
                        warn!("{}: {why}", record.display());
                        tally.waiting += 1;
                        tally.why.get_or_insert(why);
                    }
                }
            }
            let _ = tx.send(tally);
        });
    match spawned {
        Ok(_) => {
            let waker = Waker::start(world, POLL);
            let mut d = world.resource_mut::<Deliveries>();
            d.running = Some(Mutex::new(rx));
            d._waker = waker;
        }
        Err(e) => warn!("cannot send finished class sessions: {e}"),
    }
}

/// Takes the round's tally when it has come.
pub(super) fn arrive(mut deliveries: ResMut<Deliveries>) {
    let Some(tally) = deliveries
        .running
        .as_ref()
        .and_then(|rx| rx.lock().ok()?.try_recv().ok())
    else {
        return;
    };
    deliveries.running = None;
    deliveries._waker = None;
    deliveries.last = Some(tally);
}

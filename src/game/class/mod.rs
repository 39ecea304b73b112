//! Joining a live class from the game (docs/classroom.md, "Joining from the game"): the
//! request runs off the game's thread, then the class's session starts, or resumes for the
//! same name and device; a session continued from the title joins its class again
//! ([`rejoin`]); while in a class the link is looked at a few times a second for the class
//! line, and the idle window is woken for it.

mod deliver;
mod rejoin;
mod words;

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use bevy::prelude::*;
use lost_order_app::records;
use lost_order_class::entries::entries_of;
use lost_order_class::{ClassLink, ClassRecord, Credentials, Failure, Joined};
use lost_order_core::engine::{Phase, Session};
use lost_order_core::record::{parse_record, replay};
use lost_order_core::scenario::Scenario;
use lost_order_core::text::{fill, pick};

use super::Scenarios;
use super::play::{self, Recording, records_dir};
use super::prefs::{Home, Prefs};
use super::wake::Waker;
pub use deliver::{Deliveries, Tally, start as deliver_finished};
pub use lost_order_class::server_url;
pub use rejoin::{Rejoining, rejoin};
pub use words::JoinError;

/// How often the link is looked at while joining or in a class (and the idle window woken).
pub const POLL: Duration = Duration::from_millis(250);

/// What the class line shows of the link to the class; `None` outside a class.
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassStatus(pub Option<LinkState>);

/// The link's state as the trainee sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// A session continued from the title is joining its class again; its decisions wait in
    /// the local record.
    Rejoining,
    /// The class could not be joined again (the code changed, the name refused…): why.
    RejoinFailed(JoinError),
    /// In the class.
    Linked {
        /// Whether the last request reached the server.
        connected: bool,
        /// Decisions (record lines) written locally that the server has not acknowledged.
        unsent: usize,
        /// The server refused a line and the sending stopped.
        refused: bool,
    },
}

impl LinkState {
    /// "课堂：已连接 · 待发送 0" / "Class: connected · 0 waiting", and the other states.
    pub fn words(&self, lang: &str) -> String {
        let (connected, unsent, refused) = match self {
            LinkState::Rejoining => {
                return pick(
                    lang,
                    "课堂：正在重新加入……（决策已保存在本机，加入后自动补发）",
                    "Class: joining again… (decisions are saved on this computer and sent once in)",
                )
                .to_string();
            }
            LinkState::RejoinFailed(e) => {
                return fill(
                    pick(
                        lang,
                        "课堂：无法重新加入（本机记录完整）。{why}",
                        "Class: cannot join again (the record on this computer is complete). {why}",
                    ),
                    &[("why", &e.words(lang))],
                );
            }
            LinkState::Linked {
                connected,
                unsent,
                refused,
            } => (*connected, *unsent, *refused),
        };
        let text = if refused {
            pick(
                lang,
                "课堂：服务器拒收了一个决策，之后的决策不再发送（本机记录完整）",
                "Class: the server refused a decision; nothing more is sent (the record on this computer is complete)",
            )
        } else if connected {
            pick(
                lang,
                "课堂：已连接 · 待发送 {n}",
                "Class: connected · {n} waiting",
            )
        } else {
            pick(
                lang,
                "课堂：未连接 · 待发送 {n}（已保存在本机，连上后自动补发）",
                "Class: not connected · {n} waiting (saved on this computer; sent when the connection is back)",
            )
        };
        fill(text, &[("n", &unsent.to_string())])
    }

    /// Whether all is well: linked, connected, nothing refused.
    pub fn healthy(&self) -> bool {
        matches!(
            self,
            LinkState::Linked {
                connected: true,
                refused: false,
                ..
            }
        )
    }
}

/// A join under way, and the last one's failure.
#[derive(Resource, Default)]
pub struct Joining {
    pending: Option<Mutex<Receiver<Result<Arrived, JoinError>>>>,
    /// Why the last join failed; cleared when another starts.
    pub error: Option<JoinError>,
}

impl Joining {
    /// Whether a join is waiting for the server.
    pub fn pending(&self) -> bool {
        self.pending.is_some()
    }
}

/// What the join's thread brings back: the link, the class, its scenario, and when the
/// class already holds lines of this trainee, the server's record of them.
struct Arrived {
    link: ClassLink,
    joined: Joined,
    scenario: Arc<Scenario>,
    name: String,
    server_record: Option<String>,
}

/// Wakes the idle window every [`POLL`] while joining or in a class.
#[derive(Resource)]
struct ClassWaker(#[allow(dead_code, reason = "held for its Drop")] Waker);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ClassStatus>()
        .init_resource::<Joining>()
        .init_resource::<Deliveries>()
        .add_systems(
            Update,
            (
                arrive,
                rejoin::arrive,
                poll,
                note_delivered,
                deliver::arrive,
            )
                .chain(),
        );
}

/// Once the session in a class is over and the class holds every line, notes it beside the
/// record (once), so that a later `--continue` need not send it again.
fn note_delivered(mut recording: ResMut<Recording>, play: Option<Res<play::Play>>) {
    let Some(play) = play else { return };
    let due = recording
        .0
        .as_ref()
        .and_then(|j| j.class())
        .is_some_and(|r| {
            !r.delivered() && *play.session.phase() == Phase::Ended && r.link().unsent() == 0
        });
    if !due {
        return;
    }
    if let Some(super::play::Journal::Class(r)) = recording.0.as_mut()
        && let Err(e) = r.note_delivered(&play.session)
    {
        error!("cannot note the class record: {e}");
    }
}

/// Joins the class with the address, code and name in the settings, off the game's thread;
/// [`Joining`] says when it is under way and why it failed.
pub fn join(world: &mut World) {
    let prefs = world.resource::<Prefs>();
    let (address, code, name) = (
        prefs.class_address.trim().to_string(),
        prefs.class_code.trim().to_string(),
        prefs.player.trim().to_string(),
    );
    let missing = if address.is_empty() {
        Some(JoinError::NoAddress)
    } else if code.is_empty() {
        Some(JoinError::NoCode)
    } else if name.is_empty() {
        Some(JoinError::NoName)
    } else {
        None
    };
    if let Some(e) = missing {
        world.resource_mut::<Joining>().error = Some(e);
        return;
    }
    let device = match lost_order_class::device_token(&world.resource::<Home>().config) {
        Ok(d) => d,
        Err(e) => {
            world.resource_mut::<Joining>().error = Some(JoinError::Records(e.to_string()));
            return;
        }
    };
    let credentials = Credentials {
        url: server_url(&address),
        code,
        name,
        device,
    };
    let (tx, rx) = channel();
    let spawned = std::thread::Builder::new()
        .name("class-join".into())
        .spawn(move || {
            let _ = tx.send(reach(credentials, &address));
        });
    if let Err(e) = spawned {
        world.resource_mut::<Joining>().error = Some(JoinError::Unreachable(e.to_string()));
        return;
    }
    *world.resource_mut::<Joining>() = Joining {
        pending: Some(Mutex::new(rx)),
        error: None,
    };
    wake_while_in_class(world);
}

/// The join's network part: join, check the scenario, fetch the server's record to resume.
fn reach(credentials: Credentials, address: &str) -> Result<Arrived, JoinError> {
    let name = credentials.name.clone();
    let (link, joined) =
        ClassLink::join(credentials, None, lost_order_app::fresh_seed()).map_err(|f| match f {
            Failure::Network(_) => JoinError::Unreachable(address.to_string()),
            Failure::Refused(r) => JoinError::Refused(r.reason, r.message),
        })?;
    let scenario = Arc::new(joined.load_scenario().map_err(JoinError::Scenario)?);
    let server_record = if joined.lines > 0 {
        Some(link.server_record().map_err(|f| match f {
            Failure::Network(_) => JoinError::Unreachable(address.to_string()),
            Failure::Refused(r) => JoinError::Refused(r.reason, r.message),
        })?)
    } else {
        None
    };
    Ok(Arrived {
        link,
        joined,
        scenario,
        name,
        server_record,
    })
}

/// Wakes the window every [`POLL`] from now on, while joining or in a class.
pub(crate) fn wake_while_in_class(world: &mut World) {
    if world.contains_resource::<ClassWaker>() {
        return;
    }
    if let Some(waker) = Waker::start(world, POLL) {
        world.insert_resource(ClassWaker(waker));
    }
}

/// Takes the join's answer when it has come: starts or resumes the class's session.
fn arrive(world: &mut World) {
    let answer = {
        let joining = world.resource::<Joining>();
        let Some(rx) = &joining.pending else { return };
        match rx.lock().unwrap_or_else(|e| e.into_inner()).try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err(JoinError::Unreachable(String::new())),
        }
    };
    world.resource_mut::<Joining>().pending = None;
    if let Err(e) = answer.and_then(|a| begin(world, a)) {
        warn!("cannot join the class: {e:?}");
        world.resource_mut::<Joining>().error = Some(e);
    }
}

/// Starts the class's session, or takes it up again: from this computer's record when it
/// holds at least what the server holds, else from the server's record.
fn begin(world: &mut World, a: Arrived) -> Result<(), JoinError> {
    let dir = records_dir(world);
    let catalog = world.resource::<Scenarios>();
    let key = catalog
        .find(&a.joined.scenario_id, &a.joined.scenario_hash)
        .filter(|e| e.scenario.hash == a.joined.scenario_hash)
        .map(|e| e.key.clone());
    let records_error = |e: records::RecordsError| JoinError::Records(e.to_string());
    let Some(server_text) = a.server_record else {
        let session = Session::new(a.scenario, a.joined.seed);
        let writer = records::start(&dir, &session, &a.name).map_err(records_error)?;
        play::start_in_class(world, key, session, ClassRecord::new(writer, a.link));
        return Ok(());
    };
    if let Some(r) = own_record(world, &dir, &a.scenario, &a.joined, &a.name) {
        play::start_in_class(world, key, r.session, ClassRecord::new(r.writer, a.link));
        return Ok(());
    }
    let record = parse_record("the class server's record", &server_text)
        .map_err(|e| JoinError::Resume(e.to_string()))?;
    let session = replay(a.scenario, &record).map_err(|e| JoinError::Resume(e.to_string()))?;
    let writer = records::start(&dir, &session, &a.name).map_err(records_error)?;
    play::start_in_class(world, key, session, ClassRecord::new(writer, a.link));
    Ok(())
}

/// This computer's newest unfinished record of the class's session for `name` (same
/// scenario and seed) holding at least the lines the server holds, reopened to go on.
fn own_record(
    world: &World,
    dir: &std::path::Path,
    scenario: &Arc<Scenario>,
    joined: &Joined,
    name: &str,
) -> Option<records::Resumed> {
    let catalog = world.resource::<Scenarios>();
    let mut best: Option<(u64, std::path::PathBuf)> = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if !path.to_string_lossy().ends_with(".record.ron") {
            continue;
        }
        let Ok(record) = lost_order_core::record::read_record(&path) else {
            continue;
        };
        let h = &record.header;
        let ours = h.player.trim() == name
            && h.scenario_hash == joined.scenario_hash
            && h.seed == joined.seed
            && record.finished.is_none();
        if ours && best.as_ref().is_none_or(|(t, _)| h.started >= *t) {
            best = Some((h.started, path));
        }
    }
    let (_, path) = best?;
    let r = records::resume(
        &path,
        Some((scenario.clone(), &joined.scenario.file)),
        catalog,
    )
    .inspect_err(|e| warn!("cannot continue {}: {e}", path.display()))
    .ok()?;
    (entries_of(&r.session).len() >= joined.lines).then_some(r)
}

/// Looks at the link (when in a class, or joining it again) and updates [`ClassStatus`]
/// when it changed; stops waking the window once neither joining nor in a class.
fn poll(
    recording: Res<Recording>,
    joining: Res<Joining>,
    rejoining: Option<Res<Rejoining>>,
    mut status: ResMut<ClassStatus>,
    waker: Option<Res<ClassWaker>>,
    mut commands: Commands,
) {
    let linked = recording
        .0
        .as_ref()
        .and_then(|j| j.class())
        .map(|r| LinkState::Linked {
            connected: r.link().connected(),
            unsent: r.decisions_waiting(),
            refused: r.link().refused().is_some(),
        });
    let now = linked.or_else(|| rejoining.and_then(|r| r.state()));
    if status.0 != now {
        status.0 = now;
    }
    if status.0.is_none() && !joining.pending() && waker.is_some() {
        commands.remove_resource::<ClassWaker>();
    }
}

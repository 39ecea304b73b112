//! Play while writing (`lost-order --scenario FILE`): the case file is watched and read again on
//! every save; a good version replaces the last one (the session in progress goes on when its
//! decisions still replay, else a restart is offered), a broken one leaves the last good
//! version in play and shows its mistakes over the game.

mod overlay;
pub mod reload;
pub mod watch;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use lost_order_app::Entry;
use lost_order_core::engine::{Phase, Session};
use lost_order_core::scenario::Scenario;

use super::Scenarios;
use super::play::{self, Play, Unrecorded};
use super::screens::{Chosen, Rebuild, Screen, ScreenAction, route, screen_of};
use reload::{Carry, Divergence, Mistake};
use watch::{FileWatch, Wake};

pub use overlay::{Notice, Overlay};

/// The case file given with `--scenario`, and what its last reading gave.
#[derive(Resource, Debug)]
pub struct Watched {
    /// The file, as an absolute path.
    pub path: PathBuf,
    /// The file as it was named on the command line: mistakes name it so.
    pub shown: PathBuf,
    /// The key its versions have in the catalog and in [`Play`]: the absolute path.
    pub key: String,
    /// The text last read, so that a save that changed nothing does nothing.
    seen: Option<String>,
    /// The last good version, once there was one.
    pub good: Option<Arc<Scenario>>,
    /// The file's errors, while it has some (the last good version stays in play).
    pub mistakes: Vec<Mistake>,
    /// A good version that the session in progress does not replay on: a restart is offered.
    pub offer: Option<Offer>,
    /// The player hid the overlay; it shows again at the next change of the file.
    pub hidden: bool,
}

/// A new version the session cannot continue on, and why.
#[derive(Clone, Debug)]
pub struct Offer {
    pub scenario: Arc<Scenario>,
    pub divergence: Divergence,
}

impl Watched {
    /// Nothing read yet of the file at `path` (absolute), named `shown` on the command line.
    pub fn new(path: PathBuf, shown: PathBuf) -> Watched {
        Watched {
            key: path.display().to_string(),
            path,
            shown,
            seen: None,
            good: None,
            mistakes: Vec::new(),
            offer: None,
            hidden: false,
        }
    }

    /// Whether the overlay has something to show.
    pub fn shows_overlay(&self) -> bool {
        !self.hidden && (!self.mistakes.is_empty() || self.offer.is_some())
    }
}

/// The running watch of the file, when the system's watcher could be started.
#[derive(Resource, Debug)]
struct Watch(FileWatch);

/// What the overlay's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum AuthoringAction {
    /// Start a new session of the new version, with the same seed.
    Restart,
    /// Hide the overlay until the file changes again (the old session plays on).
    Hide,
}

impl ScreenAction for AuthoringAction {
    fn perform(self, world: &mut World) {
        match self {
            AuthoringAction::Restart => restart(world),
            AuthoringAction::Hide => world.resource_mut::<Watched>().hidden = true,
        }
    }
}

/// The absolute path of the case file at `path`, checked to be a file that exists.
///
/// # Errors
/// When `path` does not exist or cannot be reached (`cannot read PATH: …`), or is not a file
/// (a folder, a pipe…): a typo is better said at once than as an empty window.
pub fn check_path(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::fs::canonicalize(path).map_err(|e| {
        std::io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display()))
    })?;
    if !absolute.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} is not a file; a case is a .ron file", path.display()),
        ));
    }
    Ok(absolute)
}

/// Watches the case file at `path` in `app`: reads it at once (a good version opens its
/// briefing), then again whenever it is saved; `wake` wakes the window when a save is seen.
/// Sessions played meanwhile are not recorded: the file changes under them.
///
/// # Errors
/// As [`check_path`].
pub fn watch(app: &mut App, path: &Path, wake: Option<Wake>) -> std::io::Result<()> {
    let shown = path.to_path_buf();
    let path = check_path(path)?;
    match FileWatch::start(&path, wake) {
        Ok(w) => {
            app.insert_resource(Watch(w));
        }
        Err(e) => warn!(
            "cannot watch {}: {e}; the game will not see its saves",
            path.display()
        ),
    }
    // The same file found in a scenarios folder would be a stale copy in the menus.
    if let Some(mut catalog) = app.world_mut().get_resource_mut::<Scenarios>() {
        let same = |e: &Entry| std::fs::canonicalize(&e.origin).is_ok_and(|p| p == path);
        catalog.0.entries.retain(|e| !same(e));
        catalog.0.shadowed.retain(|e| !same(e));
    }
    let watched = Watched::new(path, shown);
    app.insert_resource(Unrecorded(watched.key.clone()))
        .insert_resource(watched)
        .init_resource::<Notice>()
        .add_systems(Startup, reload)
        .add_systems(
            Update,
            reload_on_save
                .before(Rebuild)
                .run_if(resource_exists::<Watch>),
        )
        .add_plugins(overlay::plugin);
    route::<AuthoringAction>(app);
    Ok(())
}

fn reload_on_save(world: &mut World) {
    if world.resource::<Watch>().0.changed() {
        reload(world);
    }
}

/// Reads the watched file again and acts on it: mistakes are shown and the last good version
/// stays; a good version replaces it in the menus and, when the session in progress of this
/// case replays on it, in the session; otherwise a restart is offered. A save that changed
/// nothing does nothing.
pub fn reload(world: &mut World) {
    let path = world.resource::<Watched>().shown.clone();
    let reading = reload::read(&path);
    let mut watched = world.resource_mut::<Watched>();
    if reading.source.is_some() && reading.source == watched.seen {
        return;
    }
    watched.seen = reading.source;
    watched.hidden = false;
    let (scenario, warnings) = match reading.outcome {
        Err(mistakes) => {
            watched.mistakes = mistakes;
            return;
        }
        Ok(good) => good,
    };
    watched.mistakes.clear();
    let first = watched.good.replace(scenario.clone()).is_none();
    let key = watched.key.clone();
    offer_in_menus(world, &key, &scenario);
    let carry = world
        .get_resource::<Play>()
        .filter(|p| p.key.as_deref() == Some(key.as_str()))
        .map(|p| reload::carry_over(&p.session, scenario.clone()));
    let screen = *world.resource::<State<Screen>>().get();
    match carry {
        Some(Carry::Diverged(divergence)) => {
            world.resource_mut::<Watched>().offer = Some(Offer {
                scenario,
                divergence,
            });
        }
        Some(Carry::Continues(session)) => {
            let replayed = session.decisions().len();
            world.resource_mut::<Watched>().offer = None;
            let phase = session.phase().clone();
            world.resource_mut::<Play>().session = *session;
            notice(world, Some(replayed), warnings);
            show_again(world, screen, Some(&phase));
        }
        None => {
            world.resource_mut::<Watched>().offer = None;
            notice(world, None, warnings);
            if first && screen == Screen::Title {
                // The case opens on its briefing.
                world.resource_mut::<Chosen>().0 = Some(key);
                world
                    .resource_mut::<NextState<Screen>>()
                    .set(Screen::Briefing);
            } else {
                show_again(world, screen, None);
            }
        }
    }
}

/// Puts `scenario` in the catalog under `key`, first, in place of its last version.
fn offer_in_menus(world: &mut World, key: &str, scenario: &Arc<Scenario>) {
    let entry = Entry {
        key: key.to_string(),
        scenario: scenario.clone(),
        origin: key.to_string(),
    };
    let entries = &mut world.resource_mut::<Scenarios>().0.entries;
    match entries.iter_mut().find(|e| e.key == key) {
        Some(e) => *e = entry,
        None => entries.insert(0, entry),
    }
}

/// Builds the screen again so that it shows the new version: the screens that show the case
/// are entered anew (the session's own screen when it goes on in another phase); the others
/// (title, settings) do not show it.
fn show_again(world: &mut World, now: Screen, phase: Option<&Phase>) {
    let target = match (now, phase) {
        (Screen::Scenarios | Screen::Briefing, _) => now,
        (Screen::Debrief, Some(Phase::Ended)) => Screen::Debrief,
        (
            Screen::Grading | Screen::Board | Screen::Tender | Screen::Reveal | Screen::Debrief,
            Some(p),
        ) => screen_of(p),
        _ => return,
    };
    // Set even when it is the same screen: leaving and entering it builds it from scratch.
    world.resource_mut::<NextState<Screen>>().set(target);
}

/// Shows the "reloaded" notice.
fn notice(world: &mut World, replayed: Option<usize>, warnings: usize) {
    let now = world.resource::<Time<Real>>().elapsed();
    *world.resource_mut::<Notice>() = Notice::Reloaded {
        replayed,
        warnings,
        at: now,
    };
}

/// Starts the new version offered, with the seed of the session it replaces.
fn restart(world: &mut World) {
    let Some(offer) = world.resource_mut::<Watched>().offer.take() else {
        return;
    };
    let seed = world
        .get_resource::<Play>()
        .map_or_else(|| play::new_seed(world), |p| p.session.seed());
    let key = world.resource::<Watched>().key.clone();
    let session = Session::new(offer.scenario, seed);
    play::start(world, Some(key), session, None);
    let now = world.resource::<Time<Real>>().elapsed();
    *world.resource_mut::<Notice>() = Notice::Restarted { at: now };
}

/// How long the "reloaded" notice stays.
pub const NOTICE_FOR: Duration = Duration::from_secs(3);

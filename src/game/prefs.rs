//! The player's settings in the game: a Resource around `lost_order_app::Settings` (the plain
//! data, its file and its checks live there), saved at every change.

use bevy::prelude::*;

use lost_order_app::Folders;
pub use lost_order_app::settings::TextSize;
use lost_order_app::settings::{SetAside, Settings, load_settings};

/// Where the game keeps its settings and records (the user's folders, or a test's).
#[derive(Resource, Clone, Debug, Deref)]
pub struct Home(pub Folders);

/// The settings the game runs with; reads and writes as [`Settings`] (`prefs.lang`…).
#[derive(Resource, Clone, Debug, Deref, DerefMut)]
pub struct Prefs {
    #[deref]
    pub settings: Settings,
    /// The settings file that could not be read at start, if any (the title screen says so).
    pub set_aside: Option<SetAside>,
    /// False while an unreadable settings file could not be moved aside: it is never
    /// overwritten.
    pub may_save: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            settings: Settings::default(),
            set_aside: None,
            may_save: true,
        }
    }
}

impl Prefs {
    /// The saved settings; the defaults when there are none, or when the file cannot be read
    /// (then it is renamed aside, see `lost_order_app::settings::load_settings`, and logged).
    pub fn load(folders: &Folders) -> Prefs {
        let loaded = load_settings(&folders.settings_file());
        if let Some(aside) = &loaded.set_aside {
            warn!("{}", aside.message("en"));
        }
        Prefs {
            may_save: loaded.may_save(),
            settings: loaded.settings,
            set_aside: loaded.set_aside,
        }
    }

    /// Writes the settings file atomically; a failure is logged, the game goes on.
    pub fn save(&self, folders: &Folders) {
        if !self.may_save {
            return;
        }
        if let Err(e) = self.settings.save(&folders.settings_file()) {
            error!("cannot save settings: {e}");
        }
    }
}

/// Changes the settings and saves them at once.
pub fn update(world: &mut World, change: impl FnOnce(&mut Prefs)) {
    let home = world.resource::<Home>().clone();
    let mut prefs = world.resource_mut::<Prefs>();
    change(&mut prefs);
    prefs.save(&home);
}

//! The player's settings: language, name, text size, class seed, full screen; saved and restored.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use lost_order_app::{Folders, write_atomic};

/// Where the game keeps its settings and records (the user's folders, or a test's).
#[derive(Resource, Clone, Debug, Deref)]
pub struct Home(pub Folders);

/// Text size steps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSize {
    Small,
    #[default]
    Medium,
    Large,
    Larger,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [
        TextSize::Small,
        TextSize::Medium,
        TextSize::Large,
        TextSize::Larger,
    ];

    pub fn scale(self) -> f32 {
        match self {
            TextSize::Small => 0.875,
            TextSize::Medium => 1.0,
            TextSize::Large => 1.15,
            TextSize::Larger => 1.3,
        }
    }
}

/// Settings that survive a restart.
#[derive(Resource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// `zh` or `en`.
    pub lang: String,
    pub player: String,
    pub text_size: TextSize,
    /// Set by an instructor so a class faces one world; `None` means a fresh seed each session.
    pub class_seed: Option<u64>,
    pub fullscreen: bool,
    /// Where session records go; `None` means the user's data folder (`records/`).
    pub records_dir: Option<String>,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: lost_order_app::lang_from_env(),
            player: String::new(),
            text_size: TextSize::Medium,
            class_seed: None,
            fullscreen: false,
            records_dir: None,
        }
    }
}

impl Prefs {
    /// The saved settings, or the defaults when there are none or they cannot be read.
    pub fn load(folders: &Folders) -> Prefs {
        match std::fs::read_to_string(folders.settings_file()) {
            Ok(text) => ron::from_str(&text).unwrap_or_else(|e| {
                warn!("settings file unreadable, using defaults: {e}");
                Prefs::default()
            }),
            Err(_) => Prefs::default(),
        }
    }

    /// Writes the settings file atomically; a failure is logged, the game goes on.
    pub fn save(&self, folders: &Folders) {
        let text =
            ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).unwrap_or_default();
        if let Err(e) = write_atomic(&folders.settings_file(), &text) {
            error!("cannot save settings: {e}");
        }
    }

    /// The folder session records are written to.
    pub fn records(&self, folders: &Folders) -> std::path::PathBuf {
        self.records_dir
            .as_ref()
            .filter(|d| !d.trim().is_empty())
            .map_or_else(|| folders.records(), std::path::PathBuf::from)
    }

    pub fn scale(&self) -> f32 {
        self.text_size.scale()
    }
}

/// Changes the settings and saves them at once.
pub fn update(world: &mut World, change: impl FnOnce(&mut Prefs)) {
    let home = world.resource::<Home>().clone();
    let mut prefs = world.resource_mut::<Prefs>();
    change(&mut prefs);
    prefs.save(&home);
}

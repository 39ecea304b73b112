//! The Bevy front end: the window, the screens, and the plugins that drive the core's session.

pub mod bench;
mod catalog;
pub mod demo;
mod font;
mod input;
pub mod play;
pub mod prefs;
pub mod screens;
pub mod storage;
pub mod strings;
pub mod theme;
mod widgets;

use std::path::PathBuf;

use bevy::input_focus::tab_navigation::TabNavigationPlugin;
use bevy::prelude::*;
use bevy::window::{RequestRedraw, WindowResizeConstraints};
use bevy::winit::WinitSettings;
use lost_order_core::engine::Decision;

pub use catalog::Catalog;
pub use storage::Dirs;

/// How the game was started.
#[derive(Clone, Debug)]
pub struct GameOptions {
    /// Overrides the saved language for this run.
    pub lang: Option<String>,
    /// The world's seed for sessions started in this run (else the class seed, else fresh).
    pub seed: Option<u64>,
    /// The window's logical size.
    pub window_size: (u32, u32),
    /// Play these decisions through the UI and save screenshots, then quit.
    pub demo: Option<(Vec<Decision>, PathBuf)>,
}

/// The game's logic without a window or rendering: screens, session, settings.
/// Headless tests run exactly this with `MinimalPlugins` and `StatesPlugin`.
pub fn plugin(app: &mut App) {
    // Tests insert their own folders first; otherwise use the platform's.
    let dirs = app
        .world()
        .get_resource::<Dirs>()
        .cloned()
        .unwrap_or_else(Dirs::locate);
    let prefs = prefs::Prefs::load(&dirs);
    let catalog = Catalog::load();
    let has_save = play::unfinished(&prefs.records(&dirs), &catalog).is_some();
    app.insert_resource(catalog)
        .init_resource::<play::Recording>()
        .insert_resource(prefs)
        .insert_resource(dirs)
        .init_resource::<play::SeedOverride>()
        .add_message::<RequestRedraw>()
        .add_plugins(screens::plugin)
        .insert_resource(screens::HasSave(has_save));
}

/// Opens the window and runs the game until the player quits.
pub fn run(options: GameOptions) -> AppExit {
    let mut app = App::new();
    // A command aimed at a button that a rebuild just removed is harmless: warn, never crash.
    app.set_error_handler(bevy::ecs::error::warn);
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "失之交臂的订单 · The Lost Order".into(),
            resolution: options.window_size.into(),
            resize_constraints: WindowResizeConstraints {
                min_width: 1024.0,
                min_height: 640.0,
                ..default()
            },
            ..default()
        }),
        ..default()
    }))
    .add_plugins((TabNavigationPlugin, font::plugin, plugin, input::plugin))
    .insert_resource(ClearColor(theme::palette::BACKGROUND))
    .add_systems(Startup, (spawn_camera, apply_start_settings));
    app.insert_resource(play::SeedOverride(options.seed));
    if let Some(lang) = options.lang {
        app.world_mut().resource_mut::<prefs::Prefs>().lang = lang;
    }
    if bench::enabled() {
        app.add_plugins(bench::plugin);
    }
    match options.demo {
        Some((decisions, dir)) => {
            let _ = std::fs::create_dir_all(&dir);
            // The demo advances by frames, so it runs continuously.
            app.insert_resource(WinitSettings::game())
                .add_plugins(demo::plugin(decisions, dir));
        }
        // Reactive: no frames while nothing changes, so an idle board costs no CPU.
        None => {
            app.insert_resource(WinitSettings::desktop_app());
        }
    }
    app.run()
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

fn apply_start_settings(world: &mut World) {
    screens::apply_window_mode(world);
}

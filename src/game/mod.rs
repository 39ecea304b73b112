//! The Bevy front end: the window, the screens, and the plugins that drive the core's session.

pub mod authoring;
pub mod bench;
pub mod class;
pub mod demo;
mod font;
mod frames;
pub mod icons;
mod input;
pub mod motion;
pub mod play;
pub mod prefs;
pub mod screens;
pub mod theme;
mod trace;
mod wake;
pub mod widgets;

use std::path::PathBuf;

use bevy::input_focus::tab_navigation::TabNavigationPlugin;
use bevy::prelude::*;
use bevy::window::{RequestRedraw, WindowResizeConstraints};
use bevy::winit::WinitSettings;
use lost_order_app::{Catalog, Folders};
use lost_order_core::engine::Decision;

use prefs::Home;

/// How the game was started.
#[derive(Clone, Debug)]
pub struct GameOptions {
    /// Overrides the saved language for this run.
    pub lang: Option<String>,
    /// The world's seed for sessions started in this run (else the class seed, else fresh).
    pub seed: Option<u64>,
    /// The window's logical size in pixels (at least 1024×640).
    pub window_size: (u32, u32),
    /// Play these decisions through the UI and save screenshots into the folder, then quit.
    pub demo: Option<(Vec<Decision>, PathBuf)>,
    /// Play while writing: open this case file and read it again whenever it is saved.
    pub scenario: Option<PathBuf>,
    /// Open on the join screen with this class filled in (and remembered in the settings):
    /// the server's address (`http://` optional), the class code, and the trainee's name
    /// (`None` keeps the one in the settings); `--join ADDR --code CODE [--player NAME]`.
    pub join: Option<(String, String, Option<String>)>,
}

/// The scenarios the game offers (see `lost_order_app::Catalog`).
#[derive(Resource, Clone, Debug, Deref)]
pub struct Scenarios(pub Catalog);

/// The game's logic without a window or rendering: screens, session, settings.
/// Headless tests run exactly this with `MinimalPlugins` and `StatesPlugin`; they may insert
/// their own [`Home`] first, else the user's folders are used.
pub fn plugin(app: &mut App) {
    let home = app
        .world()
        .get_resource::<Home>()
        .cloned()
        .unwrap_or_else(|| Home(Folders::locate()));
    let prefs = prefs::Prefs::load(&home);
    app.insert_resource(Scenarios(Catalog::load()))
        .init_resource::<play::Recording>()
        .insert_resource(prefs)
        .insert_resource(home)
        .init_resource::<play::SeedOverride>()
        .add_message::<RequestRedraw>()
        // Screens read keys (Esc, typing); headless tests have no input plugin to add them.
        .add_message::<bevy::input::keyboard::KeyboardInput>()
        .add_plugins((class::plugin, screens::plugin));
}

/// Opens the window and runs the game until the player quits.
///
/// # Errors
/// When the demo's screenshot folder cannot be created, or the `scenario` to watch is not a
/// readable file.
pub fn run(options: GameOptions) -> std::io::Result<AppExit> {
    // A case file that is not there is said before any window opens.
    if let Some(path) = &options.scenario {
        authoring::check_path(path)?;
    }
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
    .add_plugins((
        TabNavigationPlugin,
        font::plugin,
        plugin,
        input::plugin,
        motion::plugin,
    ))
    .insert_resource(ClearColor(theme::palette::BACKGROUND))
    .add_systems(Startup, (spawn_camera, screens::apply_window_mode));
    app.insert_resource(play::SeedOverride(options.seed));
    if let Some((address, code, player)) = options.join {
        prefs::update(app.world_mut(), |p| {
            p.class_address = address;
            p.class_code = code;
            if let Some(player) = player {
                p.player = player;
            }
        });
        app.world_mut()
            .resource_mut::<NextState<screens::Screen>>()
            .set(screens::Screen::Join);
    }
    // After the join's settings are saved: a language given for this run is not saved.
    if let Some(lang) = options.lang {
        app.world_mut().resource_mut::<prefs::Prefs>().lang = lang;
    }
    if let Some(path) = &options.scenario {
        // The watcher's thread wakes the idle window when the file is saved.
        let proxy = app
            .world()
            .get_resource::<bevy::winit::EventLoopProxyWrapper>()
            .map(|p| (**p).clone());
        let wake: authoring::watch::Wake = Box::new(move || {
            if let Some(proxy) = &proxy {
                let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
            }
        });
        authoring::watch(&mut app, path, Some(wake))?;
    }
    if bench::enabled() {
        app.add_plugins(bench::plugin);
    }
    if trace::enabled() {
        app.add_plugins(trace::plugin);
    }
    match options.demo {
        Some((decisions, dir)) => {
            std::fs::create_dir_all(&dir).map_err(|e| {
                std::io::Error::new(e.kind(), format!("cannot create {}: {e}", dir.display()))
            })?;
            // The demo advances by frames, so it runs continuously.
            app.insert_resource(WinitSettings::game())
                .add_plugins(demo::plugin(decisions, dir));
        }
        // Reactive once the first screen is shown: no frames while nothing changes.
        None => {
            app.add_plugins(frames::plugin);
        }
    }
    Ok(app.run())
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

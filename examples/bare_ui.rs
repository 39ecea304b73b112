//! The baseline for scripts/bench-window.sh: a bare Bevy UI app with the game's features
//! (same crate build, same window settings, a title and a few buttons), nothing else.

use std::time::Instant;

use bevy::prelude::*;
use bevy::ui_widgets::Button;
use bevy::winit::WinitSettings;

fn main() {
    let start = Instant::now();
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "bare ui".into(),
                resolution: (1280u32, 800u32).into(),
                ..default()
            }),
            ..default()
        }))
        .insert_resource(WinitSettings::desktop_app())
        .add_systems(Startup, setup)
        .add_systems(Last, move |mut frames: Local<u32>| {
            *frames += 1;
            if *frames == 2 {
                eprintln!("bench: first-frame-ms {}", start.elapsed().as_millis());
                eprintln!("bench: board-ready");
            }
        })
        .run();
}

fn setup(mut commands: Commands) {
    commands.spawn(Camera2d);
    commands.spawn((
        Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            row_gap: px(8),
            ..default()
        },
        children![
            Text::new("Bare UI"),
            (
                Button,
                Node {
                    padding: UiRect::all(px(8)),
                    ..default()
                },
                children![Text::new("One")]
            ),
            (
                Button,
                Node {
                    padding: UiRect::all(px(8)),
                    ..default()
                },
                children![Text::new("Two")]
            ),
        ],
    ));
}

//! Brief motion that points the eye at what changed: a pulse on a stance that moved, and the
//! week's banner that fades in and out. Frames are asked for only while something moves.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;

/// Makes a node swell and settle once (a stance the player sees change).
#[derive(Component, Clone, Debug)]
pub struct Pulse(Timer);

impl Default for Pulse {
    fn default() -> Self {
        Pulse(Timer::new(Duration::from_millis(900), TimerMode::Once))
    }
}

/// Fades a node in, holds it, and fades it out, then hides it (the week's banner).
#[derive(Component, Clone, Debug)]
pub struct Flash(Timer);

impl Default for Flash {
    fn default() -> Self {
        Flash(Timer::new(Duration::from_millis(1600), TimerMode::Once))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (pulse, flash));
}

fn pulse(
    time: Res<Time>,
    mut nodes: Query<(Entity, &mut Pulse, &mut UiTransform)>,
    mut commands: Commands,
    mut frames: MessageWriter<RequestRedraw>,
) {
    for (entity, mut pulse, mut transform) in &mut nodes {
        pulse.0.tick(time.delta());
        let t = pulse.0.fraction();
        // Up to 1.3× and back, twice as fast up as down.
        let swell = if t < 0.3 { t / 0.3 } else { (1.0 - t) / 0.7 };
        transform.scale = Vec2::splat(1.0 + 0.3 * swell.clamp(0.0, 1.0));
        if pulse.0.is_finished() {
            transform.scale = Vec2::ONE;
            commands.entity(entity).try_remove::<Pulse>();
        } else {
            frames.write(RequestRedraw);
        }
    }
}

fn flash(
    time: Res<Time>,
    mut nodes: Query<(Entity, &mut Flash, &mut BackgroundColor, &Children)>,
    mut texts: Query<&mut TextColor>,
    mut commands: Commands,
    mut frames: MessageWriter<RequestRedraw>,
) {
    for (entity, mut flash, mut bg, children) in &mut nodes {
        flash.0.tick(time.delta());
        let t = flash.0.fraction();
        let alpha = if t < 0.2 {
            t / 0.2
        } else if t > 0.7 {
            (1.0 - t) / 0.3
        } else {
            1.0
        }
        .clamp(0.0, 1.0);
        bg.0.set_alpha(0.92 * alpha);
        for child in children {
            if let Ok(mut colour) = texts.get_mut(*child) {
                colour.0.set_alpha(alpha);
            }
        }
        if flash.0.is_finished() {
            commands.entity(entity).try_insert(Visibility::Hidden);
            commands.entity(entity).try_remove::<Flash>();
        } else {
            frames.write(RequestRedraw);
        }
    }
}

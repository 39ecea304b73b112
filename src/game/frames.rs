//! When frames are drawn: continuously at start until the first screen has surely reached the
//! display, then only on input (an idle board costs no CPU), plus a few frames after every
//! screen change so that the new screen is laid out before the player's next click lands.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};

use super::screens::{Screen, ScreenRoot};

/// How long the game draws continuously after its first screen exists. Under some X servers
/// the first presented frame is lost while the window is being mapped; drawing on for a moment
/// makes sure a frame lands after the window is shown.
const SETTLE: Duration = Duration::from_secs(3);

/// How many frames to draw after a screen change or a rebuild: the state transition, the
/// layout, and the pointer's hover over the new buttons.
const AFTER_CHANGE: u32 = 3;

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(WinitSettings {
        focused_mode: UpdateMode::Continuous,
        unfocused_mode: UpdateMode::Continuous,
    })
    .add_systems(Last, (settle, frames_after_change));
}

/// Switches to reactive updates once the first screen has been shown for [`SETTLE`].
fn settle(
    time: Res<Time<Real>>,
    roots: Query<(), With<ScreenRoot>>,
    mut shown_at: Local<Option<Duration>>,
    mut done: Local<bool>,
    mut settings: ResMut<WinitSettings>,
) {
    if *done || roots.is_empty() {
        return;
    }
    let now = time.elapsed();
    let since = *shown_at.get_or_insert(now);
    if now - since >= SETTLE {
        *settings = WinitSettings::desktop_app();
        *done = true;
    }
}

/// Asks for a few more frames whenever a screen change is pending or a screen was rebuilt.
fn frames_after_change(
    next: Res<NextState<Screen>>,
    rebuilt: Query<(), Added<ScreenRoot>>,
    mut left: Local<u32>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let pending = !matches!(*next, NextState::Unchanged);
    if pending || !rebuilt.is_empty() {
        *left = AFTER_CHANGE;
    }
    if *left > 0 {
        *left -= 1;
        redraw.write(RequestRedraw);
    }
}

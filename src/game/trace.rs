//! `LOST_ORDER_TRACE=1`: prints on stderr each screen the game shows and where its buttons are
//! (physical window pixels), so that a test can click the real window with `xdotool` as a person would.

use bevy::prelude::*;
use bevy::window::RequestRedraw;

use super::screens::{Screen, ScreenRoot};
use super::widgets::ButtonKey;

/// Whether tracing was asked for.
pub fn enabled() -> bool {
    std::env::var_os("LOST_ORDER_TRACE").is_some()
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, (screens, buttons));
}

fn screens(screen: Res<State<Screen>>) {
    if screen.is_changed() {
        eprintln!("trace: screen {:?}", screen.get());
    }
}

/// After a screen is built and laid out: `trace: button <key> <x> <y>` for each button's
/// centre in physical window pixels, then `trace: built <screen>`.
fn buttons(
    built: Query<(), Added<ScreenRoot>>,
    mut pending: Local<u32>,
    screen: Res<State<Screen>>,
    buttons: Query<(
        &ButtonKey,
        &ComputedNode,
        &UiGlobalTransform,
        &InheritedVisibility,
    )>,
    mut frames: MessageWriter<RequestRedraw>,
) {
    if !built.is_empty() {
        // Text is measured over a frame or two; report once the layout has settled.
        *pending = 3;
    }
    if *pending == 0 {
        return;
    }
    *pending -= 1;
    if *pending > 0 {
        frames.write(RequestRedraw);
        return;
    }
    for (key, node, transform, visible) in &buttons {
        if visible.get() && node.size().x > 0.0 {
            let c = transform.translation;
            eprintln!(
                "trace: button {} {} {}",
                key.as_str(),
                c.x.round(),
                c.y.round()
            );
        }
    }
    eprintln!("trace: built {:?}", screen.get());
}

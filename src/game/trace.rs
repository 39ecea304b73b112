//! `LOST_ORDER_TRACE=1`: prints on stderr each screen the game shows and where its buttons are
//! (physical window pixels), so that a test can click the real window with `xdotool` as a person would;
//! with `--scenario`, what the play-while-writing overlay shows; in a live class, the link's
//! state and a failed join.

use bevy::prelude::*;
use bevy::window::RequestRedraw;

use super::authoring::{Notice, Overlay, Watched};
use super::class::{ClassStatus, Joining, LinkState};
use super::screens::{LiveClass, Screen, ScreenRoot};
use super::widgets::ButtonKey;

/// Whether tracing was asked for.
pub fn enabled() -> bool {
    std::env::var_os("LOST_ORDER_TRACE").is_some()
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, (screens, buttons, overlay, notice, class, instructor));
}

/// `trace: class connected <waiting>`, `trace: class offline <waiting>`, `trace: class
/// refused <waiting>` as the link changes; `trace: class rejoining` and `trace: class rejoin
/// failed <error>` for a session continued into its class; `trace: join failed <error>`
/// when a join fails.
fn class(status: Res<ClassStatus>, joining: Res<Joining>) {
    if status.is_changed()
        && let Some(s) = &status.0
    {
        match s {
            LinkState::Rejoining => eprintln!("trace: class rejoining"),
            LinkState::RejoinFailed(e) => eprintln!("trace: class rejoin failed {e:?}"),
            LinkState::Linked {
                connected,
                unsent,
                refused,
            } => {
                let state = match (refused, connected) {
                    (true, _) => "refused",
                    (false, true) => "connected",
                    (false, false) => "offline",
                };
                eprintln!("trace: class {state} {unsent}");
            }
        }
    }
    if joining.is_changed()
        && let Some(e) = &joining.error
    {
        eprintln!("trace: join failed {e:?}");
    }
}

/// The instructor view's live class as it changes: `trace: instructor live <joined>
/// <finished>`, `… connecting`, `… unreachable`, `… refused <reason>`, `… missing <field>`.
fn instructor(live: Res<LiveClass>, mut said: Local<Option<String>>) {
    if !live.is_changed() {
        return;
    }
    let now = live.trace_line();
    if now.is_some() && *said != now {
        eprintln!("{}", now.as_deref().unwrap_or_default());
    }
    *said = now;
}

/// Play while writing: `trace: overlay mistake <path:line:col>` (the first mistake),
/// `trace: overlay restart` when a restart is offered, `trace: overlay none` when it goes.
fn overlay(watched: Option<Res<Watched>>, mut said: Local<String>) {
    let Some(w) = watched.filter(|w| w.is_changed()) else {
        return;
    };
    let mut now = Vec::new();
    if w.shows_overlay() {
        if let Some(m) = w.mistakes.first() {
            now.push(format!("trace: overlay mistake {}", m.location));
        }
        if w.offer.is_some() {
            now.push("trace: overlay restart".to_string());
        }
    }
    if now.is_empty() {
        now.push("trace: overlay none".to_string());
    }
    let now = now.join("\n");
    if *said != now {
        eprintln!("{now}");
        *said = now;
    }
}

/// `trace: reloaded` or `trace: restarted` as the notice appears.
fn notice(notice: Option<Res<Notice>>) {
    match notice.filter(|n| n.is_changed()).as_deref() {
        Some(Notice::Reloaded { .. }) => eprintln!("trace: reloaded"),
        Some(Notice::Restarted { .. }) => eprintln!("trace: restarted"),
        _ => {}
    }
}

fn screens(screen: Res<State<Screen>>) {
    if screen.is_changed() {
        eprintln!("trace: screen {:?}", screen.get());
    }
}

/// After a screen is built and laid out: `trace: button <key> <x> <y>` for each button's
/// centre in physical window pixels, then `trace: built <screen>`.
/// A screen's root or the overlay, just spawned.
type NewRoot = Or<(Added<ScreenRoot>, Added<Overlay>)>;

fn buttons(
    built: Query<(), NewRoot>,
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

//! The class line on every screen a class's session is played on (grading, board and its
//! scenes, tender, reveal, debrief): one widget that a screen places where it fits; this
//! module fills every placed line with the link's state, and refills them when it changes,
//! without rebuilding the screens (docs/classroom.md).

use bevy::prelude::*;

use super::{Ctx, Rebuild};
use crate::game::class::ClassStatus;
use crate::game::prefs::Prefs;
use crate::game::theme::{GAP_S, palette};
use crate::game::widgets::{chip, row};

/// Where a screen shows the class line; empty (and taking no room) outside a class.
#[derive(Component, Clone, Copy, Debug, Default)]
pub struct ClassLine;

/// The class line, to spawn where the screen wants it.
pub fn class_line() -> impl Bundle {
    (
        ClassLine,
        Node {
            display: Display::None,
            ..row(GAP_S)
        },
    )
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, fill.after(Rebuild));
}

/// Fills the lines just placed, and every line when the link's state or the settings change.
fn fill(
    status: Res<ClassStatus>,
    prefs: Res<Prefs>,
    added: Query<(), Added<ClassLine>>,
    mut lines: Query<(Entity, &mut Node), With<ClassLine>>,
    mut commands: Commands,
) {
    if added.is_empty() && !status.is_changed() && !prefs.is_changed() {
        return;
    }
    let ctx = Ctx::new(&prefs);
    for (line, mut node) in &mut lines {
        commands.entity(line).despawn_children();
        let Some(link) = &status.0 else {
            node.display = Display::None;
            continue;
        };
        node.display = Display::Flex;
        let colour = if link.healthy() {
            palette::ACCENT
        } else if matches!(link, crate::game::class::LinkState::Rejoining) {
            palette::INK_SOFT
        } else {
            palette::LOST
        };
        commands
            .entity(line)
            .with_child(chip(link.words(ctx.lang), colour, ctx.scale));
    }
}

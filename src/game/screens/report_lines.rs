//! Reporting lines on the buying-center map: thin rotated bars from each boss's card to each
//! report's card, placed after layout from where the cards actually ended up.

use bevy::prelude::*;
use bevy::ui::UiSystems;
use bevy::window::RequestRedraw;

/// A line from the bottom of `boss`'s card to the top of `report`'s card.
#[derive(Component, Clone, Copy, Debug)]
pub struct ReportLine {
    pub boss: Entity,
    pub report: Entity,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PostUpdate, place.after(UiSystems::Layout));
}

/// A line's bundle; `place` gives it its position, length and angle.
pub fn line(boss: Entity, report: Entity) -> impl Bundle {
    (
        ReportLine { boss, report },
        Node {
            position_type: PositionType::Absolute,
            height: px(2),
            ..default()
        },
        UiTransform::default(),
        BackgroundColor(super::super::theme::palette::INK_SOFT.with_alpha(0.75)),
        // A white casing, as roads on a map have: where two lines cross, the one on top
        // interrupts the other, so each can be followed.
        Outline {
            width: px(1.5),
            offset: px(0),
            color: super::super::theme::palette::SURFACE,
        },
        Pickable::IGNORE,
    )
}

fn place(
    mut lines: Query<(&ReportLine, &ChildOf, &mut Node, &mut UiTransform)>,
    nodes: Query<(&ComputedNode, &UiGlobalTransform)>,
    scrolls: Query<&ScrollPosition>,
    mut frames: MessageWriter<RequestRedraw>,
) {
    for (line, parent, mut node, mut transform) in &mut lines {
        let (Ok(boss), Ok(report), Ok(container)) = (
            nodes.get(line.boss),
            nodes.get(line.report),
            nodes.get(parent.parent()),
        ) else {
            continue;
        };
        let k = container.0.inverse_scale_factor();
        let origin = container.1.translation - container.0.size() / 2.0;
        let scroll = scrolls.get(parent.parent()).map_or(Vec2::ZERO, |s| **s);
        let from =
            (boss.1.translation + Vec2::new(0.0, boss.0.size().y / 2.0) - origin) * k + scroll;
        let to =
            (report.1.translation - Vec2::new(0.0, report.0.size().y / 2.0) - origin) * k + scroll;
        let length = from.distance(to);
        if length < 1.0 {
            continue;
        }
        let mid = (from + to) / 2.0;
        let (left, top, width) = (px(mid.x - length / 2.0), px(mid.y - 1.0), px(length));
        let rotation = Rot2::radians((to - from).to_angle());
        if node.left != left || node.top != top || node.width != width {
            node.left = left;
            node.top = top;
            node.width = width;
            transform.rotation = rotation;
            // The new position is laid out on the next frame.
            frames.write(RequestRedraw);
        }
    }
}

//! The class charts of the report drawn with nodes, for projection: endings, scores, roles
//! covered, the most common fatal mistakes and who engaged each person. The records folder's
//! view and the live class's both draw them, from the report's own figures.

use bevy::prelude::*;
use lost_order_core::report::{Count, Engagement};

use crate::game::screens::Ctx;
use crate::game::theme::{GAP_M, Type, palette};
use crate::game::widgets::{card_with, label, row, small};

/// The figures a chart set is drawn from (a folder's report, or a live class's counts).
pub(super) struct ChartFigures<'a> {
    /// Trainees by ending.
    pub endings: &'a [Count],
    /// Finished sessions by score, in bins of 10 points.
    pub scores: &'a [Count],
    /// Trainees who covered each buying role.
    pub roles: &'a [Count],
    /// Rubric lines most often at 0 points, by the name of their failure.
    pub mistakes: &'a [Count],
    /// Trainees who engaged each person.
    pub engagement: &'a [Engagement],
}

/// The five charts side by side (wrapping), into `p`.
pub(super) fn class_charts(ctx: &Ctx, f: &ChartFigures, p: &mut ChildSpawnerCommands) {
    p.spawn(Node {
        align_items: AlignItems::FlexStart,
        flex_wrap: FlexWrap::Wrap,
        row_gap: px(GAP_M),
        ..row(GAP_M)
    })
    .with_children(|charts| {
        chart(ctx, charts, ctx.tr("结局", "Endings"), f.endings);
        chart(
            ctx,
            charts,
            ctx.tr("得分分布", "Score distribution"),
            f.scores,
        );
        chart(
            ctx,
            charts,
            ctx.tr("覆盖各采购角色的学员数", "Trainees covering each role"),
            f.roles,
        );
        chart(
            ctx,
            charts,
            ctx.tr("最常见的致命错误", "Most common fatal mistakes"),
            f.mistakes,
        );
        let engaged: Vec<Count> = f
            .engagement
            .iter()
            .map(|e| Count {
                id: e.person.to_string(),
                label: e.name.clone(),
                count: e.trainees,
            })
            .collect();
        chart(
            ctx,
            charts,
            ctx.tr("接触过各人的学员数", "Trainees who engaged each person"),
            &engaged,
        );
    });
}

/// A bar chart of counts, drawn with nodes: a label, a bar as long as the count, the number.
fn chart(ctx: &Ctx, parent: &mut ChildSpawnerCommands, title: &str, items: &[Count]) {
    let k = ctx.scale;
    let max = items.iter().map(|c| c.count).max().unwrap_or(0).max(1) as f32;
    parent
        .spawn(card_with(Node {
            width: px(460.0 * k),
            ..default()
        }))
        .with_children(|c| {
            c.spawn(label(title, Type::Body, k, palette::INK_SOFT));
            if items.is_empty() {
                c.spawn(small(ctx.tr("（暂无）", "(none yet)"), k));
            }
            for item in items {
                c.spawn(row(GAP_M)).with_children(|line| {
                    line.spawn((
                        Node {
                            width: px(150.0 * k),
                            ..default()
                        },
                        children![small(item.label.clone(), k)],
                    ));
                    line.spawn((
                        Node {
                            width: px(item.count as f32 / max * 220.0 * k),
                            height: px(14.0 * k),
                            ..default()
                        },
                        BackgroundColor(palette::ACCENT),
                    ));
                    line.spawn(small(item.count.to_string(), k));
                });
            }
        });
}

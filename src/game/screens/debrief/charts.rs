//! The debrief's charts: true vs believed stance by week, the four buying roles covered, and
//! the player's path beside Liao's.

use bevy::prelude::*;
use lost_order_core::engine::Session;
use lost_order_core::narrate::{self, role_name};
use lost_order_core::scenario::BuyingRole;

use crate::game::icons::{self, Icon};
use crate::game::screens::Ctx;
use crate::game::theme::{GAP_M, GAP_S, Type, palette};
use crate::game::widgets::{
    body, card, card_with, column, icon, icon_label, label, row, signed, small, stance_chip,
};

/// Each person's true stance week by week, with what the player believed beneath.
pub(super) fn stance_chart(ctx: &Ctx, s: &Session, page: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    let sc = s.scenario();
    page.spawn(card()).with_children(|c| {
        c.spawn(label(
            ctx.tr(
                "每周真实立场（上）与你的判断（下）",
                "True stance by week (top) and what you believed (bottom)",
            ),
            Type::Body,
            k,
            palette::INK_SOFT,
        ));
        // Week numbers over the columns.
        c.spawn(row(GAP_S)).with_children(|r| {
            r.spawn(Node {
                width: px(150.0 * k),
                ..default()
            });
            for snap in s.history() {
                r.spawn((
                    Node {
                        width: px(52.0 * k),
                        ..default()
                    },
                    children![small(ctx.week(snap.week), k * 0.9)],
                ));
            }
        });
        for (i, p) in sc.people.iter().enumerate() {
            c.spawn(row(GAP_S)).with_children(|r| {
                r.spawn((
                    Node {
                        width: px(150.0 * k),
                        ..default()
                    },
                    children![small(p.name.get(ctx.lang), k)],
                ));
                for snap in s.history() {
                    let truth = snap.support[i];
                    let believed = snap.believed[i].map_or(ctx.tr("？", "?").to_string(), signed);
                    r.spawn((Node {
                        width: px(52.0 * k),
                        ..column(1.0)
                    },))
                        .with_children(|cell| {
                            cell.spawn(stance_chip(truth, k * 0.9));
                            cell.spawn(small(believed, k * 0.9));
                        });
                }
            });
        }
        c.spawn(small(
            ctx.tr(
                "每格上方为当周结束时的真实立场，下方为你当时的判断（？表示不知道）。",
                "In each cell: above, the true stance at the week's end; below, what you believed then (? = not known).",
            ),
            k,
        ));
    });
}

/// Which of the four buying roles the player covered, and who truly held each.
pub(super) fn roles(ctx: &Ctx, s: &Session, page: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    let sc = s.scenario();
    page.spawn(card()).with_children(|c| {
        c.spawn(label(
            ctx.tr("四种采购角色的覆盖", "The four buying roles covered"),
            Type::Body,
            k,
            palette::INK_SOFT,
        ));
        for role in BuyingRole::FOUR {
            let holders: Vec<usize> = s
                .truth()
                .people
                .iter()
                .enumerate()
                .filter(|(_, p)| p.role == role)
                .map(|(i, _)| i)
                .collect();
            if holders.is_empty() {
                continue;
            }
            let covered = s.covered_roles().contains(&role);
            let names: Vec<&str> = holders
                .iter()
                .map(|&i| sc.people[i].name.get(ctx.lang))
                .collect();
            let (mark, colour) = if covered {
                (Icon::Check, palette::WON)
            } else {
                (Icon::Cross, palette::LOST)
            };
            c.spawn(row(GAP_S)).with_children(|line| {
                line.spawn(icon(mark, Type::Body, k, colour));
                line.spawn(icon_label(
                    icons::role(role),
                    format!(
                        "{} — {}",
                        role_name(role, ctx.lang),
                        names.join(ctx.tr("、", ", "))
                    ),
                    Type::Body,
                    k,
                    colour,
                ));
            });
        }
        // What the player believed about roles and when it was corrected (Liu's assumed
        // "decision maker" is the case's central misreading).
        let misread = narrate::misread_roles(s, ctx.lang);
        if !misread.is_empty() {
            c.spawn(label(
                ctx.tr("你以为的角色", "The roles you believed"),
                Type::Body,
                k,
                palette::INK_SOFT,
            ));
            for line in misread {
                c.spawn(small(line, k));
            }
        }
    });
}

/// The player's actions by week beside Liao's path with the same seed.
pub(super) fn paths(
    ctx: &Ctx,
    s: &Session,
    liao: Option<&Session>,
    page: &mut ChildSpawnerCommands,
) {
    let k = ctx.scale;
    page.spawn(Node {
        align_items: AlignItems::FlexStart,
        ..row(GAP_M)
    })
    .with_children(|r| {
        r.spawn(card_with(Node {
            flex_grow: 1.0,
            flex_basis: px(0),
            ..default()
        }))
        .with_children(|c| {
            c.spawn(label(
                ctx.tr("你的路径", "Your path"),
                Type::Body,
                k,
                palette::INK_SOFT,
            ));
            for line in path_lines(ctx, s) {
                c.spawn(small(line, k));
            }
        });
        r.spawn(card_with(Node {
            flex_grow: 1.0,
            flex_basis: px(0),
            ..default()
        }))
        .with_children(|c| {
            c.spawn(label(
                ctx.tr("廖总的路径（同一种子）", "Liao's path (same seed)"),
                Type::Body,
                k,
                palette::INK_SOFT,
            ));
            if let Some(liao) = liao {
                for line in path_lines(ctx, liao) {
                    c.spawn(small(line, k));
                }
                if let Some(t) = liao.tender() {
                    c.spawn(body(
                        format!(
                            "{} · {}/100",
                            if t.won {
                                ctx.tr("赢", "won")
                            } else {
                                ctx.tr("输", "lost")
                            },
                            t.score.total
                        ),
                        k,
                    ));
                }
            }
        });
    });
}

/// The session's actions by week, as the class report words them.
fn path_lines(ctx: &Ctx, s: &Session) -> Vec<String> {
    lost_order_core::report::row_from_session(s, ctx.lang)
        .path
        .into_iter()
        .enumerate()
        .map(|(i, acts)| {
            let text = if acts.is_empty() {
                ctx.tr("（无行动）", "(nothing)").to_string()
            } else {
                acts
            };
            format!("{}{}{text}", ctx.week(i as u32 + 1), ctx.tr("：", ": "))
        })
        .collect()
}

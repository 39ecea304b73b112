//! The debrief: score and rubric, true vs believed stances by week, roles covered, your path
//! beside Liao's, and "what if" replays from any week with the same seed.

use bevy::prelude::*;
use lost_order_core::engine::Session;
use lost_order_core::narrate::role_name;
use lost_order_core::policy::Policy;
use lost_order_core::scenario::BuyingRole;

use super::{Ctx, UiAction};
use crate::game::theme::{GAP_L, GAP_M, GAP_S, Type, palette, role_icon, stance_mark};
use crate::game::widgets::{
    ButtonLook, body, button, card, card_with, chip, column, heading, label, page, row, small,
};

pub fn build(ctx: &Ctx, class: &super::instructor::ClassView, root: &mut ChildSpawnerCommands) {
    let Some(play) = ctx.play else { return };
    let s = &play.session;
    let Some(t) = s.tender() else { return };
    let k = ctx.scale;
    let sc = s.scenario();
    root.spawn(page()).with_children(|page| {
        page.spawn(row(GAP_L)).with_children(|r| {
            r.spawn(heading(ctx.tr("复盘", "Debrief"), k * 1.3));
            let (text, colour) = if t.won {
                (ctx.tr("赢得订单", "Order won"), palette::WON)
            } else {
                (ctx.tr("失去订单", "Order lost"), palette::LOST)
            };
            r.spawn(label(text, Type::Heading, k, colour));
            r.spawn(label(
                format!("{} {}/100", ctx.tr("得分", "Score"), t.score.total),
                Type::Heading,
                k,
                palette::ACCENT,
            ));
        });
        page.spawn(card()).with_children(|c| {
            c.spawn(label(
                ctx.tr("评分细则", "The rubric"),
                Type::Body,
                k,
                palette::INK_SOFT,
            ));
            for (line, got) in sc.rubric.iter().zip(&t.score.lines) {
                c.spawn(column(2.0)).with_children(|l| {
                    let colour = if got.points == 0 {
                        palette::LOST
                    } else {
                        palette::INK
                    };
                    l.spawn(label(
                        format!(
                            "{:>3}/{:<3} {}",
                            got.points,
                            got.max,
                            line.label.get(ctx.lang)
                        ),
                        Type::Body,
                        k,
                        colour,
                    ));
                    l.spawn(small(
                        format!(
                            "{}: {}",
                            ctx.tr("概念", "Concept"),
                            line.concept.get(ctx.lang)
                        ),
                        k,
                    ));
                    l.spawn(small(
                        format!(
                            "{}: {}",
                            ctx.tr("启示", "Lesson"),
                            line.lesson.get(ctx.lang)
                        ),
                        k,
                    ));
                });
            }
        });
        stance_chart(ctx, s, page);
        roles(ctx, s, page);
        paths(ctx, s, page);
        page.spawn(card()).with_children(|c| {
            c.spawn(label(
                ctx.tr(
                    "如果当初……：用同一个种子从某一周重来",
                    "What if: replay from week N with the same seed",
                ),
                Type::Body,
                k,
                palette::INK_SOFT,
            ));
            c.spawn(row(GAP_M)).with_children(|r| {
                for week in 1..=sc.settings.weeks {
                    r.spawn(button(
                        ctx.week(week),
                        UiAction::WhatIf(week),
                        ButtonLook::Secondary,
                        k,
                    ));
                }
            });
        });
        page.spawn(row(GAP_M)).with_children(|r| {
            r.spawn(button(
                ctx.tr("回到标题画面", "Back to the title"),
                UiAction::ToTitle,
                ButtonLook::Primary,
                k,
            ));
            r.spawn(button(
                ctx.tr("导出本次会话的报告", "Export this session's report"),
                UiAction::ExportSession,
                ButtonLook::Secondary,
                k,
            ));
        });
        if let Some(m) = &class.message {
            page.spawn(body(m.clone(), k));
        }
    });
}

/// Each person's true stance week by week, with what the player believed beneath.
fn stance_chart(ctx: &Ctx, s: &Session, page: &mut ChildSpawnerCommands) {
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
                    let (colour, _) = stance_mark(truth);
                    let believed = snap.believed[i].map_or("?".to_string(), signed);
                    r.spawn((Node {
                        width: px(46.0 * k),
                        ..column(1.0)
                    },))
                        .with_children(|cell| {
                            cell.spawn(chip(signed(truth), colour, k * 0.9));
                            cell.spawn(small(believed, k * 0.9));
                        });
                }
            });
        }
        let weeks: Vec<String> = s.history().iter().map(|h| h.week.to_string()).collect();
        c.spawn(small(
            format!(
                "{}: {}",
                ctx.tr("列为周次", "Columns are weeks"),
                weeks.join(" · ")
            ),
            k,
        ));
    });
}

/// A stance as a number with its sign, using a true minus sign.
fn signed(v: i32) -> String {
    match v {
        0 => "0".into(),
        v if v > 0 => format!("+{v}"),
        v => format!("−{}", v.abs()),
    }
}

fn roles(ctx: &Ctx, s: &Session, page: &mut ChildSpawnerCommands) {
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
                ("✓", palette::WON)
            } else {
                ("×", palette::LOST)
            };
            c.spawn(label(
                format!(
                    "{mark} {} {} — {}",
                    role_icon(role),
                    role_name(role, ctx.lang),
                    names.join(", ")
                ),
                Type::Body,
                k,
                colour,
            ));
        }
    });
}

/// The player's actions by week beside Liao's path with the same seed.
fn paths(ctx: &Ctx, s: &Session, page: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    let liao = lost_order_core::simulate::play(s.scenario_arc(), Policy::Liao, s.seed()).ok();
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
            if let Some(run) = &liao {
                for line in path_lines(ctx, &run.session) {
                    c.spawn(small(line, k));
                }
                if let Some(t) = run.session.tender() {
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
            format!("{}: {text}", ctx.week(i as u32 + 1))
        })
        .collect()
}

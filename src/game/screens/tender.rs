//! The tender: compose the bid with what you know of each evaluator's criteria beside it.

use bevy::prelude::*;
use lost_order_core::scenario::BidOption;

use super::{Ctx, UiAction};
use crate::game::theme::{GAP_L, GAP_M, Type, palette};
use crate::game::widgets::{ButtonLook, body, button, card, column, heading, label, row, small};

pub fn build(ctx: &Ctx, root: &mut ChildSpawnerCommands) {
    let Some(play) = ctx.play else { return };
    let s = &play.session;
    let sc = s.scenario();
    let t = &sc.tender;
    let k = ctx.scale;
    let bid = &ctx.draft.0;
    root.spawn(Node {
        flex_direction: FlexDirection::Row,
        column_gap: px(GAP_L),
        padding: UiRect::all(px(GAP_L)),
        height: percent(100),
        ..default()
    })
    .with_children(|page| {
        page.spawn((
            Node {
                flex_grow: 3.0,
                flex_basis: px(0),
                height: percent(100),
                overflow: Overflow::scroll_y(),
                ..column(GAP_M)
            },
            ScrollPosition::default(),
        ))
        .with_children(|left| {
            left.spawn(heading(ctx.tr("编制标书", "Compose your bid"), k * 1.2));
            options(
                ctx,
                left,
                ctx.tr("报价（选一项）", "Price (pick one)"),
                &t.price_levels,
                |o| bid.price == o.id,
                |o| UiAction::Price(o.id.clone()),
            );
            options(
                ctx,
                left,
                &format!(
                    "{} ({} {})",
                    ctx.tr("方案重点", "Emphasis"),
                    ctx.tr("最多", "up to"),
                    t.max_emphases
                ),
                &t.emphases,
                |o| bid.emphases.contains(&o.id),
                |o| UiAction::ToggleEmphasis(o.id.clone()),
            );
            options(
                ctx,
                left,
                &format!(
                    "{} ({} {})",
                    ctx.tr("承诺", "Commitments"),
                    ctx.tr("最多", "up to"),
                    t.max_commitments
                ),
                &t.commitments,
                |o| bid.commitments.contains(&o.id),
                |o| UiAction::ToggleCommitment(o.id.clone()),
            );
            left.spawn(button(
                ctx.tr("提交标书", "Submit the bid"),
                UiAction::SubmitBid,
                ButtonLook::Primary,
                k,
            ));
        });
        page.spawn((
            Node {
                flex_grow: 2.0,
                flex_basis: px(0),
                height: percent(100),
                overflow: Overflow::scroll_y(),
                ..column(GAP_M)
            },
            ScrollPosition::default(),
        ))
        .with_children(|right| {
            right.spawn(heading(
                ctx.tr("你所知道的评标人", "What you know of the evaluators"),
                k,
            ));
            let addressed = addressed(ctx);
            for (p, b) in sc
                .people
                .iter()
                .zip(s.beliefs())
                .filter(|(_, b)| b.on_map())
            {
                right.spawn(card()).with_children(|c| {
                    c.spawn(body(p.name.get(ctx.lang), k));
                    match &b.criteria {
                        None => {
                            c.spawn(small(
                                ctx.tr("不知道他关心什么", "You do not know what they care about"),
                                k,
                            ));
                        }
                        Some(criteria) => {
                            for crit in &criteria.value {
                                let met = addressed.contains(crit);
                                let (mark, colour) = if met {
                                    ("✓", palette::WON)
                                } else {
                                    ("×", palette::LOST)
                                };
                                let text = format!(
                                    "{mark} {} — {}",
                                    sc.criterion_name(crit, ctx.lang),
                                    if met {
                                        ctx.tr("已回应", "addressed")
                                    } else {
                                        ctx.tr("未回应", "not addressed")
                                    }
                                );
                                c.spawn(label(text, Type::Small, k, colour));
                            }
                        }
                    }
                });
            }
        });
    });
}

/// Criteria the draft bid addresses, as the core will judge them.
fn addressed(ctx: &Ctx) -> Vec<String> {
    let Some(play) = ctx.play else {
        return Vec::new();
    };
    play.session
        .addresses(&ctx.draft.0)
        .into_iter()
        .filter(|(_, strength)| *strength > 0)
        .map(|(c, _)| c)
        .collect()
}

fn options(
    ctx: &Ctx,
    parent: &mut ChildSpawnerCommands,
    title: &str,
    list: &[BidOption],
    chosen: impl Fn(&BidOption) -> bool,
    action: impl Fn(&BidOption) -> UiAction,
) {
    let k = ctx.scale;
    parent.spawn(card()).with_children(|c| {
        c.spawn(body(title, k));
        c.spawn(row(GAP_M)).with_children(|r| {
            for o in list {
                let on = chosen(o);
                let text = format!("{}{}", if on { "✓ " } else { "" }, o.label.get(ctx.lang));
                r.spawn(button(
                    text,
                    action(o),
                    if on {
                        ButtonLook::Selected
                    } else {
                        ButtonLook::Secondary
                    },
                    k,
                ));
            }
        });
    });
}

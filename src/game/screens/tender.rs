//! The tender: compose the bid with what you know of each evaluator's criteria beside it.

use bevy::prelude::*;
use lost_order_core::engine::{Bid, Decision, Session};
use lost_order_core::narrate;
use lost_order_core::scenario::{BidOption, Id};

use super::{Ctx, Screen, ScreenAction, ScreenUi, build_screen, route};
use crate::game::icons::Icon;
use crate::game::play::{self, Play, SessionStarted};
use crate::game::prefs::Prefs;
use crate::game::theme::{GAP_L, GAP_M, Type, palette};
use crate::game::widgets::{
    ButtonLook, body, button, card, column, footer, heading, icon_label, label, row, small,
};

/// What the tender's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum TenderAction {
    /// Pick the price level with this id.
    Price(Id),
    /// Add or remove an emphasis (up to the scenario's `max_emphases`).
    ToggleEmphasis(Id),
    /// Add or remove a commitment (up to the scenario's `max_commitments`).
    ToggleCommitment(Id),
    SubmitBid,
}

/// The bid being composed.
#[derive(Resource, Clone, Debug, Default)]
pub struct BidDraft(pub Bid);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BidDraft>().add_observer(reset_draft);
    build_screen(
        app,
        Screen::Tender,
        rebuild,
        resource_changed::<Prefs>.or_eager(resource_changed::<BidDraft>),
    );
    route::<TenderAction>(app);
}

/// A new session starts with the scenario's default price and nothing else.
fn reset_draft(_: On<SessionStarted>, play: Option<Res<Play>>, mut draft: ResMut<BidDraft>) {
    let price = play
        .map(|p| p.session.scenario().tender.default_price.clone())
        .unwrap_or_default();
    draft.0 = Bid { price, ..default() };
}

impl ScreenAction for TenderAction {
    fn perform(self, world: &mut World) {
        match self {
            TenderAction::Price(id) => world.resource_mut::<BidDraft>().0.price = id,
            TenderAction::ToggleEmphasis(id) => toggle(world, id, true),
            TenderAction::ToggleCommitment(id) => toggle(world, id, false),
            TenderAction::SubmitBid => {
                let bid = world.resource::<BidDraft>().0.clone();
                play::decide(world, &Decision::Bid(bid));
            }
        }
    }
}

/// Adds or removes an option of the draft, keeping within the scenario's maximum.
fn toggle(world: &mut World, id: Id, emphasis: bool) {
    let Some(max) = world.get_resource::<Play>().map(|p| {
        let t = &p.session.scenario().tender;
        if emphasis {
            t.max_emphases
        } else {
            t.max_commitments
        }
    }) else {
        return;
    };
    let mut draft = world.resource_mut::<BidDraft>();
    let list = if emphasis {
        &mut draft.0.emphases
    } else {
        &mut draft.0.commitments
    };
    if let Some(i) = list.iter().position(|x| *x == id) {
        list.remove(i);
    } else if list.len() < max as usize {
        list.push(id);
    }
}

fn rebuild(mut ui: ScreenUi, prefs: Res<Prefs>, draft: Res<BidDraft>, play: Option<Res<Play>>) {
    let Some(play) = play else { return };
    let ctx = Ctx::new(&prefs);
    ui.build(|root| build(&ctx, &draft.0, &play.session, root));
}

fn build(ctx: &Ctx, bid: &Bid, s: &Session, root: &mut ChildSpawnerCommands) {
    let sc = s.scenario();
    let t = &sc.tender;
    let k = ctx.scale;
    root.spawn(Node {
        flex_direction: FlexDirection::Row,
        column_gap: px(GAP_L),
        padding: UiRect::all(px(GAP_L)),
        flex_grow: 1.0,
        min_height: px(0),
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
                |o| TenderAction::Price(o.id.clone()),
                // A price level shows what it leaves the supplier: winning cheap costs profit.
                |o| match narrate::price_margin_label(sc, &o.id, ctx.lang) {
                    Some(margin) => format!("{} · {margin}", o.label.get(ctx.lang)),
                    None => o.label.get(ctx.lang).to_string(),
                },
            );
            options(
                ctx,
                left,
                &up_to(ctx, ctx.tr("方案重点", "Emphasis"), t.max_emphases),
                &t.emphases,
                |o| bid.emphases.contains(&o.id),
                |o| TenderAction::ToggleEmphasis(o.id.clone()),
                |o| o.label.get(ctx.lang).to_string(),
            );
            options(
                ctx,
                left,
                &up_to(ctx, ctx.tr("承诺", "Commitments"), t.max_commitments),
                &t.commitments,
                |o| bid.commitments.contains(&o.id),
                |o| TenderAction::ToggleCommitment(o.id.clone()),
                |o| o.label.get(ctx.lang).to_string(),
            );
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
            // What a coach told of how the tender will be judged (their planning help).
            let told = narrate::known_tender(s, ctx.lang);
            if let Some((first, rest)) = told.split_first() {
                right.spawn(card()).with_children(|c| {
                    c.spawn(icon_label(
                        Icon::Star,
                        first.clone(),
                        Type::Body,
                        k,
                        palette::FOCUS,
                    ));
                    for line in rest {
                        c.spawn(small(line.clone(), k));
                    }
                });
            }
            let addressed = addressed(s, bid);
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
                                ctx.tr(
                                    "还不知道此人关心什么",
                                    "You do not know what they care about",
                                ),
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
    root.spawn(footer()).with_children(|f| {
        f.spawn(button(
            ctx.tr("提交标书", "Submit the bid"),
            TenderAction::SubmitBid,
            ButtonLook::Primary,
            k,
        ));
        f.spawn(super::class_line());
    });
}

/// A list's title with its limit: "方案重点（最多 2 项）" / "Emphasis (up to 2)".
fn up_to(ctx: &Ctx, what: &str, max: u32) -> String {
    lost_order_core::text::fill(
        ctx.tr("{what}（最多 {n} 项）", "{what} (up to {n})"),
        &[("what", what), ("n", &max.to_string())],
    )
}

/// Criteria the draft bid addresses, as the core will judge them.
fn addressed(s: &Session, bid: &Bid) -> Vec<Id> {
    s.addresses(bid)
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
    action: impl Fn(&BidOption) -> TenderAction,
    name: impl Fn(&BidOption) -> String,
) {
    let k = ctx.scale;
    parent.spawn(card()).with_children(|c| {
        c.spawn(body(title, k));
        c.spawn(row(GAP_M)).with_children(|r| {
            for o in list {
                let on = chosen(o);
                let text = format!("{}{}", if on { "✓ " } else { "" }, name(o));
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

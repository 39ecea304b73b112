//! The buying-center map: people in three layers as cards (what the player believes of them),
//! silhouettes of people only heard of, and reporting lines.

use bevy::prelude::*;
use std::collections::BTreeSet;

use lost_order_core::engine::{Belief, Session};
use lost_order_core::narrate::{belief_text, layer_name};
use lost_order_core::scenario::{Id, Layer, Person};

use super::super::report_lines;
use super::{BoardAction, BoardUi};
use crate::game::icons;
use crate::game::motion::Pulse;
use crate::game::screens::Ctx;
use crate::game::theme::{GAP_M, GAP_S, RADIUS, Type, palette};
use crate::game::widgets::{
    ButtonLook, card, chip, icon, icon_label, label, row, small, stance_chip, tile,
};

/// The map, layer by layer, with a line from each boss down to each report.
pub(super) fn buying_center(
    ctx: &Ctx,
    board: &BoardUi,
    s: &Session,
    moved: &BTreeSet<Id>,
    map: &mut ChildSpawnerCommands,
) {
    let sc = s.scenario();
    let k = ctx.scale;
    let mut cards_of: Vec<(&str, Entity)> = Vec::new();
    map.spawn(small(
        ctx.tr(
            "采购组织图：点选一个人查看详情和可用行动",
            "The buying organization: pick a person for details and actions",
        ),
        k,
    ));
    for layer in Layer::ALL {
        map.spawn(card()).with_children(|band| {
            band.spawn(label(
                layer_name(layer, ctx.lang),
                Type::Body,
                k,
                palette::INK_SOFT,
            ));
            band.spawn(row(GAP_M)).with_children(|cards| {
                let mut any = false;
                for (p, b) in sc
                    .people
                    .iter()
                    .zip(s.beliefs())
                    .filter(|(p, _)| p.layer == layer)
                {
                    if b.on_map() {
                        any = true;
                        cards_of.push((
                            p.id.as_str(),
                            person_card(
                                ctx,
                                s,
                                p,
                                b,
                                board.selected.as_deref() == Some(p.id.as_str()),
                                moved.contains(&p.id),
                                cards,
                            ),
                        ));
                    } else if b.hinted {
                        any = true;
                        silhouette(ctx, p, cards);
                    }
                }
                if !any {
                    cards.spawn(small(
                        ctx.tr("（还不认识这一层的人）", "(nobody known in this layer yet)"),
                        k,
                    ));
                }
            });
        });
    }
    // Reporting lines between people who are both on the map.
    let card = |id: &str| cards_of.iter().find(|(p, _)| *p == id).map(|(_, e)| *e);
    // Lines run down from a boss to a report in a lower layer; within a layer the card's
    // "↑ boss" line says it without crossing other cards.
    let layer = |id: &str| sc.person(id).map(|p| p.layer);
    for p in &sc.people {
        let Some(boss_id) = p.reports_to.as_deref() else {
            continue;
        };
        if layer(boss_id) >= Some(p.layer) {
            continue;
        }
        if let (Some(report), Some(boss)) = (card(&p.id), card(boss_id)) {
            map.spawn(report_lines::line(boss, report));
        }
    }
}

/// One person's card: what the player believes of them; `moved` makes the stance pulse.
fn person_card(
    ctx: &Ctx,
    s: &Session,
    p: &Person,
    b: &Belief,
    selected: bool,
    moved: bool,
    cards: &mut ChildSpawnerCommands,
) -> Entity {
    let k = ctx.scale;
    let text = belief_text(s.scenario(), b, ctx.lang);
    let boss = p
        .reports_to
        .as_deref()
        .filter(|id| s.belief(id).is_some_and(Belief::on_map))
        .map(|id| format!("↑ {}", s.scenario().person_name(id, ctx.lang)));
    cards
        .spawn(tile(
            BoardAction::SelectPerson(p.id.clone()),
            if selected {
                ButtonLook::Selected
            } else {
                ButtonLook::Secondary
            },
            200.0 * k,
        ))
        .with_children(|c| {
            // The avatar and the name stay side by side; a long name wraps beside the avatar.
            c.spawn(Node {
                flex_wrap: FlexWrap::NoWrap,
                ..row(GAP_S)
            })
            .with_children(|head| {
                head.spawn((
                    Node {
                        width: px(30.0 * k),
                        height: px(30.0 * k),
                        justify_content: JustifyContent::Center,
                        align_items: AlignItems::Center,
                        border_radius: BorderRadius::MAX,
                        ..default()
                    },
                    BackgroundColor(palette::ACCENT),
                    children![label(
                        initials(p.name.get(ctx.lang)),
                        Type::Small,
                        k,
                        Color::WHITE
                    )],
                ));
                head.spawn(label(p.name.get(ctx.lang), Type::Body, k, palette::INK));
                if b.coach {
                    head.spawn(icon(icons::COACH, Type::Body, k, palette::FOCUS));
                }
            });
            c.spawn(small(p.title.get(ctx.lang), k));
            match (&b.role, &text.role) {
                (Some(r), Some(name)) => c.spawn(icon_label(
                    icons::role(r.value),
                    name.clone(),
                    Type::Small,
                    k,
                    palette::INK,
                )),
                _ => c.spawn(label(
                    "? ".to_string() + ctx.tr("角色未知", "role unknown"),
                    Type::Small,
                    k,
                    palette::INK,
                )),
            };
            c.spawn(row(GAP_S)).with_children(|r| {
                match &b.stance {
                    Some(st) => {
                        let mut chip = r.spawn(stance_chip(st.value, k));
                        if moved {
                            chip.insert((Pulse::default(), UiTransform::default()));
                        }
                        // When the stance was seen: it may have moved since.
                        let seen = if st.week == 0 {
                            ctx.tr("（开始时所见）", "(seen at start)").to_string()
                        } else {
                            lost_order_core::text::fill(
                                ctx.tr("（第 {n} 周所见）", "(seen in week {n})"),
                                &[("n", &st.week.to_string())],
                            )
                        };
                        r.spawn(small(seen, k));
                    }
                    None => {
                        r.spawn(chip(ctx.tr("？立场", "? stance"), palette::NEUTRAL, k));
                    }
                }
            });
            c.spawn(small(
                format!(
                    "{}{}",
                    ctx.tr("影响力：", "Influence: "),
                    text.influence.as_deref().unwrap_or(ctx.tr("？", "?"))
                ),
                k,
            ));
            if let Some(criteria) = &text.criteria {
                c.spawn(small(
                    format!("{}{criteria}", ctx.tr("关心：", "Cares about: ")),
                    k,
                ));
            }
            if let Some(boss) = boss {
                c.spawn(small(boss, k));
            }
        })
        .id()
}

fn silhouette(ctx: &Ctx, p: &Person, cards: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    cards
        .spawn((
            Node {
                width: px(200.0 * k),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(GAP_M)),
                border: UiRect::all(px(1)),
                border_radius: BorderRadius::all(px(RADIUS)),
                ..default()
            },
            BackgroundColor(palette::SURFACE_ALT),
            BorderColor::all(palette::BORDER),
        ))
        .with_children(|c| {
            c.spawn(label("?", Type::Heading, k, palette::INK_SOFT));
            c.spawn(small(p.department.get(ctx.lang), k));
            c.spawn(small(
                ctx.tr("有一位你还没见过的人", "Someone you have not met"),
                k,
            ));
        });
}

/// Up to two initials (or the first Chinese character) of a name.
/// The letter on a person's avatar: the surname's. A Chinese name starts with it (王总工 → 王);
/// an English one ends with it after the title (Chief Engineer Wang → W, VP Liu → L).
fn initials(name: &str) -> String {
    let surname = if name.contains(' ') {
        name.split_whitespace().last().unwrap_or(name)
    } else {
        name
    };
    surname.chars().take(1).collect()
}

//! The board: top bar, the buying-center map in three layers, and the side panel.

use bevy::prelude::*;
use lost_order_core::engine::{Belief, Phase, Session};
use lost_order_core::narrate::{self, layer_name, role_name};
use lost_order_core::scenario::{Layer, Person};

use super::{Ctx, UiAction};
use crate::game::theme::{
    COACH_ICON, GAP_L, GAP_M, GAP_S, RADIUS, Type, palette, role_icon, stance_mark,
};
use crate::game::widgets::{
    ButtonLook, body, button, card, chip, column, disabled_button, heading, label, row, small, tile,
};

pub fn build(ctx: &Ctx, root: &mut ChildSpawnerCommands) {
    let Some(play) = ctx.play else { return };
    let s = &play.session;
    top_bar(ctx, s, root);
    root.spawn(Node {
        flex_grow: 1.0,
        min_height: px(0),
        flex_direction: FlexDirection::Row,
        column_gap: px(GAP_M),
        padding: UiRect::all(px(GAP_M)),
        ..default()
    })
    .with_children(|main| {
        main.spawn(scroll_panel(3.0))
            .with_children(|map| buying_center(ctx, s, map));
        main.spawn(scroll_panel(2.0))
            .with_children(|side| match &ctx.board.selected {
                Some(id) => person_panel(ctx, s, id, side),
                None if ctx.board.show_log => log_panel(ctx, s, side),
                None => notebook_panel(ctx, s, side),
            });
    });
    if let Phase::Scene(id) = s.phase() {
        super::scene::build(ctx, s, id, root);
    }
}

/// A column of the board that takes `grow` shares of the width and scrolls.
fn scroll_panel(grow: f32) -> impl Bundle {
    (
        Node {
            flex_grow: grow,
            flex_basis: px(0),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            row_gap: px(GAP_M),
            overflow: Overflow::scroll_y(),
            min_height: px(0),
            ..default()
        },
        ScrollPosition::default(),
    )
}

fn top_bar(ctx: &Ctx, s: &Session, root: &mut ChildSpawnerCommands) {
    let sc = s.scenario();
    let k = ctx.scale;
    root.spawn((
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::axes(px(GAP_L), px(GAP_M)),
            row_gap: px(GAP_S),
            border: UiRect::bottom(px(1)),
            ..default()
        },
        BackgroundColor(palette::SURFACE),
        BorderColor::all(palette::BORDER),
    ))
    .with_children(|bar| {
        bar.spawn(Node {
            justify_content: JustifyContent::SpaceBetween,
            ..row(GAP_L)
        })
        .with_children(|r| {
            r.spawn(row(GAP_L)).with_children(|facts| {
                facts.spawn(heading(sc.meta.title.get(ctx.lang), k));
                let money = sc.settings.money.get(ctx.lang);
                for text in [
                    format!("{} / {}", ctx.week(s.week()), sc.settings.weeks),
                    format!("{} {}", ctx.tr("行动点", "Points"), s.points()),
                    format!("{} {} {money}", ctx.tr("预算", "Budget"), s.budget()),
                    format!(
                        "{} {}",
                        ctx.tr("距开标（周）", "Weeks to tender"),
                        s.weeks_left()
                    ),
                ] {
                    facts.spawn(body(text, k));
                }
            });
            r.spawn(row(GAP_M)).with_children(|buttons| {
                let look = |on: bool| {
                    if on {
                        ButtonLook::Selected
                    } else {
                        ButtonLook::Secondary
                    }
                };
                let notebook_on = ctx.board.selected.is_none() && !ctx.board.show_log;
                buttons.spawn(button(
                    ctx.tr("笔记本", "Notebook"),
                    UiAction::ShowNotebook,
                    look(notebook_on),
                    k,
                ));
                buttons.spawn(button(
                    ctx.tr("事件记录", "Log"),
                    UiAction::ShowLog,
                    look(ctx.board.show_log && ctx.board.selected.is_none()),
                    k,
                ));
                buttons.spawn(button(
                    ctx.tr("结束本周", "End week"),
                    UiAction::EndWeek,
                    ButtonLook::Primary,
                    k,
                ));
            });
        });
        if let Some(message) = &ctx.board.message {
            bar.spawn(small(message.clone(), k));
        }
    });
}

fn buying_center(ctx: &Ctx, s: &Session, map: &mut ChildSpawnerCommands) {
    let sc = s.scenario();
    let k = ctx.scale;
    let mut cards_of: Vec<(&str, Entity)> = Vec::new();
    map.spawn(small(
        ctx.tr(
            "采购组织图：点选一个人查看详情和可用行动",
            "The buying center: pick a person for details and actions",
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
                        cards_of.push((p.id.as_str(), person_card(ctx, s, p, b, cards)));
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
            map.spawn(super::report_lines::line(boss, report));
        }
    }
}

fn person_card(
    ctx: &Ctx,
    s: &Session,
    p: &Person,
    b: &Belief,
    cards: &mut ChildSpawnerCommands,
) -> Entity {
    let k = ctx.scale;
    let selected = ctx.board.selected.as_deref() == Some(p.id.as_str());
    let role = b.role.as_ref().map_or_else(
        || "? ".to_string() + ctx.tr("角色未知", "role unknown"),
        |r| {
            format!(
                "{} {}{}",
                role_icon(r.value),
                role_name(r.value, ctx.lang),
                if r.assumed {
                    ctx.tr("（推测）", " (assumed)")
                } else {
                    ""
                }
            )
        },
    );
    let boss = p
        .reports_to
        .as_deref()
        .filter(|id| s.belief(id).is_some_and(Belief::on_map))
        .map(|id| format!("↑ {}", s.scenario().person_name(id, ctx.lang)));
    cards
        .spawn(tile(
            UiAction::SelectPerson(p.id.clone()),
            if selected {
                ButtonLook::Selected
            } else {
                ButtonLook::Secondary
            },
            200.0 * k,
        ))
        .with_children(|c| {
            c.spawn(row(GAP_S)).with_children(|head| {
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
                    head.spawn(label(COACH_ICON, Type::Body, k, palette::FOCUS));
                }
            });
            c.spawn(small(p.title.get(ctx.lang), k));
            c.spawn(label(role, Type::Small, k, palette::INK));
            c.spawn(row(GAP_S)).with_children(|r| {
                match &b.stance {
                    Some(st) => {
                        let (colour, sign) = stance_mark(st.value);
                        r.spawn(chip(format!("{sign} {:+}", st.value), colour, k));
                        let when = if st.week == 0 {
                            ctx.tr("开始时", "at start").to_string()
                        } else {
                            format!("{} {}", ctx.tr("第", "wk"), st.week)
                        };
                        r.spawn(small(when, k));
                    }
                    None => {
                        r.spawn(chip(
                            format!("? {}", ctx.tr("立场", "stance")),
                            palette::NEUTRAL,
                            k,
                        ));
                    }
                }
                let influence = b
                    .influence
                    .as_ref()
                    .map_or("?".to_string(), |x| x.value.to_string());
                r.spawn(small(
                    format!("{} {influence}", ctx.tr("影响力", "influence")),
                    k,
                ));
            });
            if let Some(criteria) = &b.criteria {
                let names: Vec<String> = criteria
                    .value
                    .iter()
                    .map(|c| s.scenario().criterion_name(c, ctx.lang))
                    .collect();
                c.spawn(small(
                    format!(
                        "{}: {}",
                        ctx.tr("关心", "cares about"),
                        names.join(ctx.tr("、", ", "))
                    ),
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
fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1 {
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .take(2)
            .collect()
    } else {
        name.chars().take(1).collect()
    }
}

fn person_panel(ctx: &Ctx, s: &Session, id: &str, side: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    let sc = s.scenario();
    let (Some(p), Some(b)) = (sc.person(id), s.belief(id)) else {
        return;
    };
    side.spawn(card()).with_children(|c| {
        c.spawn(heading(p.name.get(ctx.lang), k));
        c.spawn(small(
            format!("{} · {}", p.title.get(ctx.lang), p.department.get(ctx.lang)),
            k,
        ));
        c.spawn(body(narrate_belief(ctx, s, b), k));
        c.spawn(small(
            format!(
                "{}: {}",
                ctx.tr("性格", "Personality"),
                p.personality.get(ctx.lang)
            ),
            k,
        ));
    });
    side.spawn(card()).with_children(|c| {
        c.spawn(label(
            ctx.tr("可以做的事", "What you can do"),
            Type::Body,
            k,
            palette::INK_SOFT,
        ));
        let money = sc.settings.money.get(ctx.lang);
        for option in s
            .options()
            .into_iter()
            .filter(|o| o.target.as_deref() == Some(id))
        {
            let Some(action) = sc.action(&option.action) else {
                continue;
            };
            let text = format!(
                "{} · {} {} · {} {money}",
                action.label.get(ctx.lang),
                action.points,
                ctx.tr("点", "pt"),
                action.cost
            );
            let act = UiAction::Act {
                action: option.action.clone(),
                target: option.target.clone(),
            };
            c.spawn(column(2.0)).with_children(|line| {
                match &option.blocked {
                    None => {
                        line.spawn(button(text, act, ButtonLook::Secondary, k));
                    }
                    Some(reason) => {
                        line.spawn(disabled_button(text, act, k));
                        line.spawn(small(
                            format!(
                                "{} {}",
                                ctx.tr("不可用：", "Unavailable:"),
                                narrate::blocked_reason(reason, ctx.lang)
                            ),
                            k,
                        ));
                    }
                }
                line.spawn(small(action.description.get(ctx.lang), k));
            });
        }
    });
    side.spawn(card()).with_children(|c| {
        c.spawn(label(
            ctx.tr("笔记", "Notes"),
            Type::Body,
            k,
            palette::INK_SOFT,
        ));
        let mut any = false;
        for e in s.log().iter().filter(|e| e.happening.person() == Some(id)) {
            if let Some(text) = narrate::describe(s, &e.happening, ctx.lang) {
                any = true;
                c.spawn(small(
                    format!("[{} {}] {text}", ctx.tr("第", "wk"), e.week),
                    k,
                ));
            }
        }
        if !any {
            c.spawn(small(ctx.tr("（还没有记录）", "(nothing yet)"), k));
        }
    });
}

fn narrate_belief(ctx: &Ctx, s: &Session, b: &Belief) -> String {
    let q = "?".to_string();
    let role = b.role.as_ref().map_or(q.clone(), |r| {
        format!("{} {}", role_icon(r.value), role_name(r.value, ctx.lang))
    });
    let stance = b
        .stance
        .as_ref()
        .map_or(q.clone(), |x| narrate::stance_label(x.value, ctx.lang));
    let influence = b
        .influence
        .as_ref()
        .map_or(q.clone(), |x| format!("{}/10", x.value));
    let criteria = b.criteria.as_ref().map_or(q, |c| {
        c.value
            .iter()
            .map(|c| s.scenario().criterion_name(c, ctx.lang))
            .collect::<Vec<_>>()
            .join(ctx.tr("、", ", "))
    });
    format!(
        "{}: {role}\n{}: {stance}\n{}: {influence}\n{}: {criteria}{}",
        ctx.tr("角色", "Role"),
        ctx.tr("立场", "Stance"),
        ctx.tr("影响力", "Influence"),
        ctx.tr("关心", "Cares about"),
        if b.coach {
            ctx.tr("\n★ 你的教练", "\n★ Your coach")
        } else {
            ""
        }
    )
}

fn notebook_panel(ctx: &Ctx, s: &Session, side: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    side.spawn(card()).with_children(|c| {
        c.spawn(heading(ctx.tr("笔记本", "Notebook"), k));
        let mut week = None;
        let mut any = false;
        for e in s.notebook() {
            let Some(text) = narrate::describe(s, &e.happening, ctx.lang) else {
                continue;
            };
            if week != Some(e.week) {
                week = Some(e.week);
                c.spawn(label(ctx.week(e.week), Type::Small, k, palette::ACCENT));
            }
            any = true;
            c.spawn(body(text, k * 0.95));
        }
        if !any {
            c.spawn(small(
                ctx.tr(
                    "你了解到的一切都会记在这里。",
                    "Everything you learn is written here.",
                ),
                k,
            ));
        }
    });
}

fn log_panel(ctx: &Ctx, s: &Session, side: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    side.spawn(card()).with_children(|c| {
        c.spawn(heading(ctx.tr("事件记录", "Log"), k));
        for e in s.log().iter().rev() {
            if let Some(text) = narrate::describe(s, &e.happening, ctx.lang) {
                c.spawn(small(text, k));
            }
        }
    });
}

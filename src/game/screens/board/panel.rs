//! The board's side panel: a person (what you believe, what you can do, your notes), the
//! notebook, or the log.

use bevy::prelude::*;
use lost_order_core::engine::{Belief, Session};
use lost_order_core::narrate::{self, belief_labels, belief_text};

use super::BoardAction;
use crate::game::screens::Ctx;
use crate::game::theme::{Type, palette, role_icon};
use crate::game::widgets::{
    ButtonLook, body, button, card, column, disabled_button, heading, label, small,
};

/// One person: what you believe of them, the actions you can aim at them, your notes.
pub(super) fn person(ctx: &Ctx, s: &Session, id: &str, side: &mut ChildSpawnerCommands) {
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
        c.spawn(body(believed(ctx, s, b), k));
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
            let act = BoardAction::Act {
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

/// What you believe of a person, a line a field, "?" where you do not know.
fn believed(ctx: &Ctx, s: &Session, b: &Belief) -> String {
    let text = belief_text(s.scenario(), b, ctx.lang);
    let labels = belief_labels(ctx.lang);
    let role = match (&b.role, text.role) {
        (Some(r), Some(name)) => format!("{} {name}", role_icon(r.value)),
        _ => "?".to_string(),
    };
    let values = [
        role,
        text.stance.unwrap_or_else(|| "?".into()),
        text.influence.unwrap_or_else(|| "?".into()),
        text.criteria.unwrap_or_else(|| "?".into()),
    ];
    let sep = ctx.tr("：", ": ");
    let mut out: Vec<String> = labels
        .iter()
        .zip(values)
        .map(|(label, value)| format!("{label}{sep}{value}"))
        .collect();
    if text.coach {
        out.push(ctx.tr("★ 你的教练", "★ Your coach").to_string());
    }
    out.join("\n")
}

/// What you learned, by week.
pub(super) fn notebook(ctx: &Ctx, s: &Session, side: &mut ChildSpawnerCommands) {
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

/// Everything that happened, newest first.
pub(super) fn log(ctx: &Ctx, s: &Session, side: &mut ChildSpawnerCommands) {
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

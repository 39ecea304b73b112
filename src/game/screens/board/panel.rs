//! The board's side panel: a person (what you believe, what you can do, your notes), the
//! notebook, or the log.

use bevy::prelude::*;
use lost_order_core::engine::{Belief, Session, Stance};
use lost_order_core::narrate::{self, belief_labels, belief_text};
use lost_order_core::text::is_chinese;

use super::BoardAction;
use crate::game::icons::{self, Icon};
use crate::game::screens::Ctx;
use crate::game::theme::{Type, palette};
use crate::game::widgets::{
    ButtonLook, body, card, column, disabled_button, heading, icon_button, icon_label, label, small,
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
        believed(ctx, s, b, c);
        c.spawn(small(
            format!(
                "{}{}",
                ctx.tr("性格：", "Personality: "),
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
                // No-break spaces keep a number with its unit when the label wraps.
                "{} · {} · {}\u{a0}{money}",
                action.label.get(ctx.lang),
                points(ctx, action.points),
                action.cost
            );
            let act = BoardAction::Act {
                action: option.action.clone(),
                target: option.target.clone(),
            };
            c.spawn(column(2.0)).with_children(|line| {
                match &option.blocked {
                    None => {
                        let glyph = icons::purpose(action.purpose);
                        line.spawn(icon_button(glyph, text, act, ButtonLook::Secondary, k));
                    }
                    Some(reason) => {
                        line.spawn(disabled_button(text, act, k));
                        line.spawn(small(
                            format!(
                                "{}{}",
                                ctx.tr("不可用：", "Unavailable: "),
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
                let when = if e.week == 0 {
                    ctx.tr("开始时", "At start").to_string()
                } else {
                    ctx.week(e.week)
                };
                c.spawn(small(format!("{when}{}{text}", ctx.tr("：", ": ")), k));
            }
        }
        if !any {
            c.spawn(small(ctx.tr("（还没有记录）", "(nothing yet)"), k));
        }
    });
}

/// "1 行动点" / "1 point", "2 points".
fn points(ctx: &Ctx, n: u32) -> String {
    if is_chinese(ctx.lang) {
        format!("{n}\u{a0}行动点")
    } else if n == 1 {
        "1\u{a0}point".to_string()
    } else {
        format!("{n}\u{a0}points")
    }
}

/// What you believe of a person, a line a field with its icon, "?" where you do not know.
fn believed(ctx: &Ctx, s: &Session, b: &Belief, card: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    let text = belief_text(s.scenario(), b, ctx.lang);
    let [role, stance, influence, criteria] = belief_labels(ctx.lang);
    let sep = ctx.tr("：", ": ");
    let q = || ctx.tr("？", "?").to_string();
    let line = |name: &str, value: String| format!("{name}{sep}{value}");
    match b.role.as_ref().map(|r| r.value) {
        Some(r) => card.spawn(icon_label(
            icons::role(r),
            line(role, text.role.unwrap_or_else(q)),
            Type::Body,
            k,
            palette::INK,
        )),
        None => card.spawn(body(line(role, q()), k)),
    };
    match b.stance.as_ref().map(|x| x.value) {
        Some(v) => card.spawn(icon_label(
            icons::stance(Stance::of(v)),
            line(stance, text.stance.unwrap_or_else(q)),
            Type::Body,
            k,
            palette::INK,
        )),
        None => card.spawn(body(line(stance, q()), k)),
    };
    card.spawn(body(line(influence, text.influence.unwrap_or_else(q)), k));
    card.spawn(body(line(criteria, text.criteria.unwrap_or_else(q)), k));
    if text.coach {
        card.spawn(icon_label(
            icons::COACH,
            ctx.tr("你的教练", "Your coach"),
            Type::Body,
            k,
            palette::FOCUS,
        ));
    }
}

/// What you learned, by week.
/// At the top, the summary of the week's start (`narrate::week_summary`).
pub(super) fn notebook(ctx: &Ctx, s: &Session, side: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    let summary = narrate::week_summary(s, s.week(), ctx.lang);
    if !summary.is_empty() {
        side.spawn(card()).with_children(|c| {
            c.spawn(icon_label(
                Icon::Calendar,
                lost_order_core::text::fill(
                    ctx.tr("{week}开始", "The start of {week}"),
                    &[("week", &ctx.week(s.week()))],
                ),
                Type::Body,
                k,
                palette::ACCENT,
            ));
            for line in summary {
                c.spawn(body(line, k * 0.95));
            }
        });
    }
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
                let when = if e.week == 0 {
                    ctx.tr("开始时", "At start").to_string()
                } else {
                    ctx.week(e.week)
                };
                c.spawn(label(when, Type::Small, k, palette::ACCENT));
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

//! The briefing: the case, your goal and your resources, then Start.

use bevy::prelude::*;

use super::{Ctx, UiAction};
use crate::game::theme::GAP_M;
use crate::game::widgets::{ButtonLook, body, button, card, heading, narrow_page, row, small};

pub fn build(ctx: &Ctx, root: &mut ChildSpawnerCommands) {
    let s = ctx.scale;
    let Some(entry) = ctx.chosen.and_then(|k| ctx.catalog.get(k)) else {
        root.spawn(button(
            ctx.tr("返回", "Back"),
            UiAction::Back,
            ButtonLook::Primary,
            s,
        ));
        return;
    };
    let sc = &entry.scenario;
    let m = &sc.meta;
    root.spawn(narrow_page()).with_children(|page| {
        page.spawn(heading(m.title.get(ctx.lang), s * 1.3));
        page.spawn(card()).with_children(|c| {
            c.spawn(small(ctx.tr("案情", "The case"), s));
            for para in m.briefing.get(ctx.lang).split("\n\n") {
                c.spawn(body(para, s));
            }
        });
        page.spawn(card()).with_children(|c| {
            c.spawn(small(
                ctx.tr("你的身份与目标", "Who you are and your goal"),
                s,
            ));
            c.spawn(body(m.player.get(ctx.lang), s));
            c.spawn(body(m.goal.get(ctx.lang), s));
            for o in &m.objectives {
                c.spawn(body(format!("• {}", o.get(ctx.lang)), s));
            }
        });
        page.spawn(card()).with_children(|c| {
            c.spawn(small(ctx.tr("你的资源", "Your resources"), s));
            let set = &sc.settings;
            c.spawn(body(
                format!(
                    "{} {} · {} {} · {} {} {}",
                    set.weeks,
                    ctx.tr("周后开标", "weeks to the tender"),
                    ctx.tr("每周行动点", "action points a week:"),
                    set.action_points,
                    ctx.tr("预算", "budget:"),
                    set.budget,
                    set.money.get(ctx.lang)
                ),
                s,
            ));
        });
        page.spawn(row(GAP_M)).with_children(|r| {
            r.spawn(button(
                ctx.tr("开始", "Start"),
                UiAction::Start,
                ButtonLook::Primary,
                s,
            ));
            r.spawn(button(
                ctx.tr("返回", "Back"),
                UiAction::Back,
                ButtonLook::Secondary,
                s,
            ));
        });
    });
}

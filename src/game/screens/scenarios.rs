//! Scenarios: every playable case with its title and summary, and the files that failed to load.

use bevy::prelude::*;

use super::{Ctx, UiAction};
use crate::game::theme::{GAP_M, Type, palette};
use crate::game::widgets::{ButtonLook, body, button, card, column, heading, label, page, small};

pub fn build(ctx: &Ctx, root: &mut ChildSpawnerCommands) {
    let s = ctx.scale;
    root.spawn(page()).with_children(|page| {
        page.spawn(heading(ctx.tr("案例", "Scenarios"), s * 1.2));
        for entry in &ctx.catalog.entries {
            let m = &entry.scenario.meta;
            page.spawn(card()).with_children(|c| {
                c.spawn(heading(m.title.get(ctx.lang), s));
                c.spawn(body(m.summary.get(ctx.lang), s));
                c.spawn(small(
                    format!(
                        "{} · {} {} · {}",
                        entry.key,
                        entry.scenario.settings.weeks,
                        ctx.tr("周", "weeks"),
                        m.version
                    ),
                    s,
                ));
                c.spawn(Node { ..column(GAP_M) }).with_children(|b| {
                    b.spawn(button(
                        ctx.tr("阅读简报并开始", "Read the briefing"),
                        UiAction::Brief(entry.key.clone()),
                        ButtonLook::Primary,
                        s,
                    ));
                });
            });
        }
        for problem in &ctx.catalog.problems {
            page.spawn(card()).with_children(|c| {
                c.spawn(label(
                    ctx.tr(
                        "无法载入的案例文件：",
                        "A scenario file that could not be loaded:",
                    ),
                    Type::Body,
                    s,
                    palette::LOST,
                ));
                c.spawn(small(problem.clone(), s));
            });
        }
        page.spawn(button(
            ctx.tr("返回", "Back"),
            UiAction::Back,
            ButtonLook::Secondary,
            s,
        ));
    });
}

//! The title screen: the name in both languages, the main menu and the language switch.

use bevy::prelude::*;

use super::{Ctx, UiAction};
use crate::game::theme::{GAP_L, GAP_M, Type, palette};
use crate::game::widgets::{ButtonLook, button, column, label, row, small};

pub fn build(ctx: &Ctx, root: &mut ChildSpawnerCommands) {
    let s = ctx.scale;
    root.spawn(Node {
        width: percent(100),
        height: percent(100),
        flex_direction: FlexDirection::Column,
        align_items: AlignItems::Center,
        justify_content: JustifyContent::Center,
        row_gap: px(GAP_L),
        overflow: Overflow::scroll_y(),
        ..default()
    })
    .with_children(|page| {
        page.spawn(label("失之交臂的订单", Type::Title, s * 1.3, palette::INK));
        page.spawn(label(
            "The Lost Order",
            Type::Heading,
            s * 1.2,
            palette::ACCENT,
        ));
        page.spawn(small(
            ctx.tr(
                "大客户销售策略案例模拟",
                "A key-account sales case simulator",
            ),
            s,
        ));
        page.spawn(Node {
            height: px(GAP_L),
            ..default()
        });
        page.spawn(Node {
            width: px(320.0 * s),
            ..column(GAP_M)
        })
        .with_children(|menu| {
            if ctx.has_save {
                menu.spawn(button(
                    ctx.tr("继续", "Continue"),
                    UiAction::Continue,
                    ButtonLook::Primary,
                    s,
                ));
            }
            let look = if ctx.has_save {
                ButtonLook::Secondary
            } else {
                ButtonLook::Primary
            };
            menu.spawn(button(
                ctx.tr("新会话", "New session"),
                UiAction::NewSession,
                look,
                s,
            ));
            menu.spawn(button(
                ctx.tr("案例", "Scenarios"),
                UiAction::OpenScenarios,
                ButtonLook::Secondary,
                s,
            ));
            menu.spawn(button(
                ctx.tr("设置", "Settings"),
                UiAction::OpenSettings,
                ButtonLook::Secondary,
                s,
            ));
            menu.spawn(button(
                ctx.tr("讲师视图", "Instructor view"),
                UiAction::OpenInstructor,
                ButtonLook::Secondary,
                s,
            ));
            menu.spawn(button(
                ctx.tr("退出", "Quit"),
                UiAction::Quit,
                ButtonLook::Secondary,
                s,
            ));
        });
        page.spawn(row(GAP_M)).with_children(|langs| {
            for (code, name) in [("zh", "中文"), ("en", "English")] {
                let look = if ctx.lang == code {
                    ButtonLook::Selected
                } else {
                    ButtonLook::Secondary
                };
                langs.spawn(button(name, UiAction::SetLang(code.into()), look, s));
            }
        });
    });
}

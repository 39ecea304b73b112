//! Settings: language, player name, text size, class seed and full screen; saved at once.

use bevy::prelude::*;

use super::{Ctx, Editing, UiAction};
use crate::game::prefs::TextSize;
use crate::game::theme::GAP_M;
use crate::game::widgets::{ButtonLook, body, button, card, field, heading, page, row, small};

pub fn build(ctx: &Ctx, root: &mut ChildSpawnerCommands) {
    let s = ctx.scale;
    root.spawn(page()).with_children(|page| {
        page.spawn(heading(ctx.tr("设置", "Settings"), s * 1.2));
        setting(page, ctx, ctx.tr("语言", "Language"), |r| {
            for (code, name) in [("zh", "中文"), ("en", "English")] {
                let look = if ctx.lang == code {
                    ButtonLook::Selected
                } else {
                    ButtonLook::Secondary
                };
                r.spawn(button(name, UiAction::SetLang(code.into()), look, s));
            }
        });
        setting(
            page,
            ctx,
            ctx.tr(
                "学员姓名（写入会话记录）",
                "Player name (for the session record)",
            ),
            |r| {
                let shown = if ctx.prefs.player.is_empty() {
                    ctx.tr("（未填写）", "(not set)").to_string()
                } else {
                    ctx.prefs.player.clone()
                };
                let hint = ctx.tr(
                    "选中后按回车，输入姓名，再按回车",
                    "Press Enter on it, type the name, Enter again",
                );
                text_setting(
                    r,
                    ctx,
                    Editing::Name,
                    shown,
                    ctx.prefs.player.clone(),
                    UiAction::EditName,
                    hint,
                );
            },
        );
        setting(page, ctx, ctx.tr("文字大小", "Text size"), |r| {
            for (size, zh, en) in [
                (TextSize::Small, "小", "Small"),
                (TextSize::Medium, "中", "Medium"),
                (TextSize::Large, "大", "Large"),
                (TextSize::Larger, "特大", "Larger"),
            ] {
                let look = if ctx.prefs.text_size == size {
                    ButtonLook::Selected
                } else {
                    ButtonLook::Secondary
                };
                r.spawn(button(ctx.tr(zh, en), UiAction::SetTextSize(size), look, s));
            }
        });
        setting(
            page,
            ctx,
            ctx.tr(
                "班级种子（讲师设置；留空为随机）",
                "Class seed (set by the instructor; empty means random)",
            ),
            |r| {
                let typed = ctx
                    .prefs
                    .class_seed
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                let shown = ctx.prefs.class_seed.map_or_else(
                    || ctx.tr("（随机）", "(random)").to_string(),
                    |v| v.to_string(),
                );
                let hint = ctx.tr(
                    "选中后按回车，输入数字；退格清除",
                    "Press Enter on it, type digits; Backspace clears",
                );
                text_setting(
                    r,
                    ctx,
                    Editing::ClassSeed,
                    shown,
                    typed,
                    UiAction::EditClassSeed,
                    hint,
                );
            },
        );
        setting(
            page,
            ctx,
            ctx.tr(
                "会话记录文件夹（讲师可设为共享文件夹）",
                "Session records folder (an instructor may set a shared folder)",
            ),
            |r| {
                let typed = ctx.prefs.records_dir.clone().unwrap_or_default();
                let shown = if typed.trim().is_empty() {
                    ctx.tr(
                        "（默认：用户数据文件夹）",
                        "(default: the user's data folder)",
                    )
                    .to_string()
                } else {
                    typed.clone()
                };
                let hint = ctx.tr(
                    "选中后按回车，输入路径，再按回车",
                    "Press Enter on it, type the path, Enter again",
                );
                text_setting(
                    r,
                    ctx,
                    Editing::RecordsDir,
                    shown,
                    typed,
                    UiAction::EditRecordsDir,
                    hint,
                );
            },
        );
        setting(page, ctx, ctx.tr("全屏", "Full screen"), |r| {
            let on = ctx.prefs.fullscreen;
            let text = if on {
                ctx.tr("开", "On")
            } else {
                ctx.tr("关", "Off")
            };
            r.spawn(button(
                text,
                UiAction::ToggleFullscreen,
                if on {
                    ButtonLook::Selected
                } else {
                    ButtonLook::Secondary
                },
                s,
            ));
        });
        page.spawn(button(
            ctx.tr("返回", "Back"),
            UiAction::Back,
            ButtonLook::Primary,
            s,
        ));
    });
}

fn setting(
    page: &mut ChildSpawnerCommands,
    ctx: &Ctx,
    title: &str,
    options: impl FnOnce(&mut ChildSpawnerCommands),
) {
    page.spawn(card()).with_children(|c| {
        c.spawn(body(title, ctx.scale));
        c.spawn(row(GAP_M)).with_children(options);
    });
}

/// A value typed by the player: a button to start editing, a field while editing.
fn text_setting(
    r: &mut ChildSpawnerCommands,
    ctx: &Ctx,
    which: Editing,
    shown: String,
    typed: String,
    action: UiAction,
    hint: &str,
) {
    if ctx.editing == which {
        r.spawn(field(format!("{typed}|"), action, ctx.scale));
    } else {
        r.spawn(button(shown, action, ButtonLook::Secondary, ctx.scale));
    }
    r.spawn(small(hint, ctx.scale));
}

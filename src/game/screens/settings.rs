//! Settings: language, player name, text size, class seed, records folder and full screen;
//! saved at once. Typed fields take characters while they are being edited.

use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowMode};

use super::fields::{FieldChoice, text_field, typing};
use super::{Ctx, GoTo, Rebuild, Screen, ScreenAction, ScreenUi, build_screen, route};
use crate::game::prefs::{Prefs, TextSize, update};
use crate::game::theme::GAP_M;
use crate::game::widgets::{ButtonLook, body, button, card, footer, heading, page, row};

/// What the settings' buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum SettingsAction {
    /// `zh` or `en`.
    SetLang(String),
    SetTextSize(TextSize),
    ToggleFullscreen,
    /// Start or stop typing into a field.
    Edit(Editing),
}

/// Which text field takes typed characters.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Editing {
    #[default]
    Nothing,
    Name,
    ClassSeed,
    RecordsDir,
}

impl FieldChoice for Editing {
    const NOTHING: Self = Editing::Nothing;

    fn apply(self, ev: &KeyboardInput, prefs: &mut Prefs) -> bool {
        edit_text(ev, self, prefs)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Editing>()
        .add_systems(OnExit(Screen::Settings), |mut e: ResMut<Editing>| {
            *e = Editing::Nothing
        })
        .add_systems(
            Update,
            typing::<Editing>
                .before(Rebuild)
                .run_if(in_state(Screen::Settings)),
        );
    build_screen(
        app,
        Screen::Settings,
        rebuild,
        resource_changed::<Prefs>.or_eager(resource_changed::<Editing>),
    );
    route::<SettingsAction>(app);
}

impl ScreenAction for SettingsAction {
    fn perform(self, world: &mut World) {
        match self {
            SettingsAction::SetLang(lang) => update(world, |p| p.lang = lang),
            SettingsAction::SetTextSize(size) => update(world, |p| p.text_size = size),
            SettingsAction::ToggleFullscreen => {
                update(world, |p| p.fullscreen = !p.fullscreen);
                apply_window_mode(world);
            }
            SettingsAction::Edit(field) => {
                let mut editing = world.resource_mut::<Editing>();
                *editing = if *editing == field {
                    Editing::Nothing
                } else {
                    field
                };
            }
        }
    }
}

/// Applies the full-screen setting to the window, if there is one.
pub fn apply_window_mode(world: &mut World) {
    let fullscreen = world.resource::<Prefs>().fullscreen;
    let mut windows = world.query_filtered::<&mut Window, With<PrimaryWindow>>();
    for mut window in windows.iter_mut(world) {
        window.mode = if fullscreen {
            WindowMode::BorderlessFullscreen(bevy::window::MonitorSelection::Current)
        } else {
            WindowMode::Windowed
        };
    }
}

/// Typing into the name, class-seed or records-folder field; returns whether the key was used.
fn edit_text(ev: &KeyboardInput, editing: Editing, prefs: &mut Prefs) -> bool {
    match (&ev.logical_key, editing) {
        (Key::Backspace, Editing::Name) => {
            prefs.player.pop();
            true
        }
        (Key::Backspace, Editing::ClassSeed) => {
            prefs.class_seed = prefs.class_seed.map(|v| v / 10).filter(|v| *v > 0);
            true
        }
        (Key::Character(s), Editing::Name) if prefs.player.chars().count() < 40 => {
            prefs.player.push_str(s);
            true
        }
        (Key::Character(s), Editing::ClassSeed) => match s.parse::<u64>() {
            Ok(d) if s.len() == 1 => {
                prefs.class_seed = Some(
                    prefs
                        .class_seed
                        .unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add(d),
                );
                true
            }
            _ => false,
        },
        (Key::Space, Editing::Name) => {
            prefs.player.push(' ');
            true
        }
        (Key::Backspace, Editing::RecordsDir) => {
            prefs.records_dir.get_or_insert_default().pop();
            true
        }
        (Key::Character(s), Editing::RecordsDir) => {
            prefs.records_dir.get_or_insert_default().push_str(s);
            true
        }
        (Key::Space, Editing::RecordsDir) => {
            prefs.records_dir.get_or_insert_default().push(' ');
            true
        }
        _ => false,
    }
}

fn rebuild(mut ui: ScreenUi, prefs: Res<Prefs>, editing: Res<Editing>) {
    let ctx = Ctx::new(&prefs);
    ui.build(|root| build(&ctx, &prefs, *editing, root));
}

fn build(ctx: &Ctx, prefs: &Prefs, editing: Editing, root: &mut ChildSpawnerCommands) {
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
                r.spawn(button(name, SettingsAction::SetLang(code.into()), look, s));
            }
        });
        setting(
            page,
            ctx,
            ctx.tr(
                "学员姓名（写入练习记录）",
                "Player name (for the session record)",
            ),
            |r| {
                let shown = if prefs.player.is_empty() {
                    ctx.tr("（未填写）", "(not set)").to_string()
                } else {
                    prefs.player.clone()
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
                    prefs.player.clone(),
                    editing,
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
                let look = if prefs.text_size == size {
                    ButtonLook::Selected
                } else {
                    ButtonLook::Secondary
                };
                r.spawn(button(
                    ctx.tr(zh, en),
                    SettingsAction::SetTextSize(size),
                    look,
                    s,
                ));
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
                let typed = prefs.class_seed.map(|v| v.to_string()).unwrap_or_default();
                let shown = prefs.class_seed.map_or_else(
                    || ctx.tr("（随机）", "(random)").to_string(),
                    |v| v.to_string(),
                );
                let hint = ctx.tr(
                    "选中后按回车，输入数字；退格清除",
                    "Press Enter on it, type digits; Backspace clears",
                );
                text_setting(r, ctx, Editing::ClassSeed, shown, typed, editing, hint);
            },
        );
        setting(
            page,
            ctx,
            ctx.tr(
                "练习记录文件夹（讲师可设为共享文件夹）",
                "Session records folder (an instructor may set a shared folder)",
            ),
            |r| {
                let typed = prefs.records_dir.clone().unwrap_or_default();
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
                text_setting(r, ctx, Editing::RecordsDir, shown, typed, editing, hint);
            },
        );
        setting(page, ctx, ctx.tr("全屏", "Full screen"), |r| {
            let on = prefs.fullscreen;
            let text = if on {
                ctx.tr("开", "On")
            } else {
                ctx.tr("关", "Off")
            };
            r.spawn(button(
                text,
                SettingsAction::ToggleFullscreen,
                if on {
                    ButtonLook::Selected
                } else {
                    ButtonLook::Secondary
                },
                s,
            ));
        });
    });
    root.spawn(footer()).with_children(|r| {
        r.spawn(button(
            ctx.tr("返回", "Back"),
            GoTo(Screen::Title),
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
    editing: Editing,
    hint: &str,
) {
    let action = SettingsAction::Edit(which);
    text_field(r, ctx, action, editing == which, shown, typed, hint);
}

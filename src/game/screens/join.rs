//! Joining a live class: the server's address, the class code and the trainee's name (all
//! remembered in the settings), then Join; a failure is said in words (docs/classroom.md).

use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

use super::fields::{FieldChoice, text_field, type_into, typing};
use super::{Ctx, GoTo, Rebuild, Screen, ScreenAction, ScreenUi, build_screen, route};
use crate::game::class::{self, Joining};
use crate::game::prefs::Prefs;
use crate::game::theme::{GAP_M, Type, palette};
use crate::game::widgets::{
    ButtonLook, body, button, card, disabled_button, footer, heading, label, page, row, small,
};

/// What the join screen's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum JoinAction {
    /// Start or stop typing into a field.
    Edit(JoinField),
    /// Join the class with what is typed.
    Join,
}

/// The fields of the join screen, and which one takes typed characters.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum JoinField {
    #[default]
    Nothing,
    Address,
    Code,
    Name,
}

impl FieldChoice for JoinField {
    const NOTHING: Self = JoinField::Nothing;

    fn apply(self, ev: &KeyboardInput, prefs: &mut Prefs) -> bool {
        let text = match self {
            JoinField::Address => &mut prefs.class_address,
            JoinField::Code => &mut prefs.class_code,
            JoinField::Name => &mut prefs.player,
            JoinField::Nothing => return false,
        };
        type_into(text, &ev.logical_key, self.limit())
    }
}

impl JoinField {
    /// The most characters the field takes.
    fn limit(self) -> usize {
        match self {
            JoinField::Nothing => 0,
            JoinField::Address => 120,
            JoinField::Code => 16,
            JoinField::Name => 40,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<JoinField>()
        .add_systems(OnExit(Screen::Join), |mut e: ResMut<JoinField>| {
            *e = JoinField::Nothing
        })
        .add_systems(
            Update,
            typing::<JoinField>
                .before(Rebuild)
                .run_if(in_state(Screen::Join)),
        );
    build_screen(
        app,
        Screen::Join,
        rebuild,
        resource_changed::<Prefs>
            .or_eager(resource_changed::<JoinField>)
            .or_eager(resource_changed::<Joining>),
    );
    route::<JoinAction>(app);
}

impl ScreenAction for JoinAction {
    fn perform(self, world: &mut World) {
        match self {
            JoinAction::Edit(field) => {
                let mut editing = world.resource_mut::<JoinField>();
                *editing = if *editing == field {
                    JoinField::Nothing
                } else {
                    field
                };
            }
            JoinAction::Join => {
                *world.resource_mut::<JoinField>() = JoinField::Nothing;
                if !world.resource::<Joining>().pending() {
                    class::join(world);
                }
            }
        }
    }
}

fn rebuild(mut ui: ScreenUi, prefs: Res<Prefs>, editing: Res<JoinField>, joining: Res<Joining>) {
    let ctx = Ctx::new(&prefs);
    ui.build(|root| build(&ctx, &prefs, *editing, &joining, root));
}

fn build(
    ctx: &Ctx,
    prefs: &Prefs,
    editing: JoinField,
    joining: &Joining,
    root: &mut ChildSpawnerCommands,
) {
    let s = ctx.scale;
    root.spawn(page()).with_children(|page| {
        page.spawn(heading(ctx.tr("加入课堂", "Join a class"), s * 1.2));
        page.spawn(body(
            ctx.tr(
                "填写讲师给出的服务器地址和课堂代码。你的每个决策先保存在本机，再发送给讲师；断网时照常进行，连上后自动补发。",
                "Type the server address and the class code the instructor gave. Each decision is saved on this computer first, then sent to the instructor; if the network drops, play on: they are sent when it is back.",
            ),
            s,
        ));
        let typed_hint = ctx.tr(
            "选中后按回车，输入，再按回车",
            "Press Enter on it, type, Enter again",
        );
        let fields = [
            (
                JoinField::Address,
                ctx.tr("服务器地址", "Server address"),
                &prefs.class_address,
                ctx.tr("例如 192.168.1.20:7878", "e.g. 192.168.1.20:7878"),
            ),
            (
                JoinField::Code,
                ctx.tr("课堂代码", "Class code"),
                &prefs.class_code,
                ctx.tr("例如 TJ2C8R", "e.g. TJ2C8R"),
            ),
            (
                JoinField::Name,
                ctx.tr("你的姓名", "Your name"),
                &prefs.player,
                ctx.tr("讲师据此认出你", "How the instructor knows you"),
            ),
        ];
        for (which, title, value, example) in fields {
            page.spawn(card()).with_children(|c| {
                c.spawn(body(title, s));
                c.spawn(row(GAP_M)).with_children(|r| {
                    let shown = if value.trim().is_empty() {
                        ctx.tr("（未填写）", "(not set)").to_string()
                    } else {
                        value.clone()
                    };
                    let hint = format!("{example}{}{typed_hint}", ctx.tr("。", ". "));
                    text_field(
                        r,
                        ctx,
                        JoinAction::Edit(which),
                        editing == which,
                        shown,
                        value.clone(),
                        &hint,
                    );
                });
            });
        }
        if joining.pending() {
            page.spawn(small(
                ctx.tr("正在连接课堂服务器……", "Connecting to the class server…"),
                s,
            ));
        } else if let Some(e) = &joining.error {
            page.spawn(label(e.words(ctx.lang), Type::Body, s, palette::LOST));
        }
    });
    root.spawn(footer()).with_children(|r| {
        r.spawn(button(
            ctx.tr("返回", "Back"),
            GoTo(Screen::Title),
            ButtonLook::Secondary,
            s,
        ));
        if joining.pending() {
            r.spawn(disabled_button(
                ctx.tr("正在加入……", "Joining…"),
                JoinAction::Join,
                s,
            ));
        } else {
            r.spawn(button(
                ctx.tr("加入", "Join"),
                JoinAction::Join,
                ButtonLook::Primary,
                s,
            ));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::input::keyboard::Key;

    #[test]
    fn typing_stops_at_the_limit_and_backspace_takes_one_character_off() {
        let mut text = String::from("王");
        assert!(type_into(&mut text, &Key::Character("芳".into()), 3));
        assert!(type_into(&mut text, &Key::Space, 3));
        assert!(!type_into(&mut text, &Key::Character("x".into()), 3));
        assert_eq!(text, "王芳 ");
        assert!(type_into(&mut text, &Key::Backspace, 3));
        assert_eq!(text, "王芳");
        let mut empty = String::new();
        assert!(!type_into(&mut empty, &Key::Backspace, 3));
    }
}

//! A story scene: a modal over the board with its text and choices (disabled ones with a reason).

use bevy::input_focus::tab_navigation::TabGroup;
use bevy::prelude::*;
use lost_order_core::engine::Session;
use lost_order_core::scenario::Id;

use super::{Ctx, InModal, ScreenAction, route};
use crate::game::play;
use crate::game::theme::{GAP_L, GAP_M, palette};
use crate::game::widgets::{
    ButtonLook, body, button, card_with, column, disabled_button, heading, small,
};

/// What a scene's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum SceneAction {
    /// Pick the choice with this id in the open scene.
    Choose(Id),
}

pub(super) fn plugin(app: &mut App) {
    route::<SceneAction>(app);
}

impl ScreenAction for SceneAction {
    fn perform(self, world: &mut World) {
        let SceneAction::Choose(choice) = self;
        play::decide(world, &lost_order_core::engine::Decision::Choose(choice));
    }
}

/// The modal of scene `id` over the board (built by the board, whose data it shares).
pub(super) fn build(ctx: &Ctx, s: &Session, id: &str, root: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    let sc = s.scenario();
    let Some(scene) = sc.scene(id) else { return };
    root.spawn((
        Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
        BackgroundColor(palette::SCRIM),
        GlobalZIndex(10),
        // A modal group: Tab stays inside the scene.
        TabGroup::modal(),
    ))
    .with_children(|scrim| {
        scrim
            .spawn((
                card_with(Node {
                    width: percent(70),
                    max_width: px(760),
                    max_height: percent(90),
                    overflow: Overflow::scroll_y(),
                    padding: UiRect::all(px(GAP_L)),
                    row_gap: px(GAP_M),
                    ..default()
                }),
                ScrollPosition::default(),
            ))
            .with_children(|m| {
                if let Some(who) = scene.speaker.as_deref().and_then(|p| sc.person(p)) {
                    m.spawn(heading(
                        format!("{} · {}", who.name.get(ctx.lang), who.title.get(ctx.lang)),
                        k,
                    ));
                }
                m.spawn(body(scene.text.get(ctx.lang), k));
                // Room between the text and the choices, for the focus ring around the first.
                m.spawn(Node {
                    margin: UiRect::top(px(GAP_M)),
                    ..column(GAP_M)
                })
                .with_children(|choices| {
                    for option in s.choices() {
                        let Some(choice) = scene.choices.iter().find(|c| c.id == option.choice)
                        else {
                            continue;
                        };
                        let act = SceneAction::Choose(choice.id.clone());
                        match &option.blocked {
                            None => {
                                choices.spawn((
                                    button(choice.label.get(ctx.lang), act, ButtonLook::Primary, k),
                                    InModal,
                                ));
                            }
                            Some(reason) => {
                                choices.spawn((
                                    disabled_button(choice.label.get(ctx.lang), act, k),
                                    InModal,
                                ));
                                choices.spawn(small(
                                    format!(
                                        "{} {}",
                                        ctx.tr("不可选：", "Unavailable:"),
                                        reason.get(ctx.lang)
                                    ),
                                    k,
                                ));
                            }
                        }
                    }
                });
            });
    });
}

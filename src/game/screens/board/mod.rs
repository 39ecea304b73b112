//! The board: top bar, the buying-center map in three layers, and the side panel; an open
//! story scene is shown over it.

mod map;
mod panel;

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use std::collections::{BTreeMap, BTreeSet};

use bevy::prelude::*;
use lost_order_core::engine::{Decision, Phase, Session};
use lost_order_core::scenario::Id;

use super::{Ctx, Rebuild, Screen, ScreenAction, ScreenUi, build_screen, route};
use crate::game::icons::Icon;
use crate::game::motion::Flash;
use crate::game::play::{self, Decided, Play, SessionStarted};
use crate::game::prefs::Prefs;
use crate::game::theme::{GAP_L, GAP_M, GAP_S, Type, palette};
use crate::game::widgets::{ButtonLook, body, heading, icon_button, icon_label, label, row, small};

/// What the board's buttons do.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum BoardAction {
    /// Show this person (by id) in the side panel.
    SelectPerson(Id),
    ShowNotebook,
    ShowLog,
    /// Take an action, aimed at a person or at nobody.
    Act {
        action: Id,
        target: Option<Id>,
    },
    EndWeek,
}

/// What the side panel shows, and the last thing that happened.
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardUi {
    /// The person shown in the side panel.
    pub selected: Option<Id>,
    /// The log instead of the notebook (when nobody is selected).
    pub show_log: bool,
    /// The last thing that happened, shown under the top bar.
    pub message: Option<String>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BoardUi>()
        .add_observer(|_: On<SessionStarted>, mut board: ResMut<BoardUi>| {
            *board = BoardUi::default()
        })
        .add_observer(|d: On<Decided>, mut board: ResMut<BoardUi>| {
            board.message = d.message.clone();
            // A new week opens on the notebook, whose top is the week's summary.
            if d.taken && d.decision == Decision::EndWeek {
                board.selected = None;
                board.show_log = false;
            }
        })
        .add_systems(
            Update,
            close_panel_on_esc
                .before(Rebuild)
                .run_if(in_state(Screen::Board)),
        );
    build_screen(
        app,
        Screen::Board,
        rebuild,
        resource_changed::<Prefs>
            .or_eager(resource_changed::<BoardUi>)
            .or_eager(resource_exists_and_changed::<Play>),
    );
    route::<BoardAction>(app);
}

impl ScreenAction for BoardAction {
    fn perform(self, world: &mut World) {
        match self {
            BoardAction::SelectPerson(id) => world.resource_mut::<BoardUi>().selected = Some(id),
            BoardAction::ShowNotebook | BoardAction::ShowLog => {
                let mut board = world.resource_mut::<BoardUi>();
                board.selected = None;
                board.show_log = self == BoardAction::ShowLog;
            }
            BoardAction::Act { action, target } => {
                play::decide(world, &Decision::Act { action, target })
            }
            BoardAction::EndWeek => play::decide(world, &Decision::EndWeek),
        }
    }
}

/// Esc closes the side panel's person or log, back to the notebook.
fn close_panel_on_esc(mut keys: MessageReader<KeyboardInput>, mut board: ResMut<BoardUi>) {
    for k in keys.read() {
        if k.state == ButtonState::Pressed
            && k.key_code == KeyCode::Escape
            && (board.selected.is_some() || board.show_log)
        {
            board.selected = None;
            board.show_log = false;
        }
    }
}

/// What the board showed when it was last built, to point out what has changed since.
#[derive(Default)]
struct LastShown {
    seed: u64,
    decisions: usize,
    week: u32,
    /// The believed stance of each person on the map, by id.
    stances: BTreeMap<Id, i32>,
}

/// What changed since the board was last built.
struct Changes {
    /// People whose believed stance moved.
    moved: BTreeSet<Id>,
    /// A new week began (or a new session).
    new_week: bool,
}

impl LastShown {
    /// Compares `s` with what was shown, then remembers `s`.
    fn update(&mut self, s: &Session) -> Changes {
        let same_session = self.seed == s.seed() && s.decisions().len() >= self.decisions;
        let stances: BTreeMap<Id, i32> = s
            .scenario()
            .people
            .iter()
            .zip(s.beliefs())
            .filter_map(|(p, b)| b.stance.as_ref().map(|st| (p.id.clone(), st.value)))
            .collect();
        let moved = if same_session {
            stances
                .iter()
                .filter(|(id, v)| self.stances.get(*id).is_some_and(|old| old != *v))
                .map(|(id, _)| id.clone())
                .collect()
        } else {
            BTreeSet::new()
        };
        let new_week = !same_session || self.week != s.week() || self.decisions == 0;
        *self = LastShown {
            seed: s.seed(),
            decisions: s.decisions().len().max(1),
            week: s.week(),
            stances,
        };
        Changes { moved, new_week }
    }
}

fn rebuild(
    mut ui: ScreenUi,
    prefs: Res<Prefs>,
    board: Res<BoardUi>,
    play: Option<Res<Play>>,
    mut last: Local<LastShown>,
) {
    let Some(play) = play else { return };
    let ctx = Ctx::new(&prefs);
    let changes = last.update(&play.session);
    ui.build(|root| build(&ctx, &board, &play.session, &changes, root));
}

fn build(
    ctx: &Ctx,
    board: &BoardUi,
    s: &Session,
    changes: &Changes,
    root: &mut ChildSpawnerCommands,
) {
    top_bar(ctx, board, s, root);
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
            .with_children(|m| map::buying_center(ctx, board, s, &changes.moved, m));
        main.spawn(scroll_panel(2.0))
            .with_children(|side| match &board.selected {
                Some(id) => panel::person(ctx, s, id, side),
                None if board.show_log => panel::log(ctx, s, side),
                None => panel::notebook(ctx, s, side),
            });
    });
    // The week's name, unless a scene opens the week: the scene is read first.
    if changes.new_week && !matches!(s.phase(), Phase::Scene(_)) {
        week_banner(ctx, s, root);
    }
    if let Phase::Scene(id) = s.phase() {
        super::scene::build(ctx, s, id, root);
    }
}

/// How long until the tender, in words: "距开标还有 3 周" / "3 weeks to the tender".
fn weeks_to_tender(ctx: &Ctx, s: &Session) -> String {
    match s.weeks_left() {
        0 => ctx
            .tr("本周结束后投标", "The bid is due when this week ends")
            .to_string(),
        1 => ctx
            .tr("距开标还有 1 周", "1 week to the tender")
            .to_string(),
        n => lost_order_core::text::fill(
            ctx.tr("距开标还有 {n} 周", "{n} weeks to the tender"),
            &[("n", &n.to_string())],
        ),
    }
}

/// The new week's name across the board, fading in and out; it never takes a click.
fn week_banner(ctx: &Ctx, s: &Session, root: &mut ChildSpawnerCommands) {
    let k = ctx.scale;
    let detail = weeks_to_tender(ctx, s);
    root.spawn((
        Node {
            position_type: PositionType::Absolute,
            top: percent(38),
            width: percent(100),
            justify_content: JustifyContent::Center,
            ..default()
        },
        Pickable::IGNORE,
        GlobalZIndex(20),
    ))
    .with_children(|band| {
        band.spawn((
            Node {
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                padding: UiRect::axes(px(GAP_L * 2.0), px(GAP_L)),
                row_gap: px(GAP_S),
                border_radius: BorderRadius::all(px(8)),
                ..default()
            },
            BackgroundColor(palette::ACCENT_PRESSED.with_alpha(0.0)),
            Flash::default(),
            Pickable::IGNORE,
            children![
                (
                    label(
                        ctx.week(s.week()),
                        Type::Title,
                        k,
                        Color::WHITE.with_alpha(0.0)
                    ),
                    Pickable::IGNORE
                ),
                (
                    label(detail, Type::Body, k, Color::WHITE.with_alpha(0.0)),
                    Pickable::IGNORE
                )
            ],
        ));
    });
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

fn top_bar(ctx: &Ctx, board: &BoardUi, s: &Session, root: &mut ChildSpawnerCommands) {
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
        // One line: the facts may wrap inside their half, the buttons never leave theirs.
        bar.spawn(Node {
            justify_content: JustifyContent::SpaceBetween,
            flex_wrap: FlexWrap::NoWrap,
            ..row(GAP_L)
        })
        .with_children(|r| {
            r.spawn(Node {
                flex_shrink: 1.0,
                min_width: px(0),
                column_gap: px(GAP_M * 1.5),
                ..row(GAP_S)
            })
            .with_children(|facts| {
                facts.spawn(heading(sc.meta.title.get(ctx.lang), k));
                let money = sc.settings.money.get(ctx.lang);
                facts.spawn(icon_label(
                    Icon::Calendar,
                    format!("{} / {}", ctx.week(s.week()), sc.settings.weeks),
                    Type::Body,
                    k,
                    palette::INK,
                ));
                for text in [
                    format!("{} {}", ctx.tr("行动点", "Points"), s.points()),
                    format!("{} {} {money}", ctx.tr("预算", "Budget"), s.budget()),
                    weeks_to_tender(ctx, s),
                ] {
                    facts.spawn(body(text, k));
                }
            });
            r.spawn(Node {
                flex_shrink: 0.0,
                flex_wrap: FlexWrap::NoWrap,
                ..row(GAP_M)
            })
            .with_children(|buttons| {
                let look = |on: bool| {
                    if on {
                        ButtonLook::Selected
                    } else {
                        ButtonLook::Secondary
                    }
                };
                let notebook_on = board.selected.is_none() && !board.show_log;
                buttons.spawn(icon_button(
                    Icon::Notebook,
                    ctx.tr("笔记本", "Notebook"),
                    BoardAction::ShowNotebook,
                    look(notebook_on),
                    k,
                ));
                buttons.spawn(icon_button(
                    Icon::Scroll,
                    ctx.tr("事件记录", "Log"),
                    BoardAction::ShowLog,
                    look(board.show_log && board.selected.is_none()),
                    k,
                ));
                buttons.spawn(icon_button(
                    Icon::Calendar,
                    ctx.tr("结束本周", "End week"),
                    BoardAction::EndWeek,
                    ButtonLook::Primary,
                    k,
                ));
            });
        });
        bar.spawn(super::class_line());
        if let Some(message) = &board.message {
            bar.spawn(small(message.clone(), k));
        }
    });
}

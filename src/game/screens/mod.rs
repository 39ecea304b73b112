//! Screens as states; each screen's UI is rebuilt from the session whenever something changes.

mod board;
mod briefing;
mod debrief;
pub mod instructor;
mod perform;
mod report_lines;
mod reveal;
mod scenarios;
mod scene;
mod settings;
mod tender;
mod title;

use bevy::ecs::system::SystemParam;
use bevy::input_focus::InputFocus;
use bevy::input_focus::tab_navigation::{NavAction, TabGroup, TabNavigation};
use bevy::prelude::*;
use bevy::ui::InteractionDisabled;
use bevy::ui_widgets::Activate;

use super::catalog::Catalog;
use super::play::{BidDraft, Play};
use super::prefs::{Prefs, TextSize};
use super::theme::palette;

pub use perform::{apply_window_mode, perform};

/// Where the player is.
#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Title,
    Settings,
    Scenarios,
    Briefing,
    Board,
    Tender,
    Reveal,
    Debrief,
    Instructor,
}

/// What a button does when activated.
#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum UiAction {
    NewSession,
    Continue,
    OpenScenarios,
    OpenSettings,
    Quit,
    SetLang(String),
    Back,
    Brief(String),
    Start,
    SetTextSize(TextSize),
    ToggleFullscreen,
    EditName,
    EditClassSeed,
    EditRecordsDir,
    SelectPerson(String),
    ShowNotebook,
    ShowLog,
    Act {
        action: String,
        target: Option<String>,
    },
    EndWeek,
    Choose(String),
    Price(String),
    ToggleEmphasis(String),
    ToggleCommitment(String),
    SubmitBid,
    RevealNext,
    ToDebrief,
    WhatIf(u32),
    ToTitle,
    OpenInstructor,
    ExportClass,
    ExportSession,
}

/// The systems that rebuild the screen; anything that looks up buttons runs before them.
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rebuild;

/// Marks the buttons of a modal (a story scene): while one is open, only they can be used.
#[derive(Component, Clone, Copy, Debug, Default)]
pub struct InModal;

/// Set when the current screen must be rebuilt.
#[derive(Resource, Default)]
pub struct Redraw(pub bool);

/// The root of the current screen's UI.
#[derive(Component)]
pub struct ScreenRoot;

/// The side panel of the board.
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardUi {
    pub selected: Option<String>,
    pub show_log: bool,
    /// The last thing that happened, shown under the top bar.
    pub message: Option<String>,
}

/// The scenario chosen for the briefing.
#[derive(Resource, Clone, Debug, Default)]
pub struct Chosen(pub Option<String>);

/// Which text field takes typed characters.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Editing {
    #[default]
    Nothing,
    Name,
    ClassSeed,
    RecordsDir,
}

/// The button to focus after a rebuild.
#[derive(Resource, Default)]
struct FocusWanted(Option<Option<UiAction>>);

/// How far the reveal has got.
#[derive(Resource, Debug)]
pub struct RevealProgress {
    pub shown: usize,
    pub timer: Timer,
}

impl Default for RevealProgress {
    fn default() -> Self {
        RevealProgress {
            shown: 0,
            timer: Timer::from_seconds(1.2, TimerMode::Repeating),
        }
    }
}

/// Everything a screen builder reads.
pub struct Ctx<'a> {
    pub lang: &'a str,
    pub scale: f32,
    pub prefs: &'a Prefs,
    pub catalog: &'a Catalog,
    pub play: Option<&'a Play>,
    pub board: &'a BoardUi,
    pub draft: &'a BidDraft,
    pub chosen: Option<&'a str>,
    pub reveal: &'a RevealProgress,
    pub has_save: bool,
    pub editing: Editing,
}

impl Ctx<'_> {
    pub fn tr<'b>(&self, zh: &'b str, en: &'b str) -> &'b str {
        super::strings::tr(self.lang, zh, en)
    }

    /// "第 3 周" or "Week 3".
    pub fn week(&self, n: u32) -> String {
        if self.lang == "zh" {
            format!("第 {n} 周")
        } else {
            format!("Week {n}")
        }
    }
}

/// Whether an unfinished session is saved (for Continue).
#[derive(Resource, Default)]
pub struct HasSave(pub bool);

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_resource::<Redraw>()
        .init_resource::<BoardUi>()
        .init_resource::<BidDraft>()
        .init_resource::<Chosen>()
        .init_resource::<Editing>()
        .init_resource::<FocusWanted>()
        .init_resource::<RevealProgress>()
        .init_resource::<HasSave>()
        .init_resource::<instructor::ClassView>()
        .init_resource::<InputFocus>()
        .add_observer(on_activate)
        .add_systems(StateTransition, mark_redraw.run_if(state_changed::<Screen>))
        .add_systems(
            Update,
            (rebuild.run_if(|r: Res<Redraw>| r.0), restore_focus)
                .chain()
                .in_set(Rebuild),
        )
        .add_plugins((reveal::plugin, report_lines::plugin));
}

fn mark_redraw(mut redraw: ResMut<Redraw>) {
    redraw.0 = true;
}

fn on_activate(
    event: On<Activate>,
    actions: Query<(&UiAction, Has<InteractionDisabled>)>,
    mut commands: Commands,
) {
    let Ok((action, disabled)) = actions.get(event.entity) else {
        return;
    };
    if disabled {
        return;
    }
    let action = action.clone();
    commands.queue(move |world: &mut World| perform(world, action));
}

/// Everything the screens are built from.
#[derive(SystemParam)]
struct Sources<'w> {
    prefs: Res<'w, Prefs>,
    catalog: Res<'w, Catalog>,
    play: Option<Res<'w, Play>>,
    board: Res<'w, BoardUi>,
    draft: Res<'w, BidDraft>,
    chosen: Res<'w, Chosen>,
    reveal: Res<'w, RevealProgress>,
    has_save: Res<'w, HasSave>,
    editing: Res<'w, Editing>,
    class: Res<'w, instructor::ClassView>,
}

#[expect(
    clippy::too_many_arguments,
    reason = "rebuilding reads the screen, the focus and all sources"
)]
fn rebuild(
    mut commands: Commands,
    mut redraw: ResMut<Redraw>,
    screen: Res<State<Screen>>,
    roots: Query<Entity, With<ScreenRoot>>,
    focus: Res<InputFocus>,
    actions: Query<&UiAction>,
    mut wanted: ResMut<FocusWanted>,
    src: Sources,
) {
    redraw.0 = false;
    wanted.0 = Some(focus.get().and_then(|e| actions.get(e).ok().cloned()));
    for root in &roots {
        commands.entity(root).despawn();
    }
    let ctx = Ctx {
        lang: &src.prefs.lang,
        scale: src.prefs.scale(),
        prefs: &src.prefs,
        catalog: &src.catalog,
        play: src.play.as_deref(),
        board: &src.board,
        draft: &src.draft,
        chosen: src.chosen.0.as_deref(),
        reveal: &src.reveal,
        has_save: src.has_save.0,
        editing: *src.editing,
    };
    let screen = *screen.get();
    commands
        .spawn((
            ScreenRoot,
            DespawnOnExit(screen),
            TabGroup::new(0),
            Node {
                width: percent(100),
                height: percent(100),
                flex_direction: FlexDirection::Column,
                ..default()
            },
            BackgroundColor(palette::BACKGROUND),
        ))
        .with_children(|root| match screen {
            Screen::Title => title::build(&ctx, root),
            Screen::Settings => settings::build(&ctx, root),
            Screen::Scenarios => scenarios::build(&ctx, root),
            Screen::Briefing => briefing::build(&ctx, root),
            Screen::Board => board::build(&ctx, root),
            Screen::Tender => tender::build(&ctx, root),
            Screen::Reveal => reveal::build(&ctx, root),
            Screen::Debrief => debrief::build(&ctx, &src.class, root),
            Screen::Instructor => instructor::build(&ctx, &src.class, root),
        });
}

/// Puts the focus back on the same button after a rebuild, else on the first one.
fn restore_focus(
    mut wanted: ResMut<FocusWanted>,
    mut focus: ResMut<InputFocus>,
    buttons: Query<(Entity, &UiAction, Has<InModal>)>,
    nav: TabNavigation,
) {
    let Some(previous) = wanted.0.take() else {
        return;
    };
    // An open scene takes the focus; otherwise keep it on the same button, else the first.
    let modal_first = buttons.iter().find(|(_, _, m)| *m).map(|(e, _, _)| e);
    let same = previous.and_then(|p| {
        buttons
            .iter()
            .find(|(_, a, m)| **a == p && (modal_first.is_none() || *m))
            .map(|(e, _, _)| e)
    });
    let target = same
        .or(modal_first)
        .or_else(|| nav.navigate(&InputFocus::default(), NavAction::First).ok());
    match target {
        Some(e) => focus.set(e, bevy::input_focus::FocusCause::Navigated),
        None => focus.clear(),
    }
}

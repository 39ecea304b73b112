//! Screens as states, and the router. Each screen is a child plugin that owns its resources,
//! its button actions and its UI; this module only dispatches: it routes a button's activation
//! to the action's own screen, builds screen roots, follows the session's phase, and keeps the
//! focus on the same button across a rebuild.

mod board;
mod briefing;
mod class_line;
mod debrief;
mod fields;
mod grading;
mod instructor;
mod join;
mod report_lines;
mod reveal;
mod scenarios;
mod scene;
mod settings;
mod tender;
mod title;

use std::fmt::Debug;

use bevy::ecs::schedule::IntoScheduleConfigs;
use bevy::ecs::system::{ScheduleSystem, SystemParam};
use bevy::input_focus::InputFocus;
use bevy::input_focus::tab_navigation::{NavAction, TabGroup, TabNavigation};
use bevy::prelude::*;
use bevy::ui::InteractionDisabled;
use bevy::ui_widgets::Activate;
use lost_order_core::engine::Phase;
use lost_order_core::narrate::week_label;
use lost_order_core::text::pick;

use super::play::{Decided, Play, SessionStarted};
use super::prefs::Prefs;
use super::theme::palette;
use super::widgets::ButtonKey;

pub use board::BoardAction;
pub use briefing::{BriefingAction, Chosen};
pub use class_line::{ClassLine, class_line};
pub use debrief::DebriefAction;
pub use grading::GradingAction;
pub use instructor::{InstructorAction, InstructorField, LiveClass, Source};
pub use join::{JoinAction, JoinField};
pub use reveal::RevealAction;
pub use scenarios::ScenariosAction;
pub use scene::SceneAction;
pub use settings::{SettingsAction, apply_window_mode};
pub use tender::TenderAction;
pub use title::{HasSave, TitleAction};

/// Where the player is.
#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Title,
    Settings,
    Scenarios,
    Briefing,
    /// Customer grading before week 1, when the scenario has it.
    Grading,
    Board,
    Tender,
    Reveal,
    Debrief,
    Instructor,
    /// Joining a live class: address, code, name.
    Join,
}

/// What a button of one screen does. Each screen defines its own action type and performs it;
/// the router only delivers the activation.
pub trait ScreenAction: Component + Clone + Debug {
    /// Carries out the action against the world (a button was clicked or activated by key).
    fn perform(self, world: &mut World);
}

/// A button that moves to another screen, shared by every screen's Back button.
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub struct GoTo(pub Screen);

impl ScreenAction for GoTo {
    fn perform(self, world: &mut World) {
        world.resource_mut::<NextState<Screen>>().set(self.0);
    }
}

/// The systems that build screens; anything that looks up or presses buttons runs before them.
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rebuild;

/// Systems that prepare a screen's data on entering it (load the class, play Liao's path…),
/// before the screen is built.
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Prepare;

/// Builds `screen` with `build` on entering it, and again whenever `changed` says the data it
/// shows has changed (and only then).
pub fn build_screen<M, C>(
    app: &mut App,
    screen: Screen,
    build: impl IntoScheduleConfigs<ScheduleSystem, M> + Copy,
    changed: impl SystemCondition<C>,
) {
    app.configure_sets(OnEnter(screen), Prepare.before(Rebuild))
        .add_systems(OnEnter(screen), build.in_set(Rebuild))
        .add_systems(
            Update,
            build
                .in_set(Rebuild)
                .run_if(in_state(screen))
                .run_if(changed),
        );
}

/// Marks the buttons of a modal (a story scene): while one is open, only they can be used.
#[derive(Component, Clone, Copy, Debug, Default)]
pub struct InModal;

/// The root of the current screen's UI.
#[derive(Component)]
pub struct ScreenRoot;

/// The button to focus after a rebuild: `Some(previous focus)` once a rebuild happened.
#[derive(Resource, Default)]
struct FocusWanted(Option<Option<ButtonKey>>);

/// What every screen builder reads: the language and the text size.
pub struct Ctx<'a> {
    /// `zh` or `en`.
    pub lang: &'a str,
    /// The player's text-size factor (0.875…1.3).
    pub scale: f32,
}

impl<'a> Ctx<'a> {
    /// The words of the settings in `prefs`.
    pub fn new(prefs: &'a Prefs) -> Self {
        Ctx {
            lang: &prefs.lang,
            scale: prefs.scale(),
        }
    }

    /// The Chinese or English form, by the player's language.
    pub fn tr<'b>(&self, zh: &'b str, en: &'b str) -> &'b str {
        pick(self.lang, zh, en)
    }

    /// "第 3 周" or "Week 3".
    pub fn week(&self, n: u32) -> String {
        week_label(n, self.lang)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_resource::<FocusWanted>()
        .init_resource::<InputFocus>()
        .add_observer(follow_phase_on_start)
        .add_observer(follow_phase_on_decision)
        .add_systems(Update, restore_focus.after(Rebuild));
    route::<GoTo>(app);
    app.add_plugins((
        title::plugin,
        settings::plugin,
        scenarios::plugin,
        briefing::plugin,
        grading::plugin,
        board::plugin,
        scene::plugin,
        tender::plugin,
        reveal::plugin,
        debrief::plugin,
        instructor::plugin,
        join::plugin,
        report_lines::plugin,
        class_line::plugin,
    ));
}

/// Delivers activations of buttons carrying an `A` to `A::perform`.
pub fn route<A: ScreenAction>(app: &mut App) {
    app.add_observer(on_activate::<A>);
}

fn on_activate<A: ScreenAction>(
    event: On<Activate>,
    actions: Query<(&A, Has<InteractionDisabled>)>,
    mut commands: Commands,
) {
    let Ok((action, disabled)) = actions.get(event.entity) else {
        return;
    };
    if disabled {
        return;
    }
    let action = action.clone();
    debug!("ui action: {action:?}");
    commands.queue(move |world: &mut World| action.perform(world));
}

/// Replaces the current screen's UI: remembers the focused button, removes the old root and
/// spawns a new one that `fill` fills. The root leaves with its screen.
#[derive(SystemParam)]
pub struct ScreenUi<'w, 's> {
    commands: Commands<'w, 's>,
    roots: Query<'w, 's, Entity, With<ScreenRoot>>,
    focus: Res<'w, InputFocus>,
    keys: Query<'w, 's, &'static ButtonKey>,
    wanted: ResMut<'w, FocusWanted>,
    screen: Res<'w, State<Screen>>,
}

impl ScreenUi<'_, '_> {
    /// Builds the current screen with `fill`.
    pub fn build(&mut self, fill: impl FnOnce(&mut ChildSpawnerCommands)) {
        let previous = self
            .focus
            .get()
            .and_then(|e| self.keys.get(e).ok().cloned());
        // Keep the first remembered focus when two rebuilds happen in one frame.
        if self.wanted.0.is_none() {
            self.wanted.0 = Some(previous);
        }
        for root in &self.roots {
            self.commands.entity(root).despawn();
        }
        self.commands
            .spawn((
                ScreenRoot,
                DespawnOnExit(*self.screen.get()),
                TabGroup::new(0),
                Node {
                    width: percent(100),
                    height: percent(100),
                    flex_direction: FlexDirection::Column,
                    ..default()
                },
                BackgroundColor(palette::BACKGROUND),
            ))
            .with_children(fill);
    }
}

/// The screen a session's phase is played on.
pub fn screen_of(phase: &Phase) -> Screen {
    match phase {
        // No grading screen yet (issue 8, item 6): the briefing stands in for it.
        Phase::Grading => Screen::Grading,
        Phase::Planning | Phase::Scene(_) => Screen::Board,
        Phase::Bidding => Screen::Tender,
        Phase::Ended => Screen::Reveal,
    }
}

fn follow_phase(play: Option<Res<Play>>, mut next: ResMut<NextState<Screen>>, now: Screen) {
    if let Some(play) = play {
        let screen = screen_of(play.session.phase());
        if screen != now {
            next.set(screen);
        }
    }
}

fn follow_phase_on_start(
    _: On<SessionStarted>,
    play: Option<Res<Play>>,
    next: ResMut<NextState<Screen>>,
    screen: Res<State<Screen>>,
) {
    follow_phase(play, next, *screen.get());
}

fn follow_phase_on_decision(
    _: On<Decided>,
    play: Option<Res<Play>>,
    next: ResMut<NextState<Screen>>,
    screen: Res<State<Screen>>,
) {
    follow_phase(play, next, *screen.get());
}

/// Puts the focus back on the same button after a rebuild, else on the first one.
fn restore_focus(
    mut wanted: ResMut<FocusWanted>,
    mut focus: ResMut<InputFocus>,
    buttons: Query<(Entity, &ButtonKey, Has<InModal>)>,
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
            .find(|(_, k, m)| **k == p && (modal_first.is_none() || *m))
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

/// A system that goes to `to` when Esc is pressed, for screens where Esc means Back.
pub fn esc_to(
    to: Screen,
) -> impl FnMut(MessageReader<bevy::input::keyboard::KeyboardInput>, ResMut<NextState<Screen>>) {
    move |mut keys, mut next| {
        let esc = keys
            .read()
            .any(|k| k.state == bevy::input::ButtonState::Pressed && k.key_code == KeyCode::Escape);
        if esc {
            next.set(to);
        }
    }
}

//! A headless game (the game's logic plugins without a window) and ways to click through it:
//! find a button by its action, press it, read every text on screen, run a demo's steps.

use std::fmt::Debug;
use std::path::Path;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::ui::InteractionDisabled;
use bevy::ui_widgets::Activate;
use lost_order::game::demo::Step;
use lost_order::game::play::{Play, SeedOverride};
use lost_order::game::prefs::Home;
use lost_order::game::screens::{GradingAction, RevealAction, Screen};
use lost_order::game::widgets::ButtonKey;
use lost_order_app::Folders;

/// The game's logic with settings and records under `home`, every session seeded with `seed`.
pub fn app(home: &Path, seed: u64) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(Home(Folders::under(home)));
    app.add_plugins(lost_order::game::plugin);
    app.insert_resource(SeedOverride(Some(seed)));
    app.update();
    app.update();
    app
}

/// The screen shown.
pub fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// The button with this key, and whether it is disabled.
pub fn button_by_key(app: &mut App, key: &ButtonKey) -> Option<(Entity, bool)> {
    let mut q = app
        .world_mut()
        .query::<(Entity, &ButtonKey, Has<InteractionDisabled>)>();
    q.iter(app.world())
        .find(|(_, k, _)| *k == key)
        .map(|(e, _, d)| (e, d))
}

/// The button carrying `action`, and whether it is disabled.
pub fn button<A: Debug + 'static>(app: &mut App, action: &A) -> Option<(Entity, bool)> {
    button_by_key(app, &ButtonKey::of(action))
}

/// Activates the button with `key`, as a click or Enter would, and lets two frames pass.
pub fn press_key(app: &mut App, key: &ButtonKey) {
    let (entity, disabled) = button_by_key(app, key).unwrap_or_else(|| {
        panic!(
            "no button {key:?} on {:?}; texts: {:?}",
            screen(app),
            texts(app)
        )
    });
    assert!(!disabled, "{key:?} is disabled");
    app.world_mut().trigger(Activate { entity });
    app.update();
    app.update();
}

/// Activates the button carrying `action`.
pub fn press<A: Debug + 'static>(app: &mut App, action: A) {
    press_key(app, &ButtonKey::of(&action));
}

/// Every text on screen, a line each.
pub fn texts(app: &mut App) -> String {
    let mut q = app.world_mut().query::<&Text>();
    q.iter(app.world())
        .map(|t| t.0.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs the demo's steps, skipping screenshots and the reveal's animation.
pub fn run_steps(app: &mut App, steps: Vec<Step>) {
    for step in steps {
        match step {
            Step::Press(key) => press_key(app, &key),
            Step::Await(s) => {
                for _ in 0..20 {
                    if screen(app) == s {
                        break;
                    }
                    app.update();
                }
                assert_eq!(screen(app), s);
            }
            Step::Find(key) => {
                for _ in 0..20 {
                    if button_by_key(app, &key).is_some() {
                        break;
                    }
                    press(app, RevealAction::Next);
                }
                assert!(button_by_key(app, &key).is_some(), "{key:?} never appeared");
            }
            Step::Shot(_) | Step::Frames(_) => {}
        }
    }
}

/// Grades every account as the course would (its true grade) and hands the grades in, when
/// the session opens on customer grading; does nothing otherwise.
pub fn grade_truly(app: &mut App) {
    let accounts: Vec<(
        lost_order_core::scenario::Id,
        lost_order_core::scenario::Grade,
    )> = app
        .world()
        .resource::<Play>()
        .session
        .grading()
        .map(|g| g.accounts.iter().map(|a| (a.id.clone(), a.grade)).collect())
        .unwrap_or_default();
    if accounts.is_empty() {
        return;
    }
    for (account, grade) in accounts {
        press(app, GradingAction::Set { account, grade });
    }
    press(app, GradingAction::Submit);
}

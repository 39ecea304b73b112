//! `--demo-script`: plays a choice script through the real buttons, in Chinese then English,
//! saving screenshots of every screen, then quits. Used by the window test and for looking.

use std::collections::VecDeque;
use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::ui::InteractionDisabled;
use bevy::ui_widgets::Activate;
use lost_order_core::engine::Decision;

use super::screens::{
    BoardAction, BriefingAction, GoTo, GradingAction, Rebuild, SceneAction, Screen, TenderAction,
    TitleAction,
};
use super::widgets::ButtonKey;

/// One step of the demo.
#[derive(Clone, Debug)]
pub enum Step {
    /// Activate the button with this key (waiting until it exists and is enabled).
    Press(ButtonKey),
    /// Wait until a button with this key exists.
    Find(ButtonKey),
    /// Wait until this screen is shown.
    Await(Screen),
    /// Save a screenshot under this name.
    Shot(String),
    /// Let a few frames pass (layout, text, the reveal's animation).
    Frames(u32),
}

#[derive(Resource)]
struct Demo {
    steps: VecDeque<Step>,
    waited: u32,
    dir: PathBuf,
}

/// Adds the demo for `decisions` (already read from the script) in both languages.
pub fn plugin(decisions: Vec<Decision>, dir: PathBuf) -> impl Fn(&mut App) {
    move |app: &mut App| {
        let mut steps = VecDeque::new();
        for lang in ["zh", "en"] {
            steps.extend(pass(lang, &decisions));
        }
        app.insert_resource(Demo {
            steps,
            waited: 0,
            dir: dir.clone(),
        })
        .add_systems(Update, drive.before(Rebuild));
    }
}

/// The steps of one pass through the game in `lang`: title, briefing, the decisions through
/// their buttons, the tender, the reveal and the debrief, with a screenshot of each screen.
pub fn pass(lang: &str, decisions: &[Decision]) -> Vec<Step> {
    let shot = |name: &str| {
        [
            Step::Frames(8),
            Step::Shot(format!("{name}-{lang}")),
            Step::Frames(8),
        ]
    };
    let mut steps = vec![
        Step::Await(Screen::Title),
        press(TitleAction::SetLang(lang.into())),
        Step::Frames(4),
    ];
    steps.extend(shot("title"));
    steps.extend([press(GoTo(Screen::Settings)), Step::Await(Screen::Settings)]);
    steps.extend(shot("settings"));
    steps.extend([press(GoTo(Screen::Title)), Step::Await(Screen::Title)]);
    steps.extend([
        press(TitleAction::NewSession),
        Step::Await(Screen::Briefing),
    ]);
    steps.extend(shot("briefing"));
    steps.push(press(BriefingAction::Start));
    // A case with customer grading opens on the grading screen, its first decision.
    if !matches!(decisions.first(), Some(Decision::Grade(_))) {
        steps.push(Step::Await(Screen::Board));
    }
    let mut scene_shot = false;
    let mut board_shot = false;
    for (i, d) in decisions.iter().enumerate() {
        let last_week_ends = matches!(d, Decision::EndWeek)
            && matches!(decisions.get(i + 1), Some(Decision::Bid(_)));
        if last_week_ends {
            // The map as it stands before the tender.
            steps.extend(shot("map"));
        }
        match d {
            Decision::Act { action, target } => {
                if let Some(t) = target {
                    steps.push(press(BoardAction::SelectPerson(t.clone())));
                    if !board_shot {
                        steps.extend(shot("board"));
                        board_shot = true;
                    }
                }
                steps.push(press(BoardAction::Act {
                    action: action.clone(),
                    target: target.clone(),
                }));
            }
            Decision::EndWeek => steps.push(press(BoardAction::EndWeek)),
            Decision::Grade(grades) => {
                steps.push(Step::Await(Screen::Grading));
                steps.extend(grades.iter().map(|(account, grade)| {
                    press(GradingAction::Set {
                        account: account.clone(),
                        grade: *grade,
                    })
                }));
                steps.extend(shot("grading"));
                steps.extend([press(GradingAction::Submit), Step::Await(Screen::Board)]);
            }
            Decision::Choose(c) => {
                if !scene_shot {
                    steps.extend(shot("scene"));
                    scene_shot = true;
                }
                steps.push(press(SceneAction::Choose(c.clone())));
            }
            Decision::Bid(bid) => {
                steps.push(Step::Await(Screen::Tender));
                steps.push(press(TenderAction::Price(bid.price.clone())));
                steps.extend(
                    bid.emphases
                        .iter()
                        .map(|e| press(TenderAction::ToggleEmphasis(e.clone()))),
                );
                steps.extend(
                    bid.commitments
                        .iter()
                        .map(|c| press(TenderAction::ToggleCommitment(c.clone()))),
                );
                steps.extend(shot("tender"));
                steps.push(press(TenderAction::SubmitBid));
            }
        }
    }
    // The debrief button appears once the whole reveal has played.
    steps.extend([Step::Await(Screen::Reveal), find(GoTo(Screen::Debrief))]);
    steps.extend(shot("reveal"));
    steps.push(press(GoTo(Screen::Debrief)));
    steps.extend([Step::Await(Screen::Debrief)]);
    steps.extend(shot("debrief"));
    steps.extend([
        press(GoTo(Screen::Title)),
        Step::Await(Screen::Title),
        press(GoTo(Screen::Instructor)),
        Step::Await(Screen::Instructor),
    ]);
    steps.extend(shot("instructor"));
    steps.push(press(GoTo(Screen::Title)));
    steps
}

/// The step that presses the button carrying `action`.
pub fn press<A: std::fmt::Debug + 'static>(action: A) -> Step {
    Step::Press(ButtonKey::of(&action))
}

/// The step that waits for the button carrying `action`.
pub fn find<A: std::fmt::Debug + 'static>(action: A) -> Step {
    Step::Find(ButtonKey::of(&action))
}

/// Takes the next step when it can; fails the run if a step waits too long.
fn drive(
    mut demo: ResMut<Demo>,
    mut commands: Commands,
    buttons: Query<(Entity, &ButtonKey, Has<InteractionDisabled>)>,
    screen: Res<State<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(step) = demo.steps.front().cloned() else {
        info!("demo finished");
        exit.write(AppExit::Success);
        return;
    };
    let done = match &step {
        Step::Await(s) => screen.get() == s,
        Step::Frames(n) => demo.waited >= *n,
        Step::Shot(name) => {
            let path = demo.dir.join(format!("{name}.png"));
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(path));
            true
        }
        Step::Find(action) => buttons.iter().any(|(_, a, _)| a == action),
        Step::Press(action) => match buttons
            .iter()
            .find(|(_, a, disabled)| *a == action && !disabled)
        {
            Some((e, _, _)) => {
                commands.trigger(Activate { entity: e });
                true
            }
            None => false,
        },
    };
    if done {
        demo.steps.pop_front();
        demo.waited = 0;
    } else {
        demo.waited += 1;
        // The reveal shows a stage every 1.2 s; anything else should appear within a few frames.
        if demo.waited > 2000 && !matches!(step, Step::Frames(_)) {
            error!("demo stuck at {step:?} on {:?}", screen.get());
            exit.write(AppExit::error());
        }
    }
}

//! The game without a window: click through whole sessions and check what each screen says.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::ui::InteractionDisabled;
use bevy::ui_widgets::Activate;
use lost_order::game::demo::{Step, pass};
use lost_order::game::play::{Play, SeedOverride};
use lost_order::game::screens::{Screen, UiAction};
use lost_order::game::storage::Dirs;
use lost_order_core::engine::{Decision, Session, parse_script};

fn home(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("lost-order-headless-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn app(home: &std::path::Path, seed: u64) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(Dirs {
        config: home.join("config"),
        data: home.join("data"),
    });
    app.add_plugins(lost_order::game::plugin);
    app.insert_resource(SeedOverride(Some(seed)));
    app.update();
    app.update();
    app
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn button(app: &mut App, action: &UiAction) -> Option<(Entity, bool)> {
    let mut q = app
        .world_mut()
        .query::<(Entity, &UiAction, Has<InteractionDisabled>)>();
    q.iter(app.world())
        .find(|(_, a, _)| *a == action)
        .map(|(e, _, d)| (e, d))
}

/// Activates the button with `action`, as a click or Enter would.
fn press(app: &mut App, action: &UiAction) {
    let (entity, disabled) = button(app, action).unwrap_or_else(|| {
        panic!(
            "no button {action:?} on {:?}; texts: {:?}",
            screen(app),
            texts(app)
        )
    });
    assert!(!disabled, "{action:?} is disabled");
    app.world_mut().trigger(Activate { entity });
    app.update();
    app.update();
}

fn texts(app: &mut App) -> String {
    let mut q = app.world_mut().query::<&Text>();
    q.iter(app.world())
        .map(|t| t.0.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs the demo's steps, skipping screenshots and the reveal's animation.
fn run_steps(app: &mut App, steps: Vec<Step>) {
    for step in steps {
        match step {
            Step::Press(action) => press(app, &action),
            Step::Await(s) => {
                for _ in 0..20 {
                    if screen(app) == s {
                        break;
                    }
                    app.update();
                }
                assert_eq!(screen(app), s);
            }
            Step::Find(action) => {
                for _ in 0..20 {
                    if button(app, &action).is_some() {
                        break;
                    }
                    press(app, &UiAction::RevealNext);
                }
                assert!(button(app, &action).is_some(), "{action:?} never appeared");
            }
            Step::Shot(_) | Step::Frames(_) => {}
        }
    }
}

fn golden() -> Vec<Decision> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/full_coverage.script"
    ))
    .unwrap();
    parse_script(&text).unwrap()
}

#[test]
fn a_whole_flagship_session_ends_as_the_core_says() {
    let home = home("whole");
    let mut app = app(&home, 11);
    let decisions = golden();
    let mut steps = pass("en", &decisions);
    // Stop on the debrief instead of going on to the title and the instructor view.
    steps.truncate(
        steps
            .iter()
            .position(|s| matches!(s, Step::Press(UiAction::ToTitle)))
            .unwrap(),
    );
    run_steps(&mut app, steps);
    assert_eq!(screen(&app), Screen::Debrief);
    let played = app.world().resource::<Play>().session.clone();
    let scenario = Arc::new(
        lost_order_core::load::load_file(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/lost_order.ron"
        )))
        .unwrap(),
    );
    let mut core = Session::new(scenario, 11);
    for d in &decisions {
        core.apply(d).unwrap();
    }
    assert_eq!(played.tender(), core.tender());
    assert_eq!(played.decisions(), core.decisions());
    let t = played.tender().unwrap();
    assert!(t.won);
    let shown = texts(&mut app);
    assert!(
        shown.contains(&format!("Score {}/100", t.score.total)),
        "{shown}"
    );
}

#[test]
fn every_screen_speaks_both_languages() {
    for (lang, expected) in [
        (
            "zh",
            [
                "失之交臂的订单",
                "新会话",
                "案情",
                "采购组织图",
                "编制标书",
                "开标",
                "复盘",
                "评分细则",
            ],
        ),
        (
            "en",
            [
                "The Lost Order",
                "New session",
                "The case",
                "The buying center",
                "Compose your bid",
                "The tender is decided",
                "Debrief",
                "The rubric",
            ],
        ),
    ] {
        let home = home(&format!("lang-{lang}"));
        let mut app = app(&home, 11);
        press(&mut app, &UiAction::SetLang(lang.into()));
        let mut seen = texts(&mut app);
        press(&mut app, &UiAction::NewSession);
        seen += &texts(&mut app);
        press(&mut app, &UiAction::Start);
        seen += &texts(&mut app);
        for d in golden() {
            match d {
                Decision::Act { action, target } => {
                    press(&mut app, &UiAction::SelectPerson(target.clone().unwrap()));
                    press(&mut app, &UiAction::Act { action, target });
                }
                Decision::EndWeek => press(&mut app, &UiAction::EndWeek),
                Decision::Choose(c) => press(&mut app, &UiAction::Choose(c)),
                Decision::Bid(b) => {
                    seen += &texts(&mut app);
                    press(&mut app, &UiAction::Price(b.price));
                    press(&mut app, &UiAction::SubmitBid);
                }
            }
        }
        seen += &texts(&mut app);
        for _ in 0..10 {
            if button(&mut app, &UiAction::ToDebrief).is_some() {
                break;
            }
            press(&mut app, &UiAction::RevealNext);
        }
        seen += &texts(&mut app);
        press(&mut app, &UiAction::ToDebrief);
        seen += &texts(&mut app);
        for word in expected {
            assert!(seen.contains(word), "{lang}: `{word}` missing");
        }
        let other = if lang == "zh" {
            "New session"
        } else {
            "新会话"
        };
        assert!(
            !seen.contains(other),
            "{lang}: text of the other language shown"
        );
    }
}

#[test]
fn a_disabled_action_cannot_be_taken() {
    let home = home("disabled");
    let mut app = app(&home, 3);
    press(&mut app, &UiAction::NewSession);
    press(&mut app, &UiAction::Start);
    press(&mut app, &UiAction::Choose("trust".into()));
    press(&mut app, &UiAction::SelectPerson("sun".into()));
    // A tailored proposal needs Sun's criteria, which the player does not know yet.
    let proposal = UiAction::Act {
        action: "proposal".into(),
        target: Some("sun".into()),
    };
    let (entity, disabled) = button(&mut app, &proposal).expect("the proposal is shown");
    assert!(disabled, "the proposal should be disabled");
    assert!(texts(&mut app).contains("Learn their criteria first"));
    let before = app.world().resource::<Play>().session.decisions().len();
    app.world_mut().trigger(Activate { entity });
    app.update();
    app.update();
    assert_eq!(
        app.world().resource::<Play>().session.decisions().len(),
        before
    );
}

#[test]
fn continue_resumes_the_saved_session_exactly() {
    let home = home("continue");
    let decisions = golden();
    let first_part: Vec<Decision> = decisions.iter().take(9).cloned().collect();
    let played = {
        let mut app = app(&home, 11);
        press(&mut app, &UiAction::SetLang("en".into()));
        let mut steps = pass("en", &first_part);
        // Only the title, briefing and decisions: no tender yet.
        steps.truncate(
            steps
                .iter()
                .position(|s| matches!(s, Step::Await(Screen::Reveal)))
                .unwrap_or(steps.len()),
        );
        run_steps(&mut app, steps);
        app.world().resource::<Play>().session.decisions().to_vec()
    };
    let mut app = app(&home, 999);
    assert!(
        button(&mut app, &UiAction::Continue).is_some(),
        "Continue is offered"
    );
    press(&mut app, &UiAction::Continue);
    assert_eq!(screen(&app), Screen::Board);
    let resumed = app.world().resource::<Play>().session.clone();
    assert_eq!(resumed.decisions(), played.as_slice());
    assert_eq!(resumed.seed(), 11);
}

#[test]
fn nothing_behind_an_open_scene_can_be_used() {
    let home = home("modal");
    let mut app = app(&home, 3);
    press(&mut app, &UiAction::NewSession);
    press(&mut app, &UiAction::Start);
    let phase = |app: &App| app.world().resource::<Play>().session.phase().clone();
    assert!(matches!(
        phase(&app),
        lost_order_core::engine::Phase::Scene(_)
    ));
    // The board's End week button is there, behind the scene, but does nothing.
    let (end_week, _) =
        button(&mut app, &UiAction::EndWeek).expect("the board is behind the scene");
    app.world_mut().trigger(Activate { entity: end_week });
    app.update();
    app.update();
    assert!(matches!(
        phase(&app),
        lost_order_core::engine::Phase::Scene(_)
    ));
    assert_eq!(app.world().resource::<Play>().session.week(), 1);
    // The scene's own choice works.
    press(&mut app, &UiAction::Choose("trust".into()));
    assert_eq!(phase(&app), lost_order_core::engine::Phase::Planning);
}

#[test]
fn what_if_replays_the_same_world_up_to_the_chosen_week() {
    let home = home("whatif");
    let mut app = app(&home, 11);
    let mut steps = pass("en", &golden());
    steps.truncate(
        steps
            .iter()
            .position(|s| matches!(s, Step::Press(UiAction::ToTitle)))
            .unwrap(),
    );
    run_steps(&mut app, steps);
    let finished = app.world().resource::<Play>().session.clone();
    press(&mut app, &UiAction::WhatIf(3));
    assert_eq!(screen(&app), Screen::Board);
    let again = app.world().resource::<Play>().session.clone();
    assert_eq!(again.week(), 3);
    assert_eq!(again.seed(), finished.seed());
    let before_week_3: Vec<_> = finished
        .decisions()
        .iter()
        .filter(|m| m.week < 3)
        .cloned()
        .collect();
    assert_eq!(again.decisions(), before_week_3.as_slice());
}

#[test]
fn settings_are_saved_and_restored() {
    let home = home("settings");
    {
        let mut app = app(&home, 1);
        press(&mut app, &UiAction::OpenSettings);
        press(&mut app, &UiAction::SetLang("zh".into()));
        press(
            &mut app,
            &UiAction::SetTextSize(lost_order::game::prefs::TextSize::Large),
        );
        assert!(texts(&mut app).contains("文字大小"));
    }
    let app = app(&home, 1);
    let prefs = app.world().resource::<lost_order::game::prefs::Prefs>();
    assert_eq!(prefs.lang, "zh");
    assert_eq!(prefs.text_size, lost_order::game::prefs::TextSize::Large);
}

#[test]
fn the_debrief_exports_a_report_and_the_instructor_view_shows_the_class() {
    let home = home("instructor");
    let mut app = app(&home, 11);
    let mut steps = pass("en", &golden());
    steps.truncate(
        steps
            .iter()
            .position(|s| matches!(s, Step::Press(UiAction::ToTitle)))
            .unwrap(),
    );
    run_steps(&mut app, steps);
    press(&mut app, &UiAction::ExportSession);
    let reports = home.join("data/records/reports");
    let exported: Vec<_> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(exported.len(), 1);
    assert!(exported[0].join("index.html").exists() && exported[0].join("summary.json").exists());
    assert!(texts(&mut app).contains("Report written to"));

    // Two more trainees of the class, recorded by the simulator's policies.
    let scenario = Arc::new(
        lost_order_core::load::load_file(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/lost_order.ron"
        )))
        .unwrap(),
    );
    for (i, policy) in [
        lost_order_core::policy::Policy::Liao,
        lost_order_core::policy::Policy::Random,
    ]
    .into_iter()
    .enumerate()
    {
        let run = lost_order_core::simulate::play(scenario.clone(), policy, 11).unwrap();
        let header = lost_order_core::record::Header {
            format: lost_order_core::record::RECORD_FORMAT,
            scenario: "lost_order".into(),
            scenario_version: scenario.meta.version.clone(),
            scenario_hash: scenario.hash.clone(),
            seed: 11,
            player: format!("trainee-{i}"),
            started: 1_000 + i as u64,
        };
        let mut w =
            lost_order_core::record::RecordWriter::create(&home.join("data/records"), &header)
                .unwrap();
        w.sync(&run.session).unwrap();
    }
    press(&mut app, &UiAction::ToTitle);
    press(&mut app, &UiAction::OpenInstructor);
    assert_eq!(screen(&app), Screen::Instructor);
    let shown = texts(&mut app);
    assert!(shown.contains("trainees 3"), "{shown}");
    for word in [
        "trainee-0",
        "trainee-1",
        "Score distribution",
        "Most common fatal mistakes",
    ] {
        assert!(shown.contains(word), "`{word}` missing: {shown}");
    }
    press(&mut app, &UiAction::ExportClass);
    assert!(home.join("data/records/report/index.html").exists());
}

//! The game without a window: click through whole sessions and check what each screen says.

mod common;

use bevy::prelude::*;
use bevy::ui_widgets::Activate;
use common::game::{app, button, grade_truly, press, run_steps, screen, texts};
use common::{flagship, golden_script, temp_dir};
use lost_order::game::demo::{Step, pass};
use lost_order::game::play::Play;
use lost_order::game::prefs::{Prefs, TextSize};
use lost_order::game::screens::{
    BoardAction, BriefingAction, DebriefAction, GoTo, GradingAction, InstructorAction,
    RevealAction, SceneAction, Screen, SettingsAction, TenderAction, TitleAction,
};
use lost_order::game::widgets::ButtonKey;
use lost_order_core::engine::{Decision, Session};

fn home(name: &str) -> std::path::PathBuf {
    temp_dir("headless", name)
}

fn golden() -> Vec<Decision> {
    golden_script("full_coverage.script")
}

/// The demo's steps up to the debrief (not on to the title and the instructor view).
fn to_debrief(decisions: &[Decision]) -> Vec<Step> {
    let mut steps = pass("en", decisions);
    let to_title = ButtonKey::of(&GoTo(Screen::Title));
    let debrief = steps
        .iter()
        .position(|s| matches!(s, Step::Await(Screen::Debrief)))
        .unwrap();
    let leave = debrief
        + steps[debrief..]
            .iter()
            .position(|s| matches!(s, Step::Press(k) if *k == to_title))
            .unwrap();
    steps.truncate(leave);
    steps
}

#[test]
fn a_whole_flagship_session_ends_as_the_core_says() {
    let home = home("whole");
    let mut app = app(&home, 11);
    let decisions = golden();
    run_steps(&mut app, to_debrief(&decisions));
    assert_eq!(screen(&app), Screen::Debrief);
    let played = app.world().resource::<Play>().session.clone();
    let scenario = flagship();
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
                "开始新的一局",
                "案情",
                "采购组织图",
                "客户分级",
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
                "New game",
                "The case",
                "The buying organization",
                "Customer grading",
                "Compose your bid",
                "The tender is decided",
                "Debrief",
                "The rubric",
            ],
        ),
    ] {
        let home = home(&format!("lang-{lang}"));
        let mut app = app(&home, 11);
        press(&mut app, TitleAction::SetLang(lang.into()));
        let mut seen = texts(&mut app);
        press(&mut app, TitleAction::NewSession);
        seen += &texts(&mut app);
        press(&mut app, BriefingAction::Start);
        seen += &texts(&mut app);
        for d in golden() {
            match d {
                Decision::Act { action, target } => {
                    press(&mut app, BoardAction::SelectPerson(target.clone().unwrap()));
                    press(&mut app, BoardAction::Act { action, target });
                }
                Decision::EndWeek => press(&mut app, BoardAction::EndWeek),
                Decision::Grade(grades) => {
                    seen += &texts(&mut app);
                    for (account, grade) in grades {
                        press(&mut app, GradingAction::Set { account, grade });
                    }
                    press(&mut app, GradingAction::Submit);
                    seen += &texts(&mut app);
                }
                Decision::Choose(c) => press(&mut app, SceneAction::Choose(c)),
                Decision::Bid(b) => {
                    seen += &texts(&mut app);
                    press(&mut app, TenderAction::Price(b.price));
                    press(&mut app, TenderAction::SubmitBid);
                }
            }
        }
        seen += &texts(&mut app);
        for _ in 0..10 {
            if button(&mut app, &GoTo(Screen::Debrief)).is_some() {
                break;
            }
            press(&mut app, RevealAction::Next);
        }
        seen += &texts(&mut app);
        press(&mut app, GoTo(Screen::Debrief));
        seen += &texts(&mut app);
        for word in expected {
            assert!(seen.contains(word), "{lang}: `{word}` missing");
        }
        let other = if lang == "zh" {
            "New game"
        } else {
            "开始新的一局"
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
    press(&mut app, TitleAction::NewSession);
    press(&mut app, BriefingAction::Start);
    grade_truly(&mut app);
    press(&mut app, SceneAction::Choose("trust".into()));
    press(&mut app, BoardAction::SelectPerson("sun".into()));
    // A tailored proposal needs Sun's criteria, which the player does not know yet.
    let proposal = BoardAction::Act {
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
        press(&mut app, TitleAction::SetLang("en".into()));
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
        button(&mut app, &TitleAction::Continue).is_some(),
        "Continue is offered"
    );
    press(&mut app, TitleAction::Continue);
    assert_eq!(screen(&app), Screen::Board);
    let resumed = app.world().resource::<Play>().session.clone();
    assert_eq!(resumed.decisions(), played.as_slice());
    assert_eq!(resumed.seed(), 11);
}

#[test]
fn nothing_behind_an_open_scene_can_be_used() {
    let home = home("modal");
    let mut app = app(&home, 3);
    press(&mut app, TitleAction::NewSession);
    press(&mut app, BriefingAction::Start);
    grade_truly(&mut app);
    let phase = |app: &App| app.world().resource::<Play>().session.phase().clone();
    assert!(matches!(
        phase(&app),
        lost_order_core::engine::Phase::Scene(_)
    ));
    // The board's End week button is there, behind the scene, but does nothing.
    let (end_week, _) =
        button(&mut app, &BoardAction::EndWeek).expect("the board is behind the scene");
    app.world_mut().trigger(Activate { entity: end_week });
    app.update();
    app.update();
    assert!(matches!(
        phase(&app),
        lost_order_core::engine::Phase::Scene(_)
    ));
    assert_eq!(app.world().resource::<Play>().session.week(), 1);
    // The scene's own choice works.
    press(&mut app, SceneAction::Choose("trust".into()));
    assert_eq!(phase(&app), lost_order_core::engine::Phase::Planning);
}

#[test]
fn what_if_replays_the_same_world_up_to_the_chosen_week() {
    let home = home("whatif");
    let mut app = app(&home, 11);
    run_steps(&mut app, to_debrief(&golden()));
    let finished = app.world().resource::<Play>().session.clone();
    press(&mut app, DebriefAction::WhatIf(3));
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
        press(&mut app, GoTo(Screen::Settings));
        press(&mut app, SettingsAction::SetLang("zh".into()));
        press(&mut app, SettingsAction::SetTextSize(TextSize::Large));
        assert!(texts(&mut app).contains("文字大小"));
    }
    let app = app(&home, 1);
    let prefs = app.world().resource::<Prefs>();
    assert_eq!(prefs.lang, "zh");
    assert_eq!(prefs.text_size, TextSize::Large);
}

#[test]
fn the_debrief_exports_a_report_and_the_instructor_view_shows_the_class() {
    let home = home("instructor");
    let mut app = app(&home, 11);
    run_steps(&mut app, to_debrief(&golden()));
    press(&mut app, DebriefAction::ExportSession);
    let reports = home.join("data/records/reports");
    let exported: Vec<_> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(exported.len(), 1);
    assert!(exported[0].join("index.html").exists() && exported[0].join("summary.json").exists());
    assert!(texts(&mut app).contains("Report written to"));

    // Two more trainees of the class, recorded by the simulator's policies.
    let scenario = flagship();
    for (i, policy) in [
        lost_order_core::policy::Policy::Liao,
        lost_order_core::policy::Policy::Random,
    ]
    .into_iter()
    .enumerate()
    {
        let run = lost_order_core::simulate::play(scenario.clone(), policy, 11).unwrap();
        let header = lost_order_core::record::Header::new(
            &scenario,
            11,
            &format!("trainee-{i}"),
            1_000 + i as u64,
        );
        let mut w =
            lost_order_core::record::RecordWriter::create(&home.join("data/records"), &header)
                .unwrap();
        w.sync(&run.session).unwrap();
    }
    press(&mut app, GoTo(Screen::Title));
    press(&mut app, GoTo(Screen::Instructor));
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
    press(&mut app, InstructorAction::Export);
    assert!(home.join("data/records/report/index.html").exists());
}

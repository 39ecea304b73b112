//! Play while writing (`lost-order --scenario FILE`) without a window: a save that breaks the
//! case keeps the last good version and shows the mistake; a good save replaces it, and the
//! session goes on when its decisions replay, else a restart is offered; drafts leave no
//! session record.

mod common;
mod edits;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use lost_order::game::authoring::reload::{self, Carry};
use lost_order::game::authoring::{self, AuthoringAction, Notice, Overlay, Watched};
use lost_order::game::play::{Play, SeedOverride};
use lost_order::game::prefs::{Home, Prefs};
use lost_order::game::screens::{BriefingAction, SceneAction, Screen};
use lost_order_app::Folders;
use lost_order_core::engine::{Decision, Phase, Session};
use lost_order_core::scenario::{Id, Scenario};

const TUTORIAL: &str = include_str!("../scenarios/tutorial.ron");

/// A folder with a copy of the tutorial, and the copy's path.
fn case(name: &str) -> (PathBuf, PathBuf) {
    let dir = common::temp_dir("authoring", name);
    std::fs::create_dir_all(dir.join("case")).unwrap();
    let path = dir.join("case").join("tutorial.ron");
    std::fs::write(&path, TUTORIAL).unwrap();
    (dir, path)
}

fn scenario(source: &str) -> Arc<Scenario> {
    let checked = lost_order_core::load::check_source("t.ron", source);
    Arc::new(checked.into_scenario().expect("a good version"))
}

/// The scene open at the start of a session of `source` with `seed`, and its first choice
/// that can be taken and its last.
fn opening_scene(source: &str, seed: u64) -> (Id, Id, Id) {
    let s = Session::new(scenario(source), seed);
    let Phase::Scene(scene) = s.phase().clone() else {
        panic!("the tutorial opens on a scene, not {:?}", s.phase());
    };
    let choices = s.choices();
    let first = choices.iter().find(|c| c.blocked.is_none()).unwrap();
    (
        scene,
        first.choice.clone(),
        choices.last().unwrap().choice.clone(),
    )
}

// ---- the reload decision, without the game ----------------------------------------------

#[test]
fn a_session_whose_decisions_replay_continues_on_the_new_version() {
    let (_, first, _) = opening_scene(TUTORIAL, 7);
    let mut s = Session::new(scenario(TUTORIAL), 7);
    s.apply(&Decision::Choose(first)).unwrap();
    s.apply(&Decision::EndWeek).unwrap();
    let edited = edits::retitle(TUTORIAL, "EDITED ");
    let Carry::Continues(next) = reload::carry_over(&s, scenario(&edited)) else {
        panic!("a new title cannot stop a session");
    };
    assert_eq!(next.decisions(), s.decisions());
    assert_eq!((next.week(), next.phase()), (s.week(), s.phase()));
    assert!(next.scenario().meta.title.get("en").starts_with("EDITED "));
    assert_ne!(next.scenario().hash, s.scenario().hash);
}

#[test]
fn a_session_whose_decision_the_new_version_refuses_is_offered_a_restart() {
    let (scene, first, _) = opening_scene(TUTORIAL, 7);
    let mut s = Session::new(scenario(TUTORIAL), 7);
    s.apply(&Decision::Choose(first.clone())).unwrap();
    let renamed = edits::rename_choice(TUTORIAL, &scene, &first, "renamed_choice");
    let Carry::Diverged(d) = reload::carry_over(&s, scenario(&renamed)) else {
        panic!("choice {first:?} is gone, yet the session replayed");
    };
    assert_eq!((d.number, d.of, d.week), (1, 1, 1));
    let en = d.text("en");
    assert!(
        en.starts_with("Decision 1 of 1 (week 1) is refused by the new version: "),
        "{en}"
    );
    assert!(en.contains(first.as_str()), "{en}");
    let zh = d.text("zh");
    assert!(
        zh.starts_with("第 1 个决定（共 1 个，第 1 周）在新版本里不成立："),
        "{zh}"
    );
}

#[test]
fn a_broken_file_reads_as_its_mistakes_in_plain_text() {
    let (_dir, path) = case("broken-text");
    let (broken, line, _) = edits::break_syntax(TUTORIAL);
    std::fs::write(&path, &broken).unwrap();
    let reading = reload::read(&path);
    let Err(mistakes) = reading.outcome else {
        panic!("a syntax error loaded");
    };
    let m = &mistakes[0];
    let prefix = format!("{}:{line}:", path.display());
    assert!(
        m.location.starts_with(&prefix),
        "{} vs {prefix}",
        m.location
    );
    assert!(!m.message.is_empty());
    let [before, at, after] = m.line.clone().expect("the line of the mistake");
    assert_eq!(format!("{before}{at}{after}").trim(), "meta: ( @@@");
    assert_eq!(at, "@@@", "the token the parser stopped at is marked");
    for lang in ["en", "zh"] {
        let text = m.text(lang);
        assert!(text.starts_with(&format!("{}: ", m.location)), "{text}");
        assert!(text.contains("meta: ( @@@"), "{text}");
        let caret = text.lines().nth(2).unwrap_or_default();
        let code = text.lines().nth(1).unwrap_or_default();
        assert_eq!(
            caret.find('^'),
            code.find("@@@"),
            "the caret is under the mistake:\n{text}"
        );
        assert!(!text.contains('\u{1b}'), "no terminal colours: {text:?}");
    }
    // A file that cannot be read is one mistake naming it.
    let gone = path.with_file_name("missing.ron");
    let Err(mistakes) = reload::read(&gone).outcome else {
        panic!("a missing file loaded");
    };
    assert!(mistakes[0].location.ends_with("missing.ron"));
    assert!(mistakes[0].message.contains("cannot read"), "{mistakes:?}");
}

// ---- the game, headless ------------------------------------------------------------------

/// The game's logic watching `path`, in English, every session with seed 7, records in `home`.
fn game(home: &Path, path: &Path) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(Home(Folders::under(home)));
    app.add_plugins(lost_order::game::plugin);
    app.insert_resource(SeedOverride(Some(7)));
    app.world_mut().resource_mut::<Prefs>().lang = "en".into();
    authoring::watch(&mut app, path, None).expect("the file is watched");
    for _ in 0..4 {
        app.update();
    }
    app
}

/// Lets frames pass until `done` holds (at most 10 s: the watcher waits for the file to settle).
fn until(app: &mut App, what: &str, done: impl Fn(&mut App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(app) {
        assert!(Instant::now() < deadline, "never: {what}");
        std::thread::sleep(Duration::from_millis(20));
        app.update();
    }
    for _ in 0..3 {
        app.update();
    }
}

fn overlay_shown(app: &mut App) -> bool {
    let mut q = app.world_mut().query_filtered::<(), With<Overlay>>();
    q.iter(app.world()).count() > 0
}

fn session(app: &App) -> Session {
    app.world().resource::<Play>().session.clone()
}

fn records(home: &Path) -> usize {
    std::fs::read_dir(Folders::under(home).records())
        .map(|d| d.count())
        .unwrap_or(0)
}

#[test]
fn saves_reload_the_case_in_the_game_as_it_is_played() {
    let (home, path) = case("game");
    let mut app = game(&home, &path);
    // The case opens on its briefing, offered first in the menus.
    assert_eq!(common::game::screen(&app), Screen::Briefing);
    let key = app.world().resource::<Watched>().key.clone();
    assert!(common::game::texts(&mut app).contains("Tutorial"));
    common::game::press(&mut app, BriefingAction::Start);
    assert_eq!(common::game::screen(&app), Screen::Board);
    let (scene, first, last) = opening_scene(TUTORIAL, 7);
    assert_eq!(
        app.world().resource::<Play>().key.as_deref(),
        Some(key.as_str())
    );

    // A broken save: the mistake is shown, the session plays on with the last good version.
    let (broken, line, _) = edits::break_syntax(TUTORIAL);
    edits::save(&path, &broken);
    until(&mut app, "the overlay shows the mistake", overlay_shown);
    let shown = common::game::texts(&mut app);
    let at = format!("{}:{line}:", path.display());
    assert!(shown.contains(&at), "{at} not in\n{shown}");
    assert!(shown.contains("The case file has a mistake"), "{shown}");
    assert!(
        shown.contains("The game goes on with the last good version"),
        "{shown}"
    );
    common::game::press(&mut app, SceneAction::Choose(first.clone()));
    assert_eq!(session(&app).decisions().len(), 1, "the game did not stop");

    // The fix, with the other choice renamed: the overlay goes, the session goes on, the
    // change shows.
    let fixed = edits::rename_choice(TUTORIAL, &scene, &last, "renamed_last");
    let fixed = edits::retitle(&fixed, "EDITED ");
    edits::save(&path, &fixed);
    until(&mut app, "the overlay goes", |app| !overlay_shown(app));
    let s = session(&app);
    assert!(s.scenario().meta.title.get("en").starts_with("EDITED "));
    assert_eq!(s.decisions().len(), 1);
    assert!(matches!(
        *app.world().resource::<Notice>(),
        Notice::Reloaded {
            replayed: Some(1),
            ..
        }
    ));
    assert!(app.world().resource::<Watched>().mistakes.is_empty());

    // A save that refuses the decision taken: a restart is offered, the session is kept.
    let hash = s.scenario().hash.clone();
    let diverging = edits::rename_choice(&fixed, &scene, &first, "renamed_first");
    edits::save(&path, &diverging);
    until(&mut app, "a restart is offered", |app| {
        common::game::button(app, &AuthoringAction::Restart).is_some()
    });
    assert_eq!(
        session(&app).scenario().hash,
        hash,
        "the old session plays on"
    );
    // The restart has the focus: Enter takes it, as any focused button.
    let (restart, _) = common::game::button(&mut app, &AuthoringAction::Restart).unwrap();
    let focus = app
        .world()
        .resource::<bevy::input_focus::InputFocus>()
        .get();
    assert_eq!(focus, Some(restart), "the restart is not focused");
    let shown = common::game::texts(&mut app);
    assert!(shown.contains("Decision 1 of 1 (week 1)"), "{shown}");
    common::game::press(&mut app, AuthoringAction::Restart);
    let s = session(&app);
    assert!(s.decisions().is_empty());
    assert_eq!(s.seed(), 7);
    assert!(
        s.scenario()
            .scene(&scene)
            .unwrap()
            .choices
            .iter()
            .any(|c| c.id == "renamed_first")
    );
    assert!(!overlay_shown(&mut app));
    assert!(common::game::button(&mut app, &SceneAction::Choose("renamed_first".into())).is_some());

    // Drafts are not recorded.
    assert_eq!(records(&home), 0, "a draft session was recorded");
}

#[test]
fn a_case_broken_from_the_start_opens_once_fixed_and_speaks_chinese() {
    let (home, path) = case("broken-start");
    let (broken, _, _) = edits::break_syntax(TUTORIAL);
    std::fs::write(&path, &broken).unwrap();
    let mut app = game(&home, &path);
    app.world_mut().resource_mut::<Prefs>().lang = "zh".into();
    app.update();
    app.update();
    assert!(overlay_shown(&mut app));
    assert_eq!(common::game::screen(&app), Screen::Title);
    let shown = common::game::texts(&mut app);
    assert!(shown.contains("案例文件有一处错误"), "{shown}");
    assert!(shown.contains("还没有可以玩的版本"), "{shown}");
    assert!(
        shown.contains("提示：") || app.world().resource::<Watched>().mistakes[0].hint.is_none()
    );

    // Hidden until the next save, then fixed in place (not renamed): the case opens.
    common::game::press(&mut app, AuthoringAction::Hide);
    assert!(!overlay_shown(&mut app));
    std::fs::write(&path, TUTORIAL).unwrap();
    until(&mut app, "the briefing opens", |app| {
        common::game::screen(app) == Screen::Briefing
    });
    assert!(!overlay_shown(&mut app));
    assert!(common::game::texts(&mut app).contains("已重新载入 tutorial.ron"));
}

#[test]
fn a_missing_file_is_refused_at_once() {
    let (home, path) = case("missing");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(Home(Folders::under(&home)));
    app.add_plugins(lost_order::game::plugin);
    let gone = path.with_file_name("nope.ron");
    let e = authoring::watch(&mut app, &gone, None).unwrap_err();
    assert!(e.to_string().contains("nope.ron"), "{e}");
}

#[test]
fn reloading_the_flagship_after_a_whole_session_takes_milliseconds() {
    let (dir, _) = case("flagship");
    let path = dir.join("lost_order.ron");
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/lost_order.ron"),
    )
    .unwrap();
    std::fs::write(&path, edits::retitle(&source, "EDITED ")).unwrap();
    let played = lost_order_core::simulate::play(
        scenario(&source),
        lost_order_core::policy::Policy::FullCoverage,
        3,
    )
    .unwrap()
    .session;
    let started = Instant::now();
    let Ok((new, _)) = reload::read(&path).outcome else {
        panic!("the flagship with a new title has mistakes");
    };
    let read = started.elapsed();
    let Carry::Continues(next) = reload::carry_over(&played, new) else {
        panic!("a new title stopped the session");
    };
    let total = started.elapsed();
    assert_eq!(next.decisions(), played.decisions());
    eprintln!(
        "flagship: read and checked in {read:?}, {} decisions replayed, {total:?} in all",
        played.decisions().len()
    );
    // A frame or two even in a debug build; milliseconds in a release build.
    assert!(total < Duration::from_secs(1), "{total:?}");
}

#[test]
fn the_command_line_refuses_a_case_file_that_is_not_there_before_opening_a_window() {
    let out = common::run(&["--scenario", "no/such/case.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("cannot read no/such/case.ron"), "{said}");
    let out = common::run(&["--scenario", "scenarios"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("scenarios is not a file"), "{said}");
}

#[test]
fn a_mistake_on_a_line_with_chinese_and_crlf_marks_just_the_wrong_id() {
    let (_dir, path) = case("crlf");
    let edited = TUTORIAL
        .replacen("reports_to: \"owner\"", "reports_to: \"ownr\"", 1)
        .replace('\n', "\r\n");
    assert!(edited.contains("\"ownr\""), "the tutorial has a reports_to");
    std::fs::write(&path, &edited).unwrap();
    let Err(mistakes) = reload::read(&path).outcome else {
        panic!("an unknown person loaded");
    };
    let m = &mistakes[0];
    let [before, at, after] = m.line.clone().unwrap();
    assert_eq!(at, "\"ownr\"", "{m:?}");
    assert!(!after.contains('\r') && !before.contains('\n'), "{m:?}");
    assert!(
        m.hint.as_deref().unwrap_or_default().contains("owner"),
        "{m:?}"
    );
    // The column counts characters (Chinese ones too), as editors do.
    let line: usize = m.location.rsplit(':').nth(1).unwrap().parse().unwrap();
    let col: usize = m.location.rsplit(':').next().unwrap().parse().unwrap();
    let text = edited.split("\r\n").nth(line - 1).unwrap();
    assert_eq!(text.chars().nth(col - 1), Some('"'), "{m:?}");
    assert_eq!(before.chars().count() + 1, col);
}

//! Continue takes a class's session back into its class, in the game without a window: while
//! the server is not reached the class line says it is joining again and the trainee plays on;
//! once the server is back, the decisions that waited arrive; when the instructor has given a
//! new code since, the class line says the class cannot be joined again, and why. A session
//! finished while the server was away is sent when the title opens with the server back.

mod common;

use std::time::{Duration, Instant};

use bevy::prelude::App;
use common::game::{app as game, press, texts};
use common::{golden_script, temp_dir};
use lost_order::game::class::join;
use lost_order::game::play::{Play, decide};
use lost_order::game::prefs::update;
use lost_order::game::screens::TitleAction;
use lost_order_class::server::scenario_source;
use lost_order_class::{ClassOptions, ClassServer, Limits, serve};
use lost_order_core::engine::Decision;
use lost_order_core::record::read_record;

/// A flagship class with seed 11 in `dir` on `bind`.
fn class(dir: &std::path::Path, bind: &str) -> ClassServer {
    serve(ClassOptions {
        dir: dir.to_path_buf(),
        bind: bind.parse().unwrap(),
        scenario: scenario_source(std::path::Path::new("lost_order.ron")).unwrap(),
        seed: Some(11),
        code: None,
        roster: None,
        limits: Limits::default(),
    })
    .unwrap()
}

/// Lets frames pass until the screen shows `text` (at most 10 s).
fn until_shown(app: &mut App, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !texts(app).contains(text) {
        assert!(
            Instant::now() < deadline,
            "`{text}` not shown within 10 s:\n{}",
            texts(app)
        );
        app.update();
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// How many decisions the class folder's only record holds.
fn held(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".record.ron"))
        .map(|p| read_record(&p).unwrap().decisions.len())
        .sum()
}

/// A game in `home` joined to `server`'s class as Wang Fang, in English, the first two of
/// `decisions` made and acknowledged.
fn joined_two(home: &std::path::Path, server: &ClassServer, decisions: &[Decision]) -> App {
    let mut app = game(home, 11);
    let (bind, code) = (server.addr().to_string(), server.code());
    update(app.world_mut(), |prefs| {
        prefs.lang = "en".into();
        prefs.class_address = bind;
        prefs.class_code = code;
        prefs.player = "Wang Fang".into();
    });
    join(app.world_mut());
    let deadline = Instant::now() + Duration::from_secs(10);
    while !app.world().contains_resource::<Play>() {
        assert!(Instant::now() < deadline, "the class's session");
        app.update();
        std::thread::sleep(Duration::from_millis(20));
    }
    for d in &decisions[..2] {
        decide(app.world_mut(), d);
    }
    until_shown(&mut app, "Class: connected · 0 waiting");
    app
}

#[test]
fn continue_joins_the_class_again_sends_what_waited_and_says_why_it_cannot() {
    let home = temp_dir("continue-class", "game");
    let dir = home.join("class");
    let server = class(&dir, "127.0.0.1:0");
    let bind = server.addr().to_string();
    let decisions = golden_script("full_coverage.script");

    // Joined; two decisions arrive; the game closed.
    let first = joined_two(&home, &server, &decisions);
    assert_eq!(held(&dir), 2);
    drop(first);

    // The server down: Continue plays on and says it is joining again.
    server.stop();
    let mut second = game(&home, 11);
    press(&mut second, TitleAction::Continue);
    until_shown(&mut second, "Class: joining again");
    decide(second.world_mut(), &decisions[2]);
    second.update();
    until_shown(&mut second, "Class: joining again");

    // The server back on the same folder and port: the decision that waited arrives.
    let server = class(&dir, &bind);
    until_shown(&mut second, "Class: connected · 0 waiting");
    assert_eq!(held(&dir), 3);
    drop(second);

    // A new code since: the class cannot be joined again, and the line says why.
    server.new_code().unwrap();
    let mut third = game(&home, 11);
    press(&mut third, TitleAction::Continue);
    until_shown(&mut third, "Class: cannot join again");
    until_shown(&mut third, "That is not this class's code");
    // The session goes on here all the same.
    decide(third.world_mut(), &decisions[3]);
    assert_eq!(
        third.world().resource::<Play>().session.decisions().len(),
        4
    );
    assert_eq!(held(&dir), 3, "nothing sent to a class not joined");
}

#[test]
fn a_session_finished_while_the_class_was_away_is_sent_when_the_title_opens() {
    let home = temp_dir("continue-class", "finished");
    let dir = home.join("class");
    let server = class(&dir, "127.0.0.1:0");
    let bind = server.addr().to_string();
    let decisions = golden_script("full_coverage.script");

    // Joined; two decisions arrive; the server gone, the session played to its end.
    let mut first = joined_two(&home, &server, &decisions);
    server.stop();
    for d in &decisions[2..] {
        decide(first.world_mut(), d);
    }
    first.update();
    let session = &first.world().resource::<Play>().session;
    assert!(session.tender().is_some(), "the session is over");
    let all = session.decisions().len();
    drop(first);
    assert_eq!(held(&dir), 2);

    // The server back: the title sends the rest and says so.
    let _server = class(&dir, &bind);
    let mut second = game(&home, 11);
    until_shown(
        &mut second,
        "Finished class sessions sent to their class: 1.",
    );
    assert_eq!(held(&dir), all);
    drop(second);

    // Nothing left to send the next time.
    let mut third = game(&home, 11);
    for _ in 0..20 {
        third.update();
        std::thread::sleep(Duration::from_millis(20));
    }
    let shown = texts(&mut third);
    assert!(!shown.contains("sent to their class"), "{shown}");
}

//! The class line ("Class: connected · 0 waiting") is on every screen a class's session is
//! played on, not only the board: grading, board, tender, reveal and debrief, in the game
//! without a window, joined to a class server on loopback; a session played alone shows none.

mod common;

use std::time::{Duration, Instant};

use common::game::{app as game, button, press, screen, texts};
use common::{golden_script, temp_dir};
use lost_order::game::class::join;
use lost_order::game::demo::{Step, pass};
use lost_order::game::play::{Play, decide};
use lost_order::game::prefs::Prefs;
use lost_order::game::screens::{GoTo, RevealAction, Screen};
use lost_order_class::server::scenario_source;
use lost_order_class::{ClassOptions, Limits, serve};
use lost_order_core::engine::Decision;

/// Lets frames pass until `done` (at most 10 s).
fn frames_until(
    app: &mut bevy::prelude::App,
    what: &str,
    done: impl Fn(&mut bevy::prelude::App) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(app) {
        assert!(Instant::now() < deadline, "{what} not within 10 s");
        app.update();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn every_screen_of_a_class_session_shows_the_class_line() {
    let home = temp_dir("class-line", "class");
    let server = serve(ClassOptions {
        dir: home.join("class"),
        bind: "127.0.0.1:0".parse().unwrap(),
        scenario: scenario_source(std::path::Path::new("lost_order.ron")).unwrap(),
        seed: Some(11),
        code: None,
        roster: None,
        limits: Limits::default(),
    })
    .unwrap();
    let mut app = game(&home, 11);
    {
        let mut prefs = app.world_mut().resource_mut::<Prefs>();
        prefs.lang = "en".into();
        prefs.class_address = server.addr().to_string();
        prefs.class_code = server.code();
        prefs.player = "Wang Fang".into();
    }
    join(app.world_mut());
    frames_until(&mut app, "the class's session", |a| {
        a.world().contains_resource::<Play>()
    });
    let line = "Class: connected · 0 waiting";
    let mut seen = Vec::new();
    let mut look = |app: &mut bevy::prelude::App| {
        frames_until(app, "the class line", |a| texts(a).contains(line));
        let s = screen(app);
        if !seen.contains(&s) {
            seen.push(s);
        }
    };
    look(&mut app);
    for d in golden_script("full_coverage.script") {
        decide(app.world_mut(), &d);
        app.update();
        app.update();
        if !matches!(d, Decision::Bid(_)) {
            look(&mut app);
        }
    }
    assert_eq!(screen(&app), Screen::Reveal);
    look(&mut app);
    while button(&mut app, &GoTo(Screen::Debrief)).is_none() {
        press(&mut app, RevealAction::Next);
    }
    press(&mut app, GoTo(Screen::Debrief));
    look(&mut app);
    for s in [
        Screen::Grading,
        Screen::Board,
        Screen::Tender,
        Screen::Reveal,
        Screen::Debrief,
    ] {
        assert!(seen.contains(&s), "{s:?} not seen: {seen:?}");
    }

    // A session played alone has no class line.
    let alone = temp_dir("class-line", "alone");
    let mut app = game(&alone, 11);
    let steps = pass("en", &golden_script("full_coverage.script"));
    let tender = steps
        .iter()
        .position(|s| matches!(s, Step::Await(Screen::Tender)))
        .unwrap();
    common::game::run_steps(&mut app, steps[..=tender].to_vec());
    assert_eq!(screen(&app), Screen::Tender);
    assert!(!texts(&mut app).contains("Class:"), "{}", texts(&mut app));
}

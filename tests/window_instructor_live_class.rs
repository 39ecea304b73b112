//! The Instructor view watching a live class, in the real window (Xvfb): a class server of the
//! tutorial runs in this test on loopback; the settings remember its address with a wrong
//! instructor token, so the view opens saying the token is wrong, in words; the token is typed
//! over with the keyboard (and kept in the settings), Connect is clicked, and the view shows
//! simulated trainees of the class joining, playing and finishing with their outcomes and
//! the class charts; Lock the class and New code are clicked and the server holds them; the
//! server stopped, it says it cannot reach it and keeps the class as last seen. Screenshots of
//! each step are kept beside the game's log.
//!
//! Runs when `LOST_ORDER_WINDOW_TESTS=1` and `DISPLAY` are set, like the other window tests;
//! otherwise it says so and passes.

mod common;

use std::time::{Duration, Instant};

use common::window::{DISPLAY, Game, click_at, screenshot, tutorial_class, window_tests, xdotool};
use lost_order::game::screens::{GoTo, InstructorAction, InstructorField, Screen};
use lost_order_app::Folders;
use lost_order_app::settings::Settings;
use lost_order_class::{Simulation, simulate_class};
use lost_order_core::policy::Policy;

const WRONG: &str = "not-the-token";

fn round(lang: &str, size: &str) {
    let _display = DISPLAY.lock().unwrap_or_else(|p| p.into_inner());
    let home = common::temp_dir("window-instructor", &format!("{lang}-{size}"));
    let server = tutorial_class(&home.join("class"), "127.0.0.1:0", 7);
    let settings = Folders::under(&home).settings_file();
    Settings {
        lang: lang.into(),
        instructor_address: server.addr().to_string(),
        instructor_token: WRONG.into(),
        ..Settings::default()
    }
    .save(&settings)
    .unwrap();

    // The view opens on the class server remembered, and says the token is wrong.
    let game = Game::start(&home, "game.log", lang, size, &[]);
    click_at(game.button_after(0, &GoTo(Screen::Instructor), 60));
    game.wait_after(0, "trace: instructor refused NotInstructor", 20);
    game.wait_after(0, "trace: built Instructor", 10);
    std::thread::sleep(Duration::from_millis(500));
    screenshot(&home.join("1-wrong-token.png"));

    // The right token typed over the wrong one, kept in the settings, then Connect.
    let mark = game.mark();
    click_at(game.button_after(0, &InstructorAction::Edit(InstructorField::Token), 5));
    game.wait_after(mark, "trace: built Instructor", 10);
    xdotool(&["search", "--name", "Lost Order", "windowfocus", "--sync"]);
    for _ in 0..WRONG.len() {
        xdotool(&["key", "BackSpace"]);
    }
    xdotool(&["type", "--delay", "20", server.instructor_token()]);
    xdotool(&["key", "Return"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let saved = std::fs::read_to_string(&settings).unwrap_or_default();
        if saved.contains(&format!(
            "instructor_token: \"{}\"",
            server.instructor_token()
        )) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the typed token is not in the settings: {saved}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(500));
    let mark = game.mark();
    click_at(game.button_after(0, &InstructorAction::Connect, 5));
    game.wait_after(mark, "trace: instructor live 0 0", 20);

    // Simulated trainees join and play; the view shows them, then their outcomes.
    let url = server.url();
    let code = server.code();
    let first_code = code.clone();
    let records = home.join("trainees");
    let class = std::thread::spawn(move || {
        simulate_class(&Simulation {
            url,
            code,
            policy: Policy::FullCoverage,
            trainees: 4,
            prefix: "学员-".into(),
            faults: None,
            records,
            think: Duration::from_millis(700),
            arrival: Duration::ZERO,
            patience: Duration::from_secs(30),
        })
    });
    game.wait_after(mark, "trace: instructor live 4 0", 30);
    std::thread::sleep(Duration::from_millis(1500));
    screenshot(&home.join("2-trainees-playing.png"));
    let outcome = class.join().unwrap();
    assert_eq!(outcome.finished, 4, "{:#?}", outcome.problems);
    game.wait_after(mark, "trace: instructor live 4 4 charts 4", 20);
    std::thread::sleep(Duration::from_millis(1500));
    screenshot(&home.join("3-trainees-finished.png"));

    // The door: Lock the class, then New code, as the server then holds them.
    let mark = game.mark();
    click_at(game.button_after(0, &InstructorAction::Lock(true), 5));
    game.wait_after(mark, "trace: instructor live 4 4 charts 4 locked", 20);
    assert!(server.locked());
    // Where New code is once the view shows the class locked.
    let mark = game.mark();
    game.wait_after(mark, "trace: built Instructor", 10);
    let mark = game.mark();
    click_at(game.button_after(mark, &InstructorAction::NewCode, 10));
    let deadline = Instant::now() + Duration::from_secs(20);
    while server.code() == first_code {
        assert!(
            Instant::now() < deadline,
            "New code did not change the code"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    game.wait_after(mark, "trace: built Instructor", 10);
    std::thread::sleep(Duration::from_millis(1500));
    screenshot(&home.join("4-locked-new-code.png"));

    // The server gone: said, the class kept as last seen.
    let mark = game.mark();
    server.stop();
    game.wait_after(mark, "trace: instructor unreachable", 20);
    std::thread::sleep(Duration::from_millis(800));
    screenshot(&home.join("5-server-gone.png"));
    eprintln!("screenshots in {}", home.display());
}

#[test]
fn the_instructor_view_shows_a_live_class_in_chinese_at_the_smallest_size() {
    if window_tests() {
        round("zh", "1024x640");
    }
}

#[test]
fn the_instructor_view_shows_a_live_class_in_english() {
    if window_tests() {
        round("en", "1280x800");
    }
}

//! Joining a live class from the real window (Xvfb): a class server of the tutorial runs in
//! this test on loopback; the game opens on "Join a class" filled in by `--join ADDR --code
//! WRONG --player NAME`; Join with the wrong code says so in words; the code is typed over
//! with the keyboard, Join is clicked, the class's session starts, two decisions are clicked
//! and each arrives in the class folder's record, which replays exactly and says what the
//! trainee's own record says; the board's class line shows the link connected with nothing
//! waiting. Screenshots of each step are kept beside the game's log.
//!
//! Runs when `LOST_ORDER_WINDOW_TESTS=1` and `DISPLAY` are set, like the other window tests;
//! otherwise it says so and passes.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::window::{
    DISPLAY, Game, click_at, screenshot, server_record, tutorial_class, window_tests, xdotool,
};
use lost_order::game::screens::{BoardAction, JoinAction, JoinField, SceneAction};
use lost_order_core::engine::{Phase, Session};
use lost_order_core::record::{Record, read_record, replay};

/// The tutorial's class seed: it opens on a scene.
const SEED: u64 = 7;

fn round(lang: &str, size: &str) {
    let _display = DISPLAY.lock().unwrap_or_else(|p| p.into_inner());
    let home = common::temp_dir("window-join", &format!("{lang}-{size}"));
    let dir = home.join("class");
    let tutorial = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.ron");
    let server = tutorial_class(&dir, "127.0.0.1:0", SEED);
    let scenario = Arc::new(
        lost_order_core::load::check_source(
            "tutorial.ron",
            &std::fs::read_to_string(&tutorial).unwrap(),
        )
        .into_scenario()
        .unwrap(),
    );
    let opening = Session::new(scenario.clone(), SEED);
    let Phase::Scene(_) = opening.phase() else {
        panic!("the tutorial opens on a scene with seed {SEED}");
    };
    let first = opening
        .choices()
        .into_iter()
        .find(|c| c.blocked.is_none())
        .unwrap()
        .choice;

    // The address without `http://`, and a wrong code: refused, in words.
    let address = server.addr().to_string();
    let game = Game::start(
        &home,
        "game.log",
        lang,
        size,
        &["--join", &address, "--code", "WRONG1", "--player", "王芳"],
    );
    game.wait_after(0, "trace: built Join", 60);
    std::thread::sleep(Duration::from_secs(1));
    let mark = game.mark();
    click_at(game.button_after(0, &JoinAction::Join, 5));
    game.wait_after(mark, "trace: join failed Refused(WrongCode", 20);
    game.wait_after(mark, "trace: built Join", 10);
    std::thread::sleep(Duration::from_millis(500));
    screenshot(&home.join("1-wrong-code.png"));

    // The code typed over with the keyboard (kept in the settings), then Join.
    let mark = game.mark();
    click_at(game.button_after(0, &JoinAction::Edit(JoinField::Code), 5));
    game.wait_after(mark, "trace: built Join", 10);
    // Without a window manager the window has the keyboard only once it is given it.
    xdotool(&["search", "--name", "Lost Order", "windowfocus", "--sync"]);
    for _ in 0.."WRONG1".len() {
        xdotool(&["key", "BackSpace"]);
    }
    xdotool(&["type", "--delay", "60", &server.code().to_lowercase()]);
    xdotool(&["key", "Return"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    let settings = home.join("config").join("settings.ron");
    loop {
        let saved = std::fs::read_to_string(&settings).unwrap_or_default();
        if saved.contains(&format!("class_code: \"{}\"", server.code().to_lowercase())) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the typed code is not in the settings: {saved}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(500));
    let mark = game.mark();
    click_at(game.button_after(0, &JoinAction::Join, 5));
    game.wait_after(mark, "trace: class connected 0", 20);

    // Two decisions through the window; each arrives in the class folder.
    let choose = game.button_after(mark, &SceneAction::Choose(first.clone()), 20);
    std::thread::sleep(Duration::from_millis(500));
    let mark = game.mark();
    click_at(choose);
    server_record(&dir, 1, 10);
    let end_week = game.button_after(mark, &BoardAction::EndWeek, 10);
    std::thread::sleep(Duration::from_millis(800));
    screenshot(&home.join("2-board-in-class.png"));
    let mark = game.mark();
    click_at(end_week);
    let (file, record) = server_record(&dir, 2, 10);
    game.wait_after(mark, "trace: built Board", 10);
    // The board's class line says connected, nothing waiting (an acknowledgement quicker
    // than a look at the link shows no change at all).
    let deadline = Instant::now() + Duration::from_secs(10);
    while game
        .lines()
        .iter()
        .rev()
        .find(|l| l.starts_with("trace: class "))
        .is_none_or(|l| l != "trace: class connected 0")
    {
        assert!(
            Instant::now() < deadline,
            "the class line does not come back to connected, 0 waiting"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    // The class's record replays, is 王芳's, and says what the trainee's own record says.
    assert_eq!(record.header.player, "王芳");
    assert_eq!(record.header.seed, SEED);
    let replayed = replay(scenario.clone(), &record).expect("the class's record replays");
    assert_eq!(replayed.decisions().len(), record.decisions.len());
    let own_dir = home.join("data").join("records");
    let own = std::fs::read_dir(&own_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", own_dir.display()))
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".record.ron"))
        .expect("the trainee's own record");
    let own = read_record(&own).unwrap();
    let said = |r: &Record| {
        r.decisions
            .iter()
            .map(|d| format!("{d:?}"))
            .collect::<Vec<_>>()
    };
    assert_eq!(said(&own), said(&record), "{}", file.display());
    std::thread::sleep(Duration::from_millis(500));
    screenshot(&home.join("3-after-end-week.png"));
    eprintln!("screenshots in {}", home.display());
}

#[test]
fn the_game_joins_a_class_and_its_decisions_arrive_in_chinese_at_the_smallest_size() {
    if window_tests() {
        round("zh", "1024x640");
    }
}

#[test]
fn the_game_joins_a_class_and_its_decisions_arrive_in_english() {
    if window_tests() {
        round("en", "1280x800");
    }
}

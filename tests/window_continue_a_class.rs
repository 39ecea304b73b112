//! Continue takes a class's session back into its class, in the real window (Xvfb): the game
//! joins a class server of the tutorial (on loopback, in this test) and a decision arrives;
//! the server stops, another decision is made offline (it waits, saved on this computer); the
//! game is killed; the server starts again on the same folder and port; the game opened
//! again with nothing on its command line shows Continue, and Continue joins the class again
//! by itself (the address, code and name noted beside the record, the device token of this
//! computer) and sends the decision that waited: the class folder's record then holds what the
//! trainee's own record holds, and replays; the session is played on to the debrief in the
//! class, the class line on every screen. Screenshots of each step are kept beside the logs.
//!
//! Runs when `LOST_ORDER_WINDOW_TESTS=1` and `DISPLAY` are set, like the other window tests;
//! otherwise it says so and passes.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use common::window::{
    DISPLAY, Game, click_at, screenshot, server_record, tutorial_class, window_tests,
};
use lost_order::game::screens::{
    BoardAction, GoTo, JoinAction, SceneAction, Screen, TenderAction, TitleAction,
};
use lost_order_core::engine::{Phase, Session};
use lost_order_core::record::{Record, read_record, replay};

/// The tutorial's class seed: it opens on a scene.
const SEED: u64 = 7;

/// The trainee's own record (the only one in the records folder).
fn own_record(home: &Path) -> (PathBuf, Record) {
    let dir = home.join("data").join("records");
    let path = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".record.ron"))
        .expect("the trainee's own record");
    let record = read_record(&path).unwrap();
    (path, record)
}

fn said(r: &Record) -> Vec<String> {
    r.decisions.iter().map(|d| format!("{d:?}")).collect()
}

fn round(lang: &str, size: &str) {
    let _display = DISPLAY.lock().unwrap_or_else(|p| p.into_inner());
    let home = common::temp_dir("window-continue", &format!("{lang}-{size}"));
    let dir = home.join("class");
    let server = tutorial_class(&dir, "127.0.0.1:0", SEED);
    let address = server.addr().to_string();
    let code = server.code();
    let tutorial = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.ron");
    let scenario = Arc::new(lost_order_core::load::load_file(&tutorial).unwrap());
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

    // Joined; one decision arrives.
    let game = Game::start(
        &home,
        "first.log",
        lang,
        size,
        &["--join", &address, "--code", &code, "--player", "王芳"],
    );
    game.wait_after(0, "trace: built Join", 60);
    std::thread::sleep(Duration::from_secs(1));
    let mark = game.mark();
    click_at(game.button_after(0, &JoinAction::Join, 5));
    game.wait_after(mark, "trace: class connected 0", 20);
    let choose = game.button_after(mark, &SceneAction::Choose(first.clone()), 20);
    std::thread::sleep(Duration::from_millis(500));
    let mark = game.mark();
    click_at(choose);
    server_record(&dir, 1, 10);

    // The server stops; End week is saved here and waits.
    let end_week = game.button_after(mark, &BoardAction::EndWeek, 10);
    server.stop();
    std::thread::sleep(Duration::from_millis(500));
    let mark = game.mark();
    click_at(end_week);
    game.wait_after(mark, "trace: class offline 1", 20);
    game.wait_after(mark, "trace: built Board", 10);
    std::thread::sleep(Duration::from_millis(800));
    screenshot(&home.join("1-offline-one-waiting.png"));
    let (_, waiting) = own_record(&home);
    assert_eq!(waiting.decisions.len(), 2, "both decisions saved here");
    drop(game);

    // The server again on the same folder and port; the game again, nothing on its command
    // line: Continue joins the class again and the decision that waited arrives.
    let server = tutorial_class(&dir, &address, SEED);
    assert_eq!(server.code(), code, "the same class");
    let game = Game::start(&home, "second.log", lang, size, &[]);
    let resume = game.button_after(0, &TitleAction::Continue, 60);
    std::thread::sleep(Duration::from_secs(1));
    screenshot(&home.join("2-title-continue.png"));
    let mark = game.mark();
    click_at(resume);
    game.wait_after(mark, "trace: class connected 0", 20);
    let (file, record) = server_record(&dir, 2, 10);
    game.wait_after(mark, "trace: built Board", 10);
    std::thread::sleep(Duration::from_millis(800));
    screenshot(&home.join("3-continued-in-class.png"));

    let (_, own) = own_record(&home);
    assert_eq!(said(&own), said(&record), "{}", file.display());
    assert_eq!(record.header.player, "王芳");
    replay(scenario.clone(), &record).expect("the class's record replays");

    // On to the end in the class: the class line on the tender, the reveal and the debrief.
    let mut mark = mark;
    loop {
        let (_, own) = own_record(&home);
        let session = replay(scenario.clone(), &own).unwrap();
        let at = match session.phase() {
            Phase::Scene(_) => {
                let choice = session
                    .choices()
                    .into_iter()
                    .find(|c| c.blocked.is_none())
                    .unwrap()
                    .choice;
                game.button_after(mark, &SceneAction::Choose(choice), 10)
            }
            Phase::Planning => game.button_after(mark, &BoardAction::EndWeek, 10),
            Phase::Bidding => break,
            other => panic!("{other:?} before the tender"),
        };
        std::thread::sleep(Duration::from_millis(300));
        mark = game.mark();
        click_at(at);
        server_record(&dir, own.decisions.len() + 1, 10);
        game.wait_after(mark, "trace: built", 10);
    }
    let submit = game.button_after(mark, &TenderAction::SubmitBid, 10);
    std::thread::sleep(Duration::from_millis(800));
    screenshot(&home.join("4-tender.png"));
    let mark = game.mark();
    click_at(submit);
    game.wait_after(mark, "trace: screen Reveal", 10);
    std::thread::sleep(Duration::from_millis(1500));
    screenshot(&home.join("5-reveal.png"));
    let debrief = game.button_after(mark, &GoTo(Screen::Debrief), 30);
    std::thread::sleep(Duration::from_millis(300));
    let mark = game.mark();
    click_at(debrief);
    game.wait_after(mark, "trace: built Debrief", 10);
    std::thread::sleep(Duration::from_millis(800));
    screenshot(&home.join("6-debrief.png"));
    let (_, own) = own_record(&home);
    assert!(own.finished.is_some(), "the session ended");
    let (_, record) = server_record(&dir, own.decisions.len(), 10);
    assert_eq!(said(&own), said(&record));
    assert!(
        record.finished.is_some(),
        "the class's record has the outcome"
    );
    eprintln!("screenshots in {}", home.display());
}

#[test]
fn continue_takes_a_class_session_back_into_its_class_in_chinese_at_the_smallest_size() {
    if window_tests() {
        round("zh", "1024x640");
    }
}

#[test]
fn continue_takes_a_class_session_back_into_its_class_in_english() {
    if window_tests() {
        round("en", "1280x800");
    }
}

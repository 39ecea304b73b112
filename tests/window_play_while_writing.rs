//! Play while writing in the real window (Xvfb): `lost-order --scenario FILE` on a copy of
//! the tutorial; a broken save shows the overlay over the board while the game goes on, the
//! fix takes it away and the change shows, and a save that refuses a decision taken offers a
//! restart that a click takes. Screenshots of each step are kept beside the game's log.
//!
//! Runs when `LOST_ORDER_WINDOW_TESTS=1` and `DISPLAY` are set, like the other window tests;
//! otherwise it says so and passes.

mod common;
mod edits;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use common::window::{DISPLAY, Game, click_at, window_tests};

use lost_order::game::authoring::AuthoringAction;
use lost_order::game::screens::{BriefingAction, SceneAction};
use lost_order_core::engine::{Phase, Session};
use lost_order_core::scenario::Id;

/// A screenshot of the whole display, saved at `shot`.
fn screenshot(shot: &Path) -> image::RgbImage {
    let ok = Command::new("import")
        .args(["-window", "root"])
        .arg(shot)
        .status()
        .expect("ImageMagick's import runs");
    assert!(ok.success());
    image::open(shot).unwrap().to_rgb8()
}

/// Whether a row of the window (`width` pixels from the left) is the overlay's red top edge.
fn has_overlay_edge(img: &image::RgbImage, width: u32) -> bool {
    let red = |p: &image::Rgb<u8>| {
        (p[0] as i32 - 179).abs() < 12 && (p[1] as i32 - 58).abs() < 12 && p[2] < 30
    };
    (0..img.height()).any(|y| {
        let n = (0..width.min(img.width()))
            .filter(|&x| red(img.get_pixel(x, y)))
            .count() as u32;
        n * 10 >= width * 9
    })
}

/// The scene the tutorial opens on with seed 7, its first choice that can be taken and its last.
fn opening_scene(source: &str) -> (Id, Id, Id) {
    let checked = lost_order_core::load::check_source("t.ron", source);
    let s = Session::new(Arc::new(checked.into_scenario().unwrap()), 7);
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

/// The whole round in one language and window size; screenshots go beside the log.
fn round(lang: &str, size: &str) {
    let _display = DISPLAY.lock().unwrap_or_else(|p| p.into_inner());
    let width: u32 = size.split('x').next().unwrap().parse().unwrap();
    let home = common::temp_dir("window-authoring", &format!("{lang}-{size}"));
    std::fs::create_dir_all(home.join("case")).unwrap();
    let case = home.join("case").join("tutorial.ron");
    let tutorial = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.ron"),
    )
    .unwrap();
    std::fs::write(&case, &tutorial).unwrap();
    let (scene, first, last) = opening_scene(&tutorial);
    let game = Game::start(
        &home,
        "game.log",
        lang,
        size,
        &["--seed", "7", "--scenario", case.to_str().unwrap()],
    );

    // The case opens on its briefing; Start shows the board with the opening scene.
    game.wait_after(0, "trace: built Briefing", 60);
    std::thread::sleep(Duration::from_secs(1));
    let mark = game.mark();
    click_at(game.button_after(0, &BriefingAction::Start, 5));
    game.button_after(mark, &SceneAction::Choose(first.clone()), 20);

    // A broken save: the overlay names the spot, over the board.
    let (broken, line, _) = edits::break_syntax(&tutorial);
    let mark = game.mark();
    edits::save(&case, &broken);
    let spot = format!("trace: overlay mistake {}:{line}:", case.display());
    game.wait_after(mark, &spot, 10);
    std::thread::sleep(Duration::from_millis(800));
    let shot = screenshot(&home.join("1-mistake.png"));
    assert!(
        has_overlay_edge(&shot, width),
        "no overlay in {}",
        home.display()
    );

    // The fix, with the other choice renamed: the overlay goes and the new choice shows.
    let fixed = edits::rename_choice(&tutorial, &scene, &last, "renamed_last");
    let mark = game.mark();
    edits::save(&case, &fixed);
    game.wait_after(mark, "trace: overlay none", 10);
    game.wait_after(mark, "trace: reloaded", 10);
    game.button_after(mark, &SceneAction::Choose("renamed_last".into()), 10);
    std::thread::sleep(Duration::from_millis(500));
    let shot = screenshot(&home.join("2-reloaded.png"));
    assert!(
        !has_overlay_edge(&shot, width),
        "the overlay stayed: {}",
        home.display()
    );

    // A decision, then a save that refuses it: a restart is offered and a click takes it.
    let mark = game.mark();
    click_at(game.button_after(0, &SceneAction::Choose(first.clone()), 5));
    game.wait_after(mark, "trace: built Board", 10);
    let diverging = edits::rename_choice(&fixed, &scene, &first, "renamed_first");
    let mark = game.mark();
    edits::save(&case, &diverging);
    game.wait_after(mark, "trace: overlay restart", 10);
    let restart = game.button_after(mark, &AuthoringAction::Restart, 10);
    std::thread::sleep(Duration::from_millis(500));
    let shot = screenshot(&home.join("3-restart.png"));
    assert!(
        has_overlay_edge(&shot, width),
        "no offer in {}",
        home.display()
    );
    let mark = game.mark();
    click_at(restart);
    game.wait_after(mark, "trace: restarted", 10);
    game.wait_after(mark, "trace: overlay none", 10);
    game.button_after(mark, &SceneAction::Choose("renamed_first".into()), 10);
    eprintln!("screenshots in {}", home.display());
}

#[test]
fn saves_reload_the_window_and_mistakes_show_over_it_in_english() {
    if window_tests() {
        round("en", "1280x800");
    }
}

#[test]
fn saves_reload_the_window_and_mistakes_show_over_it_in_chinese_at_the_smallest_size() {
    if window_tests() {
        round("zh", "1024x640");
    }
}

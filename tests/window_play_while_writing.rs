//! Play while writing in the real window (Xvfb): `lost-order --scenario FILE` on a copy of
//! the tutorial; a broken save shows the overlay over the board while the game goes on, the
//! fix takes it away and the change shows, and a save that refuses a decision taken offers a
//! restart that a click takes. Screenshots of each step are kept beside the game's log.
//!
//! Runs when `LOST_ORDER_WINDOW_TESTS=1` and `DISPLAY` are set, like the other window tests;
//! otherwise it says so and passes.

mod common;
mod edits;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lost_order::game::authoring::AuthoringAction;
use lost_order::game::screens::{BriefingAction, SceneAction};
use lost_order::game::widgets::ButtonKey;
use lost_order_core::engine::{Phase, Session};
use lost_order_core::scenario::Id;

/// One window at a time: the tests share the display and the pointer.
static DISPLAY: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn window_tests() -> bool {
    let on = std::env::var("LOST_ORDER_WINDOW_TESTS").as_deref() == Ok("1")
        && std::env::var_os("DISPLAY").is_some();
    if !on {
        eprintln!("window test skipped: set LOST_ORDER_WINDOW_TESTS=1 and DISPLAY (see .ci/run)");
    }
    on
}

/// The game watching a case file, with `LOST_ORDER_TRACE=1`; its stderr goes to `log`.
struct Game {
    child: Child,
    log: PathBuf,
}

impl Game {
    fn start(home: &Path, case: &Path, lang: &str, size: &str) -> Game {
        let log = home.join("game.log");
        let child = Command::new(common::BIN)
            .current_dir(home)
            .env("LOST_ORDER_HOME", home)
            .env("LOST_ORDER_TRACE", "1")
            .args(["--lang", lang, "--window-size", size, "--seed", "7"])
            .arg("--scenario")
            .arg(case)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        Game { child, log }
    }

    fn lines(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// How many lines the log has now: a mark to wait for what comes after it.
    fn mark(&self) -> usize {
        self.lines().len()
    }

    /// Waits (at most `secs`) for a line after `mark` that starts with `prefix`.
    fn wait_after(&self, mark: usize, prefix: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if self
                .lines()
                .iter()
                .skip(mark)
                .any(|l| l.starts_with(prefix))
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "no `{prefix}` within {secs} s; the log:\n{}",
            self.lines().join("\n")
        );
    }

    /// Waits for the button carrying `action` to be reported after `mark`; where it is.
    fn button_after<A: std::fmt::Debug + 'static>(
        &self,
        mark: usize,
        action: &A,
        secs: u64,
    ) -> (i32, i32) {
        let prefix = format!("trace: button {} ", ButtonKey::of(action).as_str());
        self.wait_after(mark, &prefix, secs);
        let line = self
            .lines()
            .iter()
            .rev()
            .find_map(|l| l.strip_prefix(&prefix).map(str::to_string))
            .unwrap();
        let mut xy = line.split(' ').map(|v| v.parse::<f32>().unwrap() as i32);
        (xy.next().unwrap(), xy.next().unwrap())
    }
}

impl Drop for Game {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn click_at((x, y): (i32, i32)) {
    let ok = Command::new("xdotool")
        .args(["mousemove", &x.to_string(), &y.to_string(), "click", "1"])
        .status()
        .expect("xdotool runs");
    assert!(ok.success());
}

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
    let game = Game::start(&home, &case, lang, size);

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

//! The real window (Xvfb + lavapipe in CI) as a person meets it: the title is drawn at every
//! start without any input, a click that moves and presses at once lands, and so does a click
//! on a button of a screen that has only just appeared.
//!
//! Runs when `LOST_ORDER_WINDOW_TESTS=1` and `DISPLAY` are set (`.ci/run` sets both, and
//! `scripts/install-deps.sh` installs `xdotool` and ImageMagick's `import`); otherwise it says
//! so and passes, since a machine without a display cannot open a window.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use lost_order::game::screens::{BriefingAction, GoTo, Screen, TitleAction};
use lost_order::game::widgets::ButtonKey;

use common::window::{click_at, window_tests, xdotool};

/// One window at a time: the tests share the display and the pointer.
static DISPLAY: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The game, started with `LOST_ORDER_TRACE=1` so that it says which screen it shows and
/// where its buttons are; its stderr goes to `log`.
struct Game {
    child: Child,
    log: PathBuf,
}

impl Game {
    fn start(name: &str) -> Game {
        let home = common::temp_dir("window", name);
        std::fs::create_dir_all(&home).unwrap();
        let log = home.join("game.log");
        let child = Command::new(common::BIN)
            .current_dir(&home)
            .env("LOST_ORDER_HOME", &home)
            .env("LOST_ORDER_TRACE", "1")
            .args(["--lang", "en", "--window-size", "1280x800"])
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        Game { child, log }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits (at most `secs`) until the log has `line`.
    fn wait_for(&self, line: &str, secs: u64) -> bool {
        self.wait_for_any(&[line], secs)
    }

    /// Waits (at most `secs`) until the log has one of `lines`.
    fn wait_for_any(&self, lines: &[&str], secs: u64) -> bool {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if self.log().lines().any(|l| lines.contains(&l)) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }

    /// Where the button carrying `action` was last reported, in window pixels.
    fn button<A: std::fmt::Debug + 'static>(&self, action: &A) -> (i32, i32) {
        let key = ButtonKey::of(action);
        let prefix = format!("trace: button {} ", key.as_str());
        let line = self
            .log()
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix(&prefix).map(str::to_string));
        let line = line.unwrap_or_else(|| panic!("no {key:?} in\n{}", self.log()));
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

/// How many colours the whole screen shows now.
fn colours_on_screen(shot: &Path) -> usize {
    let ok = Command::new("import")
        .args(["-window", "root"])
        .arg(shot)
        .status()
        .expect("ImageMagick's import runs");
    assert!(ok.success());
    let out = Command::new("identify")
        .args(["-format", "%k"])
        .arg(shot)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

#[test]
fn the_title_is_drawn_at_every_start_without_input() {
    if !window_tests() {
        return;
    }
    let _display = DISPLAY.lock().unwrap_or_else(|p| p.into_inner());
    for start in 1..=4 {
        let game = Game::start(&format!("start-{start}"));
        assert!(game.wait_for("trace: built Title", 60), "{}", game.log());
        // Well after the first moments of continuous drawing: the idle, reactive window.
        std::thread::sleep(Duration::from_secs(6));
        let shot = game.log.with_file_name("title.png");
        let colours = colours_on_screen(&shot);
        assert!(
            colours > 50,
            "start {start}: the screen shows {colours} colour(s)"
        );
    }
}

#[test]
fn a_click_right_after_a_screen_change_lands() {
    if !window_tests() {
        return;
    }
    let _display = DISPLAY.lock().unwrap_or_else(|p| p.into_inner());
    for round in 1..=3 {
        let game = Game::start(&format!("click-{round}"));
        assert!(game.wait_for("trace: built Title", 60), "{}", game.log());
        // Learn where Start is, then go back to the title.
        std::thread::sleep(Duration::from_secs(5));
        xdotool(&["mousemove", "1", "1"]);
        click_at(game.button(&TitleAction::NewSession));
        assert!(game.wait_for("trace: built Briefing", 20), "{}", game.log());
        let start = game.button(&BriefingAction::Start);
        click_at(game.button(&GoTo(Screen::Title)));
        assert!(game.wait_for("trace: screen Title", 20), "{}", game.log());
        std::thread::sleep(Duration::from_secs(1));
        // New game, then Start the moment the briefing can be there: no second click.
        let titles_before = game.log().matches("trace: screen Briefing").count();
        click_at(game.button(&TitleAction::NewSession));
        // About the quickest a person clicks again once the new screen shows.
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(
            game.log().matches("trace: screen Briefing").count(),
            titles_before + 1
        );
        click_at(start);
        // Start opens the case: its grading step when it has one, else the board.
        assert!(
            game.wait_for_any(&["trace: screen Grading", "trace: screen Board"], 10),
            "round {round}: the click on Start was lost\n{}",
            game.log()
        );
    }
}

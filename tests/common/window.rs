//! The real game in a window (Xvfb) for the window tests: started with `LOST_ORDER_TRACE=1`,
//! its log read for the screens and buttons it reports, clicked and typed into with
//! `xdotool`, photographed with ImageMagick's `import`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use lost_order::game::widgets::ButtonKey;
use lost_order_core::record::{Record, read_record};

/// One window at a time: the tests share the display and the pointer.
pub static DISPLAY: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Whether window tests run (`LOST_ORDER_WINDOW_TESTS=1` and a `DISPLAY`); says so when not.
pub fn window_tests() -> bool {
    let on = std::env::var("LOST_ORDER_WINDOW_TESTS").as_deref() == Ok("1")
        && std::env::var_os("DISPLAY").is_some();
    if !on {
        eprintln!("window test skipped: set LOST_ORDER_WINDOW_TESTS=1 and DISPLAY (see .ci/run)");
    }
    on
}

/// The game with `LOST_ORDER_TRACE=1`; its stderr goes to `log`.
pub struct Game {
    child: Child,
    log: PathBuf,
}

impl Game {
    /// Opens the game with its home in `home`, in `lang` at `size` (`1024x640`), with
    /// `more` arguments; its log is `home/<log>`.
    pub fn start(home: &Path, log: &str, lang: &str, size: &str, more: &[&str]) -> Game {
        std::fs::create_dir_all(home).unwrap();
        let log = home.join(log);
        let child = Command::new(super::BIN)
            .current_dir(home)
            .env("LOST_ORDER_HOME", home)
            .env("LOST_ORDER_TRACE", "1")
            .args(["--lang", lang, "--window-size", size])
            .args(more)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        Game { child, log }
    }

    /// The lines of the game's log so far.
    pub fn lines(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// How many lines the log has now, to wait for what comes after.
    pub fn mark(&self) -> usize {
        self.lines().len()
    }

    /// Waits (at most `secs`) for a line after `mark` that starts with `prefix`.
    pub fn wait_after(&self, mark: usize, prefix: &str, secs: u64) {
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
    pub fn button_after<A: std::fmt::Debug + 'static>(
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

/// Runs `xdotool` with `args`; fails the test when it fails.
pub fn xdotool(args: &[&str]) {
    let ok = Command::new("xdotool")
        .args(args)
        .status()
        .expect("xdotool runs");
    assert!(ok.success(), "xdotool {args:?}");
}

/// Clicks the window at `(x, y)` (physical pixels, as the trace reports buttons).
pub fn click_at((x, y): (i32, i32)) {
    xdotool(&["mousemove", &x.to_string(), &y.to_string(), "click", "1"]);
}

/// Saves the whole screen to `shot`.
pub fn screenshot(shot: &Path) {
    let ok = Command::new("import")
        .args(["-window", "root"])
        .arg(shot)
        .status()
        .expect("ImageMagick's import runs");
    assert!(ok.success());
}

/// The class folder's only session record, once it holds `decisions` decisions (at most
/// `secs` seconds).
pub fn server_record(dir: &Path, decisions: usize, secs: u64) -> (PathBuf, Record) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".record.ron"))
            .collect();
        if let [file] = files.as_slice()
            && let Ok(record) = read_record(file)
            && record.decisions.len() >= decisions
        {
            return (file.clone(), record);
        }
        assert!(
            Instant::now() < deadline,
            "the class folder {} does not hold {decisions} decisions of one trainee within {secs} s",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A class server of the tutorial with `seed`, its folder `dir`, listening on `bind`
/// (`127.0.0.1:0` for any free port).
pub fn tutorial_class(dir: &Path, bind: &str, seed: u64) -> lost_order_class::ClassServer {
    let tutorial = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.ron");
    lost_order_class::serve(lost_order_class::ClassOptions {
        dir: dir.to_path_buf(),
        bind: bind.parse().unwrap(),
        scenario: lost_order_class::server::scenario_source(&tutorial).unwrap(),
        seed: Some(seed),
        code: None,
        roster: None,
        limits: lost_order_class::Limits::default(),
    })
    .unwrap()
}

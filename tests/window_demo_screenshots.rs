//! The real binary in a real window (Xvfb + lavapipe in CI): a scripted run through every
//! screen in both languages, whose screenshots must exist and must not be blank.
//!
//! Runs when `LOST_ORDER_WINDOW_TESTS=1` and `DISPLAY` are set (`.ci/run` sets both);
//! otherwise it says so and passes, since a machine without a display cannot open a window.

use std::path::PathBuf;
use std::process::Command;

const SCREENS: [&str; 7] = [
    "title", "briefing", "board", "scene", "tender", "reveal", "debrief",
];

#[test]
fn demo_script_saves_every_screen_in_both_languages() {
    if std::env::var("LOST_ORDER_WINDOW_TESTS").as_deref() != Ok("1")
        || std::env::var_os("DISPLAY").is_none()
    {
        eprintln!("window test skipped: set LOST_ORDER_WINDOW_TESTS=1 and DISPLAY (see .ci/run)");
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shots = root.join("screenshots");
    let home = std::env::temp_dir().join(format!("lost-order-window-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&shots);
    let _ = std::fs::create_dir_all(&home);
    let log_path = home.join("demo.log");
    let mut out = Command::new(env!("CARGO_BIN_EXE_lost-order"))
        .current_dir(std::env::temp_dir())
        .env("LOST_ORDER_HOME", &home)
        .args(["--seed", "11", "--demo-script"])
        .arg(root.join("tests/golden/full_coverage.script"))
        .arg("--screenshots")
        .arg(&shots)
        .stdout(std::process::Stdio::null())
        // A file, not a pipe: nobody reads the log while the demo runs, and a full pipe would block it.
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .unwrap();
    // The demo ends by itself; ten minutes means something is wrong.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(600);
    while out.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            out.kill().unwrap();
            panic!("the demo did not finish in ten minutes");
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let status = out.wait().unwrap();
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    assert!(status.success(), "the demo failed:\n{log}");
    for lang in ["zh", "en"] {
        for screen in SCREENS {
            let path = shots.join(format!("{screen}-{lang}.png"));
            let img = image::open(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                .to_rgb8();
            let first = img.pixels().next().copied().unwrap();
            let differing = img.pixels().filter(|p| **p != first).count();
            // A blank or single-colour frame has (almost) no pixel unlike the first.
            assert!(
                differing * 100 > img.pixels().len(),
                "{} looks blank",
                path.display()
            );
        }
    }
}

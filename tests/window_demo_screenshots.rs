//! The real binary in a real window (Xvfb + lavapipe in CI): a scripted run through every
//! screen in both languages, whose screenshots must exist and must not be blank.
//!
//! Runs when `LOST_ORDER_WINDOW_TESTS=1` and `DISPLAY` are set (`.ci/run` sets both);
//! otherwise it says so and passes, since a machine without a display cannot open a window.

use std::path::PathBuf;
use std::process::Command;

const SCREENS: [&str; 8] = [
    "title", "settings", "briefing", "board", "scene", "tender", "reveal", "debrief",
];

/// Plays the golden session through the window at `size` with these saved `settings` (RON;
/// `$HOME` stands for the test's home), saving every screen in both languages under
/// `screenshots/<name>/`.
fn demo(name: &str, size: &str, settings: &str) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shots = root.join("screenshots").join(name);
    let home =
        std::env::temp_dir().join(format!("lost-order-window-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&shots);
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(home.join("config")).unwrap();
    let settings = settings.replace("$HOME", &home.display().to_string());
    std::fs::write(home.join("config/settings.ron"), settings).unwrap();
    let log_path = home.join("demo.log");
    let mut out = Command::new(env!("CARGO_BIN_EXE_lost-order"))
        .current_dir(std::env::temp_dir())
        .env("LOST_ORDER_HOME", &home)
        .args(["--seed", "11", "--window-size", size, "--demo-script"])
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

fn window_tests() -> bool {
    let on = std::env::var("LOST_ORDER_WINDOW_TESTS").as_deref() == Ok("1")
        && std::env::var_os("DISPLAY").is_some();
    if !on {
        eprintln!("window test skipped: set LOST_ORDER_WINDOW_TESTS=1 and DISPLAY (see .ci/run)");
    }
    on
}

#[test]
fn demo_script_saves_every_screen_in_both_languages_at_both_sizes() {
    if !window_tests() {
        return;
    }
    // One window at a time: the two runs share the display.
    demo("1280x800", "1280x800", "(text_size: Medium)");
    // The smallest window with the largest text and hostile texts (a long name, a folder
    // whose name is one 60-letter word): everything must still fit or wrap.
    let word = "a".repeat(30) + &"b".repeat(30);
    demo(
        "1024x640-larger",
        "1024x640",
        &format!(
            "(text_size: Larger, player: \"欧阳{}\", records_dir: Some(\"$HOME/{word}\"))",
            "明".repeat(18)
        ),
    );
}

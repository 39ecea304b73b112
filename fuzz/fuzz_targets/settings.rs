//! Fuzz target: settings bytes → `parse_settings` (what the game and the terminal read from
//! settings.ron) → written back and read again as the same settings.

#![no_main]

use libfuzzer_sys::fuzz_target;
use lost_order_app::settings::parse_settings;

fuzz_target!(|data: &[u8]| {
    // The file is read as UTF-8; other bytes are refused before parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let settings = match parse_settings(text) {
        Ok(s) => s,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    // What the game saves, it reads back unchanged.
    let again = parse_settings(&settings.to_text());
    assert_eq!(again.as_ref(), Ok(&settings), "settings do not round-trip");
});

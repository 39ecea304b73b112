//! The game's settings file and Continue, headless: an unreadable settings file is set aside
//! with a message, never overwritten; Continue resumes only this player's own session.

mod common;

use std::path::Path;

use common::game::{app, button, press, screen, texts};
use common::temp_dir;
use lost_order::game::play::Play;
use lost_order::game::prefs::Prefs;
use lost_order::game::screens::{Screen, TitleAction};
use lost_order_app::Catalog;
use lost_order_app::records::{now_seconds, start};
use lost_order_core::engine::Session;
use lost_order_core::record::{Header, RecordWriter};

fn write_settings(home: &Path, text: &str) {
    let config = home.join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("settings.ron"), text).unwrap();
}

/// The files in `home/config` other than `settings.ron`.
fn set_aside_files(home: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(home.join("config"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "settings.ron")
        .collect()
}

#[test]
fn an_unreadable_settings_file_is_set_aside_and_the_title_says_so() {
    let home = temp_dir("settings-continue", "corrupt");
    let broken = "(lang: \"en\", player: \"Wang Fang\", text_size: Lar";
    write_settings(&home, broken);
    let mut app = app(&home, 1);
    assert_eq!(screen(&app), Screen::Title);
    let kept = set_aside_files(&home);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        kept[0]
            .to_string_lossy()
            .contains("settings.ron.unreadable-")
    );
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), broken);
    let shown = texts(&mut app);
    assert!(
        shown.contains("could not be read") || shown.contains("无法读取"),
        "{shown}"
    );
    // A change saves new settings beside the kept file, never over it.
    press(&mut app, TitleAction::SetLang("zh".into()));
    let saved = std::fs::read_to_string(home.join("config/settings.ron")).unwrap();
    assert!(saved.contains("lang: \"zh\""), "{saved}");
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), broken);
    assert!(texts(&mut app).contains("无法读取"));
}

#[test]
fn a_settings_file_with_a_byte_order_mark_is_read() {
    let home = temp_dir("settings-continue", "bom");
    write_settings(&home, "\u{feff}(lang: \"zh\", player: \"Li Lei\")");
    let app = app(&home, 1);
    let prefs = app.world().resource::<Prefs>();
    assert_eq!(
        (prefs.lang.as_str(), prefs.player.as_str()),
        ("zh", "Li Lei")
    );
    assert!(prefs.set_aside.is_none());
    assert!(set_aside_files(&home).is_empty());
}

#[test]
fn continue_in_the_game_resumes_only_this_players_own_session() {
    let home = temp_dir("settings-continue", "continue");
    let records = home.join("data/records");
    let tutorial = Catalog::load_from(&[])
        .get("tutorial.ron")
        .unwrap()
        .scenario
        .clone();
    // Li Lei's session (seed 5), then a classmate's, newer (seed 6), in one shared folder.
    start(&records, &Session::new(tutorial.clone(), 5), "Li Lei").unwrap();
    let newer = Header::new(&tutorial, 6, "Han Meimei", now_seconds() + 60);
    RecordWriter::create(&records, &newer).unwrap();

    write_settings(&home, "(lang: \"en\", player: \"Li Lei\")");
    let mut game = app(&home, 999);
    press(&mut game, TitleAction::Continue);
    assert_ne!(screen(&game), Screen::Title);
    assert_eq!(game.world().resource::<Play>().session.seed(), 5);
    drop(game);

    // A player with no session of their own is not offered Continue.
    write_settings(&home, "(lang: \"en\", player: \"Wang Fang\")");
    let mut game = app(&home, 999);
    assert!(button(&mut game, &TitleAction::Continue).is_none());
}

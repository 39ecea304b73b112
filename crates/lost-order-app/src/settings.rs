//! The player's settings as plain data (language, name, text size, class seed, full screen,
//! records folder, the live class last joined), read from and written to `settings.ron`; a
//! file that cannot be read is set aside, never overwritten.

use std::io::Read;
use std::path::{Path, PathBuf};

use lost_order_core::text::{pick, strip_bom};
use serde::{Deserialize, Serialize};

use crate::folders::{Folders, write_atomic};
use crate::lang::{Asked, game_languages, lang_from_env};

/// The largest settings file read, in bytes (64 KiB); a real one is a few hundred bytes.
pub const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

/// Text size steps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSize {
    Small,
    #[default]
    Medium,
    Large,
    Larger,
}

impl TextSize {
    /// Every step, smallest first.
    pub const ALL: [TextSize; 4] = [
        TextSize::Small,
        TextSize::Medium,
        TextSize::Large,
        TextSize::Larger,
    ];

    /// The factor on every text's size (1.0 for `Medium`).
    pub fn scale(self) -> f32 {
        match self {
            TextSize::Small => 0.875,
            TextSize::Medium => 1.0,
            TextSize::Large => 1.15,
            TextSize::Larger => 1.3,
        }
    }
}

/// Settings that survive a restart. Fields missing from the file take their defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The game's language, one of [`crate::lang::GAME_LANGUAGES`] (`zh` or `en`).
    pub lang: String,
    /// The trainee's name, written into each session record; Continue resumes only the
    /// unfinished sessions recorded under this name (see `records::unfinished`).
    pub player: String,
    pub text_size: TextSize,
    /// Set by an instructor so a class faces one world; `None` means a fresh seed each session.
    pub class_seed: Option<u64>,
    pub fullscreen: bool,
    /// Where session records go; `None` (or blank) means the user's data folder (`records/`).
    pub records_dir: Option<String>,
    /// The live class last joined: the server's address as typed (`192.168.1.20:7878`,
    /// `http://` optional; docs/classroom.md).
    pub class_address: String,
    /// The class code last typed for that class.
    pub class_code: String,
    /// The class server the instructor watches from the game's Instructor view, as typed
    /// (`192.168.1.20:7878`, or the live view's whole address with its token).
    pub instructor_address: String,
    /// The instructor's token `class serve` printed, for the Instructor view.
    pub instructor_token: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: lang_from_env(),
            player: String::new(),
            text_size: TextSize::Medium,
            class_seed: None,
            fullscreen: false,
            records_dir: None,
            class_address: String::new(),
            class_code: String::new(),
            instructor_address: String::new(),
            instructor_token: String::new(),
        }
    }
}

impl Settings {
    /// The folder session records are written to.
    pub fn records(&self, folders: &Folders) -> PathBuf {
        self.records_dir
            .as_ref()
            .filter(|d| !d.trim().is_empty())
            .map_or_else(|| folders.records(), PathBuf::from)
    }

    /// The factor on every text's size.
    pub fn scale(&self) -> f32 {
        self.text_size.scale()
    }

    /// The settings as the file holds them (pretty RON).
    pub fn to_text(&self) -> String {
        // Plain data of strings, numbers and enums always serializes.
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).unwrap_or_default()
    }

    /// Writes the settings to `file` atomically ([`write_atomic`]).
    ///
    /// # Errors
    /// Any I/O error from creating the folder, writing, syncing or renaming.
    pub fn save(&self, file: &Path) -> std::io::Result<()> {
        write_atomic(file, self.to_text())
    }
}

/// Why a settings text cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// Not a settings value (bad syntax, a wrong type, a number out of range…).
    #[error("{0}")]
    Invalid(String),
}

/// Reads settings from the text of a settings file: a byte-order mark is skipped, missing
/// fields take their defaults, and a language that is not one of the game's (`EN`, `zh_TW`,
/// `fr`) becomes the nearest one, else the environment's.
///
/// # Errors
/// [`SettingsError::Invalid`] when the text is not a settings value.
pub fn parse_settings(text: &str) -> Result<Settings, SettingsError> {
    let mut settings: Settings =
        ron::from_str(strip_bom(text)).map_err(|e| SettingsError::Invalid(e.to_string()))?;
    let offered = game_languages();
    settings.lang = Asked::parse(&settings.lang)
        .ok()
        .flatten()
        .and_then(|a| a.best_of(&offered).map(str::to_string))
        .unwrap_or_else(lang_from_env);
    Ok(settings)
}

/// A settings file that could not be read, moved out of the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// Where the file was.
    pub file: PathBuf,
    /// Where it is now (`settings.ron.unreadable-<seconds>`), or `None` when it could not be
    /// moved (then it is left alone, and the settings are not saved over it).
    pub kept_as: Option<PathBuf>,
    /// Why it could not be read.
    pub reason: String,
}

impl SetAside {
    /// What to tell the player, in `lang` (`zh` or `en`).
    pub fn message(&self, lang: &str) -> String {
        let file = self.file.display().to_string();
        match &self.kept_as {
            Some(kept) => {
                let text = pick(
                    lang,
                    "设置文件 {file} 无法读取（{reason}），已改名保存为 {kept}；现在使用默认设置。",
                    "The settings file {file} could not be read ({reason}); it was kept as {kept} and the defaults are used.",
                );
                lost_order_core::text::fill(
                    text,
                    &[
                        ("file", &file),
                        ("reason", &self.reason),
                        ("kept", &kept.display().to_string()),
                    ],
                )
            }
            None => {
                let text = pick(
                    lang,
                    "设置文件 {file} 无法读取（{reason}），也无法改名；现在使用默认设置，本次不会保存设置以免覆盖它。",
                    "The settings file {file} could not be read ({reason}) nor moved aside; the defaults are used and nothing is saved over it this time.",
                );
                lost_order_core::text::fill(text, &[("file", &file), ("reason", &self.reason)])
            }
        }
    }
}

/// Settings as loaded: the settings, and the file set aside if it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub settings: Settings,
    pub set_aside: Option<SetAside>,
}

impl Loaded {
    /// Whether saving may write the settings file: not when an unreadable one is still there.
    pub fn may_save(&self) -> bool {
        self.set_aside.as_ref().is_none_or(|s| s.kept_as.is_some())
    }
}

/// Reads the settings file `file`: the defaults when there is none; when it cannot be read
/// (unreadable, too large, not UTF-8, not settings), the defaults, with the file renamed to
/// `<file>.unreadable-<seconds since 1970>` so that nothing the player had is lost.
pub fn load_settings(file: &Path) -> Loaded {
    let read = match read_text(file) {
        Ok(None) => {
            return Loaded {
                settings: Settings::default(),
                set_aside: None,
            };
        }
        Ok(Some(text)) => parse_settings(&text).map_err(|e| e.to_string()),
        Err(reason) => Err(reason),
    };
    match read {
        Ok(settings) => Loaded {
            settings,
            set_aside: None,
        },
        Err(reason) => Loaded {
            settings: Settings::default(),
            set_aside: Some(set_aside(file, reason)),
        },
    }
}

/// The settings in `file` when it holds readable ones, without touching it otherwise (for the
/// terminal tools, which only read the player's name and never write settings).
pub fn peek_settings(file: &Path) -> Option<Settings> {
    read_text(file)
        .ok()
        .flatten()
        .and_then(|t| parse_settings(&t).ok())
}

/// The file's text; `Ok(None)` when there is no file; `Err` with the reason it cannot be read.
fn read_text(file: &Path) -> Result<Option<String>, String> {
    // A pipe would block `open` for ever, a folder cannot be read as text.
    if std::fs::metadata(file).is_ok_and(|m| !m.is_file()) {
        return Err("not a file (a folder, a pipe or a device)".to_string());
    }
    let f = match std::fs::File::open(file) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let mut bytes = Vec::new();
    f.take(MAX_SETTINGS_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_SETTINGS_BYTES {
        return Err(format!("larger than {MAX_SETTINGS_BYTES} bytes"));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| "not UTF-8 text".to_string())
}

/// Renames `file` to a free `<file>.unreadable-<seconds>[-N]` beside it.
fn set_aside(file: &Path, reason: String) -> SetAside {
    let seconds = crate::records::now_seconds();
    let name = file.file_name().map_or_else(
        || "settings.ron".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let kept_as = (1..100).find_map(|n| {
        let suffix = if n == 1 {
            format!("{name}.unreadable-{seconds}")
        } else {
            format!("{name}.unreadable-{seconds}-{n}")
        };
        let target = file.with_file_name(suffix);
        if target.exists() {
            return None;
        }
        std::fs::rename(file, &target).ok().map(|()| target)
    });
    SetAside {
        file: file.to_path_buf(),
        kept_as,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("lo-settings-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn settings_round_trip_and_missing_fields_take_defaults() {
        let s = Settings {
            lang: "zh".into(),
            player: "王芳".into(),
            text_size: TextSize::Large,
            class_seed: Some(42),
            fullscreen: true,
            records_dir: Some("/class".into()),
            class_address: "192.168.1.20:7878".into(),
            class_code: "TJ2C8R".into(),
            instructor_address: "192.168.1.20:7878".into(),
            instructor_token: "34acbff8".into(),
        };
        assert_eq!(parse_settings(&s.to_text()).unwrap(), s);
        let partial = parse_settings("(player: \"Li\")").unwrap();
        assert_eq!(partial.player, "Li");
        assert_eq!(partial.text_size, TextSize::Medium);
        // A file from before the class fields still reads, with them empty.
        assert_eq!(partial.class_address, "");
        assert_eq!(partial.class_code, "");
        assert_eq!(partial.instructor_token, "");
    }

    #[test]
    fn a_byte_order_mark_and_a_locale_style_language_are_read() {
        let s = parse_settings("\u{feff}(lang: \"zh_CN.UTF-8\", player: \"Li\")").unwrap();
        assert_eq!((s.lang.as_str(), s.player.as_str()), ("zh", "Li"));
        assert_eq!(parse_settings("(lang: \"EN\")").unwrap().lang, "en");
    }

    #[test]
    fn bad_settings_texts_are_errors_not_panics() {
        for bad in [
            "",
            "(",
            "(class_seed: -1)",
            "(class_seed: 99999999999999999999999)",
            "(text_size: Huge)",
            "(fullscreen: \"yes\")",
            "(lang: 3)",
            "[1, 2]",
        ] {
            assert!(parse_settings(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn an_unreadable_settings_file_is_set_aside_never_overwritten() {
        let d = dir("corrupt");
        let file = d.join("settings.ron");
        std::fs::write(&file, "(player: \"Wang Fang\", text_size: Lar").unwrap();
        let loaded = load_settings(&file);
        assert_eq!(loaded.settings, Settings::default());
        let aside = loaded.set_aside.clone().expect("set aside");
        let kept = aside.kept_as.clone().expect("renamed");
        assert!(!file.exists());
        assert_eq!(
            std::fs::read_to_string(&kept).unwrap(),
            "(player: \"Wang Fang\", text_size: Lar"
        );
        assert!(kept.to_string_lossy().contains("settings.ron.unreadable-"));
        assert!(loaded.may_save());
        assert!(aside.message("en").contains("kept as"));
        assert!(aside.message("zh").contains("已改名保存为"));
        // Saving now writes a new file and leaves the kept one alone.
        loaded.settings.save(&file).unwrap();
        assert!(kept.exists() && file.exists());
        // Not UTF-8, and too large, are set aside too.
        std::fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
        assert!(load_settings(&file).set_aside.unwrap().kept_as.is_some());
        std::fs::write(&file, vec![b' '; MAX_SETTINGS_BYTES as usize + 10]).unwrap();
        let big = load_settings(&file).set_aside.unwrap();
        assert!(big.reason.contains("larger than"), "{}", big.reason);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn no_file_means_defaults_and_no_message() {
        let d = dir("none");
        let loaded = load_settings(&d.join("settings.ron"));
        assert_eq!(loaded.set_aside, None);
        assert!(loaded.may_save());
        let _ = std::fs::remove_dir_all(&d);
    }
}

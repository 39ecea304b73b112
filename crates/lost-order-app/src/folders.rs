//! Where Lost Order keeps its files (settings, session records), and writing a file so that a
//! crash never leaves half of it.

use std::path::{Path, PathBuf};

/// The folders for settings and for data (session records).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folders {
    /// Holds `settings.ron`.
    pub config: PathBuf,
    /// Holds `records/`, the default folder of session records.
    pub data: PathBuf,
}

impl Folders {
    /// `$LOST_ORDER_HOME/{config,data}` when set (tests, classrooms), else the platform's folders
    /// (e.g. `~/.config/lost-order` and `~/.local/share/lost-order`).
    pub fn locate() -> Folders {
        if let Some(home) = std::env::var_os("LOST_ORDER_HOME") {
            return Folders::under(Path::new(&home));
        }
        match directories::ProjectDirs::from("", "", "lost-order") {
            Some(p) => Folders {
                config: p.config_dir().to_path_buf(),
                data: p.data_dir().to_path_buf(),
            },
            None => Folders::under(Path::new(".lost-order")),
        }
    }

    /// `home/config` and `home/data`.
    pub fn under(home: &Path) -> Folders {
        Folders {
            config: home.join("config"),
            data: home.join("data"),
        }
    }

    /// The settings file, `config/settings.ron`.
    pub fn settings_file(&self) -> PathBuf {
        self.config.join("settings.ron")
    }

    /// The default folder of session records, `data/records`.
    pub fn records(&self) -> PathBuf {
        self.data.join("records")
    }
}

/// Writes `contents` to a temporary file beside `path`, syncs it, then renames it over `path`,
/// creating the folder first.
///
/// # Errors
/// Any I/O error from creating the folder, writing, syncing or renaming.
pub fn write_atomic(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("tmp");
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents.as_bytes())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = std::env::temp_dir().join(format!("lo-atomic-{}", std::process::id()));
        let path = dir.join("a/b.ron");
        write_atomic(&path, "first").unwrap();
        write_atomic(&path, "second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        assert!(!path.with_extension("tmp").exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_home_holds_settings_and_records() {
        let f = Folders::under(Path::new("/h"));
        assert_eq!(f.settings_file(), Path::new("/h/config/settings.ron"));
        assert_eq!(f.records(), Path::new("/h/data/records"));
    }
}

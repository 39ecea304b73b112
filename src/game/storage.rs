//! Where the game keeps its files, and writing them so that a crash never leaves half a file.

use std::path::{Path, PathBuf};

/// The folders for settings and for saved sessions.
#[derive(bevy::prelude::Resource, Clone, Debug)]
pub struct Dirs {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl Dirs {
    /// `$LOST_ORDER_HOME/{config,data}` when set (tests, classrooms), else the platform's folders.
    pub fn locate() -> Dirs {
        if let Some(home) = std::env::var_os("LOST_ORDER_HOME") {
            let home = PathBuf::from(home);
            return Dirs {
                config: home.join("config"),
                data: home.join("data"),
            };
        }
        match directories::ProjectDirs::from("", "", "lost-order") {
            Some(p) => Dirs {
                config: p.config_dir().to_path_buf(),
                data: p.data_dir().to_path_buf(),
            },
            None => Dirs {
                config: PathBuf::from(".lost-order/config"),
                data: PathBuf::from(".lost-order/data"),
            },
        }
    }
}

/// Writes `contents` to a temporary file beside `path`, flushes it, then renames it over `path`.
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
    }
}

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

/// Counts the temporary files this process has made, so two writers never share one.
static TEMPORARIES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Writes `contents` to `path` so that `path` always holds either its old contents or the
/// new ones, whole, even after a crash or a power cut (see [`AtomicFile`], which it uses).
///
/// # Errors
/// Any I/O error from creating the folder, writing, syncing or renaming; then `path` is
/// untouched and no temporary file is left.
pub fn write_atomic(path: &Path, contents: impl AsRef<[u8]>) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = AtomicFile::create(path)?;
    file.write_all(contents.as_ref())?;
    file.commit()
}

/// A file written in pieces (a report streamed row by row) that replaces `path` only when
/// [`AtomicFile::commit`] is called: the bytes go to a new temporary file beside it
/// (`.<name>.<pid>-<n>.tmp`, unique to this writer), which `commit` syncs to the disk and
/// renames over `path`, then syncs the folder (Unix) so the rename lasts. Dropped without
/// `commit` (an error on the way), the temporary file is removed and `path` is untouched.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    /// Starts writing what will become `path`, creating its folder first.
    ///
    /// # Errors
    /// When the folder or the temporary file cannot be created.
    pub fn create(path: &Path) -> std::io::Result<AtomicFile> {
        let dir = folder_of(path);
        std::fs::create_dir_all(dir)?;
        let name = path
            .file_name()
            .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
        let n = TEMPORARIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp,
            file: Some(std::io::BufWriter::new(file)),
        })
    }

    /// Flushes and syncs what was written, renames it over the target and syncs the folder.
    ///
    /// # Errors
    /// Any I/O error from flushing, syncing or renaming; then the target is untouched and
    /// the temporary file is removed.
    pub fn commit(mut self) -> std::io::Result<()> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let done = (|| {
            let file = file.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            drop(file);
            std::fs::rename(&self.tmp, &self.path)
        })();
        match done {
            Ok(()) => {
                sync_folder(folder_of(&self.path));
                Ok(())
            }
            Err(e) => {
                let _ = std::fs::remove_file(&self.tmp);
                Err(e)
            }
        }
    }
}

impl std::io::Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.file.as_mut() {
            Some(f) => f.write(buf),
            None => Err(std::io::Error::other("already committed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().map_or(Ok(()), |f| f.flush())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Syncs a folder so that a rename into it survives a power cut (Unix; elsewhere the file
/// system does not offer it). A folder that cannot be opened is left as it is.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
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
        let left: Vec<_> = std::fs::read_dir(dir.join("a")).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left: {left:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = std::env::temp_dir().join(format!("lo-atomic-fail-{}", std::process::id()));
        let path = dir.join("report.html");
        write_atomic(&path, b"old".as_slice()).unwrap();
        // A folder where the file should be: the rename fails.
        let blocked = dir.join("blocked");
        std::fs::create_dir_all(blocked.join("inside")).unwrap();
        assert!(write_atomic(&blocked, "new").is_err());
        assert!(blocked.join("inside").is_dir());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_written_in_pieces_replaces_the_target_only_when_committed() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("lo-atomic-pieces-{}", std::process::id()));
        let path = dir.join("sessions.csv");
        write_atomic(&path, "old").unwrap();
        let mut f = AtomicFile::create(&path).unwrap();
        f.write_all(b"a,b\n").unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "old",
            "not before commit"
        );
        f.write_all(b"1,2\n").unwrap();
        f.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\n1,2\n");
        // Dropped half-way (an error while streaming): the old file stays, nothing is left.
        let mut f = AtomicFile::create(&path).unwrap();
        f.write_all(b"half").unwrap();
        drop(f);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\n1,2\n");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn writers_in_many_threads_never_share_a_temporary_file() {
        let dir = std::env::temp_dir().join(format!("lo-atomic-race-{}", std::process::id()));
        let path = dir.join("settings.ron");
        std::thread::scope(|s| {
            for i in 0..8 {
                let path = &path;
                s.spawn(move || {
                    for _ in 0..20 {
                        write_atomic(path, format!("writer {i} ").repeat(100)).unwrap();
                    }
                });
            }
        });
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            (0..8).any(|i| text == format!("writer {i} ").repeat(100)),
            "one writer's whole text: {text}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_home_holds_settings_and_records() {
        let f = Folders::under(Path::new("/h"));
        assert_eq!(f.settings_file(), Path::new("/h/config/settings.ron"));
        assert_eq!(f.records(), Path::new("/h/data/records"));
    }
}

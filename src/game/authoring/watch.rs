//! Watching one file for saves (the `notify` crate, debounced): editors save by writing in
//! place or by writing a new file and renaming it over the old, so the folder is watched and
//! events are kept for the file's name.

use std::ffi::OsString;
use std::path::Path;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{Debouncer, new_debouncer};

/// How long the file must stay quiet after a change before it is read: an editor's save
/// (truncate, write, rename) comes as several events within a few milliseconds.
pub const QUIET: Duration = Duration::from_millis(120);

/// Wakes whoever waits for changes (the window's event loop, which sleeps while idle).
pub type Wake = Box<dyn Fn() + Send + Sync>;

/// A running watch of one file; it stops when dropped.
pub struct FileWatch {
    _debouncer: Mutex<Debouncer<RecommendedWatcher>>,
    changes: Mutex<Receiver<()>>,
}

impl std::fmt::Debug for FileWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FileWatch")
    }
}

impl FileWatch {
    /// Watches the file at `path` (an absolute path) and calls `wake` after each change that
    /// settled for [`QUIET`].
    ///
    /// # Errors
    /// When the system's watcher cannot be started or cannot watch the file's folder (a folder
    /// that does not exist, the system's limit of watches reached).
    pub fn start(
        path: &Path,
        wake: Option<Wake>,
    ) -> Result<FileWatch, notify_debouncer_mini::notify::Error> {
        let name: Option<OsString> = path.file_name().map(|n| n.to_os_string());
        let folder = path.parent().unwrap_or(Path::new("."));
        let (tx, rx) = channel();
        let mut debouncer = new_debouncer(
            QUIET,
            move |events: notify_debouncer_mini::DebounceEventResult| {
                let ours = match events {
                    Ok(events) => events
                        .iter()
                        .any(|e| e.path.file_name().map(|n| n.to_os_string()) == name),
                    // The watcher lost track (an overflow…): read the file again to be sure.
                    Err(_) => true,
                };
                if ours
                    && tx.send(()).is_ok()
                    && let Some(wake) = &wake
                {
                    wake();
                }
            },
        )?;
        debouncer
            .watcher()
            .watch(folder, RecursiveMode::NonRecursive)?;
        Ok(FileWatch {
            _debouncer: Mutex::new(debouncer),
            changes: Mutex::new(rx),
        })
    }

    /// Whether the file changed since the last call (every change waiting is taken).
    pub fn changed(&self) -> bool {
        let Ok(rx) = self.changes.lock() else {
            return false;
        };
        let mut any = false;
        while rx.try_recv().is_ok() {
            any = true;
        }
        any
    }
}

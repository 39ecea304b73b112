//! The scenarios on offer: the shipped ones, compiled in, plus any others in `scenarios/` folders.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use lost_order_core::load::check_source;
use lost_order_core::scenario::Scenario;

/// The shipped cases, embedded so the binary runs from any folder: (file name, source).
const SHIPPED: [(&str, &str); 2] = [
    (
        "lost_order.ron",
        include_str!("../../../scenarios/lost_order.ron"),
    ),
    (
        "tutorial.ron",
        include_str!("../../../scenarios/tutorial.ron"),
    ),
];

/// The file name of the flagship case, offered first.
pub const FLAGSHIP: &str = "lost_order.ron";

/// One scenario a player can start.
#[derive(Clone, Debug)]
pub struct Entry {
    /// File name (e.g. `lost_order.ron`); the key the game's menus use.
    pub key: String,
    pub scenario: Arc<Scenario>,
}

/// Every playable scenario, and the rendered problems of the files that failed to load.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    /// Rendered diagnostics (`path:line:col: …` with the line) of broken files.
    pub problems: Vec<String>,
}

/// Why a record's scenario could not be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// No shipped or `scenarios/` case has this id.
    #[error("no scenario with id `{0}`; name its file with --scenario")]
    UnknownId(String),
}

impl Catalog {
    /// The shipped scenarios, then other `.ron` files in `./scenarios` and beside the executable.
    pub fn load() -> Catalog {
        Catalog::load_from(&scenario_dirs())
    }

    /// The shipped scenarios, then other `.ron` files in `dirs` (missing folders are skipped).
    pub fn load_from(dirs: &[PathBuf]) -> Catalog {
        let mut catalog = Catalog::default();
        for (key, source) in SHIPPED {
            catalog.add(key, key, source);
        }
        for dir in dirs {
            catalog.add_folder(dir);
        }
        catalog
    }

    fn add_folder(&mut self, dir: &Path) {
        let Ok(read) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<_> = read.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            if !name.ends_with(".ron") || self.get(&name).is_some() {
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(source) => self.add(&name, &path.display().to_string(), &source),
                Err(e) => self.problems.push(format!("{}: {e}", path.display())),
            }
        }
    }

    fn add(&mut self, key: &str, shown_path: &str, source: &str) {
        let checked = check_source(shown_path, source);
        let report = checked.render();
        match checked.into_scenario() {
            Ok(s) => self.entries.push(Entry {
                key: key.to_string(),
                scenario: Arc::new(s),
            }),
            Err(_) => self.problems.push(report),
        }
    }

    /// The entry with this file name.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// The flagship, or the first scenario there is.
    pub fn flagship(&self) -> Option<&Entry> {
        self.get(FLAGSHIP).or(self.entries.first())
    }

    /// The entry for a record's scenario: the one with this id and `hash` (the BLAKE3 of the
    /// file the record was made with) if there is one, else the first with this id.
    pub fn find(&self, id: &str, hash: &str) -> Option<&Entry> {
        let same_id = || self.entries.iter().filter(|e| e.scenario.meta.id == id);
        same_id()
            .find(|e| e.scenario.hash == hash)
            .or_else(|| same_id().next())
    }

    /// Like [`Catalog::find`], with an error that tells the user what to do.
    ///
    /// # Errors
    /// [`CatalogError::UnknownId`] when no entry has this id.
    pub fn require(&self, id: &str, hash: &str) -> Result<&Entry, CatalogError> {
        self.find(id, hash)
            .ok_or_else(|| CatalogError::UnknownId(id.to_string()))
    }
}

/// `./scenarios`, then `scenarios/` beside the executable.
fn scenario_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("scenarios")];
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("scenarios")))
    {
        dirs.push(exe_dir);
    }
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_shipped_cases_by_id_and_hash() {
        let catalog = Catalog::load_from(&[]);
        let flagship = catalog.flagship().expect("the flagship is shipped");
        assert_eq!(flagship.key, FLAGSHIP);
        let id = flagship.scenario.meta.id.clone();
        let hash = flagship.scenario.hash.clone();
        assert_eq!(
            catalog.find(&id, &hash).map(|e| &e.key),
            Some(&flagship.key)
        );
        assert_eq!(
            catalog.find(&id, "another hash").map(|e| &e.key),
            Some(&flagship.key),
            "an edited copy still finds the case by id"
        );
        assert!(matches!(
            catalog.require("nope", ""),
            Err(CatalogError::UnknownId(id)) if id == "nope"
        ));
    }
}

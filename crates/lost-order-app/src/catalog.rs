//! The scenarios on offer: the shipped ones, compiled in, plus any others in `scenarios/`
//! folders; and the scenario a record was made with, found by the hash of its file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use lost_order_core::load::{check_file, check_source};
use lost_order_core::record::Header;
use lost_order_core::scenario::Scenario;

/// The shipped cases, embedded so the binary runs from any folder: (file name, source).
const SHIPPED: [(&str, &str); 3] = [
    (
        "lost_order.ron",
        include_str!("../../../scenarios/lost_order.ron"),
    ),
    (
        "tutorial.ron",
        include_str!("../../../scenarios/tutorial.ron"),
    ),
    (
        "telecom.ron",
        include_str!("../../../scenarios/telecom.ron"),
    ),
];

/// The text of a shipped case by its file name (`lost_order.ron`), as compiled in: what a
/// class server hands its trainees when no file is named.
pub fn shipped_source(key: &str) -> Option<&'static str> {
    SHIPPED.iter().find(|(k, _)| *k == key).map(|(_, s)| *s)
}

/// The file name of the flagship case, offered first.
pub const FLAGSHIP: &str = "lost_order.ron";

/// Where an entry's scenario comes from, as messages name it.
pub const COMPILED_IN: &str = "(compiled in)";

/// One scenario a player can start.
#[derive(Clone, Debug)]
pub struct Entry {
    /// File name (e.g. `lost_order.ron`); the key the game's menus use.
    pub key: String,
    pub scenario: Arc<Scenario>,
    /// Where it was read: [`COMPILED_IN`] or the file's path.
    pub origin: String,
}

/// Every playable scenario, and the rendered problems of the files that failed to load.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// The scenarios offered in menus, one per file name (shipped ones first).
    pub entries: Vec<Entry>,
    /// Other scenarios found in the folders whose file name an entry already has (an edited
    /// copy of `lost_order.ron` in `./scenarios`, say): not offered in menus, but a record
    /// made with one of them finds it by its hash.
    pub shadowed: Vec<Entry>,
    /// Rendered diagnostics (`path:line:col: …` with the line) of broken files.
    pub problems: Vec<String>,
}

/// How the scenario found for a record fits the record's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The very file the record was made with (same BLAKE3 hash).
    Exact,
    /// Same id and version, another file: an edited copy (or the original of an edited copy).
    EditedCopy,
    /// Same id, another version.
    OtherVersion,
    /// Another scenario altogether (a file given for the record that has another id).
    OtherScenario,
}

impl Fit {
    /// How `scenario` fits a record with `header`.
    pub fn of(header: &Header, scenario: &Scenario) -> Fit {
        if scenario.meta.id != header.scenario {
            Fit::OtherScenario
        } else if scenario.hash == header.scenario_hash {
            Fit::Exact
        } else if scenario.meta.version == header.scenario_version {
            Fit::EditedCopy
        } else {
            Fit::OtherVersion
        }
    }
}

/// The scenario found for a record, and how well it fits.
#[derive(Clone, Debug)]
pub struct Located {
    pub scenario: Arc<Scenario>,
    /// The catalog key (file name) when it came from the catalog's menu entries.
    pub key: Option<String>,
    /// Where it was read: [`COMPILED_IN`], a folder's file, or the file given.
    pub origin: String,
    pub fit: Fit,
}

impl Located {
    /// A warning for a scenario that is not the record's own file (`None` when exact): tells
    /// an edited copy (same id and version, another hash) from another version.
    pub fn warning(&self, header: &Header) -> Option<String> {
        mismatch(header, &self.scenario, &self.origin, &self.fit)
    }
}

/// Words for a scenario that is not the exact file a record was made with.
fn mismatch(header: &Header, found: &Scenario, origin: &str, fit: &Fit) -> Option<String> {
    let short = |h: &str| h.chars().take(12).collect::<String>();
    match fit {
        Fit::Exact => None,
        Fit::EditedCopy => Some(format!(
            "the record was made with an edited copy of `{}` {} (hash {}…); the one used, {origin}, has the same version but another hash ({}…): give the copy it was made with (--scenario FILE) to replay it exactly",
            header.scenario,
            header.scenario_version,
            short(&header.scenario_hash),
            short(&found.hash)
        )),
        Fit::OtherVersion => Some(format!(
            "the record was made with version {} of `{}`; the one used, {origin}, is version {}",
            header.scenario_version, header.scenario, found.meta.version
        )),
        Fit::OtherScenario => Some(format!(
            "the record is of scenario `{}`; {origin} is `{}`",
            header.scenario, found.meta.id
        )),
    }
}

/// Why a record's scenario could not be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// No shipped or `scenarios/` case has this id.
    #[error(
        "no scenario with id `{0}` (compiled in, in ./scenarios or beside the program); name its file with --scenario"
    )]
    UnknownId(String),
    /// The file given for a record is another scenario.
    #[error("{given} is scenario `{found}`, but the record is of `{wanted}`")]
    OtherScenario {
        given: String,
        found: String,
        wanted: String,
    },
}

impl Catalog {
    /// The shipped scenarios, then other `.ron` files in `./scenarios` and in `scenarios/`
    /// beside the executable.
    pub fn load() -> Catalog {
        Catalog::load_from(&scenario_dirs())
    }

    /// The shipped scenarios, then other `.ron` files in `dirs` (missing folders are skipped).
    pub fn load_from(dirs: &[PathBuf]) -> Catalog {
        let mut catalog = Catalog::default();
        for (key, source) in SHIPPED {
            let checked = check_source(key, source);
            catalog.add(key, COMPILED_IN, checked);
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
            if !name.ends_with(".ron") || !path.is_file() {
                continue;
            }
            // Size, UTF-8 and byte-order mark are the loader's: the same rules as `check`.
            match check_file(&path) {
                Ok(checked) => self.add(&name, &path.display().to_string(), checked),
                Err(e) => self.problems.push(e.to_string()),
            }
        }
    }

    fn add(&mut self, key: &str, origin: &str, checked: lost_order_core::load::Checked) {
        let report = checked.render();
        let Ok(s) = checked.into_scenario() else {
            self.problems.push(report);
            return;
        };
        let known = self
            .entries
            .iter()
            .chain(&self.shadowed)
            .any(|e| e.scenario.hash == s.hash);
        if known {
            // The same file twice (./scenarios/lost_order.ron is the shipped one).
            return;
        }
        let entry = Entry {
            key: key.to_string(),
            scenario: Arc::new(s),
            origin: origin.to_string(),
        };
        if self.get(key).is_some() {
            self.shadowed.push(entry);
        } else {
            self.entries.push(entry);
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

    /// Every scenario known, menu entries first, then the shadowed ones.
    fn all(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().chain(&self.shadowed)
    }

    /// The entry for a record's scenario: the one with this id and `hash` (the BLAKE3 of the
    /// file the record was made with) if there is one, else the first with this id.
    pub fn find(&self, id: &str, hash: &str) -> Option<&Entry> {
        let same_id = || self.all().filter(|e| e.scenario.meta.id == id);
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

    /// The scenario to replay a record with `header`: the file `given` (with where it was
    /// read) when there is one, as the user asked; else the one with the hash of the record's
    /// file among the compiled-in cases, `./scenarios` and `scenarios/` beside the executable;
    /// else a case with the same id, the same version first (an edited copy), else another
    /// version. [`Located::fit`] says how it fits, [`Located::warning`] says it in words.
    ///
    /// # Errors
    /// [`CatalogError::OtherScenario`] when the file given has another id,
    /// [`CatalogError::UnknownId`] when nothing has the record's id.
    pub fn locate(
        &self,
        header: &Header,
        given: Option<(Arc<Scenario>, &str)>,
    ) -> Result<Located, CatalogError> {
        if let Some((scenario, origin)) = &given {
            let fit = Fit::of(header, scenario);
            if fit == Fit::OtherScenario {
                return Err(CatalogError::OtherScenario {
                    given: origin.to_string(),
                    found: scenario.meta.id.to_string(),
                    wanted: header.scenario.to_string(),
                });
            }
            return Ok(Located {
                scenario: scenario.clone(),
                key: None,
                origin: origin.to_string(),
                fit,
            });
        }
        let rank = |e: &&Entry| match Fit::of(header, &e.scenario) {
            Fit::Exact => 0,
            Fit::EditedCopy => 1,
            Fit::OtherVersion => 2,
            Fit::OtherScenario => 3,
        };
        let best = self
            .all()
            .filter(|e| rank(e) < 3)
            .min_by_key(rank)
            .ok_or_else(|| CatalogError::UnknownId(header.scenario.to_string()))?;
        Ok(Located {
            scenario: best.scenario.clone(),
            key: self
                .get(&best.key)
                .filter(|e| e.scenario.hash == best.scenario.hash)
                .map(|e| e.key.clone()),
            origin: best.origin.clone(),
            fit: Fit::of(header, &best.scenario),
        })
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

    fn header_of(s: &Scenario) -> Header {
        Header::new(s, 11, "Li", 0)
    }

    /// A folder with an edited copy of the tutorial under its own name (same id and version).
    fn folder_with_edited_tutorial(name: &str) -> (PathBuf, String) {
        let dir = std::env::temp_dir().join(format!("lo-catalog-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let edited = format!("{}\n// edited by the instructor\n", SHIPPED[1].1);
        std::fs::write(dir.join("tutorial.ron"), &edited).unwrap();
        (dir, edited)
    }

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

    #[test]
    fn an_edited_copy_in_a_folder_is_found_by_its_hash_though_a_shipped_case_has_its_name() {
        let (dir, edited) = folder_with_edited_tutorial("shadow");
        let catalog = Catalog::load_from(std::slice::from_ref(&dir));
        let shipped = catalog.get("tutorial.ron").unwrap().scenario.clone();
        assert_eq!(
            shipped.hash,
            check_source("t", SHIPPED[1].1)
                .into_scenario()
                .unwrap()
                .hash
        );
        assert_eq!(
            catalog.shadowed.len(),
            1,
            "the copy is kept, not offered twice"
        );
        let copy = catalog.shadowed[0].scenario.clone();
        assert_ne!(copy.hash, shipped.hash);

        // A record made with the copy finds the copy; one made with the shipped case, that one.
        let found = catalog.locate(&header_of(&copy), None).unwrap();
        assert_eq!(
            (found.fit.clone(), found.scenario.hash.clone()),
            (Fit::Exact, copy.hash.clone())
        );
        assert!(found.origin.ends_with("tutorial.ron") && found.key.is_none());
        let found = catalog.locate(&header_of(&shipped), None).unwrap();
        assert_eq!(found.fit, Fit::Exact);
        assert_eq!(found.key.as_deref(), Some("tutorial.ron"));

        // Without the copy: the shipped case, called an edited copy, not another version.
        let bare = Catalog::load_from(&[]);
        let found = bare.locate(&header_of(&copy), None).unwrap();
        assert_eq!(found.fit, Fit::EditedCopy);
        let said = found.warning(&header_of(&copy)).unwrap();
        assert!(
            said.contains("edited copy") && !said.contains("version 1"),
            "{said}"
        );
        // Another version is called so.
        let mut older = header_of(&copy);
        older.scenario_version = "0.9.0".into();
        let found = bare.locate(&older, None).unwrap();
        assert_eq!(found.fit, Fit::OtherVersion);
        assert!(found.warning(&older).unwrap().contains("version 0.9.0"));
        let _ = edited;
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_file_given_is_used_and_its_fit_told() {
        let (dir, edited) = folder_with_edited_tutorial("given");
        let copy = Arc::new(check_source("copy", &edited).into_scenario().unwrap());
        let bare = Catalog::load_from(&[]);
        let found = bare
            .locate(&header_of(&copy), Some((copy.clone(), "copy.ron")))
            .unwrap();
        assert_eq!((found.fit, found.origin.as_str()), (Fit::Exact, "copy.ron"));
        // A record of the shipped case, given the copy: the copy, called an edited copy.
        let shipped = bare.get("tutorial.ron").unwrap().scenario.clone();
        let found = bare
            .locate(&header_of(&shipped), Some((copy.clone(), "copy.ron")))
            .unwrap();
        assert_eq!(
            (found.fit, found.origin.as_str()),
            (Fit::EditedCopy, "copy.ron")
        );
        // Given another scenario altogether: refused.
        let flagship = bare.flagship().unwrap().scenario.clone();
        assert!(matches!(
            bare.locate(&header_of(&shipped), Some((flagship, "f.ron"))),
            Err(CatalogError::OtherScenario { .. })
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_byte_order_mark_does_not_change_a_scenarios_hash() {
        let plain = check_source("a", SHIPPED[1].1).into_scenario().unwrap();
        let marked = check_source("b", &format!("\u{feff}{}", SHIPPED[1].1))
            .into_scenario()
            .unwrap();
        assert_eq!(plain.hash, marked.hash);
    }
}

//! The scenarios the game offers: the shipped ones, compiled in, plus any others in `scenarios/`.

use std::sync::Arc;

use bevy::prelude::*;
use lost_order_core::load::check_source;
use lost_order_core::scenario::Scenario;

/// The shipped cases, embedded so the binary runs from any folder.
const SHIPPED: [(&str, &str); 2] = [
    (
        "lost_order.ron",
        include_str!("../../scenarios/lost_order.ron"),
    ),
    ("tutorial.ron", include_str!("../../scenarios/tutorial.ron")),
];

/// One scenario the player can start.
#[derive(Clone, Debug)]
pub struct Entry {
    /// File name; the key saved sessions refer to.
    pub key: String,
    pub scenario: Arc<Scenario>,
}

/// Every playable scenario, and the problems of those that failed to load.
#[derive(Resource, Clone, Debug, Default)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    /// Rendered diagnostics of broken files, shown on the Scenarios screen.
    pub problems: Vec<String>,
}

impl Catalog {
    /// The shipped scenarios, then other `.ron` files in `./scenarios` or beside the executable.
    pub fn load() -> Catalog {
        let mut catalog = Catalog::default();
        for (key, source) in SHIPPED {
            catalog.add(key, key, source);
        }
        for dir in scenario_dirs() {
            let Ok(read) = std::fs::read_dir(&dir) else {
                continue;
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
                if !name.ends_with(".ron") || catalog.get(&name).is_some() {
                    continue;
                }
                match std::fs::read_to_string(&path) {
                    Ok(source) => catalog.add(&name, &path.display().to_string(), &source),
                    Err(e) => catalog.problems.push(format!("{}: {e}", path.display())),
                }
            }
        }
        catalog
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

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// The flagship, or the first scenario there is.
    pub fn flagship(&self) -> Option<&Entry> {
        self.get("lost_order.ron").or(self.entries.first())
    }
}

fn scenario_dirs() -> Vec<std::path::PathBuf> {
    let mut dirs = vec![std::path::PathBuf::from("scenarios")];
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("scenarios")))
    {
        dirs.push(exe_dir);
    }
    dirs
}

//! Who is in a class: every record's header read (the first line only), the records of the
//! report's scenario kept in report order (by seed, then start, player and file), the others
//! set aside with the reason.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::record::{Header, read_record};
use crate::scenario::Scenario;
use crate::text::{fill, pick};

/// The longest first line read as a header, in bytes (a header is a few hundred bytes; a
/// player's name is bounded when the record is made).
const HEADER_BYTES: u64 = 64 * 1024;

/// A record left out, and why.
#[derive(Clone, Debug, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// A record's header as read, or why it could not be read (the reader's own words).
#[derive(Clone, Debug)]
pub struct Heading {
    pub path: PathBuf,
    pub header: Result<Header, String>,
}

/// Reads the header of each file: its first line only, so that a class of any size is read
/// quickly. A byte-order mark before it is accepted.
pub fn read_headers(files: &[PathBuf]) -> Vec<Heading> {
    files
        .iter()
        .map(|path| Heading {
            path: path.clone(),
            header: read_header(path),
        })
        .collect()
}

fn read_header(path: &Path) -> Result<Header, String> {
    // A pipe named like a record would block `open` for ever; `read_record` words the refusal.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return Err(match read_record(path) {
            Ok(_) => format!("{}: not a file", path.display()),
            Err(e) => e.to_string(),
        });
    }
    let first = std::fs::File::open(path).and_then(|f| {
        let mut line = Vec::new();
        BufReader::new(f)
            .take(HEADER_BYTES)
            .read_until(b'\n', &mut line)?;
        Ok(line)
    });
    let parsed = first.ok().and_then(|line| {
        let text = std::str::from_utf8(&line).ok()?;
        ron::from_str::<Header>(text.trim_start_matches('\u{feff}').trim_end()).ok()
    });
    match parsed {
        Some(h) if h.format == crate::record::RECORD_FORMAT => Ok(h),
        // The full reader words why: cannot read, not a record, another format.
        _ => Err(match read_record(path) {
            Ok(_) => format!("{}: empty, or not a session record", path.display()),
            Err(e) => e.to_string(),
        }),
    }
}

/// The header of a record of the `(scenario id, content hash)` most of the headers name, if
/// any header was read (ties go to the smallest pair, so that the choice does not depend on
/// file order).
pub fn most_common_scenario(headings: &[Heading]) -> Option<&Header> {
    let mut counts: std::collections::BTreeMap<(&str, &str), (usize, &Header)> = Default::default();
    for h in headings.iter().filter_map(|h| h.header.as_ref().ok()) {
        counts
            .entry((h.scenario.as_str(), h.scenario_hash.as_str()))
            .or_insert((0, h))
            .0 += 1;
    }
    let best = counts.values().map(|(n, _)| *n).max()?;
    counts
        .into_values()
        .find(|(n, _)| *n == best)
        .map(|(_, h)| h)
}

/// One record of the class, as its header says, before it is replayed.
#[derive(Clone, Debug)]
pub struct Enrolled {
    pub path: PathBuf,
    pub seed: u64,
    /// Seconds since the Unix epoch.
    pub started: u64,
}

/// The records of one scenario in report order, the records left out, and the class seeds.
#[derive(Clone, Debug)]
pub struct Roster {
    pub scenario: Arc<Scenario>,
    /// The report's language, one of the scenario's.
    pub lang: String,
    /// Sorted by seed, then start, player and file.
    pub enrolled: Vec<Enrolled>,
    pub skipped: Vec<Skipped>,
    /// Each class seed with its number of records, smallest seed first.
    pub seeds: Vec<(u64, usize)>,
}

impl Roster {
    /// Reads the headers of `files` and enrols those of `scenario` (same id, version and
    /// content), in `lang` if the scenario has it.
    pub fn read(scenario: Arc<Scenario>, files: &[PathBuf], lang: &str) -> Roster {
        Roster::of(scenario, read_headers(files), lang)
    }

    /// Enrols the records of `scenario` among headers already read.
    pub fn of(scenario: Arc<Scenario>, headings: Vec<Heading>, lang: &str) -> Roster {
        let lang = scenario.lang(lang).to_string();
        let mut keyed = Vec::new();
        let mut skipped = Vec::new();
        for Heading { path, header } in headings {
            let checked = header.and_then(|h| same_scenario(&scenario, &h, &lang).map(|()| h));
            match checked {
                Ok(h) => keyed.push((h.seed, h.started, h.player, path)),
                Err(reason) => skipped.push(Skipped {
                    file: path.display().to_string(),
                    reason,
                }),
            }
        }
        keyed.sort();
        let mut seeds: Vec<(u64, usize)> = Vec::new();
        for (seed, ..) in &keyed {
            match seeds.last_mut() {
                Some((s, n)) if s == seed => *n += 1,
                _ => seeds.push((*seed, 1)),
            }
        }
        let enrolled = keyed
            .into_iter()
            .map(|(seed, started, _, path)| Enrolled {
                path,
                seed,
                started,
            })
            .collect();
        Roster {
            scenario,
            lang,
            enrolled,
            skipped,
            seeds,
        }
    }

    /// When the records hold several class seeds: a warning saying how many and which (the
    /// first ten), and that the report is grouped by seed. `None` for one seed.
    pub fn seed_warning(&self) -> Option<String> {
        seed_warning(&self.seeds, &self.lang)
    }
}

/// The warning of [`Roster::seed_warning`] for these `seeds` (each with its number of
/// records), in `lang`; `None` for fewer than two seeds.
pub(super) fn seed_warning(seeds: &[(u64, usize)], lang: &str) -> Option<String> {
    if seeds.len() < 2 {
        return None;
    }
    let mut list: Vec<String> = seeds.iter().take(10).map(|(s, _)| s.to_string()).collect();
    if seeds.len() > 10 {
        list.push("…".into());
    }
    Some(fill(
        pick(
            lang,
            "这些记录来自 {n} 个不同的班级种子（{list}），世界各不相同：报告按种子分组，每组有自己的廖总路径。",
            "These records come from {n} different class seeds ({list}), so their worlds differ: the report is grouped by seed, each group with its own Liao's path.",
        ),
        &[
            ("n", &seeds.len().to_string()),
            ("list", &list.join(pick(lang, "、", ", "))),
        ],
    ))
}

/// `Ok` when the record was made with `scenario` itself, else why not in `lang`: another
/// scenario, another version, or an edited copy of this version.
fn same_scenario(scenario: &Scenario, h: &Header, lang: &str) -> Result<(), String> {
    let now = &scenario.meta.version;
    if h.scenario != scenario.meta.id {
        Err(fill(
            pick(lang, "另一个案例（{id}）", "another scenario ({id})"),
            &[("id", &h.scenario)],
        ))
    } else if h.scenario_version != *now {
        Err(fill(
            pick(
                lang,
                "案例的另一个版本（当时 {v}，现在 {now}）",
                "another version of the scenario ({v} then, {now} now)",
            ),
            &[("v", &h.scenario_version), ("now", now)],
        ))
    } else if h.scenario_hash != scenario.hash {
        Err(fill(
            pick(
                lang,
                "用案例 {v} 的一个改过的副本做的（内容不同）",
                "made with an edited copy of version {v} (its content differs)",
            ),
            &[("v", &h.scenario_version)],
        ))
    } else {
        Ok(())
    }
}

//! Session records from the terminal: where they go, resuming one, and `lost-order replay`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use lost_order_core::engine::Session;
use lost_order_core::record::{
    Header, RECORD_FORMAT, RecordWriter, read_record, replay as replay_record,
};
use lost_order_core::scenario::Scenario;

use crate::game::{Catalog, Dirs};

/// The user's data folder's `records/` (or `$LOST_ORDER_HOME/data/records`).
pub fn default_dir() -> PathBuf {
    Dirs::locate().data.join("records")
}

/// Starts a record for a new session.
pub fn create(
    dir: &Path,
    scenario: &Scenario,
    seed: u64,
    player: &str,
) -> anyhow::Result<RecordWriter> {
    let header = Header {
        format: RECORD_FORMAT,
        scenario: scenario.meta.id.clone(),
        scenario_version: scenario.meta.version.clone(),
        scenario_hash: scenario.hash.clone(),
        seed,
        player: player.to_string(),
        started: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    RecordWriter::create(dir, &header)
        .with_context(|| format!("cannot create a session record in {}", dir.display()))
}

/// The scenario a record was made with: `explicit`, else a shipped or `scenarios/` one with its id.
fn scenario_for(header: &Header, explicit: Option<&Path>) -> anyhow::Result<Arc<Scenario>> {
    let scenario = match explicit {
        Some(path) => super::load(path)?,
        None => Catalog::load()
            .entries
            .into_iter()
            .map(|e| e.scenario)
            .find(|s| s.meta.id == header.scenario)
            .with_context(|| {
                format!(
                    "no scenario with id `{}`; name its file with --scenario",
                    header.scenario
                )
            })?,
    };
    if scenario.hash != header.scenario_hash {
        eprintln!(
            "warning: scenario `{}` has changed since this record was made (version {} then, {} now)",
            header.scenario, header.scenario_version, scenario.meta.version
        );
    }
    Ok(scenario)
}

/// Continues an unfinished record, or (with `from_week`) starts a new one from that week.
pub fn resume(
    path: &Path,
    from_week: Option<u32>,
    dir: &Path,
    player: &str,
) -> anyhow::Result<(Session, RecordWriter)> {
    let record = read_record(path)?;
    for w in &record.warnings {
        eprintln!("warning: {w}");
    }
    let scenario = scenario_for(&record.header, None)?;
    let session = replay_record(scenario.clone(), &record)
        .map_err(|d| anyhow::anyhow!("{}: replay diverged at {d}", path.display()))?;
    match from_week {
        None => {
            if record.finished.is_some() {
                bail!(
                    "{}: this session is finished; use --from-week N to play it again from week N",
                    path.display()
                );
            }
            let writer = RecordWriter::resume(path, &record)?;
            eprintln!("continuing {} in week {}", path.display(), session.week());
            Ok((session, writer))
        }
        Some(week) => {
            let name = if player.is_empty() {
                record.header.player.as_str()
            } else {
                player
            };
            let mut writer = create(dir, &scenario, record.header.seed, name)?;
            let mut again = Session::new(scenario, record.header.seed);
            for made in record.decisions.iter().filter(|m| m.week < week) {
                again.apply(&made.decision)?;
            }
            writer.sync(&again)?;
            eprintln!(
                "what if: week {} of {}, recording to {}",
                again.week(),
                path.display(),
                writer.path().display()
            );
            Ok((again, writer))
        }
    }
}

/// `lost-order replay`: exit 0 when every result matches, 1 with the first divergence.
pub fn replay(path: &Path, scenario: Option<&Path>) -> anyhow::Result<ExitCode> {
    let record = read_record(path)?;
    for w in &record.warnings {
        eprintln!("warning: {w}");
    }
    let scenario = scenario_for(&record.header, scenario)?;
    match replay_record(scenario, &record) {
        Ok(session) => {
            let state = match session.tender() {
                Some(t) => format!(
                    "finished: {} ({}), score {}/100",
                    if t.won { "won" } else { "lost" },
                    t.ending,
                    t.score.total
                ),
                None => format!("unfinished, in week {}", session.week()),
            };
            println!(
                "{}: {} decisions replayed exactly; {state}",
                path.display(),
                record.decisions.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(d) => {
            println!("{}: diverged at {d}", path.display());
            Ok(ExitCode::FAILURE)
        }
    }
}

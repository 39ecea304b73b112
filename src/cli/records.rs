//! Session records from the terminal: continuing one (`play --text --resume` or
//! `--continue`), playing one again from a week ("what if"), and `lost-order replay`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use lost_order_app::Catalog;
use lost_order_app::records::{self, Reopened, Resumed};
use lost_order_core::engine::Session;
use lost_order_core::record::RecordWriter;
use lost_order_core::scenario::Scenario;

/// The scenario file named on the command line, loaded, with its path for messages.
fn explicit(path: Option<&Path>) -> anyhow::Result<Option<(Arc<Scenario>, String)>> {
    path.map(|p| Ok((super::load(p)?, p.display().to_string())))
        .transpose()
}

/// Prints the record's repairs and a scenario that is not the record's own file.
fn warn_all(warnings: &[String], scenario_warning: Option<&String>) {
    for w in warnings.iter().chain(scenario_warning) {
        eprintln!("warning: {w}");
    }
}

/// The newest unfinished record of `player` in `dir` (what `play --text --continue` resumes);
/// `None` when there is none.
pub fn own_unfinished(dir: &Path, player: &str) -> Option<PathBuf> {
    records::unfinished(dir, &Catalog::load(), player)
}

/// Continues an unfinished record, or (with `from_week`) starts a new record from that week
/// of it with the same seed. The scenario is the file `scenario` when given and it is the
/// record's (or nothing here is), else the record's own found by its hash.
pub fn resume(
    path: &Path,
    scenario: Option<&Path>,
    from_week: Option<u32>,
    dir: &Path,
    player: &str,
) -> anyhow::Result<(Session, RecordWriter)> {
    let catalog = Catalog::load();
    let given = explicit(scenario)?;
    let given = given.as_ref().map(|(s, p)| (s.clone(), p.as_str()));
    let Some(week) = from_week else {
        let Resumed {
            session,
            record,
            writer,
            scenario_warning,
            ..
        } = records::resume(path, given, &catalog)?;
        warn_all(&record.warnings, scenario_warning.as_ref());
        return Ok((session, writer));
    };
    let Reopened {
        record,
        session,
        scenario_warning,
        ..
    } = records::reopen(path, given, &catalog)?;
    warn_all(&record.warnings, scenario_warning.as_ref());
    let name = if player.is_empty() {
        record.header.player.as_str()
    } else {
        player
    };
    let again = session.what_if(week)?;
    let writer = records::start(dir, &again, name)?;
    Ok((again, writer))
}

/// `lost-order replay`: exit 0 when every result matches, 1 with the first divergence.
pub fn replay(path: &Path, scenario: Option<&Path>) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::load();
    let given = explicit(scenario)?;
    let given = given.as_ref().map(|(s, p)| (s.clone(), p.as_str()));
    match records::reopen(path, given, &catalog) {
        Ok(Reopened {
            record,
            session,
            scenario_warning,
            ..
        }) => {
            warn_all(&record.warnings, scenario_warning.as_ref());
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
        Err(e @ records::RecordsError::Diverged { .. }) => {
            println!("{e}");
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

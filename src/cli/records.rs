//! Session records from the terminal: continuing one (`play --text --resume`), playing one
//! again from a week ("what if"), and `lost-order replay`.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use lost_order_app::Catalog;
use lost_order_app::records::{self, Resumed};
use lost_order_core::engine::Session;
use lost_order_core::record::{Header, RecordWriter};
use lost_order_core::scenario::Scenario;

/// The scenario named on the command line, loaded, if one was.
fn explicit(path: Option<&Path>) -> anyhow::Result<Option<Arc<Scenario>>> {
    path.map(super::load).transpose()
}

/// Warns when the case changed since the record was made (same id, another file).
fn warn_if_changed(header: &Header, session: &Session) {
    let scenario = session.scenario();
    if scenario.hash != header.scenario_hash {
        eprintln!(
            "warning: scenario `{}` has changed since this record was made (version {} then, {} now)",
            header.scenario, header.scenario_version, scenario.meta.version
        );
    }
}

/// Continues an unfinished record, or (with `from_week`) starts a new record from that week
/// of it with the same seed. The record's own scenario is used unless `scenario` names one.
pub fn resume(
    path: &Path,
    scenario: Option<&Path>,
    from_week: Option<u32>,
    dir: &Path,
    player: &str,
) -> anyhow::Result<(Session, RecordWriter)> {
    let catalog = Catalog::load();
    let scenario = explicit(scenario)?;
    let Some(week) = from_week else {
        let Resumed {
            session,
            record,
            writer,
            ..
        } = records::resume(path, scenario, &catalog)?;
        for w in &record.warnings {
            eprintln!("warning: {w}");
        }
        warn_if_changed(&record.header, &session);
        eprintln!("continuing {} in week {}", path.display(), session.week());
        return Ok((session, writer));
    };
    let (record, _, session) = records::reopen(path, scenario, &catalog)?;
    for w in &record.warnings {
        eprintln!("warning: {w}");
    }
    warn_if_changed(&record.header, &session);
    let name = if player.is_empty() {
        record.header.player.as_str()
    } else {
        player
    };
    let again = session.what_if(week)?;
    let writer = records::start(dir, &again, name)?;
    eprintln!(
        "what if: week {} of {}, recording to {}",
        again.week(),
        path.display(),
        writer.path().display()
    );
    Ok((again, writer))
}

/// `lost-order replay`: exit 0 when every result matches, 1 with the first divergence.
pub fn replay(path: &Path, scenario: Option<&Path>) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::load();
    match records::reopen(path, explicit(scenario)?, &catalog) {
        Ok((record, _, session)) => {
            for w in &record.warnings {
                eprintln!("warning: {w}");
            }
            warn_if_changed(&record.header, &session);
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
        Err(records::RecordsError::Diverged { path, divergence }) => {
            println!("{}: diverged at {divergence}", path.display());
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

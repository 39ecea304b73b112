//! `lost-order simulate --join URL`: simulated trainees of a live class (docs/classroom.md),
//! each playing a policy over the real protocol, then reconciled with the server's records.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use lost_order_class::{Faults, Simulation, simulate_class};
use lost_order_core::policy::Policy;

/// How long a simulated trainee waits, in all, for a server that does not answer.
const PATIENCE: Duration = Duration::from_secs(300);

/// The simulated trainees asked for on the command line.
pub struct Trainees<'a> {
    /// The class server, `http://ADDR:PORT`.
    pub url: &'a str,
    /// The class code.
    pub code: &'a str,
    /// How every trainee plays.
    pub policy: Policy,
    /// How many trainees.
    pub runs: u64,
    /// Each trainee's pause after each decision.
    pub think: Duration,
    /// The seconds over which they join, evenly spaced (0: at once).
    pub arrival: f64,
    /// The chance (0 to 1) of each injected fault per request.
    pub faults: f64,
    /// The folder of their local records (default: a new folder in the system's temporary
    /// folder).
    pub records: Option<&'a Path>,
}

/// Plays the trainees of `t` in their class, pausing `think` after each decision, with each
/// fault at `faults`. Prints the acknowledgement latency; exit 1 when a trainee could not
/// finish or its records differ.
///
/// # Errors
/// No runs, `--arrival` not a duration, or too many runs. (`--faults`, `--arrival` and
/// `--think` are checked as the command line is read: [`chance`], [`arrival`],
/// [`milliseconds`].)
pub fn run(t: &Trainees) -> anyhow::Result<ExitCode> {
    let &Trainees {
        url,
        code,
        policy,
        runs,
        think,
        arrival,
        faults,
        records,
    } = t;
    if runs == 0 {
        anyhow::bail!("--runs is the number of trainees: at least 1 with --join");
    }
    // A thread per trainee and one per link: before their heaps are made.
    super::huge_pages::turn_off();
    let arrival = Duration::try_from_secs_f64(arrival).map_err(|_| {
        anyhow::anyhow!("--arrival is a number of seconds, 0 or more, not {arrival}")
    })?;
    // Names of their own, so a second run in the same class is new trainees.
    let tag = format!("{:04x}", lost_order_app::fresh_seed() & 0xffff);
    let records = records.map_or_else(
        || std::env::temp_dir().join(format!("lost-order-class-sim-{tag}")),
        PathBuf::from,
    );
    let trainees = usize::try_from(runs)?;
    eprintln!(
        "{trainees} trainees `sim-{}-{tag}-N` join {url}; their records go to {}",
        policy.name(),
        records.display()
    );
    let outcome = simulate_class(&Simulation {
        url: lost_order_class::server_url(url),
        code: code.to_string(),
        policy,
        trainees,
        prefix: format!("sim-{}-{tag}-", policy.name()),
        faults: (faults > 0.0).then(|| Faults::all(faults)),
        records,
        think,
        arrival,
        patience: PATIENCE,
    });
    let l = outcome.latency;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} of {} finished and reconciled in {:.1} s; {} differ, {} could not finish, {} acknowledged lines lost",
        outcome.finished,
        outcome.trainees,
        outcome.elapsed.as_secs_f64(),
        outcome.differences.len(),
        outcome.problems.len(),
        outcome.lost_acknowledged
    );
    println!(
        "{} lines acknowledged: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        l.lines,
        ms(l.p50),
        ms(l.p95),
        ms(l.p99),
        ms(l.max)
    );
    for line in outcome.differences.iter().chain(&outcome.problems) {
        println!("  {line}");
    }
    let clean = outcome.differences.is_empty()
        && outcome.problems.is_empty()
        && outcome.lost_acknowledged == 0;
    Ok(if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The longest `--arrival`: a class walks in within the hour.
const MAX_ARRIVAL_SECONDS: f64 = 3600.0;

/// `--think`: a whole number of milliseconds, 0 or more.
///
/// # Errors
/// Anything else, in words clap prints after the option's name.
pub fn milliseconds(text: &str) -> Result<u64, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("a whole number of milliseconds, 0 or more, not `{text}`"))
}

/// `--arrival`: seconds from 0 to an hour.
///
/// # Errors
/// Anything else, in words clap prints after the option's name.
pub fn arrival(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if (0.0..=MAX_ARRIVAL_SECONDS).contains(&s) => Ok(s),
        _ => Err(format!(
            "a number of seconds from 0 to {MAX_ARRIVAL_SECONDS}, not `{text}`"
        )),
    }
}

/// `--faults`: a chance from 0 to 1.
///
/// # Errors
/// Anything else, in words clap prints after the option's name.
pub fn chance(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("a chance from 0 to 1, not `{text}`")),
    }
}

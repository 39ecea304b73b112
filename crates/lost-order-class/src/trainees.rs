//! Simulated trainees: N sessions of one policy played at once as trainees of a class, over
//! the real protocol (each its own link, with injected faults if asked), then every local
//! record reconciled with the server's copy, and the time each line took to be acknowledged.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lost_order_app::records;
use lost_order_core::engine::{Decision, Dice, Phase, Session};
use lost_order_core::policy::Policy;
use lost_order_core::record::{Record, parse_record, read_record};
use lost_order_core::scenario::Scenario;

use crate::link::{ClassLink, ClassRecord, Credentials, Failure, Faults};
use crate::protocol::{Joined, Reason};

/// A session can never need more decisions than this; more means a policy is stuck.
const MAX_DECISIONS: usize = 10_000;

/// How often a trainee tries to reach a server that does not answer.
const RETRY: Duration = Duration::from_millis(50);

/// A class of simulated trainees to play.
#[derive(Clone, Debug)]
pub struct Simulation {
    /// The class server, `http://ADDR:PORT`.
    pub url: String,
    /// The class code.
    pub code: String,
    /// How every trainee plays.
    pub policy: Policy,
    /// How many trainees play at once.
    pub trainees: usize,
    /// Trainee `i` (from 0) is named `{prefix}{i}`; its device token is made from the name.
    pub prefix: String,
    /// Faults each trainee's link injects, if any.
    pub faults: Option<Faults>,
    /// The folder of the local records.
    pub records: PathBuf,
    /// A trainee's pause after each decision (0 for none).
    pub think: Duration,
    /// The time over which the trainees arrive, evenly spaced, as a class walks in (0: all
    /// join at the same instant).
    pub arrival: Duration,
    /// How long a trainee waits for a server that does not answer, in all, before giving up.
    pub patience: Duration,
}

/// Acknowledgement times over every line acknowledged, by nearest rank.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Latency {
    /// How many lines were timed.
    pub lines: usize,
    /// Half the lines were acknowledged this quickly or quicker.
    pub p50: Duration,
    /// 95 lines in 100 were acknowledged this quickly or quicker.
    pub p95: Duration,
    /// 99 lines in 100 were acknowledged this quickly or quicker.
    pub p99: Duration,
    /// The slowest.
    pub max: Duration,
}

/// What a simulated class did.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Trainees who were to play.
    pub trainees: usize,
    /// Trainees whose session ended, every line acknowledged, and whose local record and the
    /// server's say the same.
    pub finished: usize,
    /// For each trainee whose records differ: who, and the first difference.
    pub differences: Vec<String>,
    /// Trainees who could not join or finish, and why.
    pub problems: Vec<String>,
    /// Lines the server acknowledged and later said it did not hold (must be 0).
    pub lost_acknowledged: usize,
    /// From a decision written locally to its acknowledgement by the server.
    pub latency: Latency,
    /// The local records, one per trainee who joined.
    pub local_records: Vec<PathBuf>,
    /// How long the whole class took.
    pub elapsed: Duration,
}

/// One trainee's result.
struct Played {
    latencies: Vec<Duration>,
    lost: usize,
    local: PathBuf,
    difference: Option<String>,
}

/// The class's scenario, loaded once for every simulated trainee: a thousand trainees on one
/// machine would otherwise check a thousand copies while they all join at once (each trainee's
/// own laptop loads its own copy in a real class).
#[derive(Default)]
struct ClassScenario(Mutex<Option<Arc<Scenario>>>);

impl ClassScenario {
    /// The scenario the server sent in `joined`, loaded by the first trainee to join and
    /// shared when the next one's has the same hash.
    fn get(&self, joined: &Joined) -> Result<Arc<Scenario>, String> {
        let mut loaded = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match loaded.as_ref() {
            Some(s) if s.hash == joined.scenario_hash => Ok(s.clone()),
            _ => {
                let s = Arc::new(joined.load_scenario()?);
                *loaded = Some(s.clone());
                Ok(s)
            }
        }
    }
}

/// Plays the class `sim`: every trainee at once, each on its own thread.
pub fn simulate_class(sim: &Simulation) -> Outcome {
    let start = Instant::now();
    let scenario = ClassScenario::default();
    let scenario = &scenario;
    let results: Vec<(String, Result<Played, String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..sim.trainees)
            .map(|i| {
                let name = format!("{}{i}", sim.prefix);
                let handle = std::thread::Builder::new()
                    .name(format!("trainee-{i}"))
                    .spawn_scoped(scope, move || play_one(sim, scenario, i));
                (name, handle)
            })
            .collect();
        handles
            .into_iter()
            .map(|(name, handle)| {
                let result = match handle {
                    Ok(h) => h
                        .join()
                        .unwrap_or_else(|_| Err("the trainee's thread panicked".into())),
                    Err(e) => Err(format!("cannot start the trainee's thread: {e}")),
                };
                (name, result)
            })
            .collect()
    });
    let mut outcome = Outcome {
        trainees: sim.trainees,
        ..Outcome::default()
    };
    let mut latencies = Vec::new();
    for (name, result) in results {
        match result {
            Ok(played) => {
                latencies.extend(played.latencies);
                outcome.lost_acknowledged += played.lost;
                outcome.local_records.push(played.local);
                match played.difference {
                    Some(d) => outcome.differences.push(format!("{name}: {d}")),
                    None => outcome.finished += 1,
                }
            }
            Err(problem) => outcome.problems.push(format!("{name}: {problem}")),
        }
    }
    outcome.latency = latency(latencies);
    outcome.elapsed = start.elapsed();
    outcome
}

/// Percentiles of `times` by nearest rank.
fn latency(mut times: Vec<Duration>) -> Latency {
    times.sort_unstable();
    let at = |p: usize| {
        if times.is_empty() {
            return Duration::ZERO;
        }
        let rank = (p * times.len()).div_ceil(100).max(1);
        times[rank.min(times.len()) - 1]
    };
    Latency {
        lines: times.len(),
        p50: at(50),
        p95: at(95),
        p99: at(99),
        max: times.last().copied().unwrap_or_default(),
    }
}

/// SplitMix64's finaliser, to spread a trainee's number over a seed.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A simulated trainee's device token, made from its name: ASCII whatever the name (it
/// travels in a header when the record is read back).
fn simulated_device(name: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    name.hash(&mut h);
    format!("simulated-device-{:016x}", h.finish())
}

/// Trainee `i` joins, plays the class's scenario with the policy, waits for every line to be
/// acknowledged, and reconciles.
fn play_one(sim: &Simulation, scenario: &ClassScenario, i: usize) -> Result<Played, String> {
    let name = format!("{}{i}", sim.prefix);
    let credentials = Credentials {
        url: sim.url.clone(),
        code: sim.code.clone(),
        name: name.clone(),
        device: simulated_device(&name),
    };
    if sim.trainees > 1 && !sim.arrival.is_zero() {
        let share = u32::try_from(sim.trainees - 1).unwrap_or(u32::MAX);
        let k = u32::try_from(i).unwrap_or(u32::MAX);
        std::thread::sleep(sim.arrival / share * k);
    }
    let deadline = Instant::now() + sim.patience;
    let mut attempt = 0;
    let (link, joined) = loop {
        // Each attempt draws its own faults, so a lost request is not lost again for ever.
        attempt += 1;
        let seed = mix(i as u64) ^ mix(attempt);
        match ClassLink::join(credentials.clone(), sim.faults.clone(), seed) {
            Ok(joined) => break joined,
            Err(e) if retryable(&e) && Instant::now() < deadline => std::thread::sleep(RETRY),
            Err(e) => return Err(format!("cannot join: {e}")),
        }
    };
    let scenario = scenario.get(&joined)?;
    if joined.lines != 0 {
        return Err(format!(
            "the server already holds {} lines of `{name}`: give the trainees another prefix",
            joined.lines
        ));
    }
    let mut session = Session::new(scenario, joined.seed);
    let writer = records::start(&sim.records, &session, &name).map_err(|e| e.to_string())?;
    let mut record = ClassRecord::new(writer, link);
    let mut dice = Dice::new(joined.seed ^ mix(i as u64 + 1));
    let mut ended = false;
    for _ in 0..MAX_DECISIONS {
        if *session.phase() == Phase::Ended {
            ended = true;
            break;
        }
        let decision = sim.policy.decide(&session, &mut dice);
        if session.apply(&decision).is_err() {
            // A policy proposing something impossible ends its week instead.
            if decision == Decision::EndWeek {
                return Err("the session refuses to end the week".into());
            }
            session
                .apply(&Decision::EndWeek)
                .map_err(|e| format!("the session refuses to end the week: {e}"))?;
        }
        record
            .sync(&session)
            .map_err(|e| format!("local record: {e}"))?;
        if let Some(r) = record.link().refused() {
            return Err(format!("the server refused a line: {r}"));
        }
        if !sim.think.is_zero() {
            std::thread::sleep(sim.think);
        }
    }
    if !ended {
        return Err(format!("not over after {MAX_DECISIONS} decisions"));
    }
    let link = record.link();
    if !link.flush(deadline.saturating_duration_since(Instant::now())) {
        return Err(match link.refused() {
            Some(r) => format!("the server refused a line: {r}"),
            None => format!("{} lines never acknowledged", link.unsent()),
        });
    }
    let server = loop {
        match link.server_record() {
            Ok(text) => break text,
            Err(e) if retryable(&e) && Instant::now() < deadline => std::thread::sleep(RETRY),
            Err(e) => return Err(format!("cannot read the server's record: {e}")),
        }
    };
    let local = read_record(record.path()).map_err(|e| e.to_string())?;
    let server = parse_record("the server's record", &server).map_err(|e| e.to_string())?;
    Ok(Played {
        latencies: link.latencies(),
        lost: link.lost_acknowledged(),
        local: record.path().to_path_buf(),
        difference: difference(&local, &server),
    })
}

/// Whether a failure may pass by trying again: no answer, or a server that could not do it
/// now (stopping, or its disk).
fn retryable(failure: &Failure) -> bool {
    match failure {
        Failure::Network(_) => true,
        Failure::Refused(r) => matches!(r.reason, Reason::Disk | Reason::TooFast),
    }
}

/// The first difference between a trainee's local record and the server's copy (their
/// `started` times may differ: each side stamps its own).
pub fn difference(local: &Record, server: &Record) -> Option<String> {
    let (l, s) = (&local.header, &server.header);
    if (&l.scenario, &l.scenario_hash, l.seed, &l.player)
        != (&s.scenario, &s.scenario_hash, s.seed, &s.player)
    {
        return Some(format!("the headers differ: local {l:?}, server {s:?}"));
    }
    for (k, (a, b)) in local.decisions.iter().zip(&server.decisions).enumerate() {
        if a != b {
            return Some(format!("decision {}: local {a:?}, server {b:?}", k + 1));
        }
    }
    if local.decisions.len() != server.decisions.len() {
        return Some(format!(
            "local {} decisions, server {}",
            local.decisions.len(),
            server.decisions.len()
        ));
    }
    if local.finished != server.finished {
        return Some(format!(
            "the outcome: local {:?}, server {:?}",
            local.finished, server.finished
        ));
    }
    None
}

//! Whether watching slows the trainees: a flagship class on loopback played by N simulated
//! trainees with a pause after each decision, with or without live views reading the event
//! stream (the class charts drawn anew as they play), and how long the charts take to count
//! the whole class again at once.
//!
//! ```text
//! cargo run --release -p lost-order-class --example watched_class -- TRAINEES THINK_MS VIEWERS
//! ```

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use lost_order_class::protocol::EVENTS_PATH;
use lost_order_class::server::scenario_source;
use lost_order_class::{ClassOptions, Limits, Simulation, serve, simulate_class};
use lost_order_core::policy::Policy;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let trainees: usize = args.first().map_or(Ok(200), |a| a.parse())?;
    let think: u64 = args.get(1).map_or(Ok(100), |a| a.parse())?;
    let viewers: usize = args.get(2).map_or(Ok(1), |a| a.parse())?;
    let dir = std::env::temp_dir().join(format!("lo-watched-class-{}", std::process::id()));
    let server = serve(flagship_class(&dir.join("class"))?)?;
    // Each viewer reads the stream as a page would, counting the charts it is sent.
    let done = Arc::new(AtomicBool::new(false));
    let drawn = Arc::new(AtomicUsize::new(0));
    let events = format!(
        "{}{EVENTS_PATH}?token={}",
        server.url(),
        server.instructor_token()
    );
    for _ in 0..viewers {
        let (events, done, drawn) = (events.clone(), done.clone(), drawn.clone());
        std::thread::spawn(move || {
            let response = ureq::get(&events).call().expect("the stream opens");
            let reader = BufReader::new(response.into_body().into_reader());
            for line in reader.lines().map_while(Result::ok) {
                if line == "event: charts" || line == "event:charts" {
                    drawn.fetch_add(1, Ordering::Relaxed);
                }
                if done.load(Ordering::Relaxed) {
                    break;
                }
            }
        });
    }
    let outcome = simulate_class(&Simulation {
        url: server.url(),
        code: server.code().to_string(),
        policy: Policy::Random,
        trainees,
        prefix: "watched-".into(),
        faults: None,
        records: dir.join("local"),
        think: Duration::from_millis(think),
        arrival: Duration::ZERO,
        patience: Duration::from_secs(300),
    });
    done.store(true, Ordering::Relaxed);
    let l = outcome.latency;
    println!(
        "{trainees} trainees, {think} ms between decisions, {viewers} viewers: {} finished, {} lines in {:.1} s; \
         ack latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms; charts sent {} times",
        outcome.finished,
        l.lines,
        outcome.elapsed.as_secs_f64(),
        ms(l.p50),
        ms(l.p95),
        ms(l.p99),
        ms(l.max),
        drawn.load(Ordering::Relaxed)
    );
    // The worst a refresh does: every trainee moved since the last. A server opened again
    // on the folder has counted nobody yet.
    drop(server);
    let again = serve(flagship_class(&dir.join("class"))?)?;
    let start = Instant::now();
    let charts = again.live_charts();
    println!(
        "the charts counting all {trainees} trainees at once: {:.1} ms ({} bytes of HTML)",
        ms(start.elapsed()),
        charts.html.len()
    );
    drop(again);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// A flagship class of seed 7 in `dir`, on a free port of loopback.
fn flagship_class(dir: &Path) -> Result<ClassOptions, Box<dyn std::error::Error>> {
    Ok(ClassOptions {
        dir: dir.to_path_buf(),
        bind: "127.0.0.1:0".parse()?,
        scenario: scenario_source(Path::new("lost_order.ron"))?,
        seed: Some(7),
        code: None,
        roster: None,
        limits: Limits::default(),
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

//! How many simulated trainees one class server holds: a flagship class on loopback, N
//! trainees playing a policy with a pause after each decision, and the acknowledgement
//! latency of every line.
//!
//! ```text
//! cargo run --release -p lost-order-class --example class_load -- TRAINEES THINK_MS [FAULT_CHANCE [HOLD_S]]
//! ```
//!
//! With HOLD_S, the live view's address is printed first, and the server stays up HOLD_S
//! seconds after the last trainee finished (to look at the view).

use std::path::Path;
use std::time::Duration;

use lost_order_class::server::scenario_source;
use lost_order_class::{ClassOptions, Faults, Limits, Simulation, serve, simulate_class};
use lost_order_core::policy::Policy;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let trainees: usize = args.first().map_or(Ok(200), |a| a.parse())?;
    let think: u64 = args.get(1).map_or(Ok(100), |a| a.parse())?;
    let faults: f64 = args.get(2).map_or(Ok(0.0), |a| a.parse())?;
    let hold: u64 = args.get(3).map_or(Ok(0), |a| a.parse())?;
    let dir = std::env::temp_dir().join(format!("lo-class-load-{}", std::process::id()));
    let server = serve(ClassOptions {
        dir: dir.join("class"),
        bind: "127.0.0.1:0".parse()?,
        scenario: scenario_source(Path::new("lost_order.ron"))?,
        seed: Some(7),
        code: None,
        roster: None,
        limits: Limits::default(),
    })?;
    if hold > 0 {
        eprintln!(
            "{}{}?token={}",
            server.url(),
            lost_order_class::protocol::VIEW_PATH,
            server.instructor_token()
        );
        eprintln!("{} {}", server.url(), server.code());
    }
    let outcome = simulate_class(&Simulation {
        url: server.url(),
        code: server.code().to_string(),
        policy: Policy::Random,
        trainees,
        prefix: "load-".into(),
        faults: (faults > 0.0).then(|| Faults::all(faults)),
        records: dir.join("local"),
        think: Duration::from_millis(think),
        arrival: Duration::ZERO,
        patience: Duration::from_secs(300),
    });
    let l = outcome.latency;
    println!(
        "{trainees} trainees, {think} ms between decisions, faults {faults}: {} finished, {} differences, {} problems, {} lost; \
         {} lines in {:.1} s; ack latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        outcome.finished,
        outcome.differences.len(),
        outcome.problems.len(),
        outcome.lost_acknowledged,
        l.lines,
        outcome.elapsed.as_secs_f64(),
        ms(l.p50),
        ms(l.p95),
        ms(l.p99),
        ms(l.max)
    );
    for p in outcome.problems.iter().chain(&outcome.differences).take(5) {
        println!("  {p}");
    }
    std::thread::sleep(Duration::from_secs(hold));
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

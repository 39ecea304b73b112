//! `lost-order class serve`: a live class over the LAN (docs/classroom.md).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use lost_order_app::catalog::{FLAGSHIP, shipped_source};
use lost_order_class::protocol::VIEW_PATH;
use lost_order_class::server::scenario_source;
use lost_order_class::{ClassOptions, Limits, ScenarioSource, default_bind, serve};

/// Serves the class of `scenario` (default: the shipped flagship) in `dir` on `bind` (default:
/// this machine's LAN address, port 7878) until the process is stopped; prints the address
/// and code to give trainees and the live view's address for the instructor.
pub fn run(
    dir: &Path,
    bind: Option<SocketAddr>,
    scenario: Option<&Path>,
    seed: Option<u64>,
    code: Option<String>,
) -> anyhow::Result<ExitCode> {
    let bind = match bind {
        Some(addr) => addr,
        None => default_bind().map_err(anyhow::Error::msg)?,
    };
    let source = match scenario {
        Some(path) => scenario_source(path)
            .with_context(|| format!("cannot read scenario {}", path.display()))?,
        None => ScenarioSource {
            file: FLAGSHIP.to_string(),
            source: shipped_source(FLAGSHIP)
                .context("the flagship is not compiled in")?
                .to_string(),
        },
    };
    let server = serve(ClassOptions {
        dir: PathBuf::from(dir),
        bind,
        scenario: source,
        seed,
        code,
        limits: Limits::default(),
    })?;
    for warning in server.warnings() {
        eprintln!("warning: {warning}");
    }
    let addr = server.addr();
    // Trainees cannot use 0.0.0.0: show them the LAN address the server also listens on.
    let shown = if addr.ip().is_unspecified() {
        eprintln!("listening on every interface ({addr}), as asked");
        default_bind().map_or(addr, |lan| SocketAddr::new(lan.ip(), addr.port()))
    } else {
        addr
    };
    println!("class folder: {}", dir.display());
    println!(
        "trainees join at http://{shown} with the code {} (seed {}; {} trainees found again)",
        server.code(),
        server.seed(),
        server.trainees_at_start()
    );
    println!(
        "live view (instructor only): http://{shown}{VIEW_PATH}?token={}",
        server.instructor_token()
    );
    println!(
        "Ctrl-C ends the class; `lost-order report {}` writes the debrief",
        dir.display()
    );
    server.wait();
    Ok(ExitCode::SUCCESS)
}

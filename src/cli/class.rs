//! `lost-order class serve`: a live class over the LAN (docs/classroom.md).

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use lost_order_app::catalog::{FLAGSHIP, shipped_source};
use lost_order_class::protocol::VIEW_PATH;
use lost_order_class::server::{roster_labels, scenario_source};
use lost_order_class::{ClassOptions, ClassServer, Limits, ScenarioSource, default_bind, serve};

/// What `class serve` was given.
#[derive(Debug)]
pub struct Serve {
    /// The class folder.
    pub dir: PathBuf,
    /// Where to listen (default: this machine's LAN address, port 7878).
    pub bind: Option<SocketAddr>,
    /// The scenario file (default: the shipped flagship).
    pub scenario: Option<PathBuf>,
    /// The class seed (default: fresh, or the class's in `dir`).
    pub seed: Option<u64>,
    /// The class code (default: fresh, or the class's in `dir`).
    pub code: Option<String>,
    /// The roster file: the only names that may join.
    pub roster: Option<PathBuf>,
}

/// Serves the class until the instructor types `q` (or the process is stopped); prints the
/// address and code to give trainees, the live view's address for the instructor, and the
/// keys that lock the class or give it a new code.
///
/// # Errors
/// The scenario or roster not read, the class not opened (see `ServeError`).
pub fn run(args: &Serve) -> anyhow::Result<ExitCode> {
    super::huge_pages::turn_off();
    let bind = match args.bind {
        Some(addr) => addr,
        None => default_bind().map_err(anyhow::Error::msg)?,
    };
    let source = match &args.scenario {
        Some(path) => scenario_source(path)
            .with_context(|| format!("cannot read scenario {}", path.display()))?,
        None => ScenarioSource {
            file: FLAGSHIP.to_string(),
            source: shipped_source(FLAGSHIP)
                .context("the flagship is not compiled in")?
                .to_string(),
        },
    };
    let roster = match &args.roster {
        Some(path) => Some(read_roster(path)?),
        None => None,
    };
    let on_roster = roster.as_ref().map(Vec::len);
    let server = serve(ClassOptions {
        dir: args.dir.clone(),
        bind,
        scenario: source,
        seed: args.seed,
        code: args.code.clone(),
        roster,
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
    let dir = args.dir.display();
    println!("class folder: {dir}");
    let found = match server.trainees_at_start() {
        1 => "1 trainee found again".to_string(),
        n => format!("{n} trainees found again"),
    };
    println!(
        "trainees join at http://{shown} with the code {} (seed {}; {found})",
        server.code(),
        server.seed(),
    );
    println!(
        "live view (instructor only): http://{shown}{VIEW_PATH}?token={}",
        server.instructor_token()
    );
    if let Some(n) = on_roster {
        println!("roster: only its {n} names may join");
    }
    if server.locked() {
        println!("the class is locked: no new trainee joins (type l to unlock)");
    }
    println!(
        "type l then Enter to lock or unlock the class (no new trainees), c for a new code, q to end the class"
    );
    // The live view's report link writes to the same folder.
    let report = args.dir.join(lost_order_class::server::REPORT_DIR);
    println!(
        "`lost-order report {dir} --out {}` writes the debrief at any time once a trainee has played (the live view's report link does the same)",
        report.display()
    );
    // What this window last said of the door (the code, the lock): the live view's buttons
    // change it too, and are told here.
    let said = Mutex::new((server.code(), server.locked()));
    let ended = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| tell_door_changes(&server, &said, &ended));
        instructor_keys(&server, &said);
        ended.store(true, Ordering::Relaxed);
    });
    Ok(ExitCode::SUCCESS)
}

/// How often the window looks for changes the live view's buttons made.
const DOOR_LOOK: Duration = Duration::from_millis(250);

/// Says in the window what the live view's Lock and New code buttons changed, until `ended`,
/// so that what the instructor's window last said stays true.
fn tell_door_changes(server: &ClassServer, said: &Mutex<(String, bool)>, ended: &AtomicBool) {
    while !ended.load(Ordering::Relaxed) {
        std::thread::sleep(DOOR_LOOK);
        let (code, locked) = (server.code(), server.locked());
        let mut last = said.lock().unwrap_or_else(|e| e.into_inner());
        if locked != last.1 {
            if locked {
                println!(
                    "locked from the live view: no new trainee joins; those in the class go on"
                );
            } else {
                println!("unlocked from the live view: trainees join with the code {code}");
            }
        }
        if code != last.0 {
            println!(
                "new code from the live view: {code} (trainees already in the class go on with theirs)"
            );
        }
        *last = (code, locked);
    }
}

/// The roster file's names.
fn read_roster(path: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the roster {}", path.display()))?;
    roster_labels(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Reads the instructor's keys from standard input until `q` (returns, ending the class) or
/// the end of the input (then serves until the process is stopped: a server started with no
/// terminal, by a script or a service).
fn instructor_keys(server: &ClassServer, said: &Mutex<(String, bool)>) {
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        // Held while a key changes the door, so that the change is told once, here.
        let mut last = said.lock().unwrap_or_else(|e| e.into_inner());
        match line.trim() {
            "q" | "Q" => {
                println!("class ended; the records are in the class folder");
                return;
            }
            "l" | "L" => {
                let lock = !server.locked();
                match server.set_locked(lock) {
                    Ok(()) if lock => {
                        println!("locked: no new trainee joins; those in the class go on");
                    }
                    Ok(()) => println!("unlocked: trainees join with the code {}", server.code()),
                    Err(e) => eprintln!("error: the register could not be written: {e}"),
                }
            }
            "c" | "C" => match server.new_code() {
                Ok(code) => {
                    println!("new code: {code} (trainees already in the class go on with theirs)")
                }
                Err(e) => eprintln!("error: the register could not be written: {e}"),
            },
            "" => {}
            other => println!("`{other}`: type l (lock or unlock), c (new code) or q (end)"),
        }
        *last = (server.code(), server.locked());
    }
    // No more input: serve until stopped.
    loop {
        std::thread::park();
    }
}

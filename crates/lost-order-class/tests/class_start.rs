//! Starting a class: the code given is checked, a port taken leaves the class folder as it
//! was (and says its cause once), and the live view carries the seed's exact digits.

mod common;

use std::error::Error;
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener};
use std::path::Path;

use lost_order_class::protocol::{EVENTS_PATH, JOIN_PATH, VIEW_PATH};
use lost_order_class::server::{ClassView, REGISTER_FILE};
use lost_order_class::{ClassOptions, ClassServer, Limits, ServeError, serve};

/// A seed above 2^53: a JavaScript number would round it to 11010532022927583000.
const BIG_SEED: u64 = 11_010_532_022_927_582_682;

fn class(
    dir: &Path,
    bind: SocketAddr,
    seed: u64,
    code: Option<&str>,
) -> Result<ClassServer, ServeError> {
    serve(ClassOptions {
        dir: dir.to_path_buf(),
        bind,
        scenario: common::flagship(),
        seed: Some(seed),
        code: code.map(str::to_string),
        roster: None,
        limits: Limits::default(),
    })
}

/// The error's message and its causes, as `{e:#}` of an error chain prints them.
fn chain(e: &dyn Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text += &format!(": {s}");
        source = s.source();
    }
    text
}

#[test]
fn a_code_given_is_four_to_sixteen_ascii_letters_and_digits() {
    let dir = common::fresh_dir("start-code");
    let too_long = "A".repeat(17);
    for bad in [
        "",
        "ABC",
        too_long.as_str(),
        "hello world ü/..",
        "K7QX-3M",
        "ÄBCDE",
        " K7QX3M",
    ] {
        let folder = dir.join("refused");
        match class(&folder, common::loopback(), 7, Some(bad)) {
            Err(e @ ServeError::Code { .. }) => {
                let message = e.to_string();
                assert!(
                    message.contains("4 to 16 letters A–Z and digits 0–9"),
                    "{message}"
                );
            }
            other => panic!("`{bad}`: {other:?}"),
        }
        assert!(!folder.exists(), "`{bad}`: no class folder made");
    }
    for good in ["ABCD", "O0I1", "k7qx3m", "Sales2026", &"Z".repeat(16)] {
        let folder = dir.join(format!("class-{good}"));
        let server = class(&folder, common::loopback(), 7, Some(good)).unwrap();
        assert_eq!(server.code(), good);
        // Joins compare the code without regard to case.
        let join = |code: &str| {
            let body = serde_json::json!({"code": code, "name": "Wang Fang", "device": "laptop-1"});
            common::agent()
                .post(&format!("{}{JOIN_PATH}", server.url()))
                .header("content-type", "application/json")
                .send(body.to_string())
                .unwrap()
                .status()
                .as_u16()
        };
        assert_eq!(join(""), 403, "`{good}`: an empty code never joins");
        assert_eq!(join(&good.to_ascii_lowercase()), 200, "`{good}`");
        assert_eq!(join(&good.to_ascii_uppercase()), 200, "`{good}`");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_class_whose_code_in_the_register_is_empty_gets_a_fresh_one() {
    let dir = common::fresh_dir("start-empty-code");
    let folder = dir.join("class");
    drop(class(&folder, common::loopback(), 7, None).unwrap());
    // The register as a server before codes were checked wrote it with `--code ''`.
    let register = folder.join(REGISTER_FILE);
    let text = std::fs::read_to_string(&register).unwrap();
    let mut line: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    line["Class"]["code"] = "".into();
    std::fs::write(&register, format!("{line}\n")).unwrap();
    let server = class(&folder, common::loopback(), 7, None).unwrap();
    assert!(
        lost_order_class::server::check_code(&server.code()).is_ok(),
        "{}",
        server.code()
    );
    assert!(
        server
            .warnings()
            .iter()
            .any(|w| w.contains("cannot be a class code")),
        "{:?}",
        server.warnings()
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_port_taken_leaves_the_folder_as_it_was_and_says_its_cause_once() {
    let dir = common::fresh_dir("start-port");
    let folder = dir.join("class");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let e = class(&folder, addr, 7, None).unwrap_err();
    assert!(matches!(e, ServeError::Bind { .. }), "{e:?}");
    let said = chain(&e);
    assert!(
        said.starts_with(&format!("cannot listen on {addr}: ")),
        "{said}"
    );
    let cause = e.source().unwrap().to_string();
    assert_eq!(said.matches(&cause).count(), 1, "the cause once: {said}");
    assert!(!folder.exists(), "no class folder made");
    assert!(!folder.join(REGISTER_FILE).exists(), "no register");

    // The folder exists already (empty): it stays empty.
    std::fs::create_dir_all(&folder).unwrap();
    assert!(class(&folder, addr, 7, None).is_err());
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        0,
        "the folder untouched"
    );

    // Again on a free port with another seed: a new class.
    let server = class(&folder, common::loopback(), 8, None).unwrap();
    assert_eq!(server.seed(), 8);
    assert!(folder.join(REGISTER_FILE).exists());
    drop(server);
    drop(taken);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_folder_error_says_its_cause_once() {
    let dir = common::fresh_dir("start-io");
    // A file where the class folder should be.
    let folder = dir.join("not-a-folder");
    std::fs::write(&folder, "x").unwrap();
    let e = class(&folder, common::loopback(), 7, None).unwrap_err();
    assert!(matches!(e, ServeError::Io { .. }), "{e:?}");
    let said = chain(&e);
    let cause = e.source().unwrap().to_string();
    assert_eq!(said.matches(&cause).count(), 1, "the cause once: {said}");
    assert!(said.contains(&folder.display().to_string()), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_live_view_carries_the_seed_s_exact_digits() {
    let dir = common::fresh_dir("start-seed");
    let server = class(&dir.join("class"), common::loopback(), BIG_SEED, None).unwrap();
    assert_eq!(server.seed(), BIG_SEED);
    let digits = format!(r#""seed":"{BIG_SEED}""#);
    let token = server.instructor_token().to_string();

    // The page's first view, and the page writes the seed as it comes.
    let mut page = common::agent()
        .get(&format!("{}{VIEW_PATH}?token={token}", server.url()))
        .call()
        .unwrap();
    let html = page.body_mut().read_to_string().unwrap();
    assert!(html.contains(&digits), "the first view carries the digits");
    assert!(html.contains(r#"" · seed " + view.seed"#), "shown as sent");

    // The events.
    let events = common::agent()
        .get(&format!("{}{EVENTS_PATH}?token={token}", server.url()))
        .call()
        .unwrap();
    let reader = BufReader::new(events.into_body().into_reader());
    let data = reader
        .lines()
        .map(Result::unwrap)
        .find_map(|l| l.strip_prefix("data:").map(|d| d.trim().to_string()))
        .unwrap();
    assert!(data.contains(&digits), "{data}");
    // Read back (as the game's ClassWatch reads it), exactly.
    let view: ClassView = serde_json::from_str(&data).unwrap();
    assert_eq!(view.seed, BIG_SEED);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

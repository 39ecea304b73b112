//! Bad requests to the class server, each refused with a clear status and message, and the
//! server still serving after all of them: a wrong code, an oversized body, a malformed line,
//! a line out of order, a decision that does not replay, a name with `../`, another device,
//! a bare GET, a trainee posting too fast; and resends taken again.

mod common;

use lost_order_class::entries::line_of;
use lost_order_class::protocol::{JOIN_PATH, lines_path};
use lost_order_class::{Limits, Reason};
use lost_order_core::engine::{Dice, Session};
use lost_order_core::policy::Policy;
use lost_order_core::record::Entry;
use serde_json::{Value, json};

/// POSTs `body` (JSON text) to `url`; the status and the answer as JSON (Null if not JSON).
fn post(url: &str, body: &str) -> (u16, Value) {
    let mut r = common::agent()
        .post(url)
        .header("content-type", "application/json")
        .send(body)
        .unwrap();
    let text = r.body_mut().read_to_string().unwrap();
    (
        r.status().as_u16(),
        serde_json::from_str(&text).unwrap_or(Value::Null),
    )
}

fn reason(v: &Value) -> Reason {
    serde_json::from_value(v["reason"].clone()).unwrap_or_else(|_| panic!("no reason in {v}"))
}

/// The first `n` record lines of a flagship session of seed 7 played by `policy`.
fn first_lines(n: usize) -> Vec<String> {
    let mut session = Session::new(common::flagship_scenario(), 7);
    let mut dice = Dice::new(1);
    while session.decisions().len() < n {
        let d = Policy::FullCoverage.decide(&session, &mut dice);
        session.apply(&d).unwrap();
    }
    session
        .decisions()
        .iter()
        .map(|m| line_of(&Entry::Decision(m.clone())).unwrap())
        .collect()
}

#[test]
fn bad_requests_are_refused_with_a_reason_and_the_server_stays_up() {
    let dir = common::fresh_dir("bad");
    let class = dir.join("class");
    let limits = Limits {
        burst: 40.0,
        posts_per_second: 1.0,
        ..Limits::default()
    };
    let server = common::class_server(&class, common::loopback(), limits);
    let url = server.url();
    let code = server.code().to_string();
    let join = |name: &str, code: &str, device: &str| {
        post(
            &format!("{url}{JOIN_PATH}"),
            &json!({"code": code, "name": name, "device": device}).to_string(),
        )
    };

    // A bare GET (a link preview) joins nobody.
    let r = common::agent()
        .get(&format!("{url}{JOIN_PATH}"))
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);

    // The wrong code.
    let (status, v) = join("Li Lei", "WRONG1", "dev-1");
    assert_eq!((status, reason(&v)), (403, Reason::WrongCode), "{v}");
    assert!(v["message"].as_str().unwrap().contains("class code"), "{v}");

    // A name that looks like a path: refused, and nothing is written outside the folder.
    for name in ["../escape", "a/b", "..\\x", "", "   "] {
        let (status, v) = join(name, &code, "dev-x");
        assert_eq!(
            (status, reason(&v)),
            (400, Reason::BadName),
            "{name:?}: {v}"
        );
    }
    assert!(!dir.join("escape").exists() && !class.parent().unwrap().join("a").exists());
    let outside: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        outside,
        vec![std::ffi::OsString::from("class")],
        "only the class folder"
    );

    // A body that is not the request.
    let (status, v) = post(&format!("{url}{JOIN_PATH}"), "{\"code\": 1}");
    assert_eq!((status, reason(&v)), (400, Reason::Malformed), "{v}");

    // A good join; the code is not case-sensitive; the same name and device resume.
    let (status, joined) = join(" Li Lei ", &code.to_lowercase(), "dev-1");
    assert_eq!(status, 200, "{joined}");
    assert_eq!(joined["lines"], 0);
    assert_eq!(joined["seed"], 7);
    let session = joined["session"].as_str().unwrap().to_string();
    let (_, again) = join("Li Lei", &code, "dev-1");
    assert_eq!(again["session"], session.as_str());
    // The same name from another device.
    let (status, v) = join("Li Lei", &code, "dev-2");
    assert_eq!((status, reason(&v)), (409, Reason::NameTaken), "{v}");

    let lines_url = format!("{url}{}", lines_path(&session));
    let send = |from: usize, lines: &[String], device: &str, code: &str| {
        post(
            &lines_url,
            &json!({"code": code, "device": device, "from": from, "lines": lines}).to_string(),
        )
    };
    let good = first_lines(3);

    // An oversized body.
    let huge = vec!["x".repeat(1024); 80];
    let (status, v) = send(0, &huge, "dev-1", &code);
    assert_eq!((status, reason(&v)), (413, Reason::TooLarge), "{v}");

    // A line out of order: the server says where to start.
    let (status, v) = send(1, &good[1..2], "dev-1", &code);
    assert_eq!((status, reason(&v)), (409, Reason::OutOfOrder), "{v}");
    assert_eq!(v["expected"], 0);

    // A malformed line.
    let (status, v) = send(
        0,
        &["Decision((week: 1, decision: Fly".to_string()],
        "dev-1",
        &code,
    );
    assert_eq!((status, reason(&v)), (400, Reason::Malformed), "{v}");
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .starts_with("line 0: not a record entry"),
        "{v}"
    );

    // A tampered decision: its result is not what the scenario gives.
    let Ok(Entry::Decision(mut made)) = ron::from_str::<Entry>(&good[0]) else {
        panic!("{}", good[0]);
    };
    made.result = Some("won_on_value".into());
    let tampered = line_of(&Entry::Decision(made)).unwrap();
    let (status, v) = send(0, &[tampered], "dev-1", &code);
    assert_eq!((status, reason(&v)), (422, Reason::Impossible), "{v}");
    assert!(
        v["message"].as_str().unwrap().contains("the line says"),
        "{v}"
    );
    // An impossible decision: an action that does not exist.
    let impossible = "Decision((week:1,decision:Act(action:\"bribe\",target:None),result:None))";
    let (status, v) = send(0, &[impossible.to_string()], "dev-1", &code);
    assert_eq!((status, reason(&v)), (422, Reason::Impossible), "{v}");
    // A decision of another week.
    let later = good[0].replacen("week:", "week:9", 1);
    assert_ne!(later, good[0]);
    let (status, v) = send(0, &[later], "dev-1", &code);
    assert_eq!((status, reason(&v)), (422, Reason::Impossible), "{v}");

    // Another device, the wrong code, an unknown session.
    let (status, v) = send(0, &good[..1], "dev-2", &code);
    assert_eq!((status, reason(&v)), (403, Reason::WrongDevice), "{v}");
    let (status, v) = send(0, &good[..1], "dev-1", "WRONG1");
    assert_eq!((status, reason(&v)), (403, Reason::WrongCode), "{v}");
    let (status, v) = post(
        &format!("{url}{}", lines_path("nobody")),
        &json!({"code": code, "device": "dev-1", "from": 0, "lines": good}).to_string(),
    );
    assert_eq!((status, reason(&v)), (404, Reason::UnknownSession), "{v}");

    // The good lines are taken; a resend is acknowledged again; a different line at an index
    // held is refused.
    let (status, v) = send(0, &good[..2], "dev-1", &code);
    assert_eq!((status, v["lines"].as_u64()), (200, Some(2)), "{v}");
    let (status, v) = send(0, &good, "dev-1", &code);
    assert_eq!((status, v["lines"].as_u64()), (200, Some(3)), "{v}");
    let (status, v) = send(2, &good[1..2], "dev-1", &code);
    assert_eq!((status, reason(&v)), (409, Reason::Differs), "{v}");
    let (_, again) = join("Li Lei", &code, "dev-1");
    assert_eq!(
        again["lines"], 3,
        "a rejoin says how many lines the server holds"
    );

    // Too fast: past the burst, refused until the allowance refills.
    let mut too_fast = None;
    for _ in 0..60 {
        let (status, v) = send(3, &[], "dev-1", &code);
        if status != 200 {
            too_fast = Some((status, reason(&v)));
            break;
        }
    }
    assert_eq!(too_fast, Some((429, Reason::TooFast)));

    // Still serving: another trainee joins, and the record holds exactly the lines taken.
    let (status, _) = join("Han Meimei", &code, "dev-3");
    assert_eq!(status, 200);
    let records: Vec<_> = std::fs::read_dir(&class)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".record.ron"))
        .collect();
    assert_eq!(records.len(), 2);
    let li = records
        .iter()
        .map(|p| lost_order_core::record::read_record(p).unwrap())
        .find(|r| r.header.player == "Li Lei")
        .unwrap();
    assert_eq!(li.decisions.len(), 3);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

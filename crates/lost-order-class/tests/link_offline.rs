//! A trainee's link while the server is away: decisions are still written to the local record,
//! the link says it is not connected and how many lines wait, and sends them when the server
//! is back.

mod common;

use std::time::{Duration, Instant};

use lost_order_app::records;
use lost_order_class::{ClassLink, ClassRecord, Credentials, Limits};
use lost_order_core::engine::{Dice, Session};
use lost_order_core::policy::Policy;
use lost_order_core::record::read_record;

/// Waits up to 5 s for `done`.
fn eventually(done: impl Fn() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

#[test]
fn decisions_made_offline_are_kept_locally_counted_and_sent_on_reconnect() {
    let dir = common::fresh_dir("offline");
    let class = dir.join("class");
    let server = common::class_server(&class, common::loopback(), Limits::default());
    let addr = server.addr();
    let credentials = Credentials {
        url: server.url(),
        code: server.code(),
        name: "王芳".into(),
        device: "laptop-7".into(),
    };
    let (link, joined) = ClassLink::join(credentials.clone(), None, 0).unwrap();
    assert!(link.connected());
    let mut session = Session::new(common::flagship_scenario(), joined.seed);
    let writer = records::start(&dir.join("local"), &session, "王芳").unwrap();
    let mut record = ClassRecord::new(writer, link);
    let mut dice = Dice::new(3);
    let mut decide = |session: &mut Session, record: &mut ClassRecord, n: usize| {
        for _ in 0..n {
            let d = Policy::FullCoverage.decide(session, &mut dice);
            session.apply(&d).unwrap();
            record.sync(session).unwrap();
        }
    };
    decide(&mut session, &mut record, 2);
    assert!(record.link().flush(Duration::from_secs(5)));
    assert_eq!(record.link().acknowledged(), 2);

    server.stop();
    decide(&mut session, &mut record, 3);
    let local = read_record(record.path()).unwrap();
    assert_eq!(
        local.decisions.len(),
        5,
        "the local record has every decision"
    );
    assert!(
        eventually(|| !record.link().connected()),
        "the link says it is offline"
    );
    assert_eq!(record.link().unsent(), 3);
    assert_eq!(record.decisions_waiting(), 3);

    let again = common::class_server(&class, addr, Limits::default());
    assert!(
        record.link().flush(Duration::from_secs(10)),
        "sent on reconnect"
    );
    assert!(record.link().connected());
    assert_eq!(record.link().unsent(), 0);
    let server_copy =
        lost_order_core::record::parse_record("server", &record.link().server_record().unwrap())
            .unwrap();
    assert_eq!(server_copy.decisions, local.decisions);

    // Played to its end while the server is away again: the outcome line waits too, but it
    // is not counted as a decision.
    again.stop();
    let before = session.decisions().len();
    while *session.phase() != lost_order_core::engine::Phase::Ended {
        decide(&mut session, &mut record, 1);
    }
    let made = session.decisions().len() - before;
    assert!(eventually(|| !record.link().connected()));
    assert_eq!(
        record.link().unsent(),
        made + 1,
        "the decisions and the outcome"
    );
    assert_eq!(record.decisions_waiting(), made);
    let again = common::class_server(&class, addr, Limits::default());
    assert!(record.link().flush(Duration::from_secs(10)));
    assert_eq!(record.decisions_waiting(), 0);

    // A restarted laptop: a new link with the same name and device resumes the session.
    drop(record);
    let (_, rejoined) = ClassLink::join(credentials, None, 1).unwrap();
    assert_eq!(rejoined.session, joined.session);
    assert_eq!(rejoined.lines, 5 + made + 1);
    drop(again);
    let _ = std::fs::remove_dir_all(&dir);
}

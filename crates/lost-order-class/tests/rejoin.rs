//! Joining a class again in the background (`Rejoin`, the game's Continue and the terminal's
//! `--continue`): no answer while the server is away, the class once it is started; a
//! refusal comes back as it is; and `relink` refuses a session of another seed or one the
//! server holds more of, giving the local record back.

mod common;

use std::time::Duration;

use lost_order_app::records;
use lost_order_class::entries::entries_of;
use lost_order_class::{
    ClassLink, ClassRecord, Credentials, Failure, Limits, Mismatch, Reason, Rejoin, relink,
};
use lost_order_core::engine::{Decision, Dice, Session};
use lost_order_core::policy::Policy;

fn credentials(url: &str, code: &str) -> Credentials {
    Credentials {
        url: url.into(),
        code: code.into(),
        name: "刘洋".into(),
        device: "laptop-3".into(),
    }
}

/// `n` decisions of the random policy with the dice of `seed` (an impossible one ends the week
/// instead, as simulated trainees do).
fn play(session: &mut Session, n: usize, seed: u64) {
    let mut dice = Dice::new(seed);
    for _ in 0..n {
        let d = Policy::Random.decide(session, &mut dice);
        if session.apply(&d).is_err() {
            session.apply(&Decision::EndWeek).unwrap();
        }
    }
}

#[test]
fn a_class_away_gives_no_answer_until_it_is_started_then_the_session_goes_on_in_it() {
    let dir = common::fresh_dir("rejoin-away");
    // A port nobody listens on yet.
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = free.local_addr().unwrap();
    drop(free);
    // The code is the class's own once started: take it from a first start, then stop.
    let first = common::class_server(&dir.join("class"), addr, Limits::default());
    let code = first.code();
    first.stop();

    let rejoin = Rejoin::start(
        credentials(&format!("http://{addr}"), &code),
        Duration::from_millis(100),
    )
    .unwrap();
    assert!(rejoin.answer_within(Duration::from_millis(500)).is_none());

    let server = common::class_server(&dir.join("class"), addr, Limits::default());
    let (link, joined) = rejoin
        .answer_within(Duration::from_secs(10))
        .expect("an answer once the server is back")
        .expect("the class takes the trainee");
    assert_eq!(joined.lines, 0);
    assert!(rejoin.answer().is_none(), "the answer is given once");

    // The session of the class goes on with the link: its lines reach the server.
    let scenario = common::flagship_scenario();
    let mut session = Session::new(scenario, joined.seed);
    let writer = records::start(&dir.join("local"), &session, "刘洋").unwrap();
    play(&mut session, 5, 1);
    let mut record = relink(writer, link, &joined, &session).expect("the same class");
    record.sync(&session).unwrap();
    assert!(record.link().flush(Duration::from_secs(10)));
    assert_eq!(record.link().acknowledged(), entries_of(&session).len());
    assert!(record.link().acknowledged() >= 5);
    server.stop();
}

#[test]
fn a_refusal_comes_back_and_relink_refuses_another_seed_or_a_server_ahead() {
    let dir = common::fresh_dir("rejoin-refused");
    let server = common::class_server(&dir.join("class"), common::loopback(), Limits::default());

    let wrong = Rejoin::start(
        credentials(&server.url(), "WRONG1"),
        Duration::from_millis(100),
    )
    .unwrap();
    match wrong.answer_within(Duration::from_secs(10)) {
        Some(Err(Failure::Refused(r))) => assert_eq!(r.reason, Reason::WrongCode),
        other => panic!("not refused: {other:?}"),
    }

    // The class holds three lines of this trainee.
    let scenario = common::flagship_scenario();
    let (link, joined) =
        ClassLink::join(credentials(&server.url(), &server.code()), None, 0).unwrap();
    let mut session = Session::new(scenario.clone(), joined.seed);
    let writer = records::start(&dir.join("local"), &session, "刘洋").unwrap();
    let mut record = ClassRecord::new(writer, link);
    play(&mut session, 3, 2);
    record.sync(&session).unwrap();
    assert!(record.link().flush(Duration::from_secs(10)));
    drop(record);

    // Joined again: a session of another seed, and one that holds fewer lines than the class.
    let (link, joined) =
        ClassLink::join(credentials(&server.url(), &server.code()), None, 0).unwrap();
    let held = entries_of(&session).len();
    assert_eq!(joined.lines, held);
    let other_seed = Session::new(scenario.clone(), joined.seed + 1);
    let writer = records::start(&dir.join("other"), &other_seed, "刘洋").unwrap();
    let (writer, why) = relink(writer, link, &joined, &other_seed).unwrap_err();
    assert_eq!(why, Mismatch::NotThisClass);
    assert!(writer.path().exists(), "the local record comes back");
    assert!(why.words("zh").contains("随机种子") && why.words("en").contains("seed"));

    let (link, joined) =
        ClassLink::join(credentials(&server.url(), &server.code()), None, 0).unwrap();
    let fresh = Session::new(scenario, joined.seed);
    let (_, why) = relink(writer, link, &joined, &fresh).unwrap_err();
    assert_eq!(
        why,
        Mismatch::ServerAhead {
            server: held,
            here: 0
        }
    );
    assert!(why.words("en").contains(&format!("{held} lines, here 0")));
    server.stop();
}

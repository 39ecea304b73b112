//! The instructor's watch from another program (the game's Instructor view): a wrong token
//! is refused, a server not reached is said and tried again, and with the right token the
//! watch follows simulated trainees from joining to their outcomes and the class charts as
//! the server counts them; its door locks, unlocks and changes the code, and refuses a wrong
//! token; a simulated trainee's local record has its class noted beside it.

mod common;

use std::time::{Duration, Instant};

use lost_order_class::protocol::Reason;
use lost_order_class::server::Standing;
use lost_order_class::{
    ClassWatch, Enrolment, Limits, Simulation, WatchStatus, Watched, simulate_class,
};
use lost_order_core::policy::Policy;
use lost_order_core::report::Figures;

/// Waits (up to `secs`) until what `watch` has seen satisfies `wanted`.
fn until(watch: &ClassWatch, secs: u64, wanted: impl Fn(&Watched) -> bool) -> Watched {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let w = watch.watched();
        if wanted(&w) {
            return w;
        }
        assert!(Instant::now() < deadline, "not within {secs} s: {w:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The same figures, the mean score to within rounding (it crossed JSON).
fn same(a: &Figures, b: &Figures) -> bool {
    let close = match (a.score_mean, b.score_mean) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (x, y) => x == y,
    };
    close
        && Figures {
            score_mean: None,
            ..a.clone()
        } == Figures {
            score_mean: None,
            ..b.clone()
        }
}

#[test]
fn the_watch_refuses_a_wrong_token_says_an_unreachable_server_and_follows_the_class() {
    let dir = common::fresh_dir("watch");
    let server = common::class_server(&dir.join("class"), common::loopback(), Limits::default());
    let url = server.url();

    let wrong = ClassWatch::open(&url, "not-the-token").unwrap();
    let w = until(&wrong, 10, |w| matches!(w.status, WatchStatus::Refused(_)));
    let WatchStatus::Refused(r) = w.status else {
        unreachable!()
    };
    assert_eq!(r.reason, Reason::NotInstructor);
    assert!(w.view.is_none());

    // A port nobody listens on: said, and tried again.
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let nobody = format!("http://{}", free.local_addr().unwrap());
    drop(free);
    let lost = ClassWatch::open(&nobody, server.instructor_token()).unwrap();
    until(&lost, 10, |w| {
        matches!(w.status, WatchStatus::Unreachable(_))
    });

    let watch = ClassWatch::open(&url, server.instructor_token()).unwrap();
    let first = until(&watch, 10, |w| w.status == WatchStatus::Live);
    assert_eq!(first.view.as_ref().map(|v| v.joined), Some(0));

    let outcome = simulate_class(&Simulation {
        url: url.clone(),
        code: server.code(),
        policy: Policy::FullCoverage,
        trainees: 3,
        prefix: "watched-".into(),
        faults: None,
        records: dir.join("local"),
        think: Duration::from_millis(20),
        arrival: Duration::ZERO,
        patience: Duration::from_secs(30),
    });
    assert_eq!(outcome.finished, 3, "{:#?}", outcome.problems);
    let done = until(&watch, 10, |w| {
        w.view.as_ref().is_some_and(|v| v.finished == 3)
    });
    let view = done.view.unwrap();
    assert_eq!(view.joined, 3);
    for t in &view.trainees {
        assert!(t.name.starts_with("watched-"), "{}", t.name);
        assert_eq!(t.standing, Standing::Finished);
        assert!(t.score.is_some() && !t.ending_titles.is_empty());
    }
    assert!(done.events > first.events);

    // The class charts follow, with the server's own figures, in each language.
    for lang in ["zh", "en"] {
        let counted = server.chart_figures(lang);
        let charted = until(&watch, 10, |w| {
            w.charts
                .as_ref()
                .and_then(|c| c.figures_in(lang))
                .is_some_and(|f| same(f, &counted))
        });
        let f = charted.charts.unwrap().figures_in(lang).unwrap().clone();
        assert_eq!((f.finished, f.endings.is_empty()), (3, false));
    }

    // The door: locked, unlocked and a new code, as the server then holds them.
    let door = watch.door();
    let gate = door.set_locked(true).unwrap();
    assert!(gate.locked && server.locked());
    until(&watch, 10, |w| w.view.as_ref().is_some_and(|v| v.locked));
    assert!(!door.set_locked(false).unwrap().locked && !server.locked());
    let old = server.code();
    let gate = door.new_code().unwrap();
    assert_ne!(gate.code, old);
    assert_eq!(gate.code, server.code());
    match wrong.door().new_code() {
        Err(lost_order_class::Failure::Refused(r)) => assert_eq!(r.reason, Reason::NotInstructor),
        other => panic!("a wrong token changed the code: {other:?}"),
    }
    assert_eq!(server.code(), gate.code);

    // Each local record has its class noted beside it.
    let records: Vec<_> = std::fs::read_dir(dir.join("local"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".record.ron"))
        .collect();
    assert_eq!(records.len(), 3);
    for record in &records {
        let note = Enrolment::of(record).unwrap().expect("the class is noted");
        assert_eq!(
            (note.url.as_str(), note.code.as_str()),
            (url.as_str(), old.as_str())
        );
        assert!(note.name.starts_with("watched-"));
    }

    // The server gone: the watch says so and keeps the class as it last saw it.
    server.stop();
    let gone = until(&watch, 15, |w| {
        matches!(w.status, WatchStatus::Unreachable(_))
    });
    assert_eq!(gone.view.map(|v| v.finished), Some(3));
}

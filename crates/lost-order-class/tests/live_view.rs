//! The live view: only with the instructor's token; its event stream shows who joined and
//! how far they are, from rows updated as lines are taken.

mod common;

use std::io::{BufRead, BufReader};
use std::time::Duration;

use lost_order_class::protocol::{EVENTS_PATH, VIEW_PATH};
use lost_order_class::server::{ClassView, Standing};
use lost_order_class::{ClassLink, ClassRecord, Credentials, Limits};
use lost_order_core::engine::{Dice, Phase, Session};
use lost_order_core::policy::Policy;

/// The first view the live view's stream at `url` sends that satisfies `wanted`.
fn event_where(url: &str, wanted: impl Fn(&ClassView) -> bool) -> ClassView {
    let response = common::agent().get(url).call().unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let reader = BufReader::new(response.into_body().into_reader());
    // Other events (the class charts) are passed over.
    let mut other = false;
    for line in reader.lines() {
        let line = line.unwrap();
        if line.starts_with("event:") {
            other = true;
        } else if line.is_empty() {
            other = false;
        } else if let Some(data) = line.strip_prefix("data:")
            && !other
        {
            let view: ClassView = serde_json::from_str(data.trim()).unwrap();
            if wanted(&view) {
                return view;
            }
        }
    }
    panic!("the stream ended");
}

#[test]
fn the_live_view_needs_the_token_and_shows_each_trainee_as_they_play() {
    let dir = common::fresh_dir("view");
    let server = common::class_server(&dir.join("class"), common::loopback(), Limits::default());
    let url = server.url();
    let token = server.instructor_token().to_string();

    for bad in ["", "?token=", "?token=nope"] {
        let r = common::agent()
            .get(&format!("{url}{VIEW_PATH}{bad}"))
            .call()
            .unwrap();
        assert_eq!(r.status().as_u16(), 403, "{bad}");
        let r = common::agent()
            .get(&format!("{url}{EVENTS_PATH}{bad}"))
            .call()
            .unwrap();
        assert_eq!(r.status().as_u16(), 403, "{bad}");
    }
    let mut page = common::agent()
        .get(&format!("{url}{VIEW_PATH}?token={token}"))
        .call()
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let html = page.body_mut().read_to_string().unwrap();
    assert!(html.contains("EventSource") && html.contains("学员 Trainee"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing from elsewhere"
    );

    let events = format!("{url}{EVENTS_PATH}?token={token}");
    let empty = event_where(&events, |_| true);
    assert_eq!((empty.joined, empty.finished), (0, 0));

    // One trainee plays to the end, another joins and stops after one decision.
    let join = |name: &str| {
        ClassLink::join(
            Credentials {
                url: url.clone(),
                code: server.code(),
                name: name.into(),
                device: format!("{name}-laptop"),
            },
            None,
            0,
        )
        .unwrap()
    };
    let scenario = common::flagship_scenario();
    let play = |name: &str, decisions: usize| {
        let (link, joined) = join(name);
        let mut session = Session::new(scenario.clone(), joined.seed);
        let writer = lost_order_app::records::start(&dir.join("local"), &session, name).unwrap();
        let mut record = ClassRecord::new(writer, link);
        let mut dice = Dice::new(5);
        while session.decisions().len() < decisions && *session.phase() != Phase::Ended {
            let d = Policy::FullCoverage.decide(&session, &mut dice);
            if session.apply(&d).is_err() {
                session
                    .apply(&lost_order_core::engine::Decision::EndWeek)
                    .unwrap();
            }
            record.sync(&session).unwrap();
        }
        assert!(record.link().flush(Duration::from_secs(10)));
        (session, record)
    };
    let (whole, _a) = play("Zhang Wei", usize::MAX);
    let (_, _b) = play("Li Na", 1);
    let view = event_where(&events, |v| v.joined == 2 && v.finished == 1);
    let zhang = view
        .trainees
        .iter()
        .find(|t| t.name == "Zhang Wei")
        .unwrap();
    let tender = whole.tender().unwrap();
    assert_eq!(zhang.standing, Standing::Finished);
    assert_eq!(zhang.score, Some(tender.score.total));
    assert_eq!(zhang.won, Some(tender.won));
    assert_eq!(zhang.decisions, whole.decisions().len());
    let ending = scenario
        .endings
        .iter()
        .find(|e| e.id == tender.ending)
        .unwrap();
    assert_eq!(
        zhang.ending_titles,
        vec![
            ending.title.get("zh").to_string(),
            ending.title.get("en").to_string()
        ]
    );
    let li = view.trainees.iter().find(|t| t.name == "Li Na").unwrap();
    assert_eq!(
        (li.standing, li.decisions, li.unsent),
        (Standing::Playing, 1, 0)
    );
    assert_eq!(view.mean_score, Some(f64::from(tender.score.total)));

    // The full report, one click away: written from the class folder when opened.
    assert!(html.contains("/class/report/"));
    let report = |file: &str, token: &str| {
        let mut r = common::agent()
            .get(&format!("{url}/class/report/{file}?token={token}&lang=en"))
            .call()
            .unwrap();
        (r.status().as_u16(), r.body_mut().read_to_string().unwrap())
    };
    assert_eq!(report("index.html", "nope").0, 403);
    assert_eq!(report("../class.jsonl", &token).0, 404);
    assert_eq!(report("class.jsonl", &token).0, 404);
    let (status, page) = report("index.html", &token);
    assert_eq!(status, 200);
    assert!(
        page.contains("Zhang Wei") && page.contains("Li Na"),
        "both trainees"
    );
    let (status, summary) = report("summary.json", &token);
    assert_eq!(status, 200);
    let summary: serde_json::Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(summary["finished"], 1, "{summary}");
    let (status, sessions) = report("sessions.csv", &token);
    assert_eq!(status, 200);
    assert!(sessions.contains("Zhang Wei"));
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

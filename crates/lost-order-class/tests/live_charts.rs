//! The live view's class charts count what the report over the class folder counts, as
//! trainees play, and come to the page as `charts` events; its buttons lock the class and
//! give it a new code, with the instructor's token and by POST only.

mod common;

use std::io::{BufRead, BufReader};
use std::time::Duration;

use lost_order_app::records::record_files;
use lost_order_class::protocol::{CODE_PATH, EVENTS_PATH, Gate, JOIN_PATH, LOCK_PATH, VIEW_PATH};
use lost_order_class::server::{ClassView, LiveCharts};
use lost_order_class::{ClassLink, ClassRecord, ClassServer, Credentials, Limits, Refusal};
use lost_order_core::engine::{Decision, Dice, Phase, Session};
use lost_order_core::policy::Policy;
use lost_order_core::report::build;

/// Plays `name` into the class with `policy` for up to `decisions` decisions and waits until
/// the server holds them; the session and its record (kept, so the link stays).
fn play(
    server: &ClassServer,
    dir: &std::path::Path,
    name: &str,
    policy: Policy,
    decisions: usize,
) -> (Session, ClassRecord) {
    let (link, joined) = ClassLink::join(
        Credentials {
            url: server.url(),
            code: server.code(),
            name: name.into(),
            device: format!("{name}-laptop"),
        },
        None,
        0,
    )
    .unwrap();
    let mut session = Session::new(common::flagship_scenario(), joined.seed);
    let writer = lost_order_app::records::start(&dir.join("local"), &session, name).unwrap();
    let mut record = ClassRecord::new(writer, link);
    let mut dice = Dice::new(3);
    while session.decisions().len() < decisions && *session.phase() != Phase::Ended {
        let d = policy.decide(&session, &mut dice);
        if session.apply(&d).is_err() {
            session.apply(&Decision::EndWeek).unwrap();
        }
        record.sync(&session).unwrap();
    }
    assert!(record.link().flush(Duration::from_secs(10)));
    (session, record)
}

/// The report's figures over the class folder, and the live charts' figures, both in `lang`,
/// as JSON.
fn both_figures(server: &ClassServer, class: &std::path::Path, lang: &str) -> (String, String) {
    let files = record_files(&[class.to_path_buf()]).unwrap();
    let report = build(common::flagship_scenario(), &files, lang);
    let live = server.chart_figures(lang);
    (
        serde_json::to_string_pretty(&report.summary.figures).unwrap(),
        serde_json::to_string_pretty(&live).unwrap(),
    )
}

#[test]
fn the_live_charts_count_what_the_report_over_the_folder_counts_as_trainees_play() {
    let dir = common::fresh_dir("live-charts");
    let class = dir.join("class");
    let server = common::class_server(&class, common::loopback(), Limits::default());
    let empty = server.live_charts();
    assert!(
        empty.html.contains("id=\"chart-outcome\""),
        "{}",
        empty.html
    );

    let mut kept = Vec::new();
    // Each step: a trainee joins or plays on; the live figures stay the report's.
    let steps: [(&str, Policy, usize); 5] = [
        ("Zhang Wei", Policy::FullCoverage, 0),
        ("Zhang Wei", Policy::FullCoverage, 6),
        ("Li Na", Policy::PriceOnly, usize::MAX),
        ("Wang Fang", Policy::Liao, usize::MAX),
        ("Zhang Wei", Policy::FullCoverage, usize::MAX),
    ];
    let mut last = empty.clone();
    for (name, policy, decisions) in steps {
        // A trainee playing on joins again with the same device and sends the rest.
        kept.push(play(&server, &dir, name, policy, decisions));
        for lang in ["zh", "en"] {
            let (report, live) = both_figures(&server, &class, lang);
            assert_eq!(live, report, "{name} after {decisions} decisions, {lang}");
        }
        let charts = server.live_charts();
        assert!(
            charts.version > last.version && charts.html != last.html,
            "drawn anew after {name} played"
        );
        // Nothing moved: the same drawing.
        assert_eq!(server.live_charts(), charts);
        last = charts;
    }
    let figures = server.chart_figures("en");
    assert_eq!((figures.finished, figures.unfinished), (3, 0));
    // Worded in both of the flagship's languages at once: a line each, in one bar.
    let html = &last.html;
    assert!(
        html.contains("结果 Outcome") && html.contains("得分分布 Score distribution"),
        "{html}"
    );
    assert!(
        html.contains("<tspan x=\"0\" dy=\"0\">赢</tspan><tspan x=\"0\" dy=\"15\">Won</tspan>")
            && html.contains(&format!("<title>赢 · Won：{}</title>", figures.won)),
        "{html}"
    );
    let scenario = common::flagship_scenario();
    for (session, _) in &kept[2..] {
        let ending = session.tender().unwrap().ending.clone();
        let e = scenario.endings.iter().find(|e| e.id == ending).unwrap();
        assert!(
            html.contains(&format!("{} · {}", e.title.get("zh"), e.title.get("en"))),
            "{html}"
        );
    }
    drop(kept);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The live view's stream at `url`, read on a thread: each view and each `charts` event as
/// they come.
enum Said {
    View(ClassView),
    Charts(LiveCharts),
}

fn stream(url: &str) -> std::sync::mpsc::Receiver<Said> {
    let response = common::agent().get(url).call().unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let reader = BufReader::new(response.into_body().into_reader());
        let mut kind = String::new();
        for line in reader.lines().map_while(Result::ok) {
            if let Some(k) = line.strip_prefix("event:") {
                kind = k.trim().to_string();
            } else if let Some(data) = line.strip_prefix("data:") {
                let said = if kind == "charts" {
                    Said::Charts(serde_json::from_str::<LiveCharts>(data.trim()).unwrap())
                } else {
                    Said::View(serde_json::from_str(data.trim()).unwrap())
                };
                if tx.send(said).is_err() {
                    return;
                }
            } else if line.is_empty() {
                kind.clear();
            }
        }
    });
    rx
}

/// The first thing said on `rx` that `wanted` picks, within 30 s.
fn said_where<T>(rx: &std::sync::mpsc::Receiver<Said>, wanted: impl Fn(&Said) -> Option<T>) -> T {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let said = rx.recv_timeout(left).expect("said within 30 s");
        if let Some(t) = wanted(&said) {
            return t;
        }
    }
}

#[test]
fn the_charts_reach_the_page_as_events_when_an_outcome_arrives() {
    let dir = common::fresh_dir("charts-events");
    let server = common::class_server(&dir.join("class"), common::loopback(), Limits::default());
    let token = server.instructor_token().to_string();
    let mut page = common::agent()
        .get(&format!("{}{VIEW_PATH}?token={token}", server.url()))
        .call()
        .unwrap();
    let html = page.body_mut().read_to_string().unwrap();
    // The page comes with the charts drawn, and listens for new ones.
    assert!(html.contains("id=\"chart-scores\"") && html.contains("addEventListener(\"charts\""));
    assert!(!html.contains("<!--CHARTS-->"));

    let events = stream(&format!("{}{EVENTS_PATH}?token={token}", server.url()));
    let first = said_where(&events, |s| match s {
        Said::Charts(c) => Some(c.clone()),
        Said::View(_) => None,
    });
    let (session, _record) = play(&server, &dir, "Zhang Wei", Policy::FullCoverage, usize::MAX);
    let tender = session.tender().unwrap();
    let scenario = common::flagship_scenario();
    let e = scenario
        .endings
        .iter()
        .find(|e| e.id == tender.ending)
        .unwrap();
    let counted = format!(
        "<title>{} · {}：1</title>",
        e.title.get("zh"),
        e.title.get("en")
    );
    assert!(!first.html.contains(&counted));
    let later = said_where(&events, |s| match s {
        Said::Charts(c) if c.html.contains(&counted) => Some(c.clone()),
        _ => None,
    });
    assert!(later.version > first.version);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// POSTs `body` to `path` of `server`: the status and the answer's text.
fn post(server: &ClassServer, path: &str, body: serde_json::Value) -> (u16, String) {
    let mut r = common::agent()
        .post(&format!("{}{path}", server.url()))
        .header("content-type", "application/json")
        .send(body.to_string())
        .unwrap();
    (r.status().as_u16(), r.body_mut().read_to_string().unwrap())
}

/// Joins `name` with `code`: the status and the answer's text.
fn join(server: &ClassServer, name: &str, code: &str) -> (u16, String) {
    let device = format!("{name}-laptop");
    post(
        server,
        JOIN_PATH,
        serde_json::json!({"code": code, "name": name, "device": device}),
    )
}

#[test]
fn the_live_views_buttons_lock_the_class_and_give_a_new_code_with_the_token_by_post_only() {
    let dir = common::fresh_dir("view-buttons");
    let server = common::class_server(&dir.join("class"), common::loopback(), Limits::default());
    let token = server.instructor_token().to_string();
    let code = server.code();
    let refusal = |text: &str| serde_json::from_str::<Refusal>(text).unwrap();

    // Without the token, or by GET: nothing changes.
    for bad in ["", "nope"] {
        let (status, text) = post(
            &server,
            LOCK_PATH,
            serde_json::json!({"token": bad, "locked": true}),
        );
        assert_eq!(status, 403, "{text}");
        assert_eq!(
            refusal(&text).reason,
            lost_order_class::Reason::NotInstructor
        );
        let (status, _) = post(&server, CODE_PATH, serde_json::json!({"token": bad}));
        assert_eq!(status, 403);
    }
    for path in [LOCK_PATH, CODE_PATH] {
        let r = common::agent()
            .get(&format!("{}{path}?token={token}&locked=true", server.url()))
            .call()
            .unwrap();
        assert_eq!(r.status().as_u16(), 405, "{path} by GET");
    }
    assert!(!server.locked());
    assert_eq!(server.code(), code);

    let events = stream(&format!("{}{EVENTS_PATH}?token={token}", server.url()));
    let view = said_where(&events, |s| match s {
        Said::View(v) => Some(v.clone()),
        Said::Charts(_) => None,
    });
    assert_eq!((view.code.as_str(), view.locked), (code.as_str(), false));

    // Lock: a newcomer is refused; the view says so.
    let (status, text) = post(
        &server,
        LOCK_PATH,
        serde_json::json!({"token": token, "locked": true}),
    );
    assert_eq!(status, 200, "{text}");
    let gate: Gate = serde_json::from_str(&text).unwrap();
    assert_eq!(
        gate,
        Gate {
            code: code.clone(),
            locked: true
        }
    );
    assert!(server.locked());
    let (status, text) = join(&server, "Li Na", &code);
    assert_eq!(
        (status, refusal(&text).reason),
        (403, lost_order_class::Reason::Locked)
    );
    said_where(&events, |s| match s {
        Said::View(v) if v.locked => Some(()),
        _ => None,
    });
    // Locking again is no toggle.
    let (_, text) = post(
        &server,
        LOCK_PATH,
        serde_json::json!({"token": token, "locked": true}),
    );
    assert!(serde_json::from_str::<Gate>(&text).unwrap().locked);

    // A new code, then unlocked: the old code lets no newcomer in, the new one does.
    let (status, text) = post(&server, CODE_PATH, serde_json::json!({"token": token}));
    assert_eq!(status, 200, "{text}");
    let gate: Gate = serde_json::from_str(&text).unwrap();
    assert_ne!(gate.code, code);
    assert_eq!(server.code(), gate.code);
    let (status, _) = post(
        &server,
        LOCK_PATH,
        serde_json::json!({"token": token, "locked": false}),
    );
    assert_eq!(status, 200);
    let (status, text) = join(&server, "Li Na", &code);
    assert_eq!(
        (status, refusal(&text).reason),
        (403, lost_order_class::Reason::WrongCode)
    );
    let (status, text) = join(&server, "Li Na", &gate.code);
    assert_eq!(status, 200, "{text}");
    let view = said_where(&events, |s| match s {
        Said::View(v) if v.code == gate.code && !v.locked && v.joined == 1 => Some(v.clone()),
        _ => None,
    });
    assert_eq!(view.trainees[0].name, "Li Na");

    // The page has the buttons, and they POST.
    let mut page = common::agent()
        .get(&format!("{}{VIEW_PATH}?token={token}", server.url()))
        .call()
        .unwrap();
    let html = page.body_mut().read_to_string().unwrap();
    assert!(html.contains("id=\"lock\"") && html.contains("id=\"new-code\""));
    assert!(html.contains("method: \"POST\""));
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

//! Customer grading on the tiny case: the phase before week 1, resources per grade, refusals, scoring, scripts, records, the checker.

use std::sync::Arc;

use crate::engine::{
    Decision, Happening, Phase, Session, SessionError, format_script, parse_script,
};
use crate::narrate;
use crate::record::{Header, RecordWriter, read_record, replay};
use crate::scenario::{Grade, Id, Scenario};
use crate::testkit::{tiny, tiny_diagnostics, tiny_with};

/// Three accounts; `mill` is the case's customer and truly an A. A grants 4 points a week and
/// 30 k¥, B 3 and 20, C only a budget of 5 (its points stay `settings`' 3).
const GRADING: &str = r#"grading: (
        intro: {"zh": "给三个客户分级。", "en": "Grade three accounts."},
        accounts: [
            (id: "mill", name: {"zh": "钢厂", "en": "The mill"}, description: {"zh": "本案客户。", "en": "This case's customer."},
             transaction: {"zh": "累计 900 万元", "en": "9 M¥ to date"}, financial: {"zh": "30 天回款", "en": "Pays in 30 days"},
             traits: {"zh": "上市公司", "en": "Listed"}, needs: {"zh": "看重质量", "en": "Values quality"}, grade: A),
            (id: "shop", name: {"zh": "五金店", "en": "The hardware shop"}, description: {"zh": "小店。", "en": "A small shop."},
             transaction: {"zh": "累计 5 万元", "en": "50 k¥ to date"}, financial: {"zh": "欠款 2 万元", "en": "Owes 20 k¥"},
             traits: {"zh": "零售", "en": "Retail"}, needs: {"zh": "只看价格", "en": "Price only"}, grade: C),
            (id: "plant", name: {"zh": "水泥厂", "en": "The cement plant"}, description: {"zh": "老客户。", "en": "An old customer."},
             transaction: {"zh": "累计 200 万元", "en": "2 M¥ to date"}, financial: {"zh": "90 天回款", "en": "Pays in 90 days"},
             traits: {"zh": "建材", "en": "Building materials"}, needs: {"zh": "部分匹配", "en": "A partial match"}, grade: B),
        ],
        this: "mill",
        resources: [
            (grade: A, action_points: 4, budget: 30),
            (grade: B, action_points: 3, budget: 20),
            (grade: C, budget: 5),
        ],
    ),
    flags: ["promised"],"#;

/// The tiny rubric split: the outcome 60, the share of accounts graded right 30, this customer
/// graded A 10.
const RUBRIC: (&str, &str) = (
    r#"points: 100, measure: Won(full_margin: 10),"#,
    r#"points: 60, measure: Won(full_margin: 10),
         concept: {"zh": "结果", "en": "Outcome"}, lesson: {"zh": "赢。", "en": "Win."}),
        (id: "graded", label: {"zh": "客户分级", "en": "Grading"}, points: 30, measure: Graded,
         concept: {"zh": "客户分级", "en": "Grading"}, lesson: {"zh": "二八法则。", "en": "80/20."}),
        (id: "this_a", label: {"zh": "本客户是大客户", "en": "This is a key account"}, points: 10,
         measure: Holds(GradedAs("mill", A)),"#,
);

fn graded_tiny() -> Arc<Scenario> {
    tiny_with(&[(r#"flags: ["promised"],"#, GRADING), RUBRIC])
}

fn grades(mill: Grade, shop: Grade, plant: Grade) -> Vec<(Id, Grade)> {
    vec![
        ("mill".into(), mill),
        ("shop".into(), shop),
        ("plant".into(), plant),
    ]
}

/// Ends weeks (agreeing in week 6's scene) until the bid is due, then bids the standard price.
fn finish(s: &mut Session) {
    while *s.phase() != Phase::Bidding {
        match s.phase() {
            Phase::Scene(_) => s.choose("agree").unwrap(),
            _ => s.end_week().unwrap(),
        };
    }
    s.apply(
        &parse_script("bid standard")
            .unwrap()
            .plain_decisions()
            .unwrap()[0],
    )
    .unwrap();
}

#[test]
fn a_scenario_with_grading_starts_in_the_grading_phase_before_week_1() {
    let mut s = Session::new(graded_tiny(), 3);
    assert_eq!(*s.phase(), Phase::Grading);
    assert_eq!(s.week(), 0);
    assert!(s.log().is_empty(), "week 1 has not started");
    assert_eq!(s.grading().unwrap().accounts.len(), 3);
    assert!(s.grades().is_empty());
    let wrong = SessionError::WrongPhase {
        now: Phase::Grading,
    };
    assert_eq!(s.act("visit", Some("boss")), Err(wrong.clone()));
    assert_eq!(s.end_week(), Err(wrong));
    let out = s.grade(&grades(Grade::A, Grade::C, Grade::B)).unwrap();
    assert_eq!(*s.phase(), Phase::Planning);
    assert_eq!(s.week(), 1);
    assert!(out.contains(&Happening::WeekStarted { week: 1 }));
    assert_eq!(
        s.decisions()[0].week,
        0,
        "the grading is recorded before week 1"
    );
    assert!(s.grades().iter().all(|g| g.right()));
    // Without grading, nothing changes: week 1 at once, and a grade is out of place.
    let mut plain = Session::new(tiny(), 3);
    assert_eq!(*plain.phase(), Phase::Planning);
    assert_eq!(
        plain.grade(&grades(Grade::A, Grade::C, Grade::B)),
        Err(SessionError::WrongPhase {
            now: Phase::Planning
        })
    );
    assert!(plain.grading().is_none());
}

#[test]
fn the_grade_given_to_this_customer_sets_the_points_of_every_week_and_the_budget() {
    for (grade, points, budget) in [(Grade::A, 4, 30), (Grade::B, 3, 20), (Grade::C, 3, 5)] {
        let mut s = Session::new(graded_tiny(), 3);
        let out = s.grade(&grades(grade, Grade::C, Grade::B)).unwrap();
        assert_eq!((s.points(), s.budget()), (points, budget), "{grade}");
        assert_eq!(
            out[0],
            Happening::Graded {
                grade,
                action_points: points,
                budget
            }
        );
        s.end_week().unwrap();
        assert_eq!(
            s.points(),
            points,
            "{grade}: refilled to the same each week"
        );
    }
}

#[test]
fn grading_draws_nothing_so_the_world_is_the_same_as_without_it() {
    for seed in 0..20 {
        let mut plain = Session::new(tiny(), seed);
        // A grants more; B grants what `settings` say, so the same moves are possible.
        let mut graded = Session::new(graded_tiny(), seed);
        graded.grade(&grades(Grade::B, Grade::C, Grade::B)).unwrap();
        for s in [&mut plain, &mut graded] {
            s.act("visit", Some("boss")).unwrap();
            finish(s);
        }
        assert_eq!(
            format!("{:?}", plain.truth()),
            format!("{:?}", graded.truth())
        );
        let week_events = |s: &Session| {
            s.log()
                .iter()
                .filter(|e| !matches!(e.happening, Happening::Graded { .. }))
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(week_events(&plain), week_events(&graded), "seed {seed}");
    }
}

#[test]
fn a_refused_grading_names_the_account_and_changes_nothing() {
    let mut s = Session::new(graded_tiny(), 3);
    let mut unknown = grades(Grade::A, Grade::C, Grade::B);
    unknown.push(("bank".into(), Grade::A));
    assert_eq!(
        s.grade(&unknown),
        Err(SessionError::UnknownAccount("bank".into()))
    );
    assert_eq!(
        s.grade(&grades(Grade::A, Grade::C, Grade::B)[..2]),
        Err(SessionError::AccountNotGraded("plant".into()))
    );
    let mut twice = grades(Grade::A, Grade::C, Grade::B);
    twice.push(("shop".into(), Grade::B));
    assert_eq!(
        s.grade(&twice),
        Err(SessionError::AccountGradedTwice("shop".into()))
    );
    assert_eq!(*s.phase(), Phase::Grading);
    assert!(s.decisions().is_empty() && s.grades().is_empty());
    s.grade(&grades(Grade::A, Grade::C, Grade::B)).unwrap();
    assert_eq!(
        s.grade(&grades(Grade::A, Grade::C, Grade::B)),
        Err(SessionError::WrongPhase {
            now: Phase::Planning
        }),
        "grading happens once"
    );
    // In the player's words, both languages.
    let sc = s.scenario();
    let words = |e: &SessionError| (narrate::error(sc, e, "zh"), narrate::error(sc, e, "en"));
    assert_eq!(
        words(&SessionError::UnknownAccount("bank".into())),
        (
            "没有「bank」这个客户。".to_string(),
            "There is no account “bank”.".to_string()
        )
    );
    assert_eq!(
        words(&SessionError::AccountNotGraded("plant".into())),
        (
            "还没有给「水泥厂」评级：每个客户都要评级。".to_string(),
            "“The cement plant” has no grade yet: grade every account.".to_string()
        )
    );
    assert_eq!(
        words(&SessionError::AccountGradedTwice("shop".into())),
        (
            "「五金店」被评了两次级：每个客户只评一次。".to_string(),
            "“The hardware shop” is graded twice: grade each account once.".to_string()
        )
    );
    let wrong = SessionError::WrongPhase {
        now: Phase::Grading,
    };
    assert_eq!(
        words(&wrong),
        (
            "现在不能这样做：正在给客户分级。".to_string(),
            "Not possible now: you are grading the accounts.".to_string()
        )
    );
}

#[test]
fn the_rubric_scores_the_share_graded_right_and_a_condition_tests_a_grade() {
    let score_of = |g: Vec<(Id, Grade)>| {
        let mut s = Session::new(graded_tiny(), 3);
        s.grade(&g).unwrap();
        finish(&mut s);
        let lines = s.tender().unwrap().score.lines.clone();
        let points = |id: &str| lines.iter().find(|l| l.id == id).unwrap().points;
        (points("graded"), points("this_a"))
    };
    assert_eq!(score_of(grades(Grade::A, Grade::C, Grade::B)), (30, 10));
    assert_eq!(score_of(grades(Grade::A, Grade::B, Grade::B)), (20, 10));
    assert_eq!(score_of(grades(Grade::B, Grade::B, Grade::A)), (0, 0));
}

#[test]
fn the_result_and_the_review_in_both_languages() {
    let mut s = Session::new(graded_tiny(), 3);
    let out = s.grade(&grades(Grade::A, Grade::B, Grade::B)).unwrap();
    assert_eq!(
        narrate::describe(&s, &out[0], "zh").unwrap(),
        "你把本客户评为 A 级：每周 4 个行动点，预算 30 千元。"
    );
    assert_eq!(
        narrate::describe(&s, &out[0], "en").unwrap(),
        "You graded this customer A: 4 action points a week, a budget of 30 k¥."
    );
    assert_eq!(
        narrate::grades_review(&s, "zh"),
        vec![
            "钢厂：A 级，评对了。",
            "五金店：你评为 B 级，应为 C 级（小型客户）。",
            "水泥厂：B 级，评对了。"
        ]
    );
    assert_eq!(
        narrate::grades_review(&s, "en")[1],
        "The hardware shop: you graded it B; it is C (small customer)."
    );
    assert_eq!(narrate::grade_label(Grade::A, "zh"), "A 级（大客户）");
    assert_eq!(
        narrate::indicator_name(crate::scenario::Indicator::Needs, "zh"),
        "需求匹配"
    );
    assert_eq!(
        narrate::phase_name(&Phase::Grading, s.scenario(), "en"),
        "you are grading the accounts"
    );
}

#[test]
fn a_grade_line_round_trips_and_a_record_with_it_replays() {
    let script = "grade mill=A shop=B plant=B\nact visit boss\nend\n";
    let decisions = parse_script(script).unwrap().plain_decisions().unwrap();
    assert_eq!(format_script(&decisions), script);
    let scenario = graded_tiny();
    let dir = std::env::temp_dir().join(format!("lo-grading-record-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let header = Header::new(&scenario, 3, "Wang Fang", 1_764_300_000);
    let mut w = RecordWriter::create(&dir, &header).unwrap();
    let mut s = Session::new(scenario.clone(), 3);
    for d in &decisions {
        s.apply(d).unwrap();
        w.sync(&s).unwrap();
    }
    finish(&mut s);
    w.sync(&s).unwrap();
    let text = std::fs::read_to_string(w.path()).unwrap();
    assert!(
        text.contains(r#"decision:Grade([("mill",A),("shop",B),("plant",B)])"#),
        "{text}"
    );
    let record = read_record(w.path()).unwrap();
    assert_eq!(record.decisions, s.decisions());
    let replayed = replay(scenario, &record).unwrap();
    assert_eq!(replayed.tender(), s.tender());
    assert_eq!(replayed.grades(), s.grades());
    // A what-if from week 1 keeps the grades and what they granted.
    let again = s.what_if(1).unwrap();
    assert_eq!((again.week(), again.points()), (1, 4));
    assert_eq!(again.grades(), s.grades());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_policy_grades_and_plays_to_the_end() {
    for policy in crate::policy::Policy::ALL {
        let run = crate::simulate::play(graded_tiny(), policy, 5).unwrap();
        assert_eq!(
            run.session.decisions()[0].decision,
            Decision::Grade(grades(Grade::A, Grade::C, Grade::B))
        );
        assert!(run.session.tender().is_some(), "{policy}");
    }
}

#[test]
fn the_checker_names_each_grading_mistake_with_its_place() {
    let grading = |from: &str, to: &str| {
        tiny_diagnostics(&[
            (
                r#"flags: ["promised"],"#,
                GRADING.replacen(from, to, 1).as_str(),
            ),
            RUBRIC,
        ])
    };
    let report = grading(r#"this: "mill""#, r#"this: "mil""#);
    assert!(report.contains("unknown account `mil`"), "{report}");
    assert!(report.contains("did you mean `mill`"), "{report}");
    assert!(report.contains("tiny.ron:"), "{report}");
    let report = grading(r#"(id: "plant""#, r#"(id: "shop""#);
    assert!(report.contains("duplicate account id `shop`"), "{report}");
    let report = grading("(grade: C, budget: 5),", "");
    assert!(
        report.contains("no `resources` entry for grade C"),
        "{report}"
    );
    let report = grading(r#"(grade: C, budget: 5),"#, r#"(grade: B, budget: 5),"#);
    assert!(
        report.contains("grade B has 2 `resources` entries"),
        "{report}"
    );
    let report = grading(
        r#"needs: {"zh": "只看价格", "en": "Price only"}"#,
        r#"needs: {"zh": "只看价格"}"#,
    );
    assert!(report.contains("`needs` has no text in `en`"), "{report}");
    let typo = RUBRIC
        .1
        .replace(r#"GradedAs("mill", A)"#, r#"GradedAs("mil", A)"#);
    let report = tiny_diagnostics(&[(r#"flags: ["promised"],"#, GRADING), (RUBRIC.0, &typo)]);
    assert!(report.contains("unknown account `mil`"), "{report}");
    // Testing grading without a grading section.
    let report = tiny_diagnostics(&[RUBRIC]);
    assert!(
        report.contains("`Graded` scores customer grading, but the scenario has no `grading`"),
        "{report}"
    );
    assert!(
        report.contains("`GradedAs` tests customer grading"),
        "{report}"
    );
}

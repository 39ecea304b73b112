//! The course's mechanics on tiny inline scenarios, engine and words together (a sibling of
//! `engine`, `narrate` and `debrief`, so that none of them depends on another for its tests): conditions on the bid and the tender's
//! stages, profit, exposure and disqualification, caps, history kept as it was, the coach's
//! three uses, the hidden timeline and the turning point.

use std::sync::Arc;

use crate::engine::{Bid, Phase, Session};
use crate::scenario::{Id, Scenario};
use crate::testkit::{tiny_diagnostics, tiny_with};

pub(crate) fn bid(price: &str, emphases: &[&str]) -> Bid {
    Bid {
        price: price.into(),
        emphases: emphases.iter().map(|&s| s.into()).collect(),
        commitments: Vec::new(),
    }
}

/// Ends weeks (agreeing in week 6's scene) until the bid is due.
pub(crate) fn to_bidding(s: &mut Session) {
    for _ in 0..100 {
        match s.phase() {
            Phase::Bidding => return,
            Phase::Scene(_) => s.choose("agree").unwrap(),
            _ => s.end_week().unwrap(),
        };
    }
    panic!("never reached the bid");
}

/// The competitor's weekly call made harmless, so the bid alone decides.
const QUIET_RIVAL: (&str, &str) = (
    "repeat: true, effects: [RivalSupport(Person(\"boss\"), 1)]",
    "repeat: true, effects: []",
);

/// A technical check before the decision: `tech` vetoes below 1 (quality answers it); the
/// decision is run by `tech` when the price is low, else by `boss`.
const TWO_STAGES: (&str, &str) = (
    r#"stages: [(id: "decide", name: {"zh": "厂长拍板", "en": "The owner decides"}, judge: [(who: "boss")], rule: Decide(2))],"#,
    r#"stages: [
        (id: "check", name: {"zh": "技术审查", "en": "Technical check"}, judge: [(who: "tech")], rule: Veto(1)),
        (id: "decide", name: {"zh": "厂长拍板", "en": "The owner decides"},
         judge: [(when: Price("low"), who: "tech"), (who: "boss")], rule: Decide(2)),
    ],"#,
);

/// Margins on the price levels: 20% at the standard price, 5% at the low one.
const MARGINS: [(&str, &str); 2] = [
    (
        r#"label: {"zh": "正常价格", "en": "Standard price"}, addresses"#,
        r#"label: {"zh": "正常价格", "en": "Standard price"}, margin: 20, addresses"#,
    ),
    (
        r#"label: {"zh": "低价", "en": "Low price"}, addresses"#,
        r#"label: {"zh": "低价", "en": "Low price"}, margin: 5, addresses"#,
    ),
];

/// Endings on the bid and the stages; a rubric with profit and stage conditions.
const BID_ENDINGS: [(&str, &str); 2] = [
    (
        r#"(id: "won", when: Won,"#,
        r#"(id: "vetoed", when: StageFailed("check"), title: {"zh": "否决", "en": "Vetoed"}, text: {"zh": "被否决。", "en": "Vetoed."}),
        (id: "won_cheap", when: All([Won, Price("low")]), title: {"zh": "低价赢", "en": "Won cheap"}, text: {"zh": "低价赢了。", "en": "Won cheap."}),
        (id: "won_big", when: All([Won, BidIncludes("quality"), StagePassed("check"), StageAhead("decide"), Margin(AtLeast(1))]),"#,
    ),
    (
        r#"(id: "outcome", label: {"zh": "结果", "en": "Outcome"}, points: 100, measure: Won(full_margin: 10),"#,
        r#"(id: "outcome", label: {"zh": "结果", "en": "Outcome"}, points: 50, measure: Won(full_margin: 10),
         concept: {"zh": "结果", "en": "Outcome"}, lesson: {"zh": "赢。", "en": "Win."}),
        (id: "profit", label: {"zh": "利润", "en": "Profit"}, points: 40, measure: Profit(full: 20),
         concept: {"zh": "价值", "en": "Value"}, lesson: {"zh": "靠价值赢。", "en": "Win on value."}),
        (id: "passed", label: {"zh": "过技术关", "en": "Passed the check"}, points: 10, measure: Holds(StagePassed("check")),"#,
    ),
];

fn bid_scenario() -> Arc<Scenario> {
    let mut edits = vec![QUIET_RIVAL, TWO_STAGES];
    edits.extend(MARGINS);
    edits.extend(BID_ENDINGS);
    tiny_with(&edits)
}

fn tendered(scenario: &Arc<Scenario>, seed: u64, b: &Bid) -> Session {
    let mut s = Session::new(scenario.clone(), seed);
    to_bidding(&mut s);
    s.submit_bid(b).unwrap();
    s
}

fn line(s: &Session, id: &str) -> u32 {
    let t = s.tender().unwrap();
    t.score.lines.iter().find(|l| l.id == id).unwrap().points
}

#[test]
fn endings_and_the_rubric_read_the_bid_and_the_stages() {
    let scenario = bid_scenario();
    for seed in 0..10 {
        // Without quality the technical check vetoes the bid: nothing else reads it.
        let s = tendered(&scenario, seed, &bid("standard", &[]));
        let t = s.tender().unwrap();
        assert_eq!(t.ending, "vetoed", "seed {seed}");
        assert_eq!(t.stages.len(), 1);
        assert_eq!((line(&s, "profit"), line(&s, "passed")), (0, 0));
        // With quality at the standard price: passed, ahead, won with the full margin.
        let s = tendered(&scenario, seed, &bid("standard", &["quality"]));
        let t = s.tender().unwrap();
        assert!(t.won, "seed {seed}");
        assert_eq!(t.ending, "won_big");
        assert_eq!(t.stages[1].judge, "boss");
        assert_eq!((line(&s, "profit"), line(&s, "passed")), (40, 10));
        // The same at the low price: the decision is run by `tech`, and the profit is a quarter.
        let s = tendered(&scenario, seed, &bid("low", &["quality"]));
        let t = s.tender().unwrap();
        assert!(t.won);
        assert_eq!(t.ending, "won_cheap");
        assert_eq!(
            t.stages[1].judge, "tech",
            "a judge's `when` reads the price"
        );
        assert_eq!(
            line(&s, "profit"),
            10,
            "5% of a full 20%: a quarter of 40 points"
        );
    }
}

#[test]
fn the_profit_is_worded_with_its_margin() {
    let scenario = bid_scenario();
    let s = tendered(&scenario, 1, &bid("low", &["quality"]));
    assert_eq!(
        crate::narrate::profit(&s, "zh").unwrap(),
        "你的报价「低价」为公司留下 5% 的利润。"
    );
    assert_eq!(
        crate::narrate::profit(&s, "en").unwrap(),
        "Your price, “Low price”, leaves your company a margin of 5%."
    );
    let lost = tendered(&scenario, 1, &bid("standard", &[]));
    assert!(
        crate::narrate::profit(&lost, "en")
            .unwrap()
            .contains("no profit")
    );
    assert!(
        crate::narrate::explain(&lost, "zh")
            .iter()
            .any(|l| l.contains("利润为零"))
    );
    assert_eq!(
        crate::narrate::price_margin_label(&scenario, "standard", "zh").unwrap(),
        "利润率 20%"
    );
}

#[test]
fn the_checker_knows_where_the_bid_is_known_and_names_unknown_options() {
    let mut edits = vec![QUIET_RIVAL, TWO_STAGES];
    edits.extend(MARGINS);
    edits.extend(BID_ENDINGS);
    // A typo in a price level, an option, a stage.
    let mut typos = edits.clone();
    typos.push((
        r#"when: All([Won, Price("low")])"#,
        r#"when: All([Won, Price("lo")])"#,
    ));
    typos.push((r#"BidIncludes("quality")"#, r#"BidIncludes("qualty")"#));
    typos.push((
        r#"Holds(StagePassed("check"))"#,
        r#"Holds(StagePassed("chek"))"#,
    ));
    let report = tiny_diagnostics(&typos);
    assert!(report.contains("unknown price level `lo`"), "{report}");
    assert!(report.contains("did you mean `low`"), "{report}");
    assert!(
        report.contains("unknown emphasis or commitment `qualty`"),
        "{report}"
    );
    assert!(report.contains("unknown stage `chek`"), "{report}");
    // The bid before the tender; the margin outside endings; a stage not read yet.
    let mut early = edits.clone();
    early.push((
        "requires: [(when: Known(Target, Criteria),",
        "requires: [(when: Price(\"low\"),",
    ));
    early.push((
        r#"judge: [(when: Price("low"), who: "tech")"#,
        r#"judge: [(when: StagePassed("decide"), who: "tech")"#,
    ));
    let report = tiny_diagnostics(&early);
    assert!(
        report.contains("the bid is only known in the tender"),
        "{report}"
    );
    assert!(
        report.contains("stage `decide` has not read the bid yet"),
        "{report}"
    );
    // A margin out of bounds, and a profit that could never be earned.
    let mut numbers = edits.clone();
    numbers.push(("margin: 20,", "margin: 150,"));
    numbers.push(("Profit(full: 20)", "Profit(full: 0)"));
    let report = tiny_diagnostics(&numbers);
    assert!(
        report.contains("`margin` is 150; a price level's margin is 0 to 100 percent points"),
        "{report}"
    );
    assert!(
        report.contains("`full` is 0; the profit that earns full points is a margin of 1 to 100"),
        "{report}"
    );
}

/// A bribe found out ever more surely (0%, 50%, 100%…), a disqualification when found out,
/// and a cap of 40 on any session that bribed.
const ETHICS: [(&str, &str); 5] = [
    (
        r#"flags: ["promised"],"#,
        r#"flags: ["promised", "exposed", "bribed"], counters: ["bribes"],"#,
    ),
    (
        r#"        (id: "report","#,
        r#"        (id: "bribe", label: {"zh": "回扣", "en": "Kickback"}, description: {"zh": "回扣。", "en": "A kickback."},
         points: 1, purpose: Unethical, targets: Only(["boss"]),
         results: [(id: "taken", effects: [Support(Target, 2), SetFlag("bribed"),
             Exposure(counter: "bribes", base: 0.0, step: 0.5, flag: "exposed")], text: {"zh": "收下了。", "en": "Taken."})]),
        (id: "report","#,
    ),
    (
        "max_commitments: 1,",
        r#"max_commitments: 1,
        disqualify: [(when: Flag("exposed"), reason: {"zh": "商业贿赂被查实。", "en": "The bribery came to light."})],"#,
    ),
    (
        "    rubric: [",
        r#"    caps: [(id: "bribery", max: 40, when: Flag("bribed"),
        reason: {"zh": "商业贿赂违法，毁掉长期关系和声誉。", "en": "Bribery is illegal and ruins the long-term relationship and your name."})],
    rubric: ["#,
    ),
    (
        r#"(id: "won", when: Won,"#,
        r#"(id: "out", when: Disqualified, title: {"zh": "出局", "en": "Out"}, text: {"zh": "出局。", "en": "Out."}),
        (id: "won", when: Won,"#,
    ),
];

fn ethics_scenario() -> Arc<Scenario> {
    let mut edits = vec![QUIET_RIVAL];
    edits.extend(ETHICS);
    tiny_with(&edits)
}

/// Bribes `boss` in each of the first `times` weeks, then bids for quality.
fn bribing(scenario: &Arc<Scenario>, seed: u64, times: u32) -> Session {
    let mut s = Session::new(scenario.clone(), seed);
    for _ in 0..times {
        s.act("bribe", Some("boss")).unwrap();
        s.end_week().unwrap();
    }
    to_bidding(&mut s);
    s.submit_bid(&bid("standard", &["quality"])).unwrap();
    s
}

fn exposed(s: &Session) -> bool {
    s.truth().flags.contains("exposed")
}

#[test]
fn an_unethical_act_is_found_out_ever_more_surely_and_disqualifies_the_bid() {
    let scenario = ethics_scenario();
    let mut twice = 0;
    for seed in 0..40 {
        let once = bribing(&scenario, seed, 1);
        assert!(!exposed(&once), "seed {seed}: a 0% first chance came up");
        assert!(once.tender().unwrap().won);
        let thrice = bribing(&scenario, seed, 3);
        assert!(exposed(&thrice), "seed {seed}: a 100% third chance failed");
        assert_eq!(thrice.truth().counters["bribes"], 3);
        let t = thrice.tender().unwrap();
        assert!(
            !t.won && t.stages.is_empty(),
            "no stage reads a disqualified bid"
        );
        assert_eq!(t.ending, "out");
        assert_eq!(
            t.disqualified.as_ref().unwrap().get("en"),
            "The bribery came to light."
        );
        assert!(thrice.hidden_timeline().iter().any(|e| matches!(
            &e.what,
            crate::engine::Hidden::Exposed { flag, .. } if flag == "exposed"
        ) && !e.seen));
        assert!(
            crate::narrate::explain(&thrice, "zh")
                .iter()
                .any(|l| l == "你的标书被取消资格：商业贿赂被查实。")
        );
        twice += usize::from(exposed(&bribing(&scenario, seed, 2)));
    }
    assert!(
        (5..35).contains(&twice),
        "a 50% second chance came up {twice} of 40 times"
    );
}

#[test]
fn a_cap_holds_the_total_down_and_says_why() {
    let scenario = ethics_scenario();
    let s = bribing(&scenario, 3, 1);
    let score = &s.tender().unwrap().score;
    assert!(s.tender().unwrap().won);
    let cap = score.cap.as_ref().expect("the cap applied");
    assert_eq!((score.total, cap.max, cap.id.as_str()), (40, 40, "bribery"));
    assert!(cap.before > 40);
    assert_eq!(
        crate::narrate::cap_reason(&s, "zh").unwrap(),
        format!(
            "总分上限 40 分（各项合计 {} 分）：商业贿赂违法，毁掉长期关系和声誉。",
            cap.before
        )
    );
    assert!(
        crate::narrate::cap_reason(&s, "en")
            .unwrap()
            .starts_with("Your score is capped at 40 (the lines add up to")
    );
    // A clean session is not capped.
    let mut clean = Session::new(scenario, 3);
    to_bidding(&mut clean);
    clean.submit_bid(&bid("standard", &["quality"])).unwrap();
    assert!(clean.tender().unwrap().score.cap.is_none());
    assert!(crate::narrate::cap_reason(&clean, "en").is_none());
}

#[test]
fn the_checker_reads_exposures_disqualifications_and_caps() {
    let mut edits = vec![QUIET_RIVAL];
    edits.extend(ETHICS);
    edits.push((
        r#"Exposure(counter: "bribes""#,
        r#"Exposure(counter: "bribe""#,
    ));
    edits.push(("step: 0.5", "step: 2.0"));
    edits.push((
        r#"disqualify: [(when: Flag("exposed")"#,
        r#"disqualify: [(when: Flag("exposd")"#,
    ));
    edits.push((
        "max: 40, when: Flag(\"bribed\")",
        "max: 40, when: Disqualified",
    ));
    edits.push((
        "requires: [(when: Known(Target, Criteria),",
        "requires: [(when: Disqualified,",
    ));
    let report = tiny_diagnostics(&edits);
    assert!(report.contains("unknown counter `bribe`"), "{report}");
    assert!(report.contains("did you mean `bribes`"), "{report}");
    assert!(report.contains("step 2 is not between 0 and 1"), "{report}");
    assert!(report.contains("unknown flag `exposd`"), "{report}");
    assert!(
        report.contains("the tender's outcome is only known in endings and the rubric"),
        "{report}"
    );
}

#[test]
fn the_log_keeps_each_value_as_it_was_learned() {
    use crate::engine::{Happening, Learned};
    let mut s = Session::new(crate::testkit::tiny(), 1);
    s.act("visit", Some("boss")).unwrap();
    s.end_week().unwrap();
    s.act("visit", Some("boss")).unwrap();
    let stances: Vec<(u32, i32)> = s
        .log()
        .iter()
        .filter_map(|e| match &e.happening {
            Happening::Revealed {
                value: Learned::Stance(v),
                ..
            } => Some((e.week, *v)),
            _ => None,
        })
        .collect();
    assert_eq!(stances, vec![(1, 1), (2, 2)]);
    assert_eq!(s.belief("boss").unwrap().stance.as_ref().unwrap().value, 2);
    let week1 = s
        .log()
        .iter()
        .find(|e| e.week == 1 && matches!(e.happening, Happening::Revealed { .. }))
        .unwrap();
    assert_eq!(
        crate::narrate::describe(&s, &week1.happening, "zh").unwrap(),
        "马厂长 · 立场：+ 支持（+1）"
    );
    assert_eq!(
        crate::narrate::describe(&s, &week1.happening, "en").unwrap(),
        "Owner Ma · stance: + supportive (+1)"
    );
}

/// `coach` makes `boss` a coach: the week's plan for the coach tests.
fn coached_session(scenario: &Arc<Scenario>, seed: u64, visit: bool) -> Session {
    let mut s = Session::new(scenario.clone(), seed);
    if visit {
        s.act("visit", Some("boss")).unwrap();
    }
    s.act("coach", Some("boss")).unwrap();
    to_bidding(&mut s);
    s
}

/// `boss`, as a coach, quietly speaks for us to `tech` each week.
const QUIET_SUPPORT: (&str, &str) = (
    "coachable: true, known: [Identity, Role, Stance]),",
    r#"coachable: true, known: [Identity, Role, Stance], quiet_support: [Support(Person("tech"), 1)]),"#,
);

#[test]
fn a_coachs_quiet_support_changes_the_outcome() {
    let without = tiny_with(&[QUIET_RIVAL, TWO_STAGES]);
    let with = tiny_with(&[QUIET_RIVAL, TWO_STAGES, QUIET_SUPPORT]);
    for seed in 0..10 {
        let mut a = coached_session(&without, seed, false);
        a.submit_bid(&bid("standard", &[])).unwrap();
        assert_eq!(a.tender().unwrap().eliminated_at.as_deref(), Some("check"));
        let mut b = coached_session(&with, seed, false);
        b.submit_bid(&bid("standard", &[])).unwrap();
        assert!(
            b.tender().unwrap().won,
            "seed {seed}: quiet support won the check"
        );
        assert_eq!(
            b.truth().people[1].support,
            (a.truth().people[1].support + 5).min(5),
            "+1 a week, within −5…+5"
        );
        let quiet = b
            .hidden_timeline()
            .iter()
            .filter(|e| matches!(&e.what, crate::engine::Hidden::QuietSupport { coach } if coach == "boss"))
            .count();
        assert_eq!(quiet, 5, "weeks 2 to 6, after the coach was made in week 1");
    }
}

/// The competitor's call on `boss` is stopped while `boss` is our coach.
const BLUNT: (&str, &str) = (
    "repeat: true, effects: [RivalSupport(Person(\"boss\"), 1)]",
    "repeat: true, effects: [RivalSupport(Person(\"boss\"), 1)], blunt: (by: [\"boss\"])",
);

#[test]
fn a_coach_blunts_the_competitors_moves_in_their_department() {
    let without = tiny_with(&[]);
    let with = tiny_with(&[BLUNT]);
    for seed in 0..10 {
        let mut a = coached_session(&without, seed, true);
        a.submit_bid(&bid("standard", &["quality"])).unwrap();
        assert!(!a.tender().unwrap().won, "seed {seed}");
        let mut b = coached_session(&with, seed, true);
        b.submit_bid(&bid("standard", &["quality"])).unwrap();
        assert!(
            b.tender().unwrap().won,
            "seed {seed}: the blunted calls left boss at +1"
        );
        assert_eq!(
            b.truth().people[0].rival_support,
            1,
            "only week 1's call, before the coach"
        );
        let moves: Vec<(u32, bool, Option<Id>)> = b
            .hidden_timeline()
            .iter()
            .filter_map(|e| match &e.what {
                crate::engine::Hidden::RivalMove { blunted_by, .. } => {
                    Some((e.week, e.seen, blunted_by.clone()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(moves.len(), 6);
        assert_eq!(moves[0], (1, false, None), "unseen: no coach yet in week 1");
        assert_eq!(
            moves[1],
            (2, true, Some("boss".into())),
            "told by the coach, and blunted"
        );
    }
}

/// `coach` also tells how the tender will be judged.
const PLANNING: (&str, &str) = (
    "results: [(id: \"yes\", effects: [MakeCoach(Target)]",
    "results: [(id: \"yes\", effects: [MakeCoach(Target), RevealTender]",
);

/// A bid stressing whatever answers the criteria the coach named, at the standard price.
fn bid_from_known(s: &Session) -> Bid {
    let t = &s.scenario().tender;
    let wanted: Vec<&Id> = s
        .known_tender()
        .map(|k| k.stages.iter().flat_map(|st| &st.criteria).collect())
        .unwrap_or_default();
    let emphases = t
        .emphases
        .iter()
        .filter(|o| o.addresses.iter().any(|(c, _)| wanted.contains(&c)))
        .take(t.max_emphases as usize)
        .map(|o| o.id.clone())
        .collect();
    Bid {
        price: "standard".into(),
        emphases,
        commitments: Vec::new(),
    }
}

#[test]
fn a_coachs_planning_tells_the_tender_and_changes_the_bid() {
    use crate::scenario::StageRule;
    let without = tiny_with(&[QUIET_RIVAL, TWO_STAGES]);
    let with = tiny_with(&[QUIET_RIVAL, TWO_STAGES, PLANNING]);
    let mut a = coached_session(&without, 4, false);
    assert!(a.known_tender().is_none());
    a.submit_bid(&bid_from_known(&a)).unwrap();
    assert_eq!(a.tender().unwrap().eliminated_at.as_deref(), Some("check"));
    let mut b = coached_session(&with, 4, false);
    let told = b.known_tender().unwrap().clone();
    assert_eq!((told.week, told.by.as_deref()), (1, Some("boss")));
    let stages: Vec<(&str, StageRule, &str, Vec<Id>)> = told
        .stages
        .iter()
        .map(|k| {
            (
                k.stage.as_str(),
                k.rule,
                k.judge.as_str(),
                k.criteria.clone(),
            )
        })
        .collect();
    assert_eq!(
        stages,
        vec![
            (
                "check",
                StageRule::Veto(1),
                "tech",
                vec![Id::from("quality")]
            ),
            (
                "decide",
                StageRule::Decide(2),
                "boss",
                vec![Id::from("price")]
            ),
        ]
    );
    assert!(
        b.belief("tech").unwrap().on_map(),
        "the judges appear on the map"
    );
    assert!(b.belief("tech").unwrap().criteria.is_some());
    assert_eq!(
        crate::narrate::known_tender(&b, "zh"),
        vec![
            "马厂长在第 1 周告诉你的评标方式（评委可能随后变动）：",
            "技术审查：吴技术员主持，一票否决：吴技术员的评分（对你的支持度加上方案对其标准的回应）须达到 1。吴技术员看重：质量；标书可强调：质量、速度、免费样品。",
            "厂长拍板：马厂长主持，最终决定：每个人的评分按影响力加权，马厂长的意见算 2 倍。马厂长看重：价格；标书可强调：成本。",
        ]
    );
    assert!(crate::narrate::known_tender(&b, "en")[1].starts_with(
        "Technical check: run by Technician Wu; a veto: Technician Wu's verdict (their support for you plus how the bid answers their criteria) must reach 1."
    ));
    b.submit_bid(&bid_from_known(&b)).unwrap();
    assert!(
        b.tender().unwrap().won,
        "the told criteria made the bid pass the check"
    );
}

/// Coaching only until week 3; the coach tells the tender.
const COACH_UNTIL_3: (&str, &str) = (
    "points: 1, purpose: Coaching, targets: Only([\"boss\"]),",
    r#"points: 1, purpose: Coaching, targets: Only(["boss"]),
         requires: [(when: Week(AtMost(3)), reason: {"zh": "太晚了。", "en": "Too late."})],"#,
);

/// The course's moves on the tiny case: make `boss` a coach, then bid what the coach told.
fn course(s: &Session, _: &mut crate::engine::Dice) -> crate::engine::Decision {
    use crate::engine::Decision;
    match s.phase() {
        Phase::Scene(_) => Decision::Choose("agree".into()),
        Phase::Bidding => Decision::Bid(bid_from_known(s)),
        _ if !s.truth().people[0].coach => Decision::Act {
            action: "coach".into(),
            target: Some("boss".into()),
        },
        _ => Decision::EndWeek,
    }
}

fn idle_and_lose(scenario: &Arc<Scenario>, seed: u64) -> Session {
    let mut s = Session::new(scenario.clone(), seed);
    to_bidding(&mut s);
    s.submit_bid(&bid("standard", &[])).unwrap();
    assert!(!s.tender().unwrap().won);
    s
}

#[test]
fn the_turning_point_is_the_last_week_the_course_would_still_have_won() {
    let scenario = tiny_with(&[QUIET_RIVAL, TWO_STAGES, PLANNING, COACH_UNTIL_3]);
    let s = idle_and_lose(&scenario, 2);
    let tp = s.turning_point_with(&mut course).expect("a turning point");
    assert_eq!(tp.week, 3);
    assert_eq!(
        tp.tried,
        vec![(3, true), (4, false), (5, false), (6, false)]
    );
    assert!(tp.run.won());
    // Deterministic: the same again.
    let again = s.turning_point_with(&mut course).unwrap();
    assert_eq!(again.run.session.decisions(), tp.run.session.decisions());
    let zh = crate::narrate::turning_point(&s, Some(&tp), "zh").unwrap();
    let check = &tp.run.session.tender().unwrap().stages[0];
    assert_eq!(
        zh,
        format!(
            "转折点在第 3 周：如果从那一周起按课程的打法去做（第 3 周见到马厂长、发展马厂长为教练），吴技术员的评分会是 {}（门槛是 1），你会通过「技术审查」，你就会赢得订单。从第 4 周起再改，就来不及了。",
            check.ours.total()
        )
    );
    let en = crate::narrate::turning_point(&s, Some(&tp), "en").unwrap();
    assert!(
        en.starts_with("The turning point was week 3: had you played the course's moves from then on (meeting Owner Ma in week 3 and making Owner Ma your coach), Technician Wu's verdict would have been "),
        "{en}"
    );
    assert!(
        en.ends_with("you would have won the order. From week 4 on it was too late."),
        "{en}"
    );
    // A won session has no turning point, only its closest call; a lost one without any
    // winning week says so.
    let mut won = Session::new(scenario.clone(), 2);
    to_bidding(&mut won);
    won.submit_bid(&bid("standard", &["quality"])).unwrap();
    assert!(won.tender().unwrap().won);
    assert!(won.turning_point_with(&mut course).is_none());
    assert!(
        crate::narrate::turning_point(&won, None, "en")
            .is_some_and(|t| t.starts_with("Your closest call: the "))
    );
    assert_eq!(
        crate::narrate::turning_point(&s, None, "en").unwrap(),
        "Even the course's moves from week 1 on would not have won this one."
    );
}

#[test]
fn the_debrief_tells_the_hidden_timeline_then_the_stages_and_the_verdict_last() {
    let scenario = tiny_with(&[TWO_STAGES, PLANNING, COACH_UNTIL_3]);
    let mut s = Session::new(scenario.clone(), 5);
    s.end_week().unwrap();
    s.act("coach", Some("boss")).unwrap();
    to_bidding(&mut s);
    s.submit_bid(&bid("standard", &[])).unwrap();
    let timeline = crate::narrate::hidden_timeline(&s, "zh");
    assert!(
        timeline.contains(&"第 1、2 周：对手又去拜访了马厂长——你当时不知道。".to_string()),
        "{timeline:?}"
    );
    assert!(
        timeline.contains(&"第 3 周至第 6 周：对手又去拜访了马厂长——你当时知道。".to_string()),
        "{timeline:?}"
    );
    assert!(
        timeline.iter().any(|l| l.ends_with("：传闻——你当时知道。")),
        "{timeline:?}"
    );
    let en = crate::narrate::hidden_timeline(&s, "en");
    assert!(
        en.contains(
            &"Weeks 1, 2: The rival called on Owner Ma again — you did not know.".to_string()
        ),
        "{en:?}"
    );
    let cause = crate::narrate::debrief_cause_with(&s, None, None, "zh");
    assert_eq!(cause.timeline, timeline);
    let check = &s.tender().unwrap().stages[0];
    assert_eq!(
        cause.stages[0],
        format!(
            "技术审查由吴技术员主持：吴技术员的评分 {}，门槛是 1，你的标书被否决出局。评分 = 对你的支持度 {} + 方案对其标准的回应 −1；没有回应的标准：质量。",
            crate::narrate::plain(check.ours.total()),
            crate::narrate::signed(check.ours.support)
        )
    );
    let lines = cause.lines();
    assert_eq!(
        lines.last().unwrap(),
        "结果：你的标书被淘汰，报价根本没有被看。"
    );
    assert_eq!(lines[..timeline.len()], timeline[..]);
    assert_eq!(
        crate::narrate::DebriefCause::headings(false, "en"),
        [
            "What happened behind the scenes",
            "How the tender went",
            "The turning point"
        ]
    );
    // Blunted moves and quiet support are named too.
    let scenario = tiny_with(&[BLUNT, QUIET_SUPPORT]);
    let mut s = coached_session(&scenario, 1, false);
    s.submit_bid(&bid("standard", &[])).unwrap();
    let en = crate::narrate::hidden_timeline(&s, "en");
    assert!(
        en.contains(&"Weeks 2 to 6: The rival called on Owner Ma again, but your coach Owner Ma blunted it — you knew at the time.".to_string()),
        "{en:?}"
    );
    assert!(
        en.contains(&"Weeks 2 to 6: Your coach Owner Ma quietly spoke up for you.".to_string()),
        "{en:?}"
    );
}

#[test]
fn the_course_policys_turning_point_is_deterministic() {
    let scenario = tiny_with(&[QUIET_RIVAL, TWO_STAGES, PLANNING]);
    let s = idle_and_lose(&scenario, 9);
    let a = s.turning_point().map(|t| (t.week, t.tried));
    let b = s.turning_point().map(|t| (t.week, t.tried));
    assert_eq!(a, b);
    let cause = crate::narrate::debrief_cause(&s, "en");
    assert_eq!(cause.lines().last(), Some(&cause.verdict));
}

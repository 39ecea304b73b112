//! The engine's words on the tiny inline scenario: errors as sentences, stances, belief cards.

use super::*;
use crate::engine::{BidPart, BidProblem, Blocked, Phase, Session, SessionError};
use crate::scenario::Id;
use crate::testkit::tiny;
use crate::text::Text;

#[test]
fn too_few_points_reads_as_a_sentence_in_both_languages() {
    let scenario = tiny();
    let mut s = Session::new(scenario.clone(), 1);
    s.act("visit", Some("boss")).unwrap();
    let e = s.act("visit", Some("boss")).unwrap_err();
    assert_eq!(
        error(&scenario, &e, "zh"),
        "无法对马厂长执行「拜访」：行动点不足（需要 2，剩 1）。"
    );
    assert_eq!(
        error(&scenario, &e, "en"),
        "Cannot take “Visit” with Owner Ma: not enough action points (needs 2, 1 left)."
    );
}

/// One error of every kind, and of every kind of reason inside one.
fn every_error() -> Vec<SessionError> {
    let blocked = |target: Option<&str>, reason| SessionError::Blocked {
        action: "pitch".into(),
        target: target.map(Id::from),
        reason,
    };
    let reason = Text::same(&["zh", "en"], "x");
    let mut all = vec![
        SessionError::WrongPhase {
            now: Phase::Planning,
        },
        SessionError::WrongPhase {
            now: Phase::Scene("talk".into()),
        },
        SessionError::WrongPhase {
            now: Phase::Bidding,
        },
        SessionError::WrongPhase { now: Phase::Ended },
        SessionError::UnknownAction("fly".into()),
        SessionError::UnknownPerson("nobody".into()),
        blocked(None, Blocked::NeedsTarget),
        blocked(Some("tech"), Blocked::NotOnMap("tech".into())),
        blocked(Some("boss"), Blocked::NotATarget("boss".into())),
        blocked(Some("boss"), Blocked::AlreadyThisWeek),
        blocked(Some("boss"), Blocked::NotEnoughMoney { need: 2, have: 1 }),
        blocked(
            Some("boss"),
            Blocked::Requirement(tiny().actions[2].requires[0].reason.clone()),
        ),
        SessionError::UnknownChoice {
            scene: "talk".into(),
            choice: "shout".into(),
        },
        SessionError::ChoiceBlocked {
            scene: "talk".into(),
            choice: "insist".into(),
            reason: Some(reason),
        },
        SessionError::ChoiceBlocked {
            scene: "talk".into(),
            choice: "insist".into(),
            reason: None,
        },
        SessionError::InvalidBid(BidProblem::UnknownPrice("cheap".into())),
        SessionError::NeverEnded { decisions: 10 },
    ];
    for part in [BidPart::Emphasis, BidPart::Commitment] {
        all.extend(
            [
                BidProblem::TooMany { part, max: 2 },
                BidProblem::UnknownOption {
                    part,
                    id: "gold".into(),
                },
                BidProblem::GivenTwice {
                    part,
                    id: "quality".into(),
                },
            ]
            .map(SessionError::InvalidBid),
        );
    }
    all
}

const VARIANT_NAMES: &[&str] = &[
    "WrongPhase",
    "Unknown",
    "Blocked",
    "NotEnough",
    "AlreadyThisWeek",
    "Requirement",
    "NotOnMap",
    "NotATarget",
    "NeedsTarget",
    "ChoiceBlocked",
    "InvalidBid",
    "TooMany",
    "GivenTwice",
    "NeverEnded",
    "Planning",
    "Bidding",
    "Ended",
    "Scene(",
    "Emphasis",
    "Commitment",
];

#[test]
fn every_error_is_one_plain_sentence_in_zh_and_en() {
    let scenario = tiny();
    for e in every_error() {
        for lang in ["zh", "en"] {
            let text = error(&scenario, &e, lang);
            let stop = if lang == "zh" { '。' } else { '.' };
            assert!(text.ends_with(stop), "{lang}: {text}");
            assert!(!text[..text.len() - stop.len_utf8()].ends_with(['。', '.']));
            assert!(!text.contains(['{', '}', '`']), "{lang}: {text}");
            for name in VARIANT_NAMES {
                assert!(!text.contains(name), "{lang}: {text} names {name}");
            }
            if lang == "zh" {
                assert!(!text.contains(':'), "ASCII colon in {text}");
            }
        }
    }
}

#[test]
fn errors_use_the_scenarios_words() {
    let scenario = tiny();
    let e = |i: usize| every_error().swap_remove(i);
    assert_eq!(
        error(&scenario, &e(1), "zh"),
        "现在不能这样做：马厂长在等你回答。"
    );
    assert_eq!(
        error(&scenario, &e(7), "en"),
        "Cannot take “Tailored proposal” with Technician Wu: you do not know them yet."
    );
    assert_eq!(
        error(&scenario, &e(11), "zh"),
        "无法对马厂长执行「定制方案」：先了解他关心什么。"
    );
    let twice = SessionError::InvalidBid(BidProblem::GivenTwice {
        part: BidPart::Emphasis,
        id: "quality".into(),
    });
    assert_eq!(
        error(&scenario, &twice, "zh"),
        "标书无效：「质量」选了两次。"
    );
    assert_eq!(
        error(&scenario, &twice, "en"),
        "The bid is not valid: “Quality” is chosen twice."
    );
}

#[test]
fn stance_labels_change_at_the_band_edges() {
    let en: Vec<String> = (-3..=3).map(|v| stance_label(v, "en")).collect();
    assert_eq!(
        en,
        [
            "−− opponent (−3)",
            "− sceptical (−2)",
            "− sceptical (−1)",
            "○ neutral (0)",
            "+ supportive (+1)",
            "+ supportive (+2)",
            "++ strong supporter (+3)",
        ]
    );
    assert_eq!(stance_label(-3, "zh"), "−− 反对者（−3）");
    assert_eq!(stance_label(3, "zh"), "++ 铁杆支持（+3）");
}

#[test]
fn weeks_are_named_in_both_languages() {
    assert_eq!(week_label(3, "zh"), "第 3 周");
    assert_eq!(week_label(3, "en"), "Week 3");
}

#[test]
fn a_belief_card_says_what_is_known_and_leaves_the_rest_unknown() {
    let scenario = tiny();
    let mut s = Session::new(scenario.clone(), 1);
    let boss = belief_text(&scenario, s.belief("boss").unwrap(), "zh");
    assert_eq!(boss.role.as_deref(), Some("决策者"));
    assert_eq!(boss.stance.as_deref(), Some("○ 中立（0）"));
    assert_eq!(boss.seen.as_deref(), Some("开始时"));
    assert_eq!(
        (boss.influence, boss.criteria, boss.coach),
        (None, None, false)
    );
    let tech = belief_text(&scenario, s.belief("tech").unwrap(), "en");
    assert_eq!(tech.role.as_deref(), Some("user (assumed)"));
    assert_eq!(tech.stance, None);
    s.end_week().unwrap();
    s.act("coach", Some("boss")).unwrap();
    s.act("visit", Some("boss")).unwrap();
    let boss = belief_text(&scenario, s.belief("boss").unwrap(), "en");
    assert!(boss.coach);
    assert_eq!(boss.stance.as_deref(), Some("+ supportive (+1)"));
    assert_eq!(boss.seen.as_deref(), Some("Week 2"));
    assert_eq!(
        belief_labels("en"),
        ["Role", "Stance", "Influence", "Cares about"]
    );
    assert_eq!(belief_labels("zh"), ["角色", "立场", "影响力", "关心"]);
}

#[test]
fn a_week_without_news_says_so_and_points_to_a_coach() {
    let scenario = tiny();
    let mut s = Session::new(scenario, 3);
    let mut rumours = 0;
    for week in 2..=5 {
        s.end_week().unwrap();
        let zh = week_summary(&s, week, "zh");
        let en = week_summary(&s, week, "en");
        assert_eq!(zh[0], format!("上周（第 {} 周）你没有采取行动。", week - 1));
        assert_eq!(
            en[0],
            format!("Last week (week {}) you took no action.", week - 1)
        );
        // Without a coach the rival's calls never reach the player.
        assert!(!en.iter().any(|l| l.contains("rival")), "{en:?}");
        if en.contains(&"A rumour.".to_string()) {
            rumours += 1;
            assert_eq!(
                zh,
                [
                    "上周（第 {w} 周）你没有采取行动。".replace("{w}", &(week - 1).to_string()),
                    "传闻。".into()
                ]
            );
        } else {
            assert_eq!(en.len(), 2, "{en:?}");
            assert!(en[1].starts_with("No news this week."), "{en:?}");
            assert!(en[1].contains("coach"), "{en:?}");
            assert!(zh[1].starts_with("本周没有新消息。"), "{zh:?}");
            assert!(zh[1].contains("教练"), "{zh:?}");
        }
    }
    assert_eq!(rumours, 1, "the rumour fires in one drawn week");
    // Week 1 has nothing before it, and a week not started has no summary.
    assert!(week_summary(&s, 1, "en").is_empty());
    assert!(week_summary(&s, 6, "en").is_empty());
}

#[test]
fn a_week_summary_says_what_was_done_and_learned_and_what_the_coach_told() {
    let scenario = tiny();
    let mut s = Session::new(scenario.clone(), 1);
    s.act("report", None).unwrap();
    s.act("visit", Some("boss")).unwrap();
    s.end_week().unwrap();
    assert_eq!(
        week_summary(&s, 2, "zh")[..2],
        [
            "上周（第 1 周）你采取了 2 项行动。",
            "你了解到：新认识吴技术员；马厂长的立场。"
        ]
    );
    assert_eq!(
        week_summary(&s, 2, "en")[..2],
        [
            "Last week (week 2) you took 2 actions.".replace("week 2", "week 1"),
            "You learned: new contact: Technician Wu; Owner Ma's stance.".to_string()
        ]
    );
    // A coach is gained in week 2; from week 3 on the rival's calls reach the player.
    s.act("coach", Some("boss")).unwrap();
    s.end_week().unwrap();
    let en = week_summary(&s, 3, "en");
    assert_eq!(
        en,
        [
            "Last week (week 2) you took 1 action.",
            "You learned: Owner Ma became your coach.",
            "The rival called on Owner Ma again.",
        ]
        .iter()
        .map(|l| l.to_string())
        .chain(en.iter().skip(3).cloned())
        .collect::<Vec<_>>()
    );
    // The summary of an earlier week reads the same later on: a pure function of the log.
    s.act("report", None).unwrap();
    assert_eq!(week_summary(&s, 3, "en"), en);
}

#[test]
fn the_tender_names_its_judges_without_guessing_a_pronoun() {
    let scenario = tiny();
    let mut s = Session::new(scenario, 1);
    for _ in 0..6 {
        if *s.phase() == Phase::Scene("talk".into()) {
            s.choose("agree").unwrap();
        }
        let h = s.end_week().unwrap();
        if h.contains(&crate::engine::Happening::TenderOpened) {
            let zh = describe(&s, &crate::engine::Happening::TenderOpened, "zh").unwrap();
            assert_eq!(zh, "第 6 周结束，开标在即：请编制标书。");
        }
    }
    s.submit_bid(&crate::engine::Bid {
        price: "standard".into(),
        emphases: vec![],
        commitments: vec![],
    })
    .unwrap();
    let zh = explain(&s, "zh");
    assert!(
        zh[0].starts_with(
            "厂长拍板由马厂长主持：每个人的评分按其影响力加权相加，马厂长的意见算 2 倍；"
        ),
        "{zh:?}"
    );
    for line in &zh {
        assert!(!line.contains(['他', '她']), "{line}");
    }
}

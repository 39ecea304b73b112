//! `lost-order check --deep`'s analysis (`explore`): on the flagship it finishes and lists what
//! is known of the case; on an edited tutorial each finding stands at its item's line and column.

mod common;

use std::sync::Arc;

use lost_order_core::engine::{Phase, Session};
use lost_order_core::explore::{Budget, Exploration, Finding, FindingKind, explore};
use lost_order_core::load::diagnostic::line_col;
use lost_order_core::load::{Severity, check_source};

/// A budget small enough for a debug build, large enough for the tutorial's few decisions.
fn small() -> Budget {
    Budget {
        seeds_per_policy: 40,
        walks: 300,
        ..Budget::default()
    }
}

/// Checks `source` (it must have no error) and explores it.
fn explored(source: &str, budget: &Budget) -> Exploration {
    let checked = check_source("case.ron", source);
    assert_eq!(checked.errors(), 0, "{}", checked.render());
    let scenario = Arc::new(checked.into_scenario().unwrap());
    explore(&scenario, source, budget, &|_| {})
}

/// The line and column (1-based, in characters) of the first `needle` in `source` at or after
/// the first `after`.
fn at(source: &str, after: &str, needle: &str) -> (usize, usize) {
    let from = source.find(after).unwrap_or_else(|| panic!("no {after:?}"));
    let i = from
        + source[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle:?}"));
    line_col(source, i)
}

/// The one finding of `kind`, with where it stands.
fn find<'e>(
    found: &'e Exploration,
    source: &str,
    kind: &FindingKind,
) -> (&'e Finding, (usize, usize)) {
    let hits: Vec<&Finding> = found.findings.iter().filter(|f| &f.kind == kind).collect();
    assert_eq!(
        hits.len(),
        1,
        "{kind:?} in {:#?}",
        found.findings.iter().map(|f| &f.kind).collect::<Vec<_>>()
    );
    (hits[0], hits[0].diagnostic.line_col(source))
}

fn tutorial() -> String {
    std::fs::read_to_string(common::root().join("scenarios/tutorial.ron")).unwrap()
}

/// Replaces `old` (which must be in `source` once) by `new`.
fn edit(source: &mut String, old: &str, new: &str) {
    assert_eq!(source.matches(old).count(), 1, "{old:?}");
    *source = source.replacen(old, new, 1);
}

#[test]
fn the_flagship_finishes_and_lists_what_is_known_of_it() {
    let source = std::fs::read_to_string(common::root().join("scenarios/lost_order.ron")).unwrap();
    let shares = std::sync::Mutex::new(Vec::new());
    let scenario = common::flagship();
    let found = explore(&scenario, &source, &small(), &|done| {
        shares.lock().unwrap().push(done);
    });
    // Progress is told as a share done, from 0 to 1, about once a percent.
    let shares = shares.into_inner().unwrap();
    assert_eq!((shares.first(), shares.last()), (Some(&0.0), Some(&1.0)));
    assert!((50..=110).contains(&shares.len()), "{} calls", shares.len());
    assert!(shares.iter().all(|d| (0.0..=1.0).contains(d)));
    assert!(!found.soft_locked());
    assert!(found.ended > 40 * 15, "{} sessions ended", found.ended);
    // Full coverage wins alone (docs/policies.md: 99.9% over 1,000 seeds), as the course means.
    let dominant = found.findings.iter().find_map(|f| match &f.kind {
        FindingKind::DominantStrategy { policy, win_rate } if policy == "full-coverage" => {
            Some((*win_rate, f))
        }
        _ => None,
    });
    let (rate, finding) = dominant.expect("full-coverage is reported as winning alone");
    assert!(rate >= 0.95, "{rate}");
    assert_eq!(finding.diagnostic.severity, Severity::Warning);
    assert_eq!(
        finding.diagnostic.line_col(&source),
        at(&source, "    tender: (", "tender")
    );
    assert!(
        !found.findings.iter().any(
            |f| matches!(&f.kind, FindingKind::DominantStrategy { policy, .. } if policy == "liao")
        ),
        "Liao's path never wins"
    );
    // The power shift fires in every seed, so Wang always runs the technical evaluation.
    let (_, place) = find(
        &found,
        &source,
        &FindingKind::ConditionAlwaysTrue("judge `wang` of stage `technical`".into()),
    );
    assert_eq!(place, at(&source, "(id: \"technical\"", "when:"));
    // `planned` is set by the week-8 planning scene, and nothing tests it.
    let (_, place) = find(
        &found,
        &source,
        &FindingKind::FlagSetNeverRead("planned".into()),
    );
    assert_eq!(place, at(&source, "    flags: [", "\"planned\""));
    // Every ending and scene of the flagship is reached by some way of playing.
    for f in &found.findings {
        assert!(
            !matches!(
                f.kind,
                FindingKind::EndingNeverReached(_) | FindingKind::SceneNeverShown(_)
            ),
            "{:?}",
            f.kind
        );
    }
}

#[test]
fn each_mistake_of_an_edited_tutorial_is_found_at_its_place() {
    let mut src = tutorial();
    // A choice that can never be picked: the scene only opens in week 1.
    edit(
        &mut src,
        "            (id: \"thanks\",",
        "            (id: \"later\", label: {\"zh\": \"以后再说\", \"en\": \"Later\"}, when: Week(AtLeast(2))),\n            (id: \"thanks\",",
    );
    // A flag set but never read.
    edit(
        &mut src,
        "    criteria: [",
        "    flags: [\"thanked\"],\n    criteria: [",
    );
    edit(
        &mut src,
        "(id: \"thanks\", label: {\"zh\": \"“谢谢，我先准备一下。”\", \"en\": \"\\\"Thanks, I will prepare first.\\\"\"}",
        "(id: \"thanks\", label: {\"zh\": \"“谢谢，我先准备一下。”\", \"en\": \"\\\"Thanks, I will prepare first.\\\"\"}, effects: [SetFlag(\"thanked\")]",
    );
    // An ending that cannot be reached in practice: the budget never reaches 100.
    edit(
        &mut src,
        "        (id: \"lost\",",
        "        (id: \"rich\", when: Budget(AtLeast(100)), title: {\"zh\": \"富\", \"en\": \"Rich\"}, text: {\"zh\": \"富\", \"en\": \"Rich\"}),\n        (id: \"lost\",",
    );
    // An action that changes nothing.
    edit(
        &mut src,
        "        (id: \"proposal\",",
        "        (id: \"chat\", label: {\"zh\": \"闲聊\", \"en\": \"Chat\"}, description: {\"zh\": \"闲聊\", \"en\": \"Small talk\"}, points: 1, purpose: Relationship,\n         results: [(id: \"chatted\", effects: [Note({\"zh\": \"聊了聊\", \"en\": \"You chat\"})], text: {\"zh\": \"聊了聊\", \"en\": \"You chat.\"})]),\n        (id: \"proposal\",",
    );
    // An action whose requirement never holds, so it is never taken.
    edit(
        &mut src,
        "        (id: \"chat\",",
        "        (id: \"gala\", label: {\"zh\": \"晚宴\", \"en\": \"Gala\"}, description: {\"zh\": \"晚宴\", \"en\": \"A gala dinner\"}, points: 1, purpose: Relationship,\n         requires: [(when: Budget(AtLeast(100)), reason: {\"zh\": \"钱不够\", \"en\": \"Too dear\"})],\n         results: [(id: \"dined\", effects: [Support(Target, 1)], text: {\"zh\": \"吃了\", \"en\": \"You dine.\"})]),\n        (id: \"chat\",",
    );
    // A rubric line every session earns in full (the tender is always in week 3), and one
    // none earns.
    edit(
        &mut src,
        "measure: FactsUncovered",
        "measure: Holds(Week(AtLeast(3)))",
    );
    edit(
        &mut src,
        "    ],\n)",
        "        (id: \"wealth\", label: {\"zh\": \"富\", \"en\": \"Wealth\"}, points: 5, measure: Holds(Budget(AtLeast(100))),\n         concept: {\"zh\": \"富\", \"en\": \"Wealth\"}, lesson: {\"zh\": \"富\", \"en\": \"Wealth\"}),\n    ],\n)",
    );
    let found = explored(&src, &small());
    assert!(!found.soft_locked(), "{:#?}", found.findings);

    let (_, place) = find(&found, &src, &FindingKind::ActionNeverTaken("gala".into()));
    assert_eq!(place, at(&src, "(id: \"gala\"", "\"gala\""));
    let (_, place) = find(
        &found,
        &src,
        &FindingKind::ConditionAlwaysFalse("requirement 1 of action `gala`".into()),
    );
    assert_eq!(place, at(&src, "(id: \"gala\"", "when:"));
    let (_, place) = find(
        &found,
        &src,
        &FindingKind::RubricAlwaysEarned("facts".into()),
    );
    assert_eq!(place, at(&src, "(id: \"facts\"", "\"facts\""));
    let (_, place) = find(
        &found,
        &src,
        &FindingKind::RubricNeverEarned("wealth".into()),
    );
    assert_eq!(place, at(&src, "(id: \"wealth\"", "\"wealth\""));

    let (f, place) = find(
        &found,
        &src,
        &FindingKind::ChoiceNeverPicked {
            scene: "welcome".into(),
            choice: "later".into(),
        },
    );
    assert_eq!(place, at(&src, "(id: \"later\"", "\"later\""));
    assert!(
        f.diagnostic.message.contains("never picked"),
        "{}",
        f.diagnostic.message
    );
    let (_, place) = find(
        &found,
        &src,
        &FindingKind::ConditionAlwaysFalse("choice `later` of scene `welcome`".into()),
    );
    assert_eq!(place, at(&src, "(id: \"later\"", "when:"));

    let (_, place) = find(
        &found,
        &src,
        &FindingKind::FlagSetNeverRead("thanked".into()),
    );
    assert_eq!(place, at(&src, "    flags: [", "\"thanked\""));

    let (_, place) = find(
        &found,
        &src,
        &FindingKind::EndingNeverReached("rich".into()),
    );
    assert_eq!(place, at(&src, "(id: \"rich\"", "\"rich\""));
    let (_, place) = find(
        &found,
        &src,
        &FindingKind::ConditionAlwaysFalse("ending `rich`".into()),
    );
    assert_eq!(place, at(&src, "(id: \"rich\"", "when:"));

    let (f, place) = find(&found, &src, &FindingKind::ActionNeverUseful("chat".into()));
    assert_eq!(place, at(&src, "(id: \"chat\"", "\"chat\""));
    assert_eq!(f.diagnostic.severity, Severity::Warning);
    // Visiting raises support: useful, and not reported.
    assert!(
        !found
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::ActionNeverUseful("visit".into()))
    );
    // `render` gives the `file:line:col: warning:` line the CLI prints.
    let text = f.diagnostic.render("case.ron", &src);
    assert!(
        text.starts_with(&format!(
            "case.ron:{}:{}: warning: action `chat` was never useful",
            place.0, place.1
        )),
        "{text}"
    );
}

#[test]
fn a_scene_guarded_by_a_flag_set_only_later_is_a_soft_lock_with_its_way_in() {
    let mut src = tutorial();
    edit(
        &mut src,
        "    criteria: [",
        "    flags: [\"late\"],\n    criteria: [",
    );
    // Week 2 opens a scene whose every choice needs a flag that only week 3 sets.
    edit(
        &mut src,
        "        (id: \"learn_map\",",
        "        (id: \"call\", trigger: (week: At(2)), scene: \"call\"),\n        (id: \"later\", trigger: (week: At(3)), effects: [SetFlag(\"late\")]),\n        (id: \"learn_map\",",
    );
    edit(
        &mut src,
        "    competitor: (",
        "        (id: \"call\", speaker: \"buyer\", text: {\"zh\": \"电话\", \"en\": \"A call\"}, choices: [\n            (id: \"answer\", label: {\"zh\": \"接\", \"en\": \"Answer\"}, when: Flag(\"late\")),\n        ]),\n    ],\n    competitor: (",
    );
    edit(
        &mut src,
        "         ]),\n    ],\n        (id: \"call\"",
        "         ]),\n        (id: \"call\"",
    );
    let found = explored(&src, &small());
    assert!(found.soft_locked());
    // Runs finish in any order on the cores; the findings come out the same.
    assert_eq!(explored(&src, &small()), found);
    let (f, place) = find(&found, &src, &FindingKind::SoftLock("call".into()));
    assert_eq!(place, at(&src, "(id: \"call\", speaker", "\"call\""));
    assert_eq!(f.diagnostic.severity, Severity::Error);
    assert!(
        f.diagnostic.message.starts_with("soft-lock: scene `call`"),
        "{}",
        f.diagnostic.message
    );
    // The seed and decisions lead there again: the scene is open and nothing can be chosen.
    let repro = f.repro.as_ref().expect("a soft-lock says how to reach it");
    assert!(
        repro.script().lines().any(|l| l == "end"),
        "{}",
        repro.script()
    );
    let checked = check_source("case.ron", &src);
    let mut session = Session::new(Arc::new(checked.into_scenario().unwrap()), repro.seed);
    for d in &repro.decisions {
        session.apply(d).unwrap();
    }
    assert_eq!(*session.phase(), Phase::Scene("call".into()));
    assert!(session.choices().is_empty());
    assert_eq!(session.week(), 2);
}

#[test]
fn a_loop_of_scenes_whose_only_exit_never_opens_is_a_soft_lock() {
    // The exit opens from week 2, but the loop never lets week 1 end. (An exit that can never
    // open at all, e.g. behind a flag nothing sets, is already refused by the normal check.)
    let mut src = tutorial();
    edit(
        &mut src,
        "effects: [Introduce(Person(\"buyer\"))],",
        "when: Week(AtLeast(2)), effects: [Introduce(Person(\"buyer\"))],",
    );
    edit(
        &mut src,
        "\"en\": \"\\\"Thanks, I will prepare first.\\\"\"}",
        "\"en\": \"\\\"Thanks, I will prepare first.\\\"\"}, next: Some(\"welcome\")",
    );
    let found = explored(&src, &small());
    assert!(found.soft_locked());
    let (f, place) = find(&found, &src, &FindingKind::EndlessLoop("welcome".into()));
    assert_eq!(place, at(&src, "(id: \"welcome\", speaker", "\"welcome\""));
    assert_eq!(f.diagnostic.severity, Severity::Error);
    let repro = f.repro.as_ref().unwrap();
    assert!(repro.decisions.len() >= 100, "{}", repro.script());
    assert!(
        repro.script().lines().all(|l| l == "choose thanks"),
        "{}",
        repro.script()
    );
}

//! A tiny inline scenario for the engine's unit tests: two people, a few actions, a drawn week.

use std::sync::Arc;

use crate::load::check_source;
use crate::scenario::Scenario;

/// Six weeks, 3 action points a week, a budget of 10 k¥. `boss` is on the map from the start
/// (coachable, stance known); `tech` is only hinted and assumed to be a user. `visit` costs 2
/// points and shows the stance; `coach` makes the target a coach; `pitch` needs their criteria known; `report` takes
/// no target. The event `rumour` fires in one week drawn from 2…5; the competitor's `rival_call`
/// has a text and fires every week; a scene opens in week 6.
pub(crate) const TINY: &str = r#"
Scenario(
    format: 2,
    meta: (
        id: "tiny", version: "0.1.0", languages: ["zh", "en"],
        title: {"zh": "小案例", "en": "Tiny case"}, summary: {"zh": "测试用。", "en": "For tests."},
        briefing: {"zh": "测试用。", "en": "For tests."}, goal: {"zh": "赢。", "en": "Win."},
        player: {"zh": "销售", "en": "A seller"},
    ),
    settings: (weeks: 6, action_points: 3, budget: 10, money: {"zh": "千元", "en": "k¥"}),
    flags: ["promised"],
    criteria: [
        (id: "price", name: {"zh": "价格", "en": "price"}),
        (id: "quality", name: {"zh": "质量", "en": "quality"}),
    ],
    people: [
        (id: "boss", name: {"zh": "马厂长", "en": "Owner Ma"}, title: {"zh": "厂长", "en": "Owner"},
         department: {"zh": "厂部", "en": "Front office"}, layer: Decision, role: DecisionMaker,
         influence: 8, stance: 0, rival_stance: 0, criteria: ["price"],
         personality: {"zh": "爽快", "en": "Blunt"}, coachable: true, known: [Identity, Role, Stance]),
        (id: "tech", name: {"zh": "吴技术员", "en": "Technician Wu"}, title: {"zh": "技术员", "en": "Technician"},
         department: {"zh": "车间", "en": "Workshop"}, layer: Management, role: Technical,
         influence: 4, stance: (-1, 1), rival_stance: 0, criteria: ["quality"],
         personality: {"zh": "认真", "en": "Careful"}, reports_to: "boss", hinted: true, believed_role: User),
    ],
    actions: [
        (id: "visit", label: {"zh": "拜访", "en": "Visit"}, description: {"zh": "拜访。", "en": "Visit."},
         points: 2, purpose: Relationship,
         results: [(id: "warm", effects: [Support(Target, 1), Reveal(Target, Stance)], text: {"zh": "好。", "en": "Good."})]),
        (id: "coach", label: {"zh": "发展教练", "en": "Develop a coach"}, description: {"zh": "发展教练。", "en": "Develop a coach."},
         points: 1, purpose: Coaching, targets: Only(["boss"]),
         results: [(id: "yes", effects: [MakeCoach(Target)], text: {"zh": "好。", "en": "Good."})]),
        (id: "pitch", label: {"zh": "定制方案", "en": "Tailored proposal"}, description: {"zh": "方案。", "en": "A proposal."},
         points: 1, cost: 2, purpose: Persuasion,
         requires: [(when: Known(Target, Criteria), reason: {"zh": "先了解他关心什么。", "en": "Learn what they care about first."})],
         results: [(id: "ok", effects: [Support(Target, 1)], text: {"zh": "好。", "en": "Good."})]),
        (id: "report", label: {"zh": "写周报", "en": "Write a report"}, description: {"zh": "周报。", "en": "A report."},
         points: 1, purpose: Discovery, targets: Nobody,
         results: [(id: "done", effects: [Discover(Person("tech"))], text: {"zh": "好。", "en": "Good."})]),
    ],
    events: [
        (id: "rumour", trigger: (week: Drawn(2, 5)), text: {"zh": "传闻。", "en": "A rumour."}),
        (id: "last", trigger: (week: At(6)), scene: "talk"),
    ],
    scenes: [
        (id: "talk", speaker: "boss", text: {"zh": "谈谈。", "en": "Let us talk."},
         choices: [
            (id: "agree", label: {"zh": "同意", "en": "Agree"}, effects: [SetFlag("promised")]),
            (id: "insist", label: {"zh": "坚持", "en": "Insist"}, when: Flag("promised"),
             reason: {"zh": "你没有筹码。", "en": "You have nothing to insist with."}),
         ]),
    ],
    competitor: (name: {"zh": "对手", "en": "The rival"}, bid: [("price", 1)], rules: [
        (id: "rival_call", trigger: (week: Any), repeat: true, effects: [RivalSupport(Person("boss"), 1)],
         text: {"zh": "对手又去拜访了马厂长。", "en": "The rival called on Owner Ma again."}),
    ]),
    tender: (
        price_levels: [
            (id: "standard", label: {"zh": "正常价格", "en": "Standard price"}, addresses: [("price", 1)]),
            (id: "low", label: {"zh": "低价", "en": "Low price"}, addresses: [("price", 2)]),
        ],
        default_price: "standard",
        emphases: [
            (id: "quality", label: {"zh": "质量", "en": "Quality"}, addresses: [("quality", 2)]),
            (id: "cost", label: {"zh": "成本", "en": "Cost"}, addresses: [("price", 1)]),
            (id: "speed", label: {"zh": "速度", "en": "Speed"}, addresses: [("quality", 1)]),
        ],
        commitments: [(id: "samples", label: {"zh": "免费样品", "en": "Free samples"}, addresses: [("quality", 1)])],
        max_emphases: 2,
        max_commitments: 1,
        stages: [(id: "decide", name: {"zh": "厂长拍板", "en": "The owner decides"}, judge: [(who: "boss")], rule: Decide(2))],
    ),
    endings: [
        (id: "won", when: Won, title: {"zh": "赢", "en": "Won"}, text: {"zh": "赢了。", "en": "Won."}),
        (id: "lost", title: {"zh": "输", "en": "Lost"}, text: {"zh": "输了。", "en": "Lost."}),
    ],
    rubric: [
        (id: "outcome", label: {"zh": "结果", "en": "Outcome"}, points: 100, measure: Won(full_margin: 10),
         concept: {"zh": "结果", "en": "Outcome"}, lesson: {"zh": "赢。", "en": "Win."}),
    ],
)
"#;

/// The tiny scenario, loaded and checked; panics with the diagnostics if it has an error.
pub(crate) fn tiny() -> Arc<Scenario> {
    let checked = check_source("tiny.ron", TINY);
    let report = checked.render();
    Arc::new(
        checked
            .into_scenario()
            .unwrap_or_else(|_| panic!("{report}")),
    )
}

#[test]
fn the_tiny_scenario_checks_clean() {
    let checked = check_source("tiny.ron", TINY);
    assert!(checked.diagnostics.is_empty(), "{}", checked.render());
}

/// The tiny scenario's source with each `(from, to)` replaced once; panics when `from` is absent.
pub(crate) fn tiny_source_with(edits: &[(&str, &str)]) -> String {
    let mut source = TINY.to_string();
    for (from, to) in edits {
        assert!(source.contains(from), "the tiny scenario has no `{from}`");
        source = source.replacen(from, to, 1);
    }
    source
}

/// The tiny scenario with edits, loaded and checked clean (no error nor warning).
pub(crate) fn tiny_with(edits: &[(&str, &str)]) -> Arc<Scenario> {
    let checked = check_source("tiny.ron", &tiny_source_with(edits));
    assert!(checked.diagnostics.is_empty(), "{}", checked.render());
    Arc::new(checked.into_scenario().expect("checked clean"))
}

/// The diagnostics of the tiny scenario with edits, rendered.
pub(crate) fn tiny_diagnostics(edits: &[(&str, &str)]) -> String {
    check_source("tiny.ron", &tiny_source_with(edits)).render()
}

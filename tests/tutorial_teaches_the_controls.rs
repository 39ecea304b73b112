//! The tutorial teaches one control a week, and what it says to press works: typing the keys its
//! texts name plays it through in the terminal, and the window buttons it names are the game's
//! own labels, in both languages.

mod common;

use std::path::Path;

use common::temp_dir;
use common::terminal::play_text;
use lost_order_core::load::load_file;
use lost_order_core::scenario::{Scenario, WeekRule};

/// The window's labels the tutorial names, with the file where the game writes each as
/// `tr("zh", "en")`.
const LABELS: [(&str, &str, &str); 4] = [
    (
        "src/game/screens/board/panel.rs",
        "可以做的事",
        "What you can do",
    ),
    ("src/game/screens/board/mod.rs", "结束本周", "End week"),
    ("src/game/screens/board/mod.rs", "笔记本", "Notebook"),
    ("src/game/screens/tender.rs", "提交标书", "Submit the bid"),
];

fn tutorial() -> Scenario {
    load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.ron")).unwrap()
}

/// The text of the event that opens `week`, in `lang`.
fn lesson(s: &Scenario, week: u32, lang: &str) -> String {
    s.events
        .iter()
        .find(|e| e.trigger.week == WeekRule::At(week) && e.text.is_some())
        .and_then(|e| e.text.as_ref())
        .map(|t| t.get(lang).to_string())
        .unwrap_or_else(|| panic!("no lesson opens week {week}"))
}

#[test]
fn each_week_opens_with_the_control_it_teaches_and_what_to_press() {
    let s = tutorial();
    assert_eq!(s.settings.weeks, 3);
    // (week, what the zh text names, what the en text names)
    let weeks: [(u32, &[&str], &[&str]); 3] = [
        (
            1,
            &[
                "对人物采取行动",
                "2a",
                "输入 e",
                "「可以做的事」",
                "「结束本周」",
            ],
            &[
                "acting on a person",
                "2a",
                "type e",
                "“What you can do”",
                "“End week”",
            ],
        ),
        (
            2,
            &["采购组织图和笔记本", "输入 m", "输入 n", "「笔记本」"],
            &["the map and the notebook", "type m", "type n", "“Notebook”"],
        ),
        (
            3,
            &["投标", "「提交标书」"],
            &["the bid", "“Submit the bid”"],
        ),
    ];
    for (week, zh, en) in weeks {
        for (lang, words) in [("zh", zh), ("en", en)] {
            let text = lesson(&s, week, lang);
            for w in words {
                assert!(text.contains(w), "week {week} {lang}: no `{w}` in {text}");
            }
        }
    }
    // The opening scene says how a scene is answered.
    let scene = &s.scenes[0];
    assert!(scene.text.get("zh").contains("在终端输入选项前的数字"));
    assert!(scene.text.get("en").contains("type a choice's number"));
}

#[test]
fn the_window_buttons_it_names_are_the_games_own_labels() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (file, zh, en) in LABELS {
        let source = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(
            source.contains(&format!("tr(\"{zh}\", \"{en}\")")),
            "{file} no longer labels a button `{zh}` / `{en}`"
        );
    }
}

#[test]
fn typing_what_it_says_plays_it_through_in_both_languages() {
    let s = tutorial();
    let home = temp_dir("tutorial", "controls");
    // Week 1: the scene's first choice, then 2a as the lesson says (and the same with the two
    // people Zhou introduced), e. Week 2: m and n as the lesson says, proposals, e. Week 3: e,
    // then the bid: a price, two emphases, a commitment.
    let typed = "1\n2a\n2b\n2c\ne\nm\nn\n4b\n4c\n4a\ne\ne\n1\n1 2\n1\n";
    for (lang, map, notebook, won) in [
        ("zh", "── 决策层 ──", "【第 1 周】", "你赢得了订单"),
        (
            "en",
            "── Decision layer ──",
            "[Week 1]",
            "you won the order",
        ),
    ] {
        let out = play_text(&home.join(lang), lang, 1, "scenarios/tutorial.ron", typed);
        let at = |needle: &str| {
            out.find(needle)
                .unwrap_or_else(|| panic!("{lang}: no `{needle}` in:\n{out}"))
        };
        let first_line = |week| lesson(&s, week, lang).lines().next().unwrap().to_string();
        let order = [
            at(&first_line(1)),
            at(&first_line(2)),
            at(map),
            at(notebook),
            at(&first_line(3)),
            at(won),
            at("/100"),
        ];
        assert!(order.is_sorted(), "{lang}: out of order {order:?}:\n{out}");
    }
}

//! The terminal game is quick to play: a whole flagship session in under 300 lines, people
//! with stable letters, the full menu only at a week's start and on `h`, unaffordable actions
//! marked, and the tender revealed stage by stage with the verdict last.

mod common;

use common::terminal::{play_text, typed_input};
use common::{flagship, golden_script, temp_dir};

/// The flagship's golden full-coverage session, typed into `play --text` (seed 11).
fn flagship_play(lang: &str) -> String {
    let typed = typed_input(flagship(), 11, &golden_script("full_coverage.script"));
    play_text(
        &temp_dir("terminal", &format!("flagship-{lang}")),
        lang,
        11,
        "scenarios/lost_order.ron",
        &typed,
    )
}

#[test]
fn a_whole_flagship_session_prints_under_300_lines_with_the_verdict_last() {
    for (lang, verdict, menu, stages) in [
        (
            "zh",
            "你赢得了订单",
            "m 采购组织图 · n 笔记本",
            ["1. 技术评标", "2. 商务评标", "3. 最终决定"],
        ),
        (
            "en",
            "you won the order",
            "m map · n notebook",
            [
                "1. Technical evaluation",
                "2. Commercial evaluation",
                "3. Final decision",
            ],
        ),
    ] {
        let out = flagship_play(lang);
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines.len() < 300,
            "{lang}: {} lines for a whole session:\n{out}",
            lines.len()
        );
        // Every typed key reached the person it was meant for: nothing was refused.
        let refused: Vec<&&str> = lines
            .iter()
            .filter(|l| l.starts_with("! ") || l.contains("> ! "))
            .collect();
        assert!(refused.is_empty(), "{lang}: refused: {refused:?}\n{out}");
        let at = |needle: &str| {
            lines
                .iter()
                .position(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{lang}: no line with `{needle}`:\n{out}"))
        };
        let verdict_at = at(verdict);
        for stage in stages {
            let stage_at = at(stage);
            assert!(
                stage_at < verdict_at,
                "{lang}: `{stage}` (line {stage_at}) comes after the verdict (line {verdict_at})"
            );
        }
        // The ending and the score follow the verdict.
        assert!(
            at("/100") > verdict_at,
            "{lang}: the score before the verdict"
        );
        // The full menu once a week (8 weeks), never after an action.
        let menus = lines.iter().filter(|l| l.contains(menu)).count();
        assert_eq!(menus, 8, "{lang}: the full menu {menus} times:\n{out}");
        // Each week opens with its summary; weeks without news say so.
        let weeks = lines
            .iter()
            .filter(|l| {
                l.starts_with("• ")
                    && l.contains(if lang == "zh" {
                        "上周（第"
                    } else {
                        "Last week (week"
                    })
            })
            .count();
        assert_eq!(weeks, 7, "{lang}: week summaries from week 2 on:\n{out}");
    }
}

/// A person keeps their letter whatever the action; an action without enough points left is
/// marked in the menu with the reason; `h` shows the full menu with each action's description.
#[test]
fn people_keep_their_letters_and_the_menu_marks_what_cannot_be_afforded() {
    // Tutorial, week 1: the scene, then needs discovery with b, c and a (three points), help.
    let out = play_text(
        &temp_dir("terminal", "menu"),
        "en",
        1,
        "scenarios/tutorial.ron",
        "1\n2b\n2c\n2a\nh\n1\nq\n",
    );
    // The week's menu names the people with their letters: the buyer first, then the two
    // people introduced in the scene, in the order they appeared.
    assert!(
        out.contains("People: a Buyer Zhou · b Owner Ma · c Technician Wu"),
        "{out}"
    );
    // The three actions were taken with the people of those letters.
    for name in ["Owner Ma", "Technician Wu", "Buyer Zhou"] {
        assert!(
            out.contains(&format!("Needs discovery (5W2H): {name}")),
            "{name}: {out}"
        );
    }
    // After three actions no point is left: `h` marks every action, with the reason.
    let help = &out[out.rfind("Actions (type a number").unwrap()..];
    assert!(
        help.contains(
            "Visit · 1 action point · 0 k¥ — not now: not enough action points (needs 1, 0 left)"
        ),
        "{help}"
    );
    // `h` also describes each action.
    assert!(help.contains("Learn their role and criteria."), "{help}");
    // Typing an action that cannot be afforded says why at once, without asking for a person.
    assert!(
        help.contains("“Visit” is not possible now: not enough action points (needs 1, 0 left)."),
        "{help}"
    );
    // The prompt tells how to go on when the points are spent.
    assert!(
        out.contains("Week 1 · 0 action points · 20 k¥ · e ends the week"),
        "{out}"
    );
}

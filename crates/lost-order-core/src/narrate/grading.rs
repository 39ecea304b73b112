//! Words for customer grading (客户的分级): the grades, the four indicator groups, the step, its result.

use crate::engine::Session;
use crate::scenario::{Grade, Indicator, Scenario};
use crate::text::{fill, pick};

/// The name of the grading step, as a title: `客户分级` / `Customer grading`.
pub fn grading_title(lang: &str) -> &'static str {
    pick(lang, "客户分级", "Customer grading")
}

/// What a grade means on the course's scale: `大客户` / `key account` for A, `一般客户` /
/// `ordinary customer` for B, `小型客户` / `small customer` for C.
pub fn grade_name(grade: Grade, lang: &str) -> &'static str {
    match grade {
        Grade::A => pick(lang, "大客户", "key account"),
        Grade::B => pick(lang, "一般客户", "ordinary customer"),
        Grade::C => pick(lang, "小型客户", "small customer"),
    }
}

/// A grade with its letter and its meaning, for a button or a list:
/// `A 级（大客户）` / `A (key account)`.
pub fn grade_label(grade: Grade, lang: &str) -> String {
    fill(
        pick(lang, "{g} 级（{name}）", "{g} ({name})"),
        &[("g", grade.letter()), ("name", grade_name(grade, lang))],
    )
}

/// The name of one of the four grading indicator groups (客户分级四大指标): `交易类` /
/// `Transaction`, `财务类` / `Financial`, `客户特征` / `Customer traits`, `需求匹配` / `Needs match`.
pub fn indicator_name(group: Indicator, lang: &str) -> &'static str {
    match group {
        Indicator::Transaction => pick(lang, "交易类", "Transaction"),
        Indicator::Financial => pick(lang, "财务类", "Financial"),
        Indicator::Traits => pick(lang, "客户特征", "Customer traits"),
        Indicator::Needs => pick(lang, "需求匹配", "Needs match"),
    }
}

/// What grading this customer granted, one sentence: `你把本客户评为 A 级：每周 3 个行动点，预算
/// 60 千元。` / `You graded this customer A: 3 action points a week, a budget of 60 k¥.`
pub fn graded_line(
    scenario: &Scenario,
    grade: Grade,
    action_points: u32,
    budget: i64,
    lang: &str,
) -> String {
    fill(
        pick(
            lang,
            "你把本客户评为 {g} 级：每周 {p} 个行动点，预算 {b} {money}。",
            "You graded this customer {g}: {p} action points a week, a budget of {b} {money}.",
        ),
        &[
            ("g", grade.letter()),
            ("p", &action_points.to_string()),
            ("b", &budget.to_string()),
            ("money", scenario.settings.money.get(lang)),
        ],
    )
}

/// For the debrief: each account with the grade given and, when wrong, the right one:
/// `上海某上市公司：你评为 B 级，应为 A 级（大客户）。` / `Shanghai listed company: you graded it
/// B; it is A (key account).`, `…：A 级，评对了。` / `…: A, right.`. Empty before grading.
pub fn grades_review(s: &Session, lang: &str) -> Vec<String> {
    let Some(grading) = s.grading() else {
        return Vec::new();
    };
    s.grades()
        .iter()
        .map(|g| {
            let name = grading
                .account(&g.account)
                .map_or(g.account.as_str(), |a| a.name.get(lang));
            if g.right() {
                fill(
                    pick(lang, "{name}：{g} 级，评对了。", "{name}: {g}, right."),
                    &[("name", name), ("g", g.given.letter())],
                )
            } else {
                fill(
                    pick(
                        lang,
                        "{name}：你评为 {g} 级，应为 {truth}。",
                        "{name}: you graded it {g}; it is {truth}.",
                    ),
                    &[
                        ("name", name),
                        ("g", g.given.letter()),
                        ("truth", &grade_label(g.truth, lang)),
                    ],
                )
            }
        })
        .collect()
}

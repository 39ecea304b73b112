//! The report page's words in Chinese and English.

use std::collections::BTreeMap;

use lost_order_core::text::pick as t;

/// Every label of the page, by key, in `lang`.
pub fn words(lang: &str) -> BTreeMap<&'static str, &'static str> {
    [
        ("report", t(lang, "班级复盘", "Class debrief")),
        ("scenario", t(lang, "案例", "Scenario")),
        ("trainees", t(lang, "学员", "Trainees")),
        ("won", t(lang, "赢", "Won")),
        ("lost", t(lang, "输", "Lost")),
        ("unfinished", t(lang, "未完成", "Unfinished")),
        ("mean", t(lang, "平均分", "Mean score")),
        ("charts", t(lang, "图表", "Charts")),
        ("outcome", t(lang, "结果", "Outcome")),
        ("endings", t(lang, "结局", "Endings")),
        ("scores", t(lang, "得分分布", "Score distribution")),
        (
            "roles",
            t(
                lang,
                "覆盖各采购角色的学员数",
                "Trainees who covered each buying role",
            ),
        ),
        (
            "mistakes",
            t(
                lang,
                "最常见的致命错误（评分为 0 的项）",
                "Most common fatal mistakes (rubric lines at 0)",
            ),
        ),
        (
            "engaged",
            t(
                lang,
                "接触过各人的学员数",
                "Trainees who engaged each person",
            ),
        ),
        (
            "by_week",
            t(
                lang,
                "每周接触各人的学员数",
                "Trainees engaging each person, by week",
            ),
        ),
        ("person", t(lang, "人物", "Person")),
        (
            "table",
            t(
                lang,
                "每位学员的路径与得分（每个种子的最后一行为廖总的路径）",
                "Every trainee's path and score (the last row of each seed: Liao's path)",
            ),
        ),
        ("player", t(lang, "学员", "Trainee")),
        ("seed", t(lang, "种子", "Seed")),
        ("started", t(lang, "开始时间", "Started")),
        ("dates", t(lang, "练习日期", "Played")),
        ("to", t(lang, " 至 ", " to ")),
        ("score", t(lang, "得分", "Score")),
        ("roles_short", t(lang, "角色", "Roles")),
        ("path", t(lang, "路径", "Path")),
        ("turning", t(lang, "转折点", "Turning point")),
        ("skipped", t(lang, "未纳入的记录", "Records left out")),
        ("version", t(lang, "版本", "Version")),
        ("colon", t(lang, "：", ": ")),
    ]
    .into_iter()
    .collect()
}

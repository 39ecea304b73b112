//! The tender's causal chain in words: each stage's verdict and why, then the outcome.

use super::{plain, signed};
use crate::engine::{Session, StageVerdict};
use crate::scenario::{Id, Scenario, StageRule};
use crate::text::{fill, pick};

/// The tender's causal chain in plain words, stage by stage, then the outcome.
pub fn explain(s: &Session, lang: &str) -> Vec<String> {
    let Some(t) = s.tender() else {
        return Vec::new();
    };
    let mut out: Vec<String> = t
        .disqualified
        .iter()
        .map(|reason| {
            fill(
                pick(
                    lang,
                    "你的标书被取消资格：{reason}",
                    "Your bid was disqualified: {reason}",
                ),
                &[("reason", reason.get(lang))],
            )
        })
        .collect();
    out.extend(t.stages.iter().map(|v| stage_reason(s, v, lang)));
    out.extend(profit(s, lang));
    let sc = s.scenario();
    let (ours, theirs) = t
        .stages
        .last()
        .map_or((0, 0), |v| (v.our_tally, v.rival_tally));
    let last = if t.won && t.rival_eliminated {
        pick(
            lang,
            "结果：{rival}的标书被淘汰，你赢得了订单。",
            "Outcome: {rival}'s bid was eliminated; you won the order.",
        )
    } else if t.won {
        pick(
            lang,
            "结果：你赢得了订单，总分 {o} 比 {r}。",
            "Outcome: you won the order, {o} to {r} in the total.",
        )
    } else if t.disqualified.is_some() {
        pick(
            lang,
            "结果：你的标书被取消资格，没有任何评审看过它。",
            "Outcome: your bid was disqualified; no evaluator ever read it.",
        )
    } else if t.eliminated_at.is_some() {
        pick(
            lang,
            "结果：你的标书被淘汰，报价根本没有被看。",
            "Outcome: your bid was eliminated; your price was never read.",
        )
    } else {
        pick(
            lang,
            "结果：{rival}赢得了订单，总分 {r} 比 {o}。",
            "Outcome: {rival} won the order, {r} to {o} in the total.",
        )
    };
    let mut verdict = fill(
        last,
        &[
            ("o", &plain(ours)),
            ("r", &plain(theirs)),
            ("rival", sc.competitor.name.get(lang)),
        ],
    );
    // A total over several stages says what it adds up, so 209 to 89 is not a surprise after a
    // final stage of 201 to 85.
    if last.contains("{o}") {
        let parts = total_parts(s, lang);
        if let Some(stop) = verdict.pop() {
            verdict += &parts;
            verdict.push(stop);
        }
    }
    out.push(verdict);
    out
}

/// `（商务评标 8 比 4，加上最终决定 201 比 85）` / ` (the Commercial evaluation's 8 to 4 plus the
/// Final decision's 201 to 85)` when more than one stage added points; empty otherwise.
fn total_parts(s: &Session, lang: &str) -> String {
    let Some(t) = s.tender() else {
        return String::new();
    };
    let mut parts = Vec::new();
    let (mut o, mut r) = (0, 0);
    for v in &t.stages {
        let (dour, drival) = (v.our_tally - o, v.rival_tally - r);
        (o, r) = (v.our_tally, v.rival_tally);
        if (dour, drival) == (0, 0) {
            continue;
        }
        let name = s.scenario().stage_name(&v.stage, lang);
        parts.push(fill(
            pick(lang, "{stage} {o} 比 {r}", "the {stage}'s {o} to {r}"),
            &[("stage", &name), ("o", &plain(dour)), ("r", &plain(drival))],
        ));
    }
    if parts.len() < 2 {
        return String::new();
    }
    let joined = parts.join(pick(lang, "，加上", " plus "));
    if crate::text::is_chinese(lang) {
        format!("（{joined}）")
    } else {
        format!(" ({joined})")
    }
}

/// One stage's verdict in plain words: who ran it, the judge's verdict against what was
/// needed (or against the competitor's), and what the verdict is made of, e.g.
/// `技术评审由王总工主持：王总工的评分 −4，门槛是 2，你的标书被否决出局。` followed by
/// `评分 = 对你的支持度 −2 + 方案对其标准的回应 −2；没有回应的标准：性能指标。`; in English
/// `Technical evaluation was run by Chief Engineer Wang: Chief Engineer Wang's verdict −4,
/// needed 2; your bid was vetoed.` followed by `The verdict is their support for you (−2) plus
/// how your bid answered their criteria (−2); not answered: performance specifications.`
pub fn stage_reason(s: &Session, v: &StageVerdict, lang: &str) -> String {
    let sc = s.scenario();
    let stage = sc
        .tender
        .stages
        .iter()
        .find(|x| x.id == v.stage)
        .map(|x| x.name.get(lang))
        .unwrap_or(&v.stage);
    let judge = sc.person_name(&v.judge, lang);
    let sep = pick(lang, "、", ", ");
    let names = |ids: &[Id]| {
        ids.iter()
            .map(|c| sc.criterion_name(c, lang))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let values = [
        ("stage", stage.to_string()),
        ("judge", judge.clone()),
        ("score", plain(v.ours.total())),
        ("rival", plain(v.rival.total())),
        ("support", signed(v.ours.support)),
        ("fit", signed(v.ours.fit)),
        ("missed", names(&v.ours.missed)),
    ];
    let mut values: Vec<(&str, String)> = values.into();
    let figures = match v.rule {
        StageRule::Veto(t) => {
            values.push(("t", plain(t)));
            if v.we_pass {
                pick(
                    lang,
                    "{stage}由{judge}主持：{judge}的评分 {score}，门槛是 {t}，通过。",
                    "{stage} was run by {judge}: {judge}'s verdict {score}, needed {t}; passed.",
                )
            } else {
                pick(
                    lang,
                    "{stage}由{judge}主持：{judge}的评分 {score}，门槛是 {t}，你的标书被否决出局。",
                    "{stage} was run by {judge}: {judge}'s verdict {score}, needed {t}; your bid was vetoed.",
                )
            }
        }
        StageRule::Score(w) => {
            values.push(("w", w.to_string()));
            pick(
                lang,
                "{stage}由{judge}主持：{judge}给你的评分 {score}，给对手 {rival}，每分按 {w} 倍计入总分。",
                "{stage} was run by {judge}: {judge}'s verdict on your bid {score}, on the competitor's {rival}; each point counts {w} times in the total.",
            )
        }
        StageRule::Decide(w) => {
            let (o, r) = v.center.unwrap_or_default();
            values.push(("w", w.to_string()));
            values.push(("o", plain(o)));
            values.push(("r", plain(r)));
            pick(
                lang,
                "{stage}由{judge}主持：每个人的评分按其影响力加权相加，{judge}的意见算 {w} 倍；你得 {o} 分，对手得 {r} 分。{judge}本人的评分 {score}。",
                "{stage} was run by {judge}: everyone's verdict, weighted by their influence and {judge}'s counted {w} times, added up to {o} for you and {r} for the competitor. {judge}'s own verdict on your bid: {score}.",
            )
        }
    };
    let why = if v.ours.missed.is_empty() {
        pick(
            lang,
            "评分 = 对你的支持度 {support} + 方案对其标准的回应 {fit}；其关心的标准你全部回应了。",
            "The verdict is their support for you ({support}) plus how your bid answered their criteria ({fit}); it answered all of them.",
        )
    } else {
        pick(
            lang,
            "评分 = 对你的支持度 {support} + 方案对其标准的回应 {fit}；没有回应的标准：{missed}。",
            "The verdict is their support for you ({support}) plus how your bid answered their criteria ({fit}); not answered: {missed}.",
        )
    };
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let space = pick(lang, "", " ");
    format!("{}{space}{}", fill(figures, &pairs), fill(why, &pairs))
}

/// A price level's margin for the bid screen: `利润率 25%` / `margin 25%`; `None` when the
/// author gave the level no `margin`.
pub fn price_margin_label(scenario: &Scenario, price: &str, lang: &str) -> Option<String> {
    let m = scenario.price_margin(price)?;
    Some(fill(
        pick(lang, "利润率 {m}%", "margin {m}%"),
        &[("m", &m.to_string())],
    ))
}

/// What the chosen price leaves the supplier, once the tender is decided: `你的报价「最低价」
/// 只留下 3% 的利润。` / `Your price, “Lowest price”, leaves a margin of only 3%.`; `None` when the
/// price level has no `margin`. A lost order earns nothing, whatever the price.
pub fn profit(s: &Session, lang: &str) -> Option<String> {
    let t = s.tender()?;
    let sc = s.scenario();
    let m = sc.price_margin(&t.bid.price)?;
    let price = sc
        .tender
        .price_levels
        .iter()
        .find(|p| p.id == t.bid.price)
        .map_or(t.bid.price.as_str(), |p| p.label.get(lang));
    let template = if !t.won {
        pick(
            lang,
            "你的报价「{price}」本可留下 {m}% 的利润，但订单没有拿到，利润为零。",
            "Your price, “{price}”, would have left a margin of {m}%, but the order was lost: no profit.",
        )
    } else {
        pick(
            lang,
            "你的报价「{price}」为公司留下 {m}% 的利润。",
            "Your price, “{price}”, leaves your company a margin of {m}%.",
        )
    };
    Some(fill(template, &[("price", price), ("m", &m.to_string())]))
}

/// Why the total was held down, when a score cap applied: `总分上限 40 分（各项合计 72 分）：
/// {reason}` / `Your score is capped at 40 (the lines add up to 72): {reason}`.
pub fn cap_reason(s: &Session, lang: &str) -> Option<String> {
    let cap = s.tender()?.score.cap.as_ref()?;
    let reason = s
        .scenario()
        .caps
        .iter()
        .find(|c| c.id == cap.id)
        .map_or("", |c| c.reason.get(lang));
    Some(fill(
        pick(
            lang,
            "总分上限 {max} 分（各项合计 {before} 分）：{reason}",
            "Your score is capped at {max} (the lines add up to {before}): {reason}",
        ),
        &[
            ("max", &cap.max.to_string()),
            ("before", &cap.before.to_string()),
            ("reason", reason),
        ],
    ))
}

/// How the tender will be judged, as a coach told it (`Session::known_tender`), one line per
/// stage, for the tender screen: `技术评审：王总工主持，一票否决——他的评分（对你的支持度加上方案
/// 对其标准的回应）须达到 2。他看重：性能、质量；可在标书中回应：全寿命成本、质量保证。` Empty
/// until a coach has told it. The first line says who told it and when.
pub fn known_tender(s: &Session, lang: &str) -> Vec<String> {
    let Some(told) = s.known_tender() else {
        return Vec::new();
    };
    let sc = s.scenario();
    let sep = pick(lang, "、", ", ");
    let when = super::week_label(told.week, lang);
    let mut out = vec![match &told.by {
        Some(by) => fill(
            pick(
                lang,
                "{name}在{week}告诉你的评标方式（评委可能随后变动）：",
                "How the tender will be judged, as {name} told you in {week} (the judges may change):",
            ),
            &[("name", &sc.person_name(by, lang)), ("week", &when)],
        ),
        None => fill(
            pick(
                lang,
                "你在{week}得知的评标方式（评委可能随后变动）：",
                "How the tender will be judged, as you learned in {week} (the judges may change):",
            ),
            &[("week", &when)],
        ),
    }];
    for k in &told.stages {
        let stage = sc.stage_name(&k.stage, lang);
        let judge = sc.person_name(&k.judge, lang);
        let rule = match k.rule {
            StageRule::Veto(t) => fill(
                pick(
                    lang,
                    "一票否决：{judge}的评分（对你的支持度加上方案对其标准的回应）须达到 {t}",
                    "a veto: {judge}'s verdict (their support for you plus how the bid answers their criteria) must reach {t}",
                ),
                &[("judge", &judge), ("t", &t.to_string())],
            ),
            StageRule::Score(w) => fill(
                pick(
                    lang,
                    "打分：{judge}的评分乘以 {w} 计入总分",
                    "a score: {judge}'s verdict counts {w} times towards the total",
                ),
                &[("judge", &judge), ("w", &w.to_string())],
            ),
            StageRule::Decide(w) => fill(
                pick(
                    lang,
                    "最终决定：每个人的评分按影响力加权，{judge}的意见算 {w} 倍",
                    "the final decision: everyone's verdict weighted by influence, {judge}'s counted {w} times",
                ),
                &[("judge", &judge), ("w", &w.to_string())],
            ),
        };
        let cares = k
            .criteria
            .iter()
            .map(|c| sc.criterion_name(c, lang))
            .collect::<Vec<_>>()
            .join(sep);
        let t = &sc.tender;
        let answers: Vec<&str> = t
            .emphases
            .iter()
            .chain(&t.commitments)
            .filter(|o| {
                o.addresses
                    .iter()
                    .any(|(c, s)| *s > 0 && k.criteria.contains(c))
            })
            .map(|o| o.label.get(lang))
            .collect();
        let mut line = fill(
            pick(
                lang,
                "{stage}：{judge}主持，{rule}。{judge}看重：{cares}",
                "{stage}: run by {judge}; {rule}. {judge} cares about: {cares}",
            ),
            &[
                ("stage", &stage),
                ("judge", &judge),
                ("rule", &rule),
                ("cares", &cares),
            ],
        );
        if !answers.is_empty() {
            line += &fill(
                pick(lang, "；标书可强调：{a}", "; the bid can stress: {a}"),
                &[("a", &answers.join(sep))],
            );
        }
        line += pick(lang, "。", ".");
        out.push(line);
    }
    out
}

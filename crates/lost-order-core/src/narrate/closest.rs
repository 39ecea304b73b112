//! What would have turned a won order into a lost one: the closest call, in the judge's points.

use super::plain;
use crate::engine::{Session, StageVerdict, TenderResult};
use crate::scenario::StageRule;
use crate::text::{fill, pick};

/// What would have turned a won order into a lost one: the stage that came closest, in points
/// of the judge's own verdict, and, when the competitor's bid was vetoed and the totals would not
/// have won, that this veto won it. `None` when not won (or before the tender).
///
/// Only what could have lost the order counts. A veto stage could always have stopped our bid:
/// its slack is the judge's verdict minus the threshold. A deciding stage counts only when the
/// competitor's bid was still in at the end (otherwise the totals decided nothing); its slack is
/// the order's margin (our total minus the competitor's, over every stage) divided by the judge's
/// weight there (influence × the stage's weight), i.e. how many points of the judge's verdict
/// the win was worth. The stage's own result is told by its sign: led by N, a tie, or behind by N
/// (other stages made up for it), never "led by −N".
///
/// `你最险的一关：技术评标，只比门槛高 1 分——王总工的评分再低 2 分，你的标书就会被否决。` /
/// `Your closest call: the Technical evaluation, passed with 1 to spare: 2 points less in Chief
/// Engineer Wang's verdict and your bid would have been vetoed.`
/// `你最险的一关：最终决定，落后 1 分，总分仍领先 3 分。赵总的评分每 1 分在这里值 18 分（影响力 9，
/// 算 2 倍），赵总的评分再低 1 分，这一局就会输。` / `Your closest call: the Final decision, lost
/// by 1, yet you won the order by 3 in the total. Each point of MD Zhao's verdict was worth 18
/// there (influence 9, counted 2 times), so 1 point less from MD Zhao would have lost the order.`
/// After a veto's line, when that veto won it: `对手的标书在技术检验被否决，你才赢下订单：总分你落后
/// 6 分，要是它通过了，这一局就会输。` / `You won only because the competitor's bid was vetoed at
/// the Quality check: you were 6 behind in the total, and would have lost had it passed.`
pub fn closest_call(s: &Session, lang: &str) -> Option<String> {
    let t = s.tender()?;
    if !t.won {
        return None;
    }
    let mut closest: Option<(f64, String)> = None;
    for v in &t.stages {
        let call = match v.rule {
            StageRule::Veto(needed) => Some(veto_call(s, v, needed, lang)),
            StageRule::Decide(w) if !t.rival_eliminated => decide_call(s, t, v, w, lang),
            StageRule::Decide(_) | StageRule::Score(_) => None,
        };
        if let Some((slack, line)) = call
            && closest.as_ref().is_none_or(|(best, _)| slack < *best)
        {
            closest = Some((slack, line));
        }
    }
    let (_, mut line) = closest?;
    if let Some(note) = rival_veto_note(s, t, lang) {
        line.push_str(pick(lang, "", " "));
        line.push_str(&note);
    }
    Some(line)
}

/// A passed veto stage: its slack (the judge's verdict minus the threshold, ≥ 0) and its line.
fn veto_call(s: &Session, v: &StageVerdict, needed: i32, lang: &str) -> (f64, String) {
    let sc = s.scenario();
    let spare = v.ours.total().saturating_sub(needed);
    let more = spare.saturating_add(1);
    let template = if spare == 0 {
        pick(
            lang,
            "你最险的一关：{stage}，{judge}的评分正好达到门槛——再低 1 分，你的标书就会被否决。",
            "Your closest call: the {stage}, passed with nothing to spare: 1 point less in {judge}'s verdict and your bid would have been vetoed.",
        )
    } else {
        pick(
            lang,
            "你最险的一关：{stage}，只比门槛高 {spare} 分——{judge}的评分再低 {more} 分，你的标书就会被否决。",
            "Your closest call: the {stage}, passed with {spare} to spare: {more} {points} less in {judge}'s verdict and your bid would have been vetoed.",
        )
    };
    let line = fill(
        template,
        &[
            ("stage", &sc.stage_name(&v.stage, lang)),
            ("judge", &sc.person_name(&v.judge, lang)),
            ("spare", &plain(spare)),
            ("more", &plain(more)),
            ("points", points_word(more)),
        ],
    );
    (f64::from(spare), line)
}

/// A deciding stage of an order won on the totals: its slack (the order's margin over the
/// judge's weight) and its line. `None` without the buying center's figures.
fn decide_call(
    s: &Session,
    t: &TenderResult,
    v: &StageVerdict,
    w: i32,
    lang: &str,
) -> Option<(f64, String)> {
    let sc = s.scenario();
    let (o, r) = v.center?;
    let influence = sc
        .person_index(&v.judge)
        .map_or(1, |i| s.truth().people[i].influence.max(1));
    let weight = influence.saturating_mul(w).max(1);
    let lead = o.saturating_sub(r);
    // Won with both bids in: the margin is at least 1; a tie would go to the competitor, so
    // the win is lost once the judge's verdict drops by margin ÷ weight, rounded up.
    let margin = t.margin.max(1);
    let more = margin.div_euclid(weight) + i32::from(margin.rem_euclid(weight) != 0);
    let result = match lead {
        n if n > 0 => fill(pick(lang, "领先 {n} 分", "won by {n}"), &[("n", &plain(n))]),
        0 => pick(lang, "双方打平", "a tie").to_string(),
        n => fill(
            pick(lang, "落后 {n} 分", "lost by {n}"),
            &[("n", &plain(n.saturating_neg()))],
        ),
    };
    let head = if lead == t.margin {
        pick(
            lang,
            "你最险的一关：{stage}，{result}。",
            "Your closest call: the {stage}, {result}.",
        )
    } else if lead > 0 {
        pick(
            lang,
            "你最险的一关：{stage}，{result}，总分领先 {margin} 分。",
            "Your closest call: the {stage}, {result}; you won the order by {margin} in the total.",
        )
    } else {
        pick(
            lang,
            "你最险的一关：{stage}，{result}，总分仍领先 {margin} 分。",
            "Your closest call: the {stage}, {result}, yet you won the order by {margin} in the total.",
        )
    };
    let tail = pick(
        lang,
        "{judge}的评分每 1 分在这里值 {weight} 分（影响力 {influence}，算 {w} 倍），{judge}的评分再低 {more} 分，这一局就会输。",
        " Each point of {judge}'s verdict was worth {weight} there (influence {influence}, counted {w} times), so {more} {points} less from {judge} would have lost the order.",
    );
    let line = fill(
        &format!("{head}{tail}"),
        &[
            ("stage", &sc.stage_name(&v.stage, lang)),
            ("judge", &sc.person_name(&v.judge, lang)),
            ("result", &result),
            ("margin", &plain(margin)),
            ("weight", &plain(weight)),
            ("influence", &plain(influence)),
            ("w", &plain(w)),
            ("more", &plain(more)),
            ("points", points_word(more)),
        ],
    );
    Some((f64::from(margin) / f64::from(weight), line))
}

/// When the competitor's bid was vetoed and the totals would not have won: that the veto won
/// the order, and by how much the totals were behind (or that they were even; a tie goes to the
/// competitor). `None` when the competitor's bid stayed in, or the totals were ahead anyway.
fn rival_veto_note(s: &Session, t: &TenderResult, lang: &str) -> Option<String> {
    if !t.rival_eliminated || t.margin > 0 {
        return None;
    }
    let at = t.stages.iter().find(|v| !v.rival_pass)?;
    let template = if t.margin == 0 {
        pick(
            lang,
            "对手的标书在{stage}被否决，你才赢下订单：总分打平，要是它通过了，平分算对手赢。",
            "You won only because the competitor's bid was vetoed at the {stage}: the totals were even, and a tie would have gone to the competitor had it passed.",
        )
    } else {
        pick(
            lang,
            "对手的标书在{stage}被否决，你才赢下订单：总分你落后 {n} 分，要是它通过了，这一局就会输。",
            "You won only because the competitor's bid was vetoed at the {stage}: you were {n} behind in the total, and would have lost had it passed.",
        )
    };
    Some(fill(
        template,
        &[
            ("stage", &s.scenario().stage_name(&at.stage, lang)),
            ("n", &plain(t.margin.saturating_neg())),
        ],
    ))
}

/// `point` or `points` for an English count.
fn points_word(n: i32) -> &'static str {
    if n == 1 { "point" } else { "points" }
}

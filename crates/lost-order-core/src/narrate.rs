//! Words for what the engine makes: roles, stances, happenings and the tender's reasons, in zh and en.

use crate::engine::{Blocked, Happening, Session, StageVerdict};
use crate::scenario::{BuyingRole, Fact, Layer, StageRule};
use crate::text::fill;

fn zh(lang: &str) -> bool {
    lang == "zh"
}

/// Picks the Chinese or the English form.
fn pick<'a>(lang: &str, zh_text: &'a str, en_text: &'a str) -> &'a str {
    if zh(lang) { zh_text } else { en_text }
}

pub fn role_name(role: BuyingRole, lang: &str) -> &'static str {
    match role {
        BuyingRole::DecisionMaker => pick(lang, "决策者", "decision maker"),
        BuyingRole::Technical => pick(lang, "技术者", "technical evaluator"),
        BuyingRole::Purchaser => pick(lang, "采购者", "purchaser"),
        BuyingRole::User => pick(lang, "使用者", "user"),
        BuyingRole::Influencer => pick(lang, "影响者", "influencer"),
    }
}

pub fn layer_name(layer: Layer, lang: &str) -> &'static str {
    match layer {
        Layer::Decision => pick(lang, "决策层", "Decision layer"),
        Layer::Management => pick(lang, "管理层", "Management layer"),
        Layer::Execution => pick(lang, "执行层", "Execution layer"),
    }
}

pub fn fact_name(fact: Fact, lang: &str) -> &'static str {
    match fact {
        Fact::Identity => pick(lang, "身份", "identity"),
        Fact::Role => pick(lang, "角色", "role"),
        Fact::Stance => pick(lang, "立场", "stance"),
        Fact::Influence => pick(lang, "影响力", "influence"),
        Fact::Criteria => pick(lang, "采购标准", "criteria"),
    }
}

/// A stance as a sign and a word, never colour alone: `++ supporter`.
pub fn stance_label(support: i32, lang: &str) -> String {
    let (sign, zh_word, en_word) = match support {
        i32::MIN..=-3 => ("−−", "反对者", "opponent"),
        -2..=-1 => ("−", "不支持", "sceptical"),
        0 => ("○", "中立", "neutral"),
        1..=2 => ("+", "支持", "supportive"),
        _ => ("++", "铁杆支持", "champion"),
    };
    format!("{sign} {} ({support:+})", pick(lang, zh_word, en_word))
}

/// Why an action is disabled.
pub fn blocked_reason(b: &Blocked, lang: &str) -> String {
    match b {
        Blocked::NotEnoughPoints { need, have } => fill(
            pick(
                lang,
                "行动点不足（需要 {need}，剩 {have}）",
                "not enough action points (needs {need}, {have} left)",
            ),
            &[("need", &need.to_string()), ("have", &have.to_string())],
        ),
        Blocked::NotEnoughMoney { need, have } => fill(
            pick(
                lang,
                "预算不足（需要 {need}，剩 {have}）",
                "not enough budget (needs {need}, {have} left)",
            ),
            &[("need", &need.to_string()), ("have", &have.to_string())],
        ),
        Blocked::AlreadyThisWeek => pick(
            lang,
            "本周已经对此人做过",
            "already done with this person this week",
        )
        .to_string(),
        Blocked::Requirement(reason) => reason.get(lang).to_string(),
    }
}

/// One line for the log, or `None` for happenings that speak for themselves elsewhere.
pub fn describe(s: &Session, h: &Happening, lang: &str) -> Option<String> {
    let sc = s.scenario();
    let name = |id: &str| sc.person_name(id, lang);
    Some(match h {
        Happening::WeekStarted { week } => fill(
            pick(lang, "—— 第 {w} 周 ——", "—— Week {w} ——"),
            &[("w", &week.to_string())],
        ),
        Happening::ActionTaken {
            action,
            target,
            result,
        } => {
            let a = sc.action(action)?;
            let text = a
                .results
                .iter()
                .find(|r| &r.id == result)
                .map(|r| r.text.get(lang))
                .unwrap_or("");
            let target_name = target.as_deref().map(name).unwrap_or_default();
            format!(
                "{}: {}",
                a.label.get(lang),
                fill(text, &[("target", &target_name)])
            )
        }
        Happening::Discovered { person } => {
            let p = sc.person(person)?;
            fill(
                pick(
                    lang,
                    "新认识：{name}，{title}",
                    "New contact: {name}, {title}",
                ),
                &[("name", p.name.get(lang)), ("title", p.title.get(lang))],
            )
        }
        Happening::Hinted { person } => {
            let p = sc.person(person)?;
            fill(
                pick(
                    lang,
                    "听说{dept}有一位还没见过的关键人物",
                    "You hear of someone you have not met in the {dept}",
                ),
                &[("dept", p.department.get(lang))],
            )
        }
        Happening::Revealed { person, fact } => revealed(s, person, *fact, lang)?,
        Happening::CoachGained { person } => fill(
            pick(lang, "{name}成了你的教练", "{name} is now your coach"),
            &[("name", &name(person))],
        ),
        Happening::Note { text, .. } => text.get(lang).to_string(),
        Happening::Story { event } => sc
            .events
            .iter()
            .find(|e| &e.id == event)?
            .text
            .as_ref()?
            .get(lang)
            .to_string(),
        Happening::RivalMove { rule } => sc
            .competitor
            .rules
            .iter()
            .find(|r| &r.id == rule)?
            .text
            .as_ref()?
            .get(lang)
            .to_string(),
        Happening::SceneOpened { .. } | Happening::ChoiceMade { .. } | Happening::Stage(_) => {
            return None;
        }
        Happening::TenderOpened => pick(
            lang,
            "八周过去，开标在即：请编制标书。",
            "The weeks are over: the tender is due. Compose your bid.",
        )
        .to_string(),
        Happening::Ended { won, .. } => pick(
            lang,
            if *won {
                "你赢得了订单。"
            } else {
                "你失去了订单。"
            },
            if *won {
                "You won the order."
            } else {
                "You lost the order."
            },
        )
        .to_string(),
    })
}

fn revealed(s: &Session, person: &str, fact: Fact, lang: &str) -> Option<String> {
    let sc = s.scenario();
    let b = s.belief(person)?;
    let who = sc.person_name(person, lang);
    let value = match fact {
        Fact::Identity => return None,
        Fact::Role => role_name(b.role.as_ref()?.value, lang).to_string(),
        Fact::Stance => stance_label(b.stance.as_ref()?.value, lang),
        Fact::Influence => format!("{}/10", b.influence.as_ref()?.value),
        Fact::Criteria => b
            .criteria
            .as_ref()?
            .value
            .iter()
            .map(|c| sc.criterion_name(c, lang))
            .collect::<Vec<_>>()
            .join(pick(lang, "、", ", ")),
    };
    Some(format!("{who} · {}: {value}", fact_name(fact, lang)))
}

/// The tender's causal chain in plain words, stage by stage, then the outcome.
pub fn explain(s: &Session, lang: &str) -> Vec<String> {
    let Some(t) = s.tender() else {
        return Vec::new();
    };
    let mut out: Vec<String> = t.stages.iter().map(|v| stage_reason(s, v, lang)).collect();
    let sc = s.scenario();
    let last = if t.won {
        pick(
            lang,
            "结果：你赢得了订单（领先 {m} 分）。",
            "Outcome: you won the order (by {m} points).",
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
            "结果：{rival}以 {m} 分的优势赢得了订单。",
            "Outcome: {rival} won the order by {m} points.",
        )
    };
    out.push(fill(
        last,
        &[
            ("m", &t.margin.abs().to_string()),
            ("rival", sc.competitor.name.get(lang)),
        ],
    ));
    out
}

/// One stage's verdict and the reason for it.
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
    let names = |ids: &[String]| {
        ids.iter()
            .map(|c| sc.criterion_name(c, lang))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let mut line = fill(
        pick(
            lang,
            "{stage}由{judge}主持。他对你的支持度是 {support}",
            "{stage} was run by {judge}. Their support for you was {support}",
        ),
        &[
            ("stage", stage),
            ("judge", &judge),
            ("support", &format!("{:+}", v.ours.support)),
        ],
    );
    line += &if v.ours.missed.is_empty() {
        pick(
            lang,
            "，你的方案回应了他关心的全部标准",
            ", and your proposal addressed all their criteria",
        )
        .to_string()
    } else {
        fill(
            pick(
                lang,
                "，你的方案没有回应他关心的：{missed}",
                ", and your proposal never addressed their criteria: {missed}",
            ),
            &[("missed", &names(&v.ours.missed))],
        )
    };
    let detail = match v.rule {
        StageRule::Veto(threshold) if !v.we_pass => fill(
            pick(
                lang,
                "。评分 {score}，低于门槛 {t}：技术否决，你出局了。",
                ". Score {score}, below the threshold {t}: vetoed, your bid is out.",
            ),
            &[
                ("score", &v.ours.total().to_string()),
                ("t", &threshold.to_string()),
            ],
        ),
        StageRule::Veto(threshold) => fill(
            pick(
                lang,
                "。评分 {score}，达到门槛 {t}：通过。",
                ". Score {score}, at or above the threshold {t}: passed.",
            ),
            &[
                ("score", &v.ours.total().to_string()),
                ("t", &threshold.to_string()),
            ],
        ),
        StageRule::Score(_) => fill(
            pick(
                lang,
                "。评分：你 {ours}，对手 {rival}。",
                ". Scores: you {ours}, the competitor {rival}.",
            ),
            &[
                ("ours", &v.ours.total().to_string()),
                ("rival", &v.rival.total().to_string()),
            ],
        ),
        StageRule::Decide(_) => {
            let (o, r) = v.center.unwrap_or_default();
            fill(
                pick(
                    lang,
                    "。按影响力加权，整个采购组织给你 {o} 分，给对手 {r} 分；总分 {to} 比 {tr}。",
                    ". Weighted by influence, the buying center gave you {o} and the competitor {r}; totals {to} to {tr}.",
                ),
                &[
                    ("o", &o.to_string()),
                    ("r", &r.to_string()),
                    ("to", &v.our_tally.to_string()),
                    ("tr", &v.rival_tally.to_string()),
                ],
            )
        }
    };
    line + &detail
}

//! A refused decision in a player's words: any `SessionError` as one sentence in zh or en.

use crate::engine::{BidPart, BidProblem, Blocked, Phase, SessionError};
use crate::scenario::Scenario;
use crate::text::{fill, is_chinese, pick};

/// Any session error as one full sentence in `lang`, naming actions, people and choices by the
/// scenario's words: `无法执行「拜访」：行动点不足（需要 2，剩 1）。` /
/// `Cannot take “Visit”: not enough action points (needs 2, 1 left).`
/// Ids the scenario does not know are quoted as given.
pub fn error(scenario: &Scenario, e: &SessionError, lang: &str) -> String {
    let zh = is_chinese(lang);
    let q = |s: &str| quote(s, lang);
    let body = match e {
        SessionError::WrongPhase { now } => {
            let phase = phase_name(now, scenario, lang);
            if zh {
                format!("现在不能这样做：{phase}")
            } else {
                format!("Not possible now: {phase}")
            }
        }
        SessionError::UnknownAction(id) => {
            if zh {
                format!("没有{}这个行动", q(id))
            } else {
                format!("There is no action {}", q(id))
            }
        }
        SessionError::UnknownPerson(id) => {
            if zh {
                format!("没有{}这个人", q(id))
            } else {
                format!("There is nobody called {}", q(id))
            }
        }
        SessionError::Blocked {
            action,
            target,
            reason,
        } => {
            let label = scenario
                .action(action)
                .map_or(action.as_str(), |a| a.label.get(lang));
            let reason = blocked_reason(reason, lang);
            match target.as_deref() {
                Some(t) if zh => format!(
                    "无法对{}执行{}：{reason}",
                    scenario.person_name(t, lang),
                    q(label)
                ),
                Some(t) => format!(
                    "Cannot take {} with {}: {reason}",
                    q(label),
                    scenario.person_name(t, lang)
                ),
                None if zh => format!("无法执行{}：{reason}", q(label)),
                None => format!("Cannot take {}: {reason}", q(label)),
            }
        }
        SessionError::UnknownChoice { choice, .. } => {
            if zh {
                format!("这段对话里没有{}这个选项", q(choice))
            } else {
                format!("This scene has no choice {}", q(choice))
            }
        }
        SessionError::ChoiceBlocked {
            scene,
            choice,
            reason,
        } => {
            let label = scenario
                .scene(scene)
                .and_then(|s| s.choices.iter().find(|c| &c.id == choice))
                .map_or(choice.as_str(), |c| c.label.get(lang));
            let reason = reason.as_ref().map(|r| trim_end(r.get(lang)));
            match reason {
                Some(r) if zh => format!("现在不能选{}：{r}", q(label)),
                Some(r) => format!("You cannot choose {} now: {r}", q(label)),
                None if zh => format!("现在不能选{}", q(label)),
                None => format!("You cannot choose {} now", q(label)),
            }
        }
        SessionError::InvalidBid(problem) => {
            let problem = bid_problem(scenario, problem, lang);
            if zh {
                format!("标书无效：{problem}")
            } else {
                format!("The bid is not valid: {problem}")
            }
        }
        SessionError::UnknownAccount(id) => {
            if zh {
                format!("没有{}这个客户", q(id))
            } else {
                format!("There is no account {}", q(id))
            }
        }
        SessionError::AccountNotGraded(id) => {
            let name = account_name(scenario, id, lang);
            if zh {
                format!("还没有给{}评级：每个客户都要评级", q(&name))
            } else {
                format!("{} has no grade yet: grade every account", q(&name))
            }
        }
        SessionError::AccountGradedTwice(id) => {
            let name = account_name(scenario, id, lang);
            if zh {
                format!("{}被评了两次级：每个客户只评一次", q(&name))
            } else {
                format!("{} is graded twice: grade each account once", q(&name))
            }
        }
        SessionError::NeverEnded { decisions } => {
            if zh {
                format!("做了 {decisions} 个决定之后，本局仍未结束")
            } else {
                format!("The session was still not over after {decisions} decisions")
            }
        }
    };
    format!("{}{}", trim_end(&body), pick(lang, "。", "."))
}

/// What the session is doing, as a clause: `本局已经结束` / `the session is over`.
pub fn phase_name(phase: &Phase, scenario: &Scenario, lang: &str) -> String {
    match phase {
        Phase::Grading => pick(lang, "正在给客户分级", "you are grading the accounts").to_string(),
        Phase::Planning => {
            pick(lang, "正在安排本周的行动", "you are planning the week").to_string()
        }
        Phase::Scene(id) => match scenario.scene(id).and_then(|s| s.speaker.as_deref()) {
            Some(speaker) => fill(
                pick(
                    lang,
                    "{name}在等你回答",
                    "{name} is waiting for your answer",
                ),
                &[("name", &scenario.person_name(speaker, lang))],
            ),
            None => pick(
                lang,
                "一段对话在等你做出选择",
                "a scene is waiting for your choice",
            )
            .to_string(),
        },
        Phase::Bidding => pick(lang, "该提交标书了", "the bid is due").to_string(),
        Phase::Ended => pick(lang, "本局已经结束", "the session is over").to_string(),
    }
}

/// An account's name in `lang`, or its id when the scenario has no such account.
fn account_name(scenario: &Scenario, id: &str, lang: &str) -> String {
    scenario
        .grading
        .as_ref()
        .and_then(|g| g.account(id))
        .map_or_else(|| id.to_string(), |a| a.name.get(lang).to_string())
}

/// Why an action is disabled or was refused, as a phrase without a full stop:
/// `行动点不足（需要 2，剩 1）` / `not enough action points (needs 2, 1 left)`.
/// Money is in the scenario's unit (e.g. k¥). The person is "them" (`此人`); `error` names them.
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
            "本周已经对此人采取过这项行动",
            "already done with this person this week",
        )
        .to_string(),
        Blocked::Requirement(reason) => trim_end(reason.get(lang)).to_string(),
        Blocked::NotOnMap(_) => {
            pick(lang, "你还不认识此人", "you do not know them yet").to_string()
        }
        Blocked::NotATarget(_) => pick(
            lang,
            "这个行动不能用在此人身上",
            "it cannot be aimed at them",
        )
        .to_string(),
        Blocked::NeedsTarget => pick(lang, "需要选定一个对象", "it needs a target").to_string(),
    }
}

/// What is wrong with a bid, as a phrase, naming options by the tender's labels.
fn bid_problem(scenario: &Scenario, p: &BidProblem, lang: &str) -> String {
    let zh = is_chinese(lang);
    let q = |s: &str| quote(s, lang);
    match p {
        BidProblem::UnknownPrice(id) if zh => format!("没有{}这个报价", q(id)),
        BidProblem::UnknownPrice(id) => format!("there is no price level {}", q(id)),
        BidProblem::TooMany { part, max } if zh => format!("{}最多选 {max} 项", part_zh(*part)),
        BidProblem::TooMany { part, max } => format!("choose at most {max} {part}"),
        BidProblem::UnknownOption { part, id } if zh => {
            format!("没有{}这个{}", q(id), part_zh(*part))
        }
        BidProblem::UnknownOption { part, id } => {
            let one = match part {
                BidPart::Emphasis => "emphasis",
                BidPart::Commitment => "commitment",
            };
            format!("there is no {one} {}", q(id))
        }
        BidProblem::GivenTwice { part, id } => {
            let t = &scenario.tender;
            let options = match part {
                BidPart::Emphasis => &t.emphases,
                BidPart::Commitment => &t.commitments,
            };
            let label = options
                .iter()
                .find(|o| &o.id == id)
                .map_or(id.as_str(), |o| o.label.get(lang));
            if zh {
                format!("{}选了两次", q(label))
            } else {
                format!("{} is chosen twice", q(label))
            }
        }
    }
}

/// A list of the bid in Chinese, as the tender screen names it.
fn part_zh(part: BidPart) -> &'static str {
    match part {
        BidPart::Emphasis => "方案重点",
        BidPart::Commitment => "承诺",
    }
}

/// A name or label in quotation marks: `「拜访」` / `“Visit”`.
fn quote(s: &str, lang: &str) -> String {
    if is_chinese(lang) {
        format!("「{s}」")
    } else {
        format!("“{s}”")
    }
}

/// Without a closing full stop, so that a phrase can end a sentence of its own.
fn trim_end(s: &str) -> &str {
    s.trim_end()
        .trim_end_matches(['。', '.', '！', '!'])
        .trim_end()
}

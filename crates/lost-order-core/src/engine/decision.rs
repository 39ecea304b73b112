//! A player's decisions, the unit of scripts, records and replays, and how one is written as a script line.

use serde::{Deserialize, Serialize};

use crate::scenario::{Grade, Id};

/// The bid the player submits at the tender.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bid {
    /// A price level's id.
    pub price: Id,
    /// What the proposal stresses (ids of `tender.emphases`).
    #[serde(default)]
    pub emphases: Vec<Id>,
    /// What we promise (ids of `tender.commitments`).
    #[serde(default)]
    pub commitments: Vec<Id>,
}

/// One thing the player decides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Take an action (its id), aimed at a person (their id) when it has targets.
    Act { action: Id, target: Option<Id> },
    /// End the week.
    EndWeek,
    /// Pick a choice (its id) in the open scene.
    Choose(Id),
    /// Submit the bid.
    Bid(Bid),
    /// Grade the company's accounts before week 1 (客户的分级): each account's id with the
    /// grade the player gives it, every account of `grading.accounts` once.
    Grade(Vec<(Id, Grade)>),
}

/// Writes decisions back in the script format.
pub fn format_script(decisions: &[Decision]) -> String {
    let mut out = String::new();
    for d in decisions {
        let line = match d {
            Decision::Act {
                action,
                target: Some(t),
            } => format!("act {action} {t}"),
            Decision::Act {
                action,
                target: None,
            } => format!("act {action}"),
            Decision::EndWeek => "end".to_string(),
            Decision::Choose(c) => format!("choose {c}"),
            Decision::Bid(b) => {
                let mut s = format!("bid {}", b.price);
                if !b.emphases.is_empty() {
                    s += &format!(" emphasis={}", b.emphases.join(","));
                }
                if !b.commitments.is_empty() {
                    s += &format!(" commit={}", b.commitments.join(","));
                }
                s
            }
            Decision::Grade(grades) => {
                let mut s = "grade".to_string();
                for (account, grade) in grades {
                    s += &format!(" {account}={grade}");
                }
                s
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

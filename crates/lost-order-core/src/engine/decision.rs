//! A player's decisions, the unit of scripts, records and replays, and the plain-text script format.

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

/// A line of a script that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ScriptError {
    /// 1-based line number in the script.
    pub line: usize,
    /// What is wrong, in English.
    pub message: String,
}

/// Reads a choice script: one decision per line, `#` starts a comment.
///
/// ```text
/// act visit liu          # an action, with its target if it has one
/// end                    # end the week
/// choose call_liu        # a choice in the open scene
/// bid lowest emphasis=relationship commit=service,guarantee
/// grade shanghai=A ningbo=B suzhou=C   # grades before week 1
/// ```
pub fn parse_script(text: &str) -> Result<Vec<Decision>, ScriptError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let err = |message: String| ScriptError {
            line: i + 1,
            message,
        };
        let words: Vec<&str> = line.split_whitespace().collect();
        let decision = match words.as_slice() {
            ["act", action] => Decision::Act {
                action: action.to_string(),
                target: None,
            },
            ["act", action, target] => Decision::Act {
                action: action.to_string(),
                target: Some(target.to_string()),
            },
            ["end"] => Decision::EndWeek,
            ["choose", choice] => Decision::Choose(choice.to_string()),
            ["bid", price, rest @ ..] => Decision::Bid(parse_bid(price, rest).map_err(err)?),
            ["grade", rest @ ..] => Decision::Grade(parse_grades(rest).map_err(err)?),
            _ => {
                return Err(err(format!(
                    "cannot read `{line}`; expected `act ACTION [PERSON]`, `end`, `choose CHOICE`, `bid PRICE [emphasis=A,B] [commit=C,D]` or `grade ACCOUNT=A …`"
                )));
            }
        };
        out.push(decision);
    }
    Ok(out)
}

fn parse_bid(price: &str, rest: &[&str]) -> Result<Bid, String> {
    let mut bid = Bid {
        price: price.to_string(),
        ..Bid::default()
    };
    for word in rest {
        let (key, list) = word
            .split_once('=')
            .ok_or_else(|| format!("`{word}`: expected `emphasis=…` or `commit=…`"))?;
        let ids = list
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        match key {
            "emphasis" => bid.emphases.extend(ids),
            "commit" => bid.commitments.extend(ids),
            _ => return Err(format!("`{key}`: expected `emphasis` or `commit`")),
        }
    }
    Ok(bid)
}

fn parse_grades(words: &[&str]) -> Result<Vec<(Id, Grade)>, String> {
    if words.is_empty() {
        return Err(
            "`grade` needs `ACCOUNT=GRADE` for each account, e.g. `grade shanghai=A`".into(),
        );
    }
    words
        .iter()
        .map(|word| {
            let (account, letter) = word
                .split_once('=')
                .filter(|(a, _)| !a.is_empty())
                .ok_or_else(|| format!("`{word}`: expected `ACCOUNT=GRADE`, e.g. `shanghai=A`"))?;
            let grade = Grade::from_letter(letter)
                .ok_or_else(|| format!("`{letter}`: a grade is `A`, `B` or `C`"))?;
            Ok((account.to_string(), grade))
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_every_kind_of_line() {
        let text = "# Liao\nact dinner liu\nact report  # no target\nend\nchoose call_liu\nbid lowest emphasis=a,b commit=c\n";
        let decisions = parse_script(text).unwrap();
        assert_eq!(decisions.len(), 5);
        assert_eq!(
            decisions[4],
            Decision::Bid(Bid {
                price: "lowest".into(),
                emphases: vec!["a".into(), "b".into()],
                commitments: vec!["c".into()],
            })
        );
        assert_eq!(parse_script(&format_script(&decisions)).unwrap(), decisions);
    }

    #[test]
    fn names_the_bad_line() {
        let e = parse_script("end\nfly away now please\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse_script("bid low colour=red").unwrap_err();
        assert!(e.message.contains("`colour`"), "{e}");
        let e = parse_script("grade shanghai=D").unwrap_err();
        assert!(e.message.contains("`D`"), "{e}");
        assert!(parse_script("grade").is_err());
        assert!(parse_script("grade shanghai").is_err());
    }

    #[test]
    fn reads_and_writes_a_grade_line() {
        let text = "grade shanghai=A ningbo=b suzhou=C  # before week 1\nend\n";
        let decisions = parse_script(text).unwrap();
        assert_eq!(
            decisions[0],
            Decision::Grade(vec![
                ("shanghai".into(), Grade::A),
                ("ningbo".into(), Grade::B),
                ("suzhou".into(), Grade::C),
            ])
        );
        assert_eq!(
            format_script(&decisions),
            "grade shanghai=A ningbo=B suzhou=C\nend\n"
        );
        assert_eq!(parse_script(&format_script(&decisions)).unwrap(), decisions);
    }

    #[test]
    fn a_grade_decision_is_plain_ron() {
        let d = Decision::Grade(vec![
            ("shanghai".into(), Grade::A),
            ("ningbo".into(), Grade::C),
        ]);
        let ron = ron::to_string(&d).unwrap();
        assert_eq!(ron, r#"Grade([("shanghai",A),("ningbo",C)])"#);
        assert_eq!(ron::from_str::<Decision>(&ron).unwrap(), d);
    }
}

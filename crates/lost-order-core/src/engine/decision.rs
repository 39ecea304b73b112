//! A player's decisions, the unit of scripts, records and replays, and the plain-text script format.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::scenario::{Grade, Id};

/// The largest choice script read, in bytes (1 MiB). A whole session is a few dozen lines;
/// anything near this is not a choice script, and is refused before it is read into memory.
pub const MAX_SCRIPT_BYTES: u64 = 1024 * 1024;

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

/// Why a choice script file could not be read as decisions.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScriptFileError {
    /// The file could not be opened or read (missing, no permission, a link loop, …).
    #[error("{path}: cannot read: {cause}")]
    Io { path: String, cause: std::io::Error },
    /// The path names a folder, a pipe or a device (reading a pipe would wait for ever).
    #[error("{path}: not a file (a folder, a pipe or a device), so not a choice script")]
    NotAFile { path: String },
    /// The file is larger than [`MAX_SCRIPT_BYTES`].
    #[error("{path}: {size} bytes is too large for a choice script (at most {MAX_SCRIPT_BYTES})")]
    TooLarge { path: String, size: u64 },
    /// The file is not UTF-8 text.
    #[error("{path}: not UTF-8 text, so not a choice script")]
    NotText { path: String },
    /// A line is not a decision.
    #[error("{path}: {error}")]
    Script { path: String, error: ScriptError },
}

/// Reads the choice script at `path`: a file (not a folder or a pipe) of at most
/// [`MAX_SCRIPT_BYTES`] of UTF-8, a leading byte-order mark ignored, parsed by [`parse_script`].
///
/// # Errors
/// [`ScriptFileError::Io`] when it cannot be read, [`ScriptFileError::NotAFile`] for a folder,
/// pipe or device, [`ScriptFileError::TooLarge`], [`ScriptFileError::NotText`] when it is not
/// UTF-8, [`ScriptFileError::Script`] with the first line that is not a decision.
pub fn read_script(path: &Path) -> Result<Vec<Decision>, ScriptFileError> {
    use std::io::Read;
    let shown = path.display().to_string();
    let io = |cause| ScriptFileError::Io {
        path: shown.clone(),
        cause,
    };
    if !std::fs::metadata(path).map_err(io)?.is_file() {
        return Err(ScriptFileError::NotAFile { path: shown });
    }
    let mut bytes = Vec::new();
    // One byte more than allowed tells a file that is too large without reading all of it.
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_SCRIPT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_SCRIPT_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(ScriptFileError::TooLarge { path: shown, size });
    }
    let text = String::from_utf8(bytes).map_err(|_| ScriptFileError::NotText {
        path: shown.clone(),
    })?;
    parse_script(crate::text::strip_bom(&text))
        .map_err(|error| ScriptFileError::Script { path: shown, error })
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
                    "cannot read `{}`; expected `act ACTION [PERSON]`, `end`, `choose CHOICE`, `bid PRICE [emphasis=A,B] [commit=C,D]` or `grade ACCOUNT=A …`",
                    quoted(line)
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
            .ok_or_else(|| format!("`{}`: expected `emphasis=…` or `commit=…`", quoted(word)))?;
        let ids = list
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        match key {
            "emphasis" => bid.emphases.extend(ids),
            "commit" => bid.commitments.extend(ids),
            _ => {
                return Err(format!(
                    "`{}`: expected `emphasis` or `commit`",
                    quoted(key)
                ));
            }
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
                .ok_or_else(|| {
                    format!(
                        "`{}`: expected `ACCOUNT=GRADE`, e.g. `shanghai=A`",
                        quoted(word)
                    )
                })?;
            let grade = Grade::from_letter(letter)
                .ok_or_else(|| format!("`{}`: a grade is `A`, `B` or `C`", quoted(letter)))?;
            Ok((account.to_string(), grade))
        })
        .collect()
}

/// How many characters of a script's text an error message quotes.
const QUOTED_CHARS: usize = 60;

/// `text` as an error message quotes it: at most [`QUOTED_CHARS`] characters, then `…`, so
/// that a line of a megabyte is not printed back whole; control characters (a NUL, an escape)
/// are shown escaped (`\u{0}`), since printed as they are they would be invisible or garble
/// the terminal.
fn quoted(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == QUOTED_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
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

    #[test]
    fn a_long_line_is_quoted_cut_short() {
        let long = format!("fly {}", "x".repeat(100_000));
        let e = parse_script(&long).unwrap_err();
        assert!(e.message.len() < 400, "{} bytes", e.message.len());
        assert!(
            e.message.contains(&format!("`fly {}…`", "x".repeat(56))),
            "{e}"
        );
        let e = parse_script(&format!("bid low {}", "y".repeat(100_000))).unwrap_err();
        assert!(e.message.len() < 200, "{e}");
        let e = parse_script("end\0\u{1b}[2J").unwrap_err();
        assert!(e.message.contains("`end\\u{0}\\u{1b}[2J`"), "{e}");
        let e = parse_script(&format!("grade a={}", "象".repeat(100_000))).unwrap_err();
        assert!(
            e.message.starts_with(&format!("`{}…`", "象".repeat(60))),
            "{e}"
        );
    }

    /// A scratch folder for one test of `read_script`.
    fn scratch(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!(
            "lost-order-read-script-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_script_file_with_a_byte_order_mark_reads_like_one_without() {
        let d = scratch("bom");
        std::fs::write(d.join("s.script"), "\u{feff}end\nchoose call_liu\n").unwrap();
        let decisions = read_script(&d.join("s.script")).unwrap();
        assert_eq!(decisions[0], Decision::EndWeek);
    }

    #[test]
    fn folders_large_files_and_non_text_are_refused_by_name() {
        let d = scratch("refused");
        let e = read_script(&d).unwrap_err();
        assert!(matches!(e, ScriptFileError::NotAFile { .. }), "{e}");
        let big = d.join("big.script");
        let line = "end\n".repeat(1024);
        let mut f = std::fs::File::create(&big).unwrap();
        for _ in 0..=(MAX_SCRIPT_BYTES / line.len() as u64) {
            std::io::Write::write_all(&mut f, line.as_bytes()).unwrap();
        }
        let e = read_script(&big).unwrap_err();
        assert!(
            e.to_string().contains("too large for a choice script"),
            "{e}"
        );
        std::fs::write(d.join("bin.script"), b"end\n\xff\xfe\n").unwrap();
        let e = read_script(&d.join("bin.script")).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("not UTF-8 text, so not a choice script"),
            "{e}"
        );
        let e = read_script(&d.join("missing.script")).unwrap_err();
        assert_eq!(e.to_string().matches("No such file").count(), 1, "{e}");
        std::fs::write(d.join("bad.script"), "end\nfly\n").unwrap();
        let e = read_script(&d.join("bad.script")).unwrap_err();
        assert!(
            e.to_string()
                .contains("bad.script: line 2: cannot read `fly`"),
            "{e}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_named_like_a_script_is_refused_without_waiting() {
        let d = scratch("fifo");
        let fifo = d.join("pipe.script");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "mkfifo (coreutils) makes a pipe"
        );
        let e = read_script(&fifo).unwrap_err();
        assert!(matches!(e, ScriptFileError::NotAFile { .. }), "{e}");
    }
}

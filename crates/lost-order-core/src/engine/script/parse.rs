//! The text of a choice script: reading the file, and each line into a decision, a `try` or an `on` rule.

use std::path::Path;

use super::{Script, ScriptLine, ScriptStep};
use crate::engine::decision::{Bid, Decision};
use crate::scenario::{Grade, Id};

/// The largest choice script read, in bytes (1 MiB). A whole session is a few dozen lines;
/// anything near this is not a choice script, and is refused before it is read into memory.
pub const MAX_SCRIPT_BYTES: u64 = 1024 * 1024;

/// A line of a script that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ScriptError {
    /// 1-based line number in the script.
    pub line: usize,
    /// What is wrong, in English.
    pub message: String,
}

/// Why a choice script file could not be read.
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
    /// A line is not a script line.
    #[error("{path}: {error}")]
    Script { path: String, error: ScriptError },
}

/// Reads the choice script at `path`: a file (not a folder or a pipe) of at most
/// [`MAX_SCRIPT_BYTES`] of UTF-8, a leading byte-order mark ignored, parsed by [`parse_script`].
///
/// # Errors
/// [`ScriptFileError::Io`] when it cannot be read, [`ScriptFileError::NotAFile`] for a folder,
/// pipe or device, [`ScriptFileError::TooLarge`], [`ScriptFileError::NotText`] when it is not
/// UTF-8, [`ScriptFileError::Script`] with the first line that cannot be read.
pub fn read_script(path: &Path) -> Result<Script, ScriptFileError> {
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

/// Reads a choice script: one line each, `#` starts a comment, blank lines are skipped.
///
/// ```text
/// on liu_news choose call_liu  # whenever the scene `liu_news` opens, pick `call_liu`
/// act visit liu          # an action, with its target if it has one
/// try act dinner wang    # taken if the session accepts it, else skipped
/// end                    # end the week
/// choose call_liu        # a choice in the open scene
/// bid lowest emphasis=relationship commit=service,guarantee
/// grade shanghai=A ningbo=B suzhou=C   # grades before week 1
/// ```
///
/// # Errors
/// [`ScriptError`] with the first line that is none of these, or a second `on` line for a
/// scene that already has one.
pub fn parse_script(text: &str) -> Result<Script, ScriptError> {
    let mut lines = Vec::new();
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
        let step = match words.as_slice() {
            ["try", rest @ ..] => ScriptStep::Try(decision(rest, line).map_err(err)?),
            ["on", scene, "choose", choice] => {
                let earlier = lines.iter().find_map(|l: &ScriptLine| match &l.step {
                    ScriptStep::OnScene { scene: s, .. } if s == scene => Some(l.number),
                    _ => None,
                });
                if let Some(n) = earlier {
                    return Err(err(format!(
                        "scene `{}` already has an `on` line (line {n}); keep one",
                        quoted(scene)
                    )));
                }
                ScriptStep::OnScene {
                    scene: Id::from(*scene),
                    choice: Id::from(*choice),
                }
            }
            ["on", ..] => {
                return Err(err(format!(
                    "cannot read `{}`; expected `on SCENE choose CHOICE`",
                    quoted(line)
                )));
            }
            _ => ScriptStep::Take(decision(&words, line).map_err(err)?),
        };
        lines.push(ScriptLine {
            number: i + 1,
            step,
        });
    }
    Ok(Script { lines })
}

/// The decision written as `words` (the whole line is `line`, quoted in the error).
fn decision(words: &[&str], line: &str) -> Result<Decision, String> {
    Ok(match words {
        ["act", action] => Decision::Act {
            action: Id::from(*action),
            target: None,
        },
        ["act", action, target] => Decision::Act {
            action: Id::from(*action),
            target: Some(Id::from(*target)),
        },
        ["end"] => Decision::EndWeek,
        ["choose", choice] => Decision::Choose(Id::from(*choice)),
        ["bid", price, rest @ ..] => Decision::Bid(parse_bid(price, rest)?),
        ["grade", rest @ ..] => Decision::Grade(parse_grades(rest)?),
        _ => {
            return Err(format!(
                "cannot read `{}`; expected `act ACTION [PERSON]`, `end`, `choose CHOICE`, `bid PRICE [emphasis=A,B] [commit=C,D]`, `grade ACCOUNT=A …`, `try …` before any of these, or `on SCENE choose CHOICE`",
                quoted(line)
            ));
        }
    })
}

fn parse_bid(price: &str, rest: &[&str]) -> Result<Bid, String> {
    let mut bid = Bid {
        price: Id::from(price),
        ..Bid::default()
    };
    for word in rest {
        let (key, list) = word
            .split_once('=')
            .ok_or_else(|| format!("`{}`: expected `emphasis=…` or `commit=…`", quoted(word)))?;
        let ids = list.split(',').filter(|s| !s.is_empty()).map(Id::from);
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
            Ok((Id::from(account), grade))
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

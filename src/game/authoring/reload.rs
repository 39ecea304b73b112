//! Reading a watched case file again: its mistakes in plain words, and whether the session in
//! progress still replays against the new version.

use std::path::Path;
use std::sync::Arc;

use lost_order_core::engine::Session;
use lost_order_core::load::{self, Checked, Diagnostic};
use lost_order_core::narrate;
use lost_order_core::scenario::Scenario;
use lost_order_core::text::pick;

/// One mistake in the file, as the overlay shows it: where, what, the line it is on, what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mistake {
    /// `path:line:col`, or only the path when the whole file is at fault (it cannot be read).
    pub location: String,
    /// What is wrong, in the checker's words.
    pub message: String,
    /// The line the mistake is on, split around it: before, the mistake itself, after.
    pub line: Option<[String; 3]>,
    /// What to do about it, in the checker's words.
    pub hint: Option<String>,
}

impl Mistake {
    /// The mistake in plain text (no colours): `path:line:col: message`, the line, a caret
    /// under the mistake, and the hint, each on its own line; the hint's label in `lang`.
    pub fn text(&self, lang: &str) -> String {
        let mut out = format!("{}: {}\n", self.location, self.message);
        if let Some([before, at, after]) = &self.line {
            out += &format!("  {before}{at}{after}\n");
            let pad = " ".repeat(2 + before.chars().count());
            let carets = "^".repeat(at.chars().count().max(1));
            out += &format!("{pad}{carets}\n");
        }
        if let Some(hint) = &self.hint {
            out += &format!("{}{hint}\n", pick(lang, "提示：", "hint: "));
        }
        out
    }

    /// A checker's error about `source`, read from `path`.
    fn of(d: &Diagnostic, path: &str, source: &str) -> Mistake {
        let (line, col) = d.line_col(source);
        Mistake {
            location: match d.span {
                Some(_) => format!("{path}:{line}:{col}"),
                None => path.to_string(),
            },
            message: d.message.clone(),
            line: d.span.as_ref().map(|span| marked_line(source, span)),
            hint: d.hint.clone(),
        }
    }
}

/// The line `span` starts on, split into before, the span (cut at the line's end) and after.
/// A span of blanks (a parser pointing just before the token it could not read) marks the
/// token that follows instead, so that the eye finds it.
fn marked_line(source: &str, span: &std::ops::Range<usize>) -> [String; 3] {
    let start = floor_boundary(source, span.start);
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line_end = if source[..line_end].ends_with('\r') {
        line_end - 1
    } else {
        line_end
    }
    .max(start);
    let mut from = start;
    let mut to = floor_boundary(source, span.end.clamp(start, line_end));
    if source[from..to].trim().is_empty() {
        let rest = &source[to..line_end];
        let token = rest.trim_start();
        let len = token.find(char::is_whitespace).unwrap_or(token.len());
        if len > 0 {
            from = to + (rest.len() - token.len());
            to = from + len;
        }
    }
    [
        source[line_start..from].to_string(),
        source[from..to].to_string(),
        source[to..line_end].to_string(),
    ]
}

/// The largest char boundary of `source` at or before `offset`.
fn floor_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// What reading the file gave.
#[derive(Debug)]
pub struct Reading {
    /// The file's text, when it could be read (to tell a save that changed nothing).
    pub source: Option<String>,
    /// The new version and how many warnings it has, or its errors (at least one).
    pub outcome: Result<(Arc<Scenario>, usize), Vec<Mistake>>,
}

/// Reads and checks the case file at `path` with the core's loader, as `lost-order check`
/// does. Never fails: a file that cannot be read is one mistake naming the path.
pub fn read(path: &Path) -> Reading {
    match load::check_file(path) {
        Ok(checked) => of_checked(checked),
        Err(e) => Reading {
            source: None,
            outcome: Err(vec![Mistake {
                location: path.display().to_string(),
                message: e.to_string(),
                line: None,
                hint: None,
            }]),
        },
    }
}

fn of_checked(checked: Checked) -> Reading {
    let mistakes: Vec<Mistake> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| Mistake::of(d, &checked.path, &checked.source))
        .collect();
    let warnings = checked.warnings();
    let source = Some(checked.source.clone());
    let outcome = match checked.into_scenario() {
        Ok(s) if mistakes.is_empty() => Ok((Arc::new(s), warnings)),
        _ => Err(mistakes),
    };
    Reading { source, outcome }
}

/// Where a session stopped replaying against a new version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// Which decision was refused, from 1.
    pub number: usize,
    /// How many decisions the session had.
    pub of: usize,
    /// The week it was made in.
    pub week: u32,
    /// Why the new version refuses it: Chinese, English.
    pub why: [String; 2],
}

impl Divergence {
    /// "Decision 3 of 5 (week 1) is refused: …" in `lang`.
    pub fn text(&self, lang: &str) -> String {
        let [zh, en] = &self.why;
        if lost_order_core::text::is_chinese(lang) {
            format!(
                "第 {} 个决定（共 {} 个，第 {} 周）在新版本里不成立：{zh}",
                self.number, self.of, self.week
            )
        } else {
            format!(
                "Decision {} of {} (week {}) is refused by the new version: {en}",
                self.number, self.of, self.week
            )
        }
    }
}

/// What becomes of the session in progress when a new version of its case loads.
#[derive(Clone, Debug)]
pub enum Carry {
    /// Every decision replays: the same seed and decisions on the new version.
    Continues(Box<Session>),
    /// A decision is refused by the new version: the session cannot continue on it.
    Diverged(Divergence),
}

/// Replays `session`'s seed and decisions on `scenario` (`Session::new`, then `apply` each).
pub fn carry_over(session: &Session, scenario: Arc<Scenario>) -> Carry {
    let mut next = Session::new(scenario, session.seed());
    let made = session.decisions();
    for (i, m) in made.iter().enumerate() {
        if let Err(e) = next.apply(&m.decision) {
            let sc = next.scenario();
            return Carry::Diverged(Divergence {
                number: i + 1,
                of: made.len(),
                week: m.week,
                why: [narrate::error(sc, &e, "zh"), narrate::error(sc, &e, "en")],
            });
        }
    }
    Carry::Continues(Box::new(next))
}

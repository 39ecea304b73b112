//! Author-facing errors and warnings, and their rendering with the offending line and a caret.

use std::ops::Range;

use codespan_reporting::term::termcolor::{Color, ColorSpec, NoColor, WriteColor};
use serde::Serialize;

/// How bad a finding is: errors stop a scenario from loading; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Severity {
    Warning,
    Error,
}

/// One finding about a scenario file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Byte range in the source; `None` for the whole file.
    pub span: Option<Range<usize>>,
    /// What to do about it, e.g. "did you mean `wang`?".
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>, span: Option<Range<usize>>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span,
            hint: None,
        }
    }

    pub fn warning(message: impl Into<String>, span: Option<Range<usize>>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message, span)
        }
    }

    pub fn with_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// 1-based line and column (in characters) of the start of the span.
    pub fn line_col(&self, source: &str) -> (usize, usize) {
        line_col(source, self.span.as_ref().map_or(0, |s| s.start))
    }

    /// The one-line form `path:line:col: error: message`.
    pub fn short(&self, path: &str, source: &str) -> String {
        let (line, col) = self.line_col(source);
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!("{path}:{line}:{col}: {kind}: {}", self.message)
    }

    /// Writes the full form, the message once: the short line, then (when the finding has a
    /// place) the rustc-like snippet `┌─ path:line:col`, the source line and a caret with the
    /// hint under the spot; a finding about the whole file gets its hint on a `= ` line.
    /// A very long line (minified, generated) is shown cut around the spot, not whole.
    ///
    /// # Errors
    /// Only those of `out`.
    pub fn emit(&self, path: &str, source: &str, out: &mut dyn WriteColor) -> std::io::Result<()> {
        let (line, col) = self.line_col(source);
        let (kind, colour) = match self.severity {
            Severity::Error => ("error", Color::Red),
            Severity::Warning => ("warning", Color::Yellow),
        };
        write!(out, "{path}:{line}:{col}: ")?;
        out.set_color(ColorSpec::new().set_fg(Some(colour)).set_bold(true))?;
        write!(out, "{kind}")?;
        out.reset()?;
        writeln!(out, ": {}", self.message)?;
        let hint = self.hint.as_deref().unwrap_or("");
        let Some(span) = &self.span else {
            if !hint.is_empty() {
                writeln!(out, "  = {hint}")?;
            }
            return Ok(());
        };
        let shown = shown_line(source, span);
        let gutter = " ".repeat(line.to_string().len());
        out.set_color(ColorSpec::new().set_fg(Some(Color::Blue)))?;
        writeln!(out, "{gutter} ┌─ {path}:{line}:{col}")?;
        write!(out, "{line} │ ")?;
        out.reset()?;
        writeln!(out, "{}", shown.text)?;
        out.set_color(ColorSpec::new().set_fg(Some(Color::Blue)))?;
        write!(out, "{gutter} │ ")?;
        out.set_color(ColorSpec::new().set_fg(Some(colour)).set_bold(true))?;
        write!(
            out,
            "{}{}",
            " ".repeat(shown.caret_at),
            "^".repeat(shown.caret_len.max(1))
        )?;
        out.reset()?;
        if hint.is_empty() {
            writeln!(out)
        } else {
            writeln!(out, " {hint}")
        }
    }

    /// The full form as plain text, without colours.
    pub fn render(&self, path: &str, source: &str) -> String {
        let mut buf = NoColor::new(Vec::new());
        // Writing to memory cannot fail; an empty result is the worst case.
        let _ = self.emit(path, source, &mut buf);
        String::from_utf8_lossy(&buf.into_inner()).into_owned()
    }
}

/// 1-based line and character column of a byte offset (clamped to the source).
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Byte offset of a 1-based line and character column (clamped to the source).
pub fn offset_of(source: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match source[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return source.len(),
        }
    }
    let rest = &source[start..];
    let line_len = rest.find('\n').unwrap_or(rest.len());
    start
        + rest[..line_len]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(line_len, |(i, _)| i)
}

/// The known name closest to `wanted`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(wanted, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!("did you mean `{k}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let src = "ab\n中文x\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 3), (2, 1));
        assert_eq!(line_col(src, 9), (2, 3));
        assert_eq!(offset_of(src, 2, 3), 9);
        assert_eq!(offset_of(src, 9, 9), src.len());
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("wnag", ["wang", "liu"]).as_deref(),
            Some("did you mean `wang`?")
        );
        assert_eq!(did_you_mean("zzz", ["wang", "liu"]), None);
    }

    #[test]
    fn renders_caret_under_the_span() {
        let src = "(\n  target: \"wnag\",\n)\n";
        let d = Diagnostic::error("unknown person `wnag`", Some(12..18))
            .with_hint(Some("did you mean `wang`?".into()));
        let text = d.render("x.ron", src);
        assert!(
            text.starts_with("x.ron:2:11: error: unknown person `wnag`\n"),
            "{text}"
        );
        assert!(text.contains("^^^^^^ did you mean `wang`?"), "{text}");
        assert_eq!(
            text.matches("unknown person").count(),
            1,
            "said once:\n{text}"
        );
        assert!(text.contains(" ┌─ x.ron:2:11\n"), "{text}");
    }

    #[test]
    fn the_caret_stands_under_the_spot_after_chinese_characters() {
        let src = "(name: \"王总\", x: \"wnag\")\n";
        let at = src.find("\"wnag").unwrap();
        let text =
            Diagnostic::error("unknown person `wnag`", Some(at..at + 6)).render("x.ron", src);
        let lines: Vec<&str> = text.lines().collect();
        // Columns in a terminal: each Chinese character takes two.
        let column = |line: &str, pat: &str| {
            let before = &line[..line.find(pat).unwrap()];
            before.chars().count() + before.chars().filter(|c| is_wide(*c)).count()
        };
        assert_eq!(column(lines[2], "\"wnag"), column(lines[3], "^"), "{text}");
    }

    #[test]
    fn a_finding_about_the_whole_file_gives_its_hint_on_its_own_line() {
        let d = Diagnostic::error("the file is empty: no scenario in it", None)
            .with_hint(Some("a scenario is `Scenario(…)`".into()));
        assert_eq!(
            d.render("x.ron", ""),
            "x.ron:1:1: error: the file is empty: no scenario in it\n  = a scenario is `Scenario(…)`\n"
        );
    }
}

/// Lines longer than this (in characters) are shown cut around the spot.
const LONG_LINE: usize = 160;
/// How many characters of a long line are shown on each side of the spot.
const CONTEXT: usize = 60;

/// A long line cut around a span: the text shown (with `…` where cut) and where the caret goes,
/// in characters from its start.
struct CutLine {
    text: String,
    caret_at: usize,
    caret_len: usize,
}

/// The span's line as shown: whole when it has at most `LONG_LINE` characters, else cut to
/// about `2 × CONTEXT` characters around the spot; tabs become one space each so that the
/// caret stays under the spot.
fn shown_line(source: &str, span: &Range<usize>) -> CutLine {
    let mut start = span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line = source[line_start..line_end].trim_end_matches('\r');
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let at = chars
        .iter()
        .position(|(i, _)| line_start + i >= start)
        .unwrap_or(chars.len());
    let end = span.end.clamp(start, line_end);
    let len = chars[at..]
        .iter()
        .take_while(|(i, _)| line_start + i < end)
        .count();
    let visible = |c: char| if c == '\t' { ' ' } else { c };
    if chars.len() <= LONG_LINE {
        return CutLine {
            text: chars.iter().map(|(_, c)| visible(*c)).collect(),
            caret_at: width(chars[..at].iter().map(|(_, c)| *c)),
            caret_len: width(chars[at..at + len].iter().map(|(_, c)| *c)),
        };
    }
    let len = len.min(CONTEXT);
    let from = at.saturating_sub(CONTEXT);
    let to = (at + len + CONTEXT).min(chars.len());
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    text.extend(chars[from..to].iter().map(|(_, c)| visible(*c)));
    if to < chars.len() {
        text.push('…');
    }
    CutLine {
        text,
        caret_at: width(chars[from..at].iter().map(|(_, c)| *c)) + usize::from(from > 0),
        caret_len: width(chars[at..at + len].iter().map(|(_, c)| *c)),
    }
}

/// How many terminal columns `chars` take: a Chinese character or a full-width sign takes two.
fn width(chars: impl Iterator<Item = char>) -> usize {
    chars.map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// Whether a character is shown two columns wide (CJK, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod long_line_tests {
    use super::*;

    #[test]
    fn an_error_on_a_very_long_line_shows_the_spot_not_the_line() {
        let long = format!("Scenario(meta: ({}, oops: 1))", "x: 1, ".repeat(20_000));
        let at = long.find("oops").unwrap();
        let d = Diagnostic::error("unknown field `oops`", Some(at..at + 4))
            .with_hint(Some("did you mean `ok`?".into()));
        let text = d.render("big.ron", &long);
        assert!(text.len() < 600, "{} bytes:\n{text}", text.len());
        assert!(text.contains("big.ron:1:"), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        let shown = lines.iter().find(|l| l.starts_with("1 │")).unwrap();
        let caret = lines.iter().find(|l| l.contains('^')).unwrap();
        // The caret stands under `oops`, in characters.
        let col = |l: &str, pat: &str| l.find(pat).map(|b| l[..b].chars().count()).unwrap();
        assert_eq!(col(shown, "oops"), col(caret, "^"), "\n{shown}\n{caret}");
        assert!(
            shown.starts_with("1 │ …") && shown.chars().count() < 140,
            "{shown}"
        );
        assert!(caret.ends_with("^^^^ did you mean `ok`?"), "{caret}");
    }
}

//! Author-facing errors and warnings, and their rendering with the offending line and a caret.

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config, termcolor::WriteColor};
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

    /// Writes the full form: the short line, then the source line with a caret and the hint.
    pub fn emit(&self, path: &str, source: &str, out: &mut dyn WriteColor) -> std::io::Result<()> {
        writeln!(out, "{}", self.short(path, source))?;
        let file = SimpleFile::new(path, source);
        let mut report = match self.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        }
        .with_message(&self.message);
        if let Some(span) = &self.span {
            let label = Label::primary((), span.clone());
            report = report.with_labels(vec![match &self.hint {
                Some(hint) => label.with_message(hint),
                None => label,
            }]);
        } else if let Some(hint) = &self.hint {
            report = report.with_notes(vec![hint.clone()]);
        }
        term::emit(out, &Config::default(), &file, &report).map_err(std::io::Error::other)
    }

    /// The full form as plain text, without colours.
    pub fn render(&self, path: &str, source: &str) -> String {
        let mut buf = term::termcolor::NoColor::new(Vec::new());
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
    }
}

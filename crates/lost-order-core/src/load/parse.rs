//! Reading RON into a `Scenario`, turning ron's syntax and shape errors into diagnostics.

use ron::error::{Error as RonError, SpannedError};

use super::diagnostic::{Diagnostic, did_you_mean, offset_of};
use crate::scenario::{Scenario, sharing};

/// Files larger than this are refused before parsing.
pub const MAX_SCENARIO_BYTES: usize = 4 * 1024 * 1024;

/// How deep RON may nest, counting every bracket; deeper input is refused instead of exhausting
/// the stack. A condition sits about 6 levels down (`Scenario(`, `events: [`, `(`, `trigger: (`,
/// …), so conditions themselves may nest well over 64 levels.
const RECURSION_LIMIT: usize = 160;

/// Parses `source`, or describes the first syntax or shape error.
pub fn parse(source: &str) -> Result<Scenario, Diagnostic> {
    if source.len() > MAX_SCENARIO_BYTES {
        return Err(Diagnostic::error(
            format!(
                "the file is {} bytes; a scenario may be at most {} bytes (4 MiB)",
                source.len(),
                MAX_SCENARIO_BYTES
            ),
            None,
        ));
    }
    // An older format's `when: [..]` would fail below with a bare "expected"; say what changed.
    super::format::check(source)?;
    // `implicit_some` lets authors write `next: "scene"` as well as `next: Some("scene")`.
    // Ids with the same text share it, so that the engine's lookups compare addresses first.
    sharing(|| {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .with_recursion_limit(RECURSION_LIMIT)
            .from_str(source)
    })
    .map_err(|e| spanned_to_diagnostic(source, &e))
}

fn spanned_to_diagnostic(source: &str, e: &SpannedError) -> Diagnostic {
    let mut start = offset_of(source, e.span.start.line, e.span.start.col);
    // RON points at the white space before the value it stopped at: point at the value.
    let value = source[start..].trim_start();
    if !value.is_empty() {
        start = source.len() - value.len();
    }
    // A string of the wrong type is pointed at inside its quotes: point at the string.
    if source[..start].ends_with('"') && source[..start - 1].trim_end().ends_with(':') {
        start -= 1;
    }
    // A negative number RON cannot store is pointed at after its `-`.
    if source[..start].ends_with('-') && value.starts_with(|c: char| c.is_ascii_digit()) {
        start -= 1;
    }
    let end = offset_of(source, e.span.end.line, e.span.end.col).max(start);
    let span = if end > start {
        start..end
    } else {
        start..super::around::token_end(source, start)
    };
    if let Some(r) = super::syntax::reword(source, start, &e.code) {
        return Diagnostic::error(r.message, Some(r.span.unwrap_or(span))).with_hint(r.hint);
    }
    let (message, hint) = describe(&e.code);
    Diagnostic::error(message, Some(span)).with_hint(hint)
}

/// ron's message, reworded for authors, plus a hint where one helps.
fn describe(code: &RonError) -> (String, Option<String>) {
    match code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            format!("unknown field `{found}`{}", within(outer)),
            did_you_mean(found, expected.iter().copied())
                .or_else(|| Some(one_of("fields", expected))),
        ),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            format!("unknown name `{found}`{}", within(outer)),
            did_you_mean(found, expected.iter().copied())
                .or_else(|| Some(one_of("names", expected))),
        ),
        RonError::MissingStructField { field, outer } => (
            format!("missing field `{field}`{}", within(outer)),
            Some(match *field {
                "label" | "text" | "name" | "title" | "description" | "reason" | "summary"
                | "briefing" | "goal" | "player" | "money" | "department" | "personality"
                | "concept" | "lesson" | "transaction" | "financial" | "traits" | "needs" => {
                    format!(
                        "add `{field}: {{\"zh\": \"…\", \"en\": \"…\"}}` here (a text in every language)"
                    )
                }
                "id" => "add `id: \"…\"` here (a name unique in its list)".into(),
                _ => format!("add `{field}: …` here"),
            }),
        ),
        RonError::DuplicateStructField { field, outer } => (
            format!("field `{field}` is given twice{}", within(outer)),
            Some(format!("give each field once: remove one `{field}: …`")),
        ),
        RonError::ExceededRecursionLimit => (
            format!("the file nests deeper than {RECURSION_LIMIT} levels"),
            Some(
                "conditions may nest over 64 levels, but not this deep; look for unclosed brackets"
                    .into(),
            ),
        ),
        RonError::Eof => (
            "the file ends too early".into(),
            Some("a bracket or a quote is probably not closed".into()),
        ),
        RonError::UnexpectedChar(c) => (
            format!("unexpected `{c}`"),
            Some("a value here is a number, a \"string\", a name such as `Won`, or brackets `(…)`, `[…]`, `{…}`".into()),
        ),
        other => (other.to_string(), None),
    }
}

fn within(outer: &Option<String>) -> String {
    outer
        .as_ref()
        .map(|o| format!(" in `{o}`"))
        .unwrap_or_default()
}

fn one_of(what: &str, expected: &[&str]) -> String {
    if expected.is_empty() {
        return format!("no {what} are allowed here");
    }
    let names: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
    format!("expected one of {}", names.join(", "))
}

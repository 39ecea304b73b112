//! RON's syntax and type errors told in the author's terms, from the text around the spot: the
//! field a value belongs to, the bracket it sits in, a string that was never closed.

use std::ops::Range;

use ron::error::Error as RonError;

use super::around::{
    every_language, innermost_open, key_before, last_string_before, opener_or_key, token_at,
    word_start,
};

/// A rewording of a syntax or type error: the message, the hint and where to point (when the
/// mistake is elsewhere than where RON stopped, e.g. at the `[` of a list never closed).
pub(super) struct Reworded {
    pub message: String,
    pub hint: Option<String>,
    pub span: Option<Range<usize>>,
}

/// The author's words for `code` met at `at`, or `None` to keep RON's own.
pub(super) fn reword(source: &str, at: usize, code: &RonError) -> Option<Reworded> {
    let at = at.min(source.len());
    if is_syntax(code)
        && let Some(r) = unclosed_string(source, at).or_else(|| unclosed_bracket(source, at))
    {
        return Some(r);
    }
    let key = key_before(source, at);
    let found = token_at(source, at);
    let plain = |message: String, hint: String| {
        Some(Reworded {
            message,
            hint: Some(hint),
            span: None,
        })
    };
    match code {
        RonError::ExpectedString | RonError::ExpectedStringEnd => {
            let (what, example) = id_kind(&opener_or_key(source, at));
            plain(
                format!("expected {what} in quotes, found `{found}`"),
                format!("{what} in quotes, e.g. {example}"),
            )
        }
        RonError::ExpectedMap | RonError::ExpectedMapEnd if key.is_some() => {
            let key = key.unwrap_or_default();
            plain(
                format!("`{key}` needs a text in every language, found `{found}`"),
                format!("a text in every language: {}", every_language(source)),
            )
        }
        RonError::ExpectedIdentifier | RonError::ExpectedStructLike | RonError::ExpectedArrayEnd
            if key.as_deref() == Some("when") && found.starts_with('[') =>
        {
            plain(
                "`when` takes one condition, not a list".into(),
                "write one condition, e.g. `when: Won`, or several in `All([…])`, e.g. `when: All([Won, Flag(\"met\")])`".into(),
            )
        }
        RonError::IntegerOutOfBounds => {
            let key = key.unwrap_or_else(|| "this number".into());
            let hint = match super::validate::bounds::of_field(&key) {
                Some(b) => format!("{}, e.g. `{}`", b.rule, b.example),
                None => format!("write a whole number of 0 or more, e.g. `{key}: 1`; docs/scenario-format.md (\"Bounds of numbers\") lists every bound"),
            };
            if found.starts_with('-') {
                plain(format!("`{key}` cannot be negative"), hint)
            } else {
                plain(format!("`{key}` is {found}, far too large"), hint)
            }
        }
        RonError::ExpectedInteger | RonError::ExpectedFloat => {
            let key = key.unwrap_or_else(|| "this value".into());
            let (what, example) = match code {
                RonError::ExpectedFloat => ("a number", "0.5"),
                _ => ("a whole number", "1"),
            };
            let quoted = if found.starts_with('"') { " without quotes" } else { "" };
            let example = super::validate::bounds::of_field(&key)
                .map_or_else(|| format!("{key}: {example}"), |b| b.example.to_string());
            plain(
                format!("`{key}` takes {what}, found `{found}`"),
                format!("write {what}{quoted}, e.g. `{example}`"),
            )
        }
        RonError::ExpectedBoolean => {
            let key = key.unwrap_or_else(|| "this value".into());
            plain(
                format!("`{key}` is `true` or `false`, found `{found}`"),
                format!("write `{key}: true` or `{key}: false`"),
            )
        }
        RonError::Eof => {
            let (bracket, open) = innermost_open(source, source.len())?;
            let close = match bracket {
                b'(' => ')',
                b'[' => ']',
                _ => '}',
            };
            let name = opener_or_key(source, open + 1);
            let of = if name.is_empty() { String::new() } else { format!(" of `{name}`") };
            Some(Reworded {
                message: format!("the file ends too early: this `{}`{of} is never closed", bracket as char),
                hint: Some(format!("a `{close}` is missing; each bracket needs its closing one")),
                span: Some(open..open + 1),
            })
        }
        RonError::ExpectedIdentifier => {
            let bare = found.trim_matches('"');
            let opener = opener_or_key(source, at);
            match key {
                Some(key) if found.starts_with('"') => plain(
                    format!("`{key}` takes a name without quotes, found `{found}`"),
                    format!("write it without quotes: `{key}: {bare}`"),
                ),
                Some(key) => plain(
                    format!("`{key}` takes a name without quotes, found `{found}`"),
                    format!("write one of the names docs/scenario-format.md gives for `{key}`"),
                ),
                None if takes_who(&opener) => plain(
                    format!("`{opener}(…)` takes a person as `Target` or `Person(\"id\")`, found `{found}`"),
                    format!("write `Person(\"{bare}\")`, or `Target` inside an action"),
                ),
                None if opener.starts_with(char::is_uppercase) => plain(
                    format!("`{opener}(…)` takes a name without quotes here, found `{found}`"),
                    "docs/scenario-format.md lists what each condition and effect takes".into(),
                ),
                None => plain(
                    format!("expected a field name, found `{found}`"),
                    "fields are written `name: value`, e.g. `id: \"visit\"`".into(),
                ),
            }
        }
        RonError::ExpectedArray => {
            let opener = opener_or_key(source, at);
            let example = if found.starts_with('"') { found.clone() } else { "…".into() };
            let (name, written) = match key {
                Some(key) => (format!("`{key}`"), format!("{key}: [{example}]")),
                None => (format!("`{opener}(…)`"), format!("{opener}([{example}])")),
            };
            plain(
                format!("{name} takes a list, found `{found}`"),
                format!("write a list in brackets, e.g. `{written}`"),
            )
        }
        RonError::ExpectedDifferentLength { expected, found: count } => {
            let name = expected
                .split("::")
                .nth(1)
                .and_then(|r| r.split_whitespace().next())
                .unwrap_or("this");
            let want = expected
                .split_whitespace()
                .find_map(|w| w.parse::<usize>().ok());
            plain(
                match want {
                    Some(n) => format!("`{name}(…)` takes {n} values, found {count}"),
                    None => format!("`{name}(…)` takes another number of values, found {count}"),
                },
                "write every value, separated by commas, e.g. `Support(Target, 1)`; docs/scenario-format.md lists what each takes".into(),
            )
        }
        RonError::ExpectedComma if found.chars().count() == 1 && !found.chars().all(char::is_alphanumeric) => plain(
            format!("`{found}` where a `,` belongs"),
            "fields and list items are separated by commas, e.g. `points: 1, cost: 2`".into(),
        ),
        RonError::ExpectedComma => plain(
            format!("a `,` is missing before `{found}`"),
            "fields and list items are separated by commas, e.g. `points: 1, cost: 2`".into(),
        ),
        RonError::TrailingCharacters => plain(
            format!("`{found}` after the end of the scenario"),
            "the whole case is one `Scenario(…)`: remove what follows its closing `)`, or move it inside".into(),
        ),
        RonError::InvalidValueForType { expected, .. } if key.is_some() => {
            let key = key.unwrap_or_default();
            let quoted = if found.starts_with('"') { " without quotes" } else { "" };
            plain(
                format!("`{key}` takes {expected}, found `{found}`"),
                format!("write {expected}{quoted}"),
            )
        }
        RonError::InvalidValueForType { expected, .. } => {
            // RON stopped after the value (a range `-1..0` read as something else): the value
            // is what follows the last `key:` on the line.
            let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
            let before = &source[line_start..at];
            let colon = before.rfind(':')?;
            let key = &before[word_start(&before[..colon])..colon];
            let start = line_start + colon + 1;
            let end = source[at..]
                .find([',', ')', '\n'])
                .map_or(source.len(), |i| at + i);
            let written = &source[start..end];
            let value = written.trim();
            if key.is_empty() || value.is_empty() || value.contains(',') {
                return None;
            }
            let start = start + (written.len() - written.trim_start().len());
            Some(Reworded {
                message: format!("`{key}` takes {expected}, found `{value}`"),
                hint: Some(format!("write {expected}")),
                span: Some(start..start + value.len()),
            })
        }
        RonError::ExpectedMapColon => plain(
            format!("a `:` is missing after the language `{}`", found.trim_matches('"')),
            format!("a text in every language: {}", every_language(source)),
        ),
        _ => None,
    }
}

/// Errors of the text's shape (brackets, commas, quotes) that an unclosed string or bracket
/// earlier may explain.
fn is_syntax(code: &RonError) -> bool {
    matches!(
        code,
        RonError::ExpectedComma
            | RonError::ExpectedString
            | RonError::ExpectedStringEnd
            | RonError::ExpectedMapColon
            | RonError::ExpectedMapEnd
            | RonError::ExpectedArrayEnd
            | RonError::ExpectedStructLikeEnd
            | RonError::ExpectedIdentifier
            | RonError::ExpectedMap
            | RonError::ExpectedArray
            | RonError::TrailingCharacters
            | RonError::Eof
            | RonError::UnexpectedChar(_)
            | RonError::NoSuchStructField { .. }
            | RonError::NoSuchEnumVariant { .. }
    )
}

/// A string that swallowed what follows it because its closing `"` is missing: the last string
/// before the spot ends right before it, and it runs over a line end or its `"` is followed
/// by a letter (the opening quote of the next string, read as a closing one).
fn unclosed_string(source: &str, at: usize) -> Option<Reworded> {
    let string = last_string_before(source, at)?;
    let closed = string.end > string.start + 1 && source.as_bytes()[string.end - 1] == b'"';
    let suspicious = if closed {
        let body = &source[string.start..string.end];
        let after = source[string.end..].chars().next();
        source[string.end..at.max(string.end)].trim().is_empty()
            && (body.contains('\n') || after.is_some_and(char::is_alphanumeric))
    } else {
        true // It runs to the end of the file.
    };
    suspicious.then(|| Reworded {
        message: "this string is not closed: a `\"` is missing".into(),
        hint: Some(
            "a string ends with `\"` before the next `,` or `}`, e.g. `\"en\": \"Visit\"`".into(),
        ),
        span: Some(string.start..string.start + 1),
    })
}

/// A list `[` or a text `{` left open: the spot is a field name (`word:`), which can only
/// follow once the bracket is closed. Reported at the bracket.
fn unclosed_bracket(source: &str, at: usize) -> Option<Reworded> {
    let rest = &source[at..];
    let word = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    if word == 0 || !rest[word..].trim_start().starts_with(':') {
        return None;
    }
    let (bracket, open) = innermost_open(source, at)?;
    let name = key_before(source, open).unwrap_or_else(|| "here".into());
    let (what, close, example) = match bracket {
        b'[' => ("list", ']', format!("`{name}: [\"a\", \"b\"]`")),
        b'{' => ("text", '}', every_language(source)),
        _ => return None,
    };
    Some(Reworded {
        message: format!("the {what} `{name}` is not closed: a `{close}` is missing"),
        hint: Some(format!("close it before the next field, e.g. {example}")),
        span: Some(open..open + 1),
    })
}

/// Whether a condition or an effect of this name takes a person (`Target`, `Person("id")`).
fn takes_who(name: &str) -> bool {
    matches!(
        name,
        "Support"
            | "RivalSupport"
            | "Influence"
            | "SetRole"
            | "Reveal"
            | "Discover"
            | "Hint"
            | "Introduce"
            | "MakeCoach"
            | "Role"
            | "Layer"
            | "Met"
            | "Known"
            | "Coach"
            | "Coachable"
            | "Cares"
    )
}

/// What kind of id a field or a name takes, and an example in quotes.
fn id_kind(context: &str) -> (&'static str, &'static str) {
    match context {
        "Person" | "TargetIs" | "Only" | "reports_to" | "introduces" | "who" | "speaker" | "by"
        | "person" => ("a person id", "\"wang\""),
        "Flag" | "NotFlag" | "SetFlag" | "ClearFlag" | "flags" | "flag" => {
            ("a flag name", "\"met_owner\"")
        }
        "Counter" | "AddCounter" | "counters" | "counter" => ("a counter name", "\"visits\""),
        "criteria" | "Cares" | "RivalAddresses" | "addresses" | "bid" => {
            ("a criterion id", "\"price\"")
        }
        "scene" | "next" => ("a scene id", "\"welcome\""),
        "Eliminated" | "StagePassed" | "StageFailed" | "StageAhead" => ("a stage id", "\"check\""),
        "Price" | "default_price" => ("a price level id", "\"standard\""),
        "BidIncludes" => ("an emphasis or commitment id", "\"samples\""),
        "id" => ("an id", "\"visit\""),
        "this" | "GradedAs" => ("an account id", "\"this_factory\""),
        _ => ("a name", "\"wang\""),
    }
}

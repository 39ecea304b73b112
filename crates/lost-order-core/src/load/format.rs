//! The scenario format's version (`format: 2` in `Scenario(…)`) and the check that a file is of
//! the version this program reads, with what to change when it is not.

use std::ops::Range;

use super::diagnostic::Diagnostic;

/// The format this program reads and writes. Format 2: `when` takes one condition everywhere
/// (`All([…])` for several); format 1 wrote a list in event triggers and endings.
pub const FORMAT: u32 = 2;

/// What changed from each older format, for the message and `lost-order migrate`.
const CHANGES_SINCE_1: &str = "format 2 changed one thing: `when` takes one condition everywhere, \
so an event trigger's or an ending's `when: [A, B]` becomes `when: All([A, B])`, and `when: [A]` \
becomes `when: A`";

/// Refuses a file without `format:` (format 1) or of another format, with what to change.
///
/// # Errors
/// A diagnostic at `Scenario(` (or at the number) naming the file's format, what changed since,
/// and `lost-order migrate FILE` as the way to rewrite it.
pub fn check(source: &str) -> Result<(), Diagnostic> {
    let mut scan = Scan::new(source);
    let empty = std::iter::from_fn(|| scan.next_code())
        .all(|(at, _)| source.as_bytes()[at].is_ascii_whitespace());
    if empty {
        return Err(Diagnostic::error(
            "the file is empty: no scenario in it",
            None,
        )
        .with_hint(Some(format!(
            "a scenario is `Scenario(format: {FORMAT}, meta: (…), …)`; see docs/scenario-format.md"
        ))));
    }
    // Another kind of file (a session record, a settings file) is no scenario of an older
    // format: the parser names what is there instead.
    if !has_top_level(source, "meta") {
        return Ok(());
    }
    match declared(source) {
        Some((n, _)) if n == FORMAT => Ok(()),
        Some((n, span)) if n < FORMAT => Err(Diagnostic::error(
            format!("this case is written in format {n}; this program reads format {FORMAT}"),
            Some(span),
        )
        .with_hint(Some(format!(
            "{CHANGES_SINCE_1}; then write `format: {FORMAT}`. `lost-order migrate FILE` does both"
        )))),
        Some((n, span)) => Err(Diagnostic::error(
            format!(
                "this case is written in format {n}, for a newer Lost Order; this program reads format {FORMAT}"
            ),
            Some(span),
        )
        .with_hint(Some("open it with a newer version of Lost Order".into()))),
        None => {
            let at = opening(source).unwrap_or(0..0);
            Err(Diagnostic::error(
                "this case has no `format:`, so it is read as format 1; this program reads format 2",
                (!at.is_empty()).then_some(at),
            )
            .with_hint(Some(format!(
                "{CHANGES_SINCE_1}; then add `format: {FORMAT},` as the first field of `Scenario(`. \
`lost-order migrate FILE` does both"
            ))))
        }
    }
}

/// The format a file declares (the number after a top-level `format:`) and the number's span.
pub fn declared(source: &str) -> Option<(u32, Range<usize>)> {
    let mut scan = Scan::new(source);
    while let Some((at, depth)) = scan.next_code() {
        if depth == 1 && source[at..].starts_with("format") && scan.ident_at(at) == "format" {
            let rest = &source[at + "format".len()..];
            let after = rest.trim_start();
            if let Some(num) = after.strip_prefix(':') {
                let digits = num.trim_start();
                let start = source.len() - digits.len();
                let len = digits.bytes().take_while(u8::is_ascii_digit).count();
                let n = digits[..len].parse().ok()?;
                return Some((n, start..start + len));
            }
        }
    }
    None
}

/// Whether the outermost value has a field `name` (every scenario has `meta`).
fn has_top_level(source: &str, name: &str) -> bool {
    let mut scan = Scan::new(source);
    while let Some((at, depth)) = scan.next_code() {
        if depth == 1 && scan.ident_at(at) == name {
            return true;
        }
    }
    false
}

/// The span of `Scenario(` (or of the first `(`), where a missing `format:` is reported.
fn opening(source: &str) -> Option<Range<usize>> {
    let mut scan = Scan::new(source);
    while let Some((at, _)) = scan.next_code() {
        if source.as_bytes()[at] == b'(' {
            let start = source[..at]
                .trim_end()
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map_or(0, |i| i + 1);
            return Some(start..at + 1);
        }
    }
    None
}

/// Walks RON source a byte of code at a time, skipping strings, raw strings, chars and
/// comments, and keeping the bracket depth: a scanner for small rewrites that keep comments.
pub(super) struct Scan<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
}

impl<'a> Scan<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Scan {
            src,
            pos: 0,
            depth: 0,
        }
    }

    /// The next byte offset of code outside strings and comments, with the depth before it
    /// (an opening bracket reports the depth outside it). `None` at the end.
    pub(super) fn next_code(&mut self) -> Option<(usize, usize)> {
        let b = self.src.as_bytes();
        while self.pos < b.len() {
            let at = self.pos;
            match b[at] {
                b'/' if b.get(at + 1) == Some(&b'/') => {
                    self.pos = self.src[at..].find('\n').map_or(b.len(), |i| at + i + 1);
                }
                b'/' if b.get(at + 1) == Some(&b'*') => self.skip_block_comment(),
                b'"' => self.skip_string(),
                b'r' if self.raw_string_start(at).is_some() => {
                    let hashes = self.raw_string_start(at).unwrap_or(0);
                    let close = format!("\"{}", "#".repeat(hashes));
                    let body = at + 2 + hashes;
                    self.pos = self.src[body..]
                        .find(&close)
                        .map_or(b.len(), |i| body + i + close.len());
                }
                b'\'' => {
                    // A char literal: 'x' or '\n'; it ends at the next quote after its first char.
                    let first = self.src[at + 1..].chars().next().unwrap_or('\'');
                    let from = at + 1 + if first == '\\' { 2 } else { first.len_utf8() };
                    self.pos = self
                        .src
                        .get(from..)
                        .and_then(|r| r.find('\''))
                        .map_or(b.len(), |i| from + i + 1);
                }
                c => {
                    // A whole character: every offset returned is a char boundary, so callers
                    // may slice there (a `中` outside a string is three bytes).
                    self.pos = at + self.src[at..].chars().next().map_or(1, char::len_utf8);
                    let depth = self.depth;
                    match c {
                        b'(' | b'[' | b'{' => self.depth += 1,
                        b')' | b']' | b'}' => self.depth = self.depth.saturating_sub(1),
                        _ => {}
                    }
                    return Some((at, depth));
                }
            }
        }
        None
    }

    /// The identifier starting at `at`, if `at` starts one (and is not inside a longer one).
    pub(super) fn ident_at(&self, at: usize) -> &'a str {
        let before = self.src[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return "";
        }
        let len = self.src[at..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(self.src.len() - at);
        &self.src[at..at + len]
    }

    /// Moves to `pos` (a byte offset of code), keeping the depth the caller tracked.
    pub(super) fn seek(&mut self, pos: usize, depth: usize) {
        self.pos = pos;
        self.depth = depth;
    }

    /// The number of `#` of a raw string (`r"…"`, `r#"…"#`) starting at `at`, if one does.
    fn raw_string_start(&self, at: usize) -> Option<usize> {
        if self.src[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            return None;
        }
        let rest = &self.src.as_bytes()[at + 1..];
        let hashes = rest.iter().take_while(|&&c| c == b'#').count();
        (rest.get(hashes) == Some(&b'"')).then_some(hashes)
    }

    fn skip_string(&mut self) {
        let b = self.src.as_bytes();
        let mut i = self.pos + 1;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 2,
                b'"' => {
                    self.pos = i + 1;
                    return;
                }
                _ => i += 1,
            }
        }
        self.pos = b.len();
    }

    fn skip_block_comment(&mut self) {
        // RON block comments nest.
        let b = self.src.as_bytes();
        let (mut i, mut level) = (self.pos + 2, 1);
        while i < b.len() && level > 0 {
            if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                level += 1;
                i += 2;
            } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                level -= 1;
                i += 2;
            } else {
                i += 1;
            }
        }
        self.pos = i.min(b.len());
    }
}

#[cfg(test)]
mod tests {
    use crate::load::check_source;

    fn first_error(source: &str) -> String {
        let checked = check_source("x.ron", source);
        checked.diagnostics[0].message.clone()
    }

    #[test]
    fn an_empty_file_is_called_empty_not_format_1() {
        for source in ["", "  \n\n", "// only a comment\n/* and another */\n"] {
            assert_eq!(first_error(source), "the file is empty: no scenario in it");
        }
    }

    #[test]
    fn a_record_given_as_a_scenario_is_not_called_format_1() {
        let record = "(format:1,scenario:\"lost_order\",scenario_version:\"1.4.0\",seed:11)\n";
        let message = first_error(record);
        assert!(!message.contains("format"), "{message}");
        assert!(message.contains("`scenario`"), "{message}");
    }

    #[test]
    fn characters_of_several_bytes_outside_strings_do_not_panic() {
        // Found by the scenario fuzz target: the scan stopped inside `中` and sliced there.
        for source in [
            "Scenario(meta: 中文, format: 1)\n",
            "(中meta: 1)\n",
            "中(meta:1)\n",
            "Scenario(format: 2, meta: (id: é, 'é', '\\中'))",
        ] {
            let checked = check_source("x.ron", source);
            assert!(checked.errors() > 0, "{source}");
        }
    }

    #[test]
    fn a_scenario_without_format_is_still_called_format_1() {
        let message = first_error("Scenario(meta: (id: \"x\"))\n");
        assert!(message.contains("no `format:`"), "{message}");
    }
}

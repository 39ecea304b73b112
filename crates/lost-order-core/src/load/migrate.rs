//! `lost-order migrate`: rewrites a case of an older format as the current one, as text, so
//! that the author's comments and layout stay.

use super::diagnostic::Diagnostic;
use super::format::{FORMAT, Scan, declared};

/// A rewritten case and what was changed, one line per change (`line 12: when: [A, B] →
/// when: All([A, B])`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migrated {
    /// The case in the current format.
    pub text: String,
    /// What was changed, for the author to review.
    pub changes: Vec<String>,
}

/// Rewrites a format-1 case as format 2: each `when: [ … ]` list becomes one condition
/// (`All([ … ])` for several, the condition itself for one; an empty list is dropped) and
/// `format: 2,` is added as the first field of `Scenario(`. A case already in format 2 comes
/// back unchanged with no changes listed.
///
/// # Errors
/// A diagnostic when the file declares a format newer than this program's, or has no
/// top-level `(` to add the field to.
pub fn migrate(source: &str) -> Result<Migrated, Diagnostic> {
    let source = crate::text::strip_bom(source);
    match declared(source) {
        Some((n, _)) if n == FORMAT => {
            return Ok(Migrated {
                text: source.to_string(),
                changes: Vec::new(),
            });
        }
        Some((n, span)) if n > FORMAT => {
            return Err(Diagnostic::error(
                format!("this case is in format {n}, newer than this program's {FORMAT}"),
                Some(span),
            ));
        }
        _ => {}
    }
    let mut out = String::with_capacity(source.len() + 64);
    let mut changes = Vec::new();
    let mut copied = 0;
    let mut added_format = false;
    let mut scan = Scan::new(source);
    while let Some((at, depth)) = scan.next_code() {
        let byte = source.as_bytes()[at];
        if !added_format && byte == b'(' {
            // The first bracket is `Scenario(`: the format goes first inside it.
            out.push_str(&source[copied..=at]);
            out.push_str(&format!("\n    format: {FORMAT},"));
            copied = at + 1;
            added_format = true;
            changes.push(format!(
                "line {}: added `format: {FORMAT},`",
                line_of(source, at)
            ));
            continue;
        }
        if scan.ident_at(at) != "when" {
            continue;
        }
        let after = at + "when".len();
        let rest = &source[after..];
        let Some(colon) = rest.find(|c: char| !c.is_whitespace()) else {
            continue;
        };
        if !rest[colon..].starts_with(':') {
            continue;
        }
        let value = after + colon + 1;
        let Some(open) = source[value..]
            .find(|c: char| !c.is_whitespace())
            .map(|i| value + i)
        else {
            continue;
        };
        if source.as_bytes()[open] != b'[' {
            continue;
        }
        // Find the matching `]` and the top-level items inside.
        let mut items = Vec::new();
        let mut item_start = open + 1;
        let mut inner = Scan::new(source);
        inner.seek(open + 1, 1);
        let mut close = None;
        while let Some((i, d)) = inner.next_code() {
            let c = source.as_bytes()[i];
            if d == 1 && c == b']' {
                close = Some(i);
                break;
            }
            if d == 1 && c == b',' {
                items.push(item_start..i);
                item_start = i + 1;
            }
        }
        let Some(close) = close else {
            continue;
        };
        items.push(item_start..close);
        let items: Vec<&str> = items
            .into_iter()
            .map(|r| source[r].trim())
            .filter(|s| !s.is_empty())
            .collect();
        let line = line_of(source, at);
        let old = &source[at..=close];
        out.push_str(&source[copied..at]);
        let mut end = close + 1;
        match items.as_slice() {
            [] => {
                // `when: []` holds always, as no `when` does: drop it and its comma.
                let tail = &source[end..];
                let comma = tail
                    .find(|c: char| !c.is_whitespace())
                    .filter(|&i| tail[i..].starts_with(','));
                if let Some(i) = comma {
                    end += i + 1;
                    end +=
                        source[end..].len() - source[end..].trim_start_matches([' ', '\t']).len();
                }
                changes.push(format!(
                    "line {line}: removed `{}` (it always held)",
                    one_line(old)
                ));
            }
            [one] => {
                out.push_str("when: ");
                out.push_str(one);
                changes.push(format!(
                    "line {line}: `{}` → `when: {}`",
                    one_line(old),
                    one_line(one)
                ));
            }
            _ => {
                out.push_str("when: All(");
                out.push_str(&source[open..=close]);
                out.push(')');
                changes.push(format!("line {line}: `when: [ … ]` → `when: All([ … ])`"));
            }
        }
        copied = end;
        scan.seek(end, depth);
    }
    if !added_format {
        return Err(Diagnostic::error(
            "no `Scenario(` found: is this a Lost Order case?",
            None,
        ));
    }
    out.push_str(&source[copied..]);
    Ok(Migrated { text: out, changes })
}

fn line_of(source: &str, at: usize) -> usize {
    source[..at].matches('\n').count() + 1
}

/// A piece of source on one line, for the list of changes.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = r#"// A comment that stays.
Scenario(
    meta: (id: "x"),
    events: [
        (id: "a", trigger: (week: At(2), when: [Flag("f"), Met(Person("p"))])),
        (id: "b", trigger: (when: [Flag("g")], chance: 0.5)),
        (id: "c", trigger: (when: [], chance: 0.5)), // "when: [" in a comment
    ],
    endings: [(id: "e", when: [Won], title: {"zh": "赢 when: [", "en": "w"})],
    results: [(id: "r", when: Some(Flag("f")))],
)
"#;

    #[test]
    fn lists_become_one_condition_and_comments_stay() {
        let m = migrate(OLD).unwrap();
        assert!(
            m.text
                .starts_with("// A comment that stays.\nScenario(\n    format: 2,\n")
        );
        assert!(
            m.text
                .contains("when: All([Flag(\"f\"), Met(Person(\"p\"))])"),
            "{}",
            m.text
        );
        assert!(
            m.text.contains("trigger: (when: Flag(\"g\"), chance: 0.5)"),
            "{}",
            m.text
        );
        assert!(
            m.text
                .contains("trigger: (chance: 0.5)), // \"when: [\" in a comment"),
            "{}",
            m.text
        );
        assert!(
            m.text
                .contains("(id: \"e\", when: Won, title: {\"zh\": \"赢 when: [\""),
            "{}",
            m.text
        );
        assert!(m.text.contains("when: Some(Flag(\"f\"))"));
        assert_eq!(m.changes.len(), 5, "{:?}", m.changes);
        assert_eq!(declared(&m.text).map(|d| d.0), Some(2));
        // Migrating again changes nothing.
        assert_eq!(migrate(&m.text).unwrap().changes, Vec::<String>::new());
    }

    #[test]
    fn a_newer_format_is_refused() {
        let e = migrate("Scenario(format: 9, meta: ())").unwrap_err();
        assert!(e.message.contains("format 9"), "{}", e.message);
    }
}

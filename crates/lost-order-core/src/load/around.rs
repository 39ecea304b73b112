//! Reading the text around a spot of a scenario's source: the field a value belongs to, the
//! bracket it sits in, the token there, the last string before it.

use std::ops::Range;

use super::format::Scan;

/// The last string literal that opens before `at` (skipping comments), to its end.
pub(super) fn last_string_before(source: &str, at: usize) -> Option<Range<usize>> {
    let b = source.as_bytes();
    let mut i = 0;
    let mut last = None;
    while i < at.min(b.len()) {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = source[i..].find('\n').map_or(b.len(), |n| i + n + 1);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = source[i + 2..].find("*/").map_or(b.len(), |n| i + n + 4);
            }
            b'"' => {
                let end = string_end(source, i);
                last = Some(i..end);
                i = end;
            }
            _ => i += 1,
        }
    }
    last
}

/// Where the string opening at `open` ends (just past its closing quote), or the source's end.
pub(super) fn string_end(source: &str, open: usize) -> usize {
    let b = source.as_bytes();
    let mut i = open + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// The innermost bracket still open at `at`, and where it opens.
pub(super) fn innermost_open(source: &str, at: usize) -> Option<(u8, usize)> {
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut scan = Scan::new(source);
    while let Some((i, _)) = scan.next_code() {
        if i >= at {
            break;
        }
        match source.as_bytes()[i] {
            b @ (b'(' | b'[' | b'{') => stack.push((b, i)),
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// The field whose value starts at `at`: the word before a `:` just before it.
pub(super) fn key_before(source: &str, at: usize) -> Option<String> {
    let before = source[..at].trim_end().strip_suffix(':')?.trim_end();
    let key = &before[word_start(before)..];
    (!key.is_empty()).then(|| key.to_string())
}

/// Where the word (letters, digits, `_`) that ends `s` starts.
pub(super) fn word_start(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The field or the enclosing name (`Person(`, `Only([`) of the value at `at`.
pub(super) fn opener_or_key(source: &str, at: usize) -> String {
    if let Some(key) = key_before(source, at) {
        return key;
    }
    let before = source[..at].trim_end();
    let inner = before.trim_end_matches(['(', '[', ' ', ',', '\n', '\t']);
    let word = &inner[word_start(inner)..];
    if word.is_empty() {
        // Inside a list: the list's field.
        return innermost_open(source, at)
            .and_then(|(_, open)| {
                let word = opener_or_key(source, open);
                (!word.is_empty()).then_some(word)
            })
            .unwrap_or_default();
    }
    word.to_string()
}

/// The token at `at`, as the author wrote it (a string's first line, at most 40 characters).
pub(super) fn token_at(source: &str, at: usize) -> String {
    if at >= source.len() {
        return "the end of the file".into();
    }
    source[at..token_end(source, at)].chars().take(40).collect()
}

/// The end of the token at `at`, for a caret under all of it: a string to its closing quote
/// (on its line), else up to white space or a bracket, a comma or a colon; at least one
/// character.
pub(super) fn token_end(source: &str, at: usize) -> usize {
    let rest = &source[at..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let len = match line.strip_prefix('"') {
        Some(body) => body.find('"').map_or(line.len(), |i| i + 2),
        None => line
            .find(|c: char| c.is_whitespace() || "()[]{},:\"".contains(c))
            .unwrap_or(line.len()),
    };
    let len = if len == 0 {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        len
    };
    at + len
}

/// `{"zh": "…", "en": "…"}` in the languages the file declares (`languages: [..]`), else zh
/// and en.
pub(super) fn every_language(source: &str) -> String {
    let declared: Vec<&str> = source
        .find("languages:")
        .and_then(|i| {
            let rest = &source[i..];
            let open = rest.find('[')?;
            let close = rest.find(']')?;
            (open < close).then(|| &rest[open + 1..close])
        })
        .map(|list| {
            list.split(',')
                .map(|l| l.trim().trim_matches('"'))
                .filter(|l| !l.is_empty())
                .collect()
        })
        .filter(|v: &Vec<&str>| !v.is_empty())
        .unwrap_or_else(|| vec!["zh", "en"]);
    let parts: Vec<String> = declared.iter().map(|l| format!("\"{l}\": \"…\"")).collect();
    format!("{{{}}}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_field_the_bracket_and_the_token() {
        let src = "(名字: \"王\", criteria: [\"a\", // x\"y\n 中文: (Person(wang)))";
        let at = src.find("wang").unwrap();
        assert_eq!(opener_or_key(src, at), "Person");
        assert_eq!(token_at(src, at), "wang");
        let list = src.find('[').unwrap();
        assert_eq!(key_before(src, list).as_deref(), Some("criteria"));
        let inner = src.find("中文").unwrap();
        assert_eq!(innermost_open(src, inner), Some((b'[', list)));
        // The comment's quote is no string; the last string is "a".
        let a = src.find("\"a\"").unwrap();
        assert_eq!(last_string_before(src, inner), Some(a..a + 3));
        assert_eq!(
            key_before(src, src.find("(Person").unwrap()).as_deref(),
            Some("中文")
        );
        assert_eq!(token_at(src, src.len()), "the end of the file");
    }

    #[test]
    fn the_languages_come_from_the_file() {
        assert_eq!(
            every_language("meta: (languages: [\"en\", \"fr\"])"),
            "{\"en\": \"…\", \"fr\": \"…\"}"
        );
        assert_eq!(every_language("(x: 1)"), "{\"zh\": \"…\", \"en\": \"…\"}");
    }
}

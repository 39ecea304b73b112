//! Finding where in the RON source an item or a value is, for semantic diagnostics.
//!
//! serde keeps no positions, so after parsing we search the text: first the section
//! (`actions: [`), then the item's `id: "…"`, then the offending token after it.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

/// Searches one source text. The checks ask for sections and declarations many times, so the
/// first question reads the whole text once into an index of every `key:` and every
/// `id: "…"`; each answer is the one a search from the start would give.
pub struct Locator<'a> {
    src: &'a str,
    /// Each word before a `:` (letters, digits, `_`), at its first place.
    keys: OnceCell<HashMap<&'a str, usize>>,
    /// Each id declared as `id: "…"`, at the places of its opening quote, in order.
    decls: OnceCell<HashMap<&'a str, Vec<usize>>>,
}

impl<'a> Locator<'a> {
    pub fn new(src: &'a str) -> Self {
        Locator {
            src,
            keys: OnceCell::new(),
            decls: OnceCell::new(),
        }
    }

    /// Start of a top-level section such as `people:`, or 0: the first `key:` whose key is
    /// not the end of a longer word.
    pub fn section(&self, key: &str) -> usize {
        if key.is_empty() || !key.chars().all(is_word_char) {
            return self.search_section(key);
        }
        let keys = self.keys.get_or_init(|| index_keys(self.src));
        keys.get(key).copied().unwrap_or(0)
    }

    /// `section` by searching the text, for a key the index does not hold.
    fn search_section(&self, key: &str) -> usize {
        let needle = format!("{key}:");
        let mut from = 0;
        while let Some(i) = self.src[from..].find(&needle) {
            let at = from + i;
            let before_ok =
                at == 0 || !self.src[..at].chars().next_back().is_some_and(is_word_char);
            if before_ok {
                return at;
            }
            from = at + needle.len();
        }
        0
    }

    /// The span of `"id"` in the first `id: "id"` at or after `from`.
    pub fn decl(&self, from: usize, id: &str) -> Option<Range<usize>> {
        if id.contains(|c: char| c == '"' || c == ':' || c.is_whitespace()) {
            return self.search_decl(from, id);
        }
        let decls = self.decls.get_or_init(|| index_decls(self.src));
        let places = decls.get(id)?;
        let at = places[places.partition_point(|&p| p < from)..].first()?;
        Some(*at..at + id.len() + 2)
    }

    /// `decl` by searching the text, for an id the index cannot hold (one with a quote, a
    /// colon or a space: such a literal may overlap the text before it).
    fn search_decl(&self, from: usize, id: &str) -> Option<Range<usize>> {
        let literal = format!("\"{id}\"");
        let mut at = from.min(self.src.len());
        // `from` may fall inside a character (a Chinese text): start at the next one.
        while !self.src.is_char_boundary(at) {
            at += 1;
        }
        while let Some(i) = self.src[at..].find(&literal) {
            let start = at + i;
            if self.src[..start].trim_end().ends_with("id:") {
                return Some(start..start + literal.len());
            }
            at = start + literal.len();
        }
        None
    }

    /// The span of `token` at or after `from`.
    pub fn token(&self, from: usize, token: &str) -> Option<Range<usize>> {
        let from = from.min(self.src.len());
        self.src[from..]
            .find(token)
            .map(|i| from + i..from + i + token.len())
    }

    /// The span of the whole number `value` as written at or after `from` (with its `-`), not
    /// part of a longer number or word.
    pub fn number(&self, from: usize, value: i64) -> Option<Range<usize>> {
        let digits = value.unsigned_abs().to_string();
        let mut at = from.min(self.src.len());
        while !self.src.is_char_boundary(at) {
            at += 1;
        }
        while let Some(i) = self.src[at..].find(&digits) {
            let start = at + i;
            let end = start + digits.len();
            at = end;
            let before = self.src[..start].chars().next_back();
            let after = self.src[end..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                || after.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
            {
                continue;
            }
            match (value < 0, before == Some('-')) {
                (true, true) => return Some(start - 1..end),
                (false, false) => return Some(start..end),
                _ => {}
            }
        }
        None
    }

    /// The span of the string literal `"value"` at or after `from`.
    pub fn literal(&self, from: usize, value: &str) -> Option<Range<usize>> {
        self.token(from, &format!("\"{value}\""))
    }
}

/// A character of a word before a `:`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Each word that ends right before a `:`, at the first place it does so.
fn index_keys(src: &str) -> HashMap<&str, usize> {
    let mut keys = HashMap::new();
    for (colon, _) in src.match_indices(':') {
        let start = src[..colon]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(colon, |(i, _)| i);
        if start < colon {
            keys.entry(&src[start..colon]).or_insert(start);
        }
    }
    keys
}

/// Each string that follows an `id:` (after any white space), with the places of its opening
/// quote in order.
fn index_decls(src: &str) -> HashMap<&str, Vec<usize>> {
    let mut decls: HashMap<&str, Vec<usize>> = HashMap::new();
    for (at, key) in src.match_indices("id:") {
        let rest = &src[at + key.len()..];
        let quote = at + key.len() + (rest.len() - rest.trim_start().len());
        let Some(value) = src[quote..].strip_prefix('"') else {
            continue;
        };
        if let Some(end) = value.find('"') {
            decls.entry(&value[..end]).or_default().push(quote);
        }
    }
    decls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_item_then_token() {
        let src = "(scenes: [(id: \"a\", next: \"b\")], actions: [(id: \"b\", x: \"b\")])";
        let l = Locator::new(src);
        let actions = l.section("actions");
        let decl = l.decl(actions, "b").unwrap();
        assert_eq!(&src[decl.clone()], "\"b\"");
        assert!(decl.start > actions);
        let x = l.literal(decl.end, "b").unwrap();
        assert!(x.start > decl.start);
    }

    #[test]
    fn the_index_answers_as_a_search_would() {
        let tricky = "(xid: \"a\", valid: \"a\", id:\"a\", id: \n \"b\" , id: \"a\"b\", \
                      id: \"\", people: 1, xpeople: 2, é_people: 3, _people: 4, id: a, id: \"x";
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
        let mut sources = vec![tricky.to_string()];
        for entry in std::fs::read_dir(root).unwrap() {
            sources.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
        }
        for src in &sources {
            let l = Locator::new(src);
            let mut words: Vec<&str> = src
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .chain(["", "a\"b", "people:"])
                .collect();
            words.sort_unstable();
            words.dedup();
            let froms = [0, 1, src.len() / 3, src.len() / 2, src.len() - 1, src.len()];
            for w in words {
                assert_eq!(l.section(w), l.search_section(w), "section {w:?}");
                for from in froms {
                    assert_eq!(l.decl(from, w), l.search_decl(from, w), "decl {from} {w:?}");
                }
            }
        }
    }
}

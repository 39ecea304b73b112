//! Finding where in the RON source an item or a value is, for semantic diagnostics.
//!
//! serde keeps no positions, so after parsing we search the text: first the section
//! (`actions: [`), then the item's `id: "…"`, then the offending token after it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

/// A declaration searched for: from where, and which id.
type DeclKey = (usize, String);

/// Searches one source text; remembers the sections and declarations it found, since the
/// checks ask for the same ones many times (each search reads the text from the start).
pub struct Locator<'a> {
    src: &'a str,
    sections: RefCell<HashMap<String, usize>>,
    decls: RefCell<HashMap<DeclKey, Option<Range<usize>>>>,
}

impl<'a> Locator<'a> {
    pub fn new(src: &'a str) -> Self {
        Locator {
            src,
            sections: RefCell::default(),
            decls: RefCell::default(),
        }
    }

    /// Start of a top-level section such as `people:`, or 0.
    pub fn section(&self, key: &str) -> usize {
        if let Some(&at) = self.sections.borrow().get(key) {
            return at;
        }
        let at = self.find_section(key);
        self.sections.borrow_mut().insert(key.to_string(), at);
        at
    }

    fn find_section(&self, key: &str) -> usize {
        let needle = format!("{key}:");
        let mut from = 0;
        while let Some(i) = self.src[from..].find(&needle) {
            let at = from + i;
            let before_ok = at == 0
                || !self.src[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if before_ok {
                return at;
            }
            from = at + needle.len();
        }
        0
    }

    /// The span of `"id"` in the first `id: "id"` at or after `from`.
    pub fn decl(&self, from: usize, id: &str) -> Option<Range<usize>> {
        let key = (from, id.to_string());
        if let Some(found) = self.decls.borrow().get(&key) {
            return found.clone();
        }
        let found = self.find_decl(from, id);
        self.decls.borrow_mut().insert(key, found.clone());
        found
    }

    fn find_decl(&self, from: usize, id: &str) -> Option<Range<usize>> {
        let literal = format!("\"{id}\"");
        let mut at = from.min(self.src.len());
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

    /// The span of the string literal `"value"` at or after `from`.
    pub fn literal(&self, from: usize, value: &str) -> Option<Range<usize>> {
        self.token(from, &format!("\"{value}\""))
    }
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
}

//! Localized text: a map from language code to string, and the language codes themselves.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A language code as the scenario declares it, e.g. `zh` or `en`.
pub type Lang = String;

/// A text an author writes once per declared language: `{"zh": "…", "en": "…"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<Lang, String>);

impl Text {
    /// The text in `lang`, else English, else any language present, else "".
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Languages in `declared` that this text lacks.
    pub fn missing<'a>(&self, declared: &'a [Lang]) -> Vec<&'a str> {
        declared
            .iter()
            .filter(|lang| self.0.get(*lang).is_none_or(|s| s.trim().is_empty()))
            .map(String::as_str)
            .collect()
    }

    /// A text with the same string in every language (for tests and built-ins).
    pub fn same(langs: &[&str], s: &str) -> Self {
        Text(
            langs
                .iter()
                .map(|l| (l.to_string(), s.to_string()))
                .collect(),
        )
    }
}

/// Picks the Chinese form when `lang` is `zh`, else the English one: for the engine's and the
/// front ends' own words (a scenario's words are `Text`s and use `Text::get`).
pub fn pick<'a>(lang: &str, zh: &'a str, en: &'a str) -> &'a str {
    if is_chinese(lang) { zh } else { en }
}

/// Whether `lang` is Chinese (`zh`), for words built differently in each language.
pub fn is_chinese(lang: &str) -> bool {
    lang == "zh"
}

/// `text` without the UTF-8 byte-order mark (U+FEFF) that some editors (Notepad, Excel) put at
/// the start of a file; every reader of a scenario, choice script, record or settings file
/// calls this first, so a file saved with one reads like the same file saved without.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Replaces `{key}` placeholders in `template` by their values.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english_then_any() {
        let t = Text(BTreeMap::from([
            ("en".into(), "hi".into()),
            ("zh".into(), "你好".into()),
        ]));
        assert_eq!(t.get("zh"), "你好");
        assert_eq!(t.get("fr"), "hi");
        let only_zh = Text(BTreeMap::from([("zh".into(), "你好".into())]));
        assert_eq!(only_zh.get("en"), "你好");
    }

    #[test]
    fn reports_missing_and_blank_languages() {
        let t = Text(BTreeMap::from([
            ("en".into(), "hi".into()),
            ("zh".into(), " ".into()),
        ]));
        assert_eq!(
            t.missing(&["zh".into(), "en".into(), "fr".into()]),
            vec!["zh", "fr"]
        );
    }

    #[test]
    fn picks_chinese_only_for_zh() {
        assert_eq!(pick("zh", "是", "yes"), "是");
        assert_eq!(pick("en", "是", "yes"), "yes");
        assert_eq!(pick("fr", "是", "yes"), "yes");
    }

    #[test]
    fn strips_one_leading_byte_order_mark_only() {
        assert_eq!(strip_bom("\u{feff}(a: 1)"), "(a: 1)");
        assert_eq!(strip_bom("(a: 1)"), "(a: 1)");
        assert_eq!(strip_bom("x\u{feff}"), "x\u{feff}");
        assert_eq!(strip_bom(""), "");
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
    }
}

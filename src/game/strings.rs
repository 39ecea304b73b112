//! The game's own interface words in both languages (scenario texts come from the scenario).

/// The Chinese or English form, by the current language.
pub fn tr<'a>(lang: &str, zh: &'a str, en: &'a str) -> &'a str {
    if lang == "zh" { zh } else { en }
}

//! Which language to speak: a `--lang` value or the environment's locale, read as a BCP 47
//! tag (`en-US`, `zh-Hans-CN`) or a POSIX locale (`en_GB.UTF-8`, `zh_TW`, `C`), matched
//! against the languages a scenario (or the game) offers.

use language_tags::LanguageTag;

/// The languages of the game's own words (menus, buttons, the terminal's prompts).
pub const GAME_LANGUAGES: [&str; 2] = ["zh", "en"];

/// The exit code of a command refused for its language (like any other command-line
/// mistake: clap's own usage errors exit 2 too).
pub const EXIT_BAD_LANGUAGE: u8 = 2;

/// Why a language asked for cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LangError {
    /// The value is neither a BCP 47 tag nor a POSIX locale.
    #[error(
        "`{asked}` is not a language tag (e.g. zh, en, en-US, zh_CN.UTF-8) / “{asked}”不是语言代码（例如 zh、en、en-US、zh_CN.UTF-8）"
    )]
    Malformed { asked: String },
    /// The scenario has no text in this language.
    #[error(
        "this scenario has no `{asked}`; its languages: {} / 本案例没有“{asked}”，可用的语言：{}",
        .offered.join(", "),
        .offered.join("、")
    )]
    NotOffered { asked: String, offered: Vec<String> },
}

/// A language a user asked for, as a well-formed BCP 47 tag (`zh-Hant-TW`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked(LanguageTag);

impl Asked {
    /// Reads `text` as a BCP 47 tag or a POSIX locale (`ll_CC.codeset@modifier`; the codeset
    /// and the modifier are left out). `Ok(None)` for `C`, `POSIX` (and `C.UTF-8`) and an
    /// empty value: no language asked for.
    ///
    /// # Errors
    /// [`LangError::Malformed`] when the rest is not a well-formed BCP 47 tag.
    pub fn parse(text: &str) -> Result<Option<Asked>, LangError> {
        let trimmed = text.trim();
        let locale = trimmed.split(['.', '@']).next().unwrap_or("");
        if locale.is_empty() || locale == "C" || locale == "POSIX" {
            return Ok(None);
        }
        let malformed = || LangError::Malformed {
            asked: trimmed.to_string(),
        };
        // Private-use (`x-…`) and grandfathered tags carry no language to match.
        let tag = LanguageTag::parse(&locale.replace('_', "-")).map_err(|_| malformed())?;
        if tag.primary_language().len() > 3 || tag.primary_language().starts_with('x') {
            return Err(malformed());
        }
        Ok(Some(Asked(tag)))
    }

    /// The tag as normalized (`en-US`, `zh-Hant-TW`).
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The one of `offered` that best serves this request, if any: the same tag, else without
    /// the region, else without the script, else any with the same primary language (RFC 4647
    /// lookup, case-insensitive). A Chinese region implies its script: `zh_TW` and `zh-HK`
    /// ask for `zh-Hant`, `zh_CN` and `zh-SG` for `zh-Hans`.
    pub fn best_of<'a>(&self, offered: &'a [String]) -> Option<&'a str> {
        let language = self.0.primary_language().to_ascii_lowercase();
        let region = self.0.region().map(str::to_ascii_lowercase);
        let script = self
            .0
            .script()
            .map(str::to_ascii_lowercase)
            .or_else(|| implied_script(&language, region.as_deref()).map(String::from));
        let mut wanted = Vec::new();
        let mut add = |parts: &[Option<&str>]| {
            let key: Vec<&str> = parts.iter().flatten().copied().collect();
            let key = key.join("-");
            if !wanted.contains(&key) {
                wanted.push(key);
            }
        };
        let (s, r) = (script.as_deref(), region.as_deref());
        add(&[Some(&language), s, r]);
        add(&[Some(&language), s]);
        add(&[Some(&language), r]);
        add(&[Some(&language)]);
        let normal = |o: &String| o.replace('_', "-").to_ascii_lowercase();
        wanted
            .iter()
            .find_map(|w| offered.iter().find(|o| normal(o) == *w))
            .or_else(|| {
                offered
                    .iter()
                    .find(|o| normal(o).split('-').next() == Some(language.as_str()))
            })
            .map(String::as_str)
    }
}

/// The script a Chinese region writes in, when the tag does not say.
fn implied_script(language: &str, region: Option<&str>) -> Option<&'static str> {
    match (language, region?) {
        ("zh", "tw" | "hk" | "mo") => Some("hant"),
        ("zh", "cn" | "sg" | "my") => Some("hans"),
        _ => None,
    }
}

/// The locale the environment asks for: the first set and non-empty of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` (the POSIX order), read by [`Asked::parse`]. `None` when none is
/// set, for `C`/`POSIX`, and for a value that is not a language (it is ignored, not refused:
/// the user did not type it for us).
pub fn asked_by_env() -> Option<Asked> {
    asked_by(|name| std::env::var(name).ok())
}

/// [`asked_by_env`] with the variables read by `var` (for tests).
pub fn asked_by(var: impl Fn(&str) -> Option<String>) -> Option<Asked> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.trim().is_empty()))?;
    Asked::parse(&value).ok().flatten()
}

/// The language to use among `offered` (a scenario's `languages`, or [`GAME_LANGUAGES`]):
/// the best match for `asked` (a `--lang` value) when given, else for the environment
/// ([`asked_by_env`]), else the default: `en` when offered, else the first offered.
///
/// # Errors
/// For a value given on the command line only: [`LangError::Malformed`] when it is not a
/// language tag, [`LangError::NotOffered`] when none of `offered` is in that language. A
/// language of the environment that is not offered falls back to the default instead.
pub fn resolve(asked: Option<&str>, offered: &[String]) -> Result<String, LangError> {
    resolve_with(asked, asked_by_env(), offered)
}

/// [`resolve`] with the environment's request given (for tests).
///
/// # Errors
/// As [`resolve`].
pub fn resolve_with(
    asked: Option<&str>,
    env: Option<Asked>,
    offered: &[String],
) -> Result<String, LangError> {
    if let Some(text) = asked {
        return match Asked::parse(text)? {
            Some(a) => {
                a.best_of(offered)
                    .map(str::to_string)
                    .ok_or_else(|| LangError::NotOffered {
                        asked: a.as_str().to_string(),
                        offered: offered.to_vec(),
                    })
            }
            None => Ok(default_of(offered)),
        };
    }
    Ok(env
        .and_then(|a| a.best_of(offered).map(str::to_string))
        .unwrap_or_else(|| default_of(offered)))
}

/// `en` when offered, else the first offered, else `en`.
fn default_of(offered: &[String]) -> String {
    offered
        .iter()
        .find(|o| o.as_str() == "en")
        .or(offered.first())
        .cloned()
        .unwrap_or_else(|| "en".to_string())
}

/// The game's language from the environment (`zh` or `en`), for a user who has not chosen one.
pub fn lang_from_env() -> String {
    resolve_with(None, asked_by_env(), &game_languages()).unwrap_or_else(|_| "en".into())
}

/// [`GAME_LANGUAGES`] as owned strings.
pub fn game_languages() -> Vec<String> {
    GAME_LANGUAGES.iter().map(|l| l.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tags_and_posix_locales_find_the_scenario_language() {
        let zh_en = langs(&["zh", "en"]);
        for (asked, want) in [
            ("en", "en"),
            ("EN", "en"),
            ("en-US", "en"),
            ("en_GB", "en"),
            ("en_GB.UTF-8", "en"),
            ("en_US.UTF-8@euro", "en"),
            ("zh", "zh"),
            ("zh-Hans-CN", "zh"),
            ("zh_CN.UTF-8", "zh"),
            ("zh_TW", "zh"),
            ("zh-hant", "zh"),
            (" zh ", "zh"),
            ("C", "en"),
            ("POSIX", "en"),
            ("C.UTF-8", "en"),
        ] {
            assert_eq!(
                resolve_with(Some(asked), None, &zh_en).as_deref(),
                Ok(want),
                "{asked}"
            );
        }
    }

    #[test]
    fn a_region_finds_its_script_when_the_scenario_has_both() {
        let both = langs(&["zh-Hans", "zh-Hant", "en"]);
        for (asked, want) in [
            ("zh_TW", "zh-Hant"),
            ("zh-HK", "zh-Hant"),
            ("zh_CN", "zh-Hans"),
            ("zh", "zh-Hans"),
            ("zh-Hant-CN", "zh-Hant"),
        ] {
            assert_eq!(
                resolve_with(Some(asked), None, &both).as_deref(),
                Ok(want),
                "{asked}"
            );
        }
    }

    #[test]
    fn a_language_the_scenario_lacks_is_refused_with_its_languages() {
        let zh_en = langs(&["zh", "en"]);
        let e = resolve_with(Some("fr"), None, &zh_en).unwrap_err();
        assert_eq!(
            e,
            LangError::NotOffered {
                asked: "fr".into(),
                offered: zh_en.clone()
            }
        );
        let said = e.to_string();
        assert!(said.contains("zh, en") && said.contains("zh、en"), "{said}");
        for bad in ["english", "e", "en--US", "zh_", "x-klingon", "!!"] {
            assert!(
                matches!(
                    resolve_with(Some(bad), None, &zh_en),
                    Err(LangError::Malformed { .. })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn lc_all_wins_over_lc_messages_over_lang() {
        let env = |vars: &[(&'static str, &'static str)]| {
            let vars = vars.to_vec();
            asked_by(move |name| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            })
        };
        let zh_en = langs(&["zh", "en"]);
        let pick =
            |vars: &[(&'static str, &'static str)]| resolve_with(None, env(vars), &zh_en).unwrap();
        assert_eq!(pick(&[("LANG", "zh_CN.UTF-8")]), "zh");
        assert_eq!(
            pick(&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US")]),
            "en"
        );
        assert_eq!(
            pick(&[
                ("LANG", "en_US"),
                ("LC_MESSAGES", "en_US"),
                ("LC_ALL", "zh_TW.UTF-8")
            ]),
            "zh"
        );
        // An empty LC_ALL is not set; C means no preference; a stranger is not refused.
        assert_eq!(pick(&[("LC_ALL", ""), ("LANG", "zh_CN")]), "zh");
        assert_eq!(pick(&[("LC_ALL", "C"), ("LANG", "zh_CN")]), "en");
        assert_eq!(pick(&[("LANG", "fr_FR.UTF-8")]), "en");
        assert_eq!(pick(&[("LANG", "garbage!!")]), "en");
        assert_eq!(pick(&[]), "en");
        assert_eq!(
            resolve_with(None, env(&[("LANG", "fr")]), &langs(&["zh"])).unwrap(),
            "zh"
        );
    }
}

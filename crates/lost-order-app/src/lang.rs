//! The language a user's environment asks for, when they did not choose one.

/// `zh` when `$LANG` names Chinese (e.g. `zh_CN.UTF-8`), else `en`.
pub fn lang_from_env() -> String {
    let env = std::env::var("LANG").unwrap_or_default();
    if env.starts_with("zh") { "zh" } else { "en" }.to_string()
}

//! Edits of a case file as an author makes them, for the play-while-writing tests: rename a
//! scene's choice, change the title, break the syntax, save as an editor does.
#![allow(dead_code, reason = "each test file uses a part of the edits")]

use std::path::Path;

/// `source` with the choice `choice` of scene `scene` renamed to `new` (its first `(id: …`
/// after the scene's `choices: [`).
pub fn rename_choice(source: &str, scene: &str, choice: &str, new: &str) -> String {
    let scenes = source.find("scenes:").expect("the case has scenes");
    let at = scenes
        + source[scenes..]
            .find(&format!("(id: \"{scene}\""))
            .unwrap_or_else(|| panic!("no scene {scene:?}"));
    let list = at
        + source[at..]
            .find("choices:")
            .expect("the scene has choices");
    let old = format!("(id: \"{choice}\"");
    let from = list
        + source[list..]
            .find(&old)
            .unwrap_or_else(|| panic!("no choice {choice:?}"));
    format!(
        "{}(id: \"{new}\"{}",
        &source[..from],
        &source[from + old.len()..]
    )
}

/// `source` with `prefix` put before the English title of the case.
pub fn retitle(source: &str, prefix: &str) -> String {
    let title = source.find("title:").expect("the case has a title");
    let en = title
        + source[title..]
            .find("\"en\": \"")
            .expect("an English title")
        + 7;
    format!("{}{prefix}{}", &source[..en], &source[en..])
}

/// `source` with a syntax error (`@@@` right after `meta: (`), and the 1-based line and
/// column of the error.
pub fn break_syntax(source: &str) -> (String, usize, usize) {
    let meta = source.find("meta: (").expect("the case has meta") + "meta: (".len();
    let line = source[..meta].matches('\n').count() + 1;
    let col = source[..meta].rsplit('\n').next().unwrap().chars().count() + 2;
    (
        format!("{} @@@{}", &source[..meta], &source[meta..]),
        line,
        col,
    )
}

/// Saves `text` to `path` as many editors do: a new file beside it, renamed over it.
pub fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("ron.tmp-save");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

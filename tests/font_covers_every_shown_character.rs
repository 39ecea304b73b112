//! The bundled font has a glyph for every character the game or a shipped scenario can show.

use skrifa::MetadataProvider;

fn files(dir: &std::path::Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

#[test]
fn font_covers_cjk_latin_and_every_shown_character() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(root.join("assets/fonts/LostOrderSans.otf")).unwrap();
    let font = skrifa::FontRef::new(&bytes).unwrap();
    let charmap = font.charmap();
    let has = |c: char| charmap.map(c).is_some();
    // Every CJK Unified Ideograph, Latin, CJK punctuation and full-width forms. Debian's Noto
    // Sans CJK (2.004) predates U+9FF0–U+9FFF (Unicode 14–15); those 16 are the only gap allowed.
    for range in [
        0x4E00..=0x9FFF,
        0x20..=0x7E,
        0x3000..=0x303F,
        0xFF01..=0xFF5E,
    ] {
        let missing: Vec<u32> = range
            .filter(|&u| char::from_u32(u).is_some_and(|c| !has(c)))
            .filter(|u| !(0x9FF0..=0x9FFF).contains(u))
            .collect();
        assert!(
            missing.is_empty(),
            "{} code points missing, e.g. {:X?}",
            missing.len(),
            &missing[..missing.len().min(8)]
        );
    }
    let mut sources = Vec::new();
    files(&root.join("scenarios"), "ron", &mut sources);
    files(&root.join("src/game"), "rs", &mut sources);
    files(
        &root.join("crates/lost-order-core/src/narrate"),
        "rs",
        &mut sources,
    );
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        let missing: Vec<char> = text
            .chars()
            .filter(|c| !c.is_control() && !has(*c))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: no glyph for {missing:?}",
            path.display()
        );
    }
}

//! Every text the terminal, the class report and the game show reads like good business
//! software: full-width punctuation and 第 N 周 in Chinese, no Chinese in English, no ids, no
//! unfilled placeholders, one name per role, no pronoun guessed for a tender's judge.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::game::{app, run_steps, screen, texts};
use common::terminal::{play_text, typed_input};
use common::{flagship, golden_script, run_ok, temp_dir};
use lost_order::game::demo::{Step, pass};
use lost_order_core::policy::Policy;
use lost_order_core::scenario::Id;

/// Han characters, CJK punctuation and full-width forms.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// Runs of ASCII letters, digits and `_`, the way ids and English words are written.
fn ascii_words(line: &str) -> Vec<&str> {
    line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words that name a thing the course names otherwise (`domain.md`), or jargon.
const NOT_OUR_WORDS_ZH: &[&str] = &["新会话", "技术把关人", "会话"];
const NOT_OUR_WORDS_EN: &[&str] = &["technical evaluator", "buying center", "(s)"];

/// The ids of the shipped cases' endings, which a reader must never see.
fn ending_ids() -> BTreeSet<Id> {
    let mut ids = BTreeSet::new();
    for file in ["scenarios/lost_order.ron", "scenarios/tutorial.ron"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let s = lost_order_core::load::load_file(&path).unwrap();
        ids.extend(s.endings.iter().map(|e| e.id.clone()));
    }
    ids
}

/// The line without file paths and names (`/tmp/…`, `summary.json`) and without what the
/// trainee typed, quoted back in 「」: neither is the program's wording.
fn without_paths_and_echoes(line: &str) -> String {
    let mut kept = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '「' => quoted = true,
            '」' => quoted = false,
            _ if quoted => {}
            c => kept.push(c),
        }
    }
    kept.split(' ')
        .filter(|chunk| {
            !chunk.contains('/')
                && ![".html", ".json", ".csv", ".ron"]
                    .iter()
                    .any(|ext| chunk.contains(ext))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What is wrong with one line of Chinese text.
fn zh_faults(line: &str, ids: &BTreeSet<Id>) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if [':', ',', '(', ')', ';'].contains(c) {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            if before.is_some_and(is_cjk) || after.is_some_and(is_cjk) {
                out.push(format!("half-width `{c}` beside Chinese"));
            }
        }
        if "：，；、。！？".contains(*c) && chars.get(i + 1) == Some(&' ') {
            out.push(format!("a space after `{c}`"));
        }
        if *c == '第' {
            let rest: String = chars[i + 1..].iter().collect();
            let rest = rest.trim_start();
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() {
                // A list of numbers before the counter is fine: 第 3、4 周.
                let after: String = rest[digits.len()..]
                    .chars()
                    .skip_while(|c| c.is_ascii_digit() || *c == '、')
                    .collect();
                let next = after.trim_start().chars().next();
                if !next.is_some_and(|n| "周条名关项次轮位章节天个部页".contains(n)) {
                    out.push(format!("`第 {digits}` without 周 (or another counter)"));
                } else if digits == "0" && next == Some('周') {
                    out.push("第 0 周 (say 开始时)".into());
                }
            }
        }
    }
    // A tender's reason: `{stage}由{judge}主持。{judge}对你的支持度为 …`.
    if line.contains("支持度") && line.contains(['他', '她']) {
        out.push("a pronoun guessed for a tender's judge".into());
    }
    if line.contains(['{', '}']) {
        out.push("an unfilled placeholder or template brace".into());
    }
    for w in ascii_words(&without_paths_and_echoes(line)) {
        if w.contains('_') || ids.contains(w) {
            out.push(format!("a raw id `{w}`"));
        } else if w.chars().filter(char::is_ascii_alphabetic).count() >= 2
            && w.chars().all(|c| c.is_ascii_alphabetic())
            && w.chars().any(|c| c.is_ascii_lowercase())
        {
            out.push(format!("an English word `{w}` in Chinese text"));
        }
    }
    for word in NOT_OUR_WORDS_ZH {
        if line.contains(word) {
            out.push(format!("`{word}`: not the course's word"));
        }
    }
    out
}

/// What is wrong with one line of English text.
fn en_faults(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    if line.chars().any(is_cjk) {
        out.push("Chinese characters or punctuation in English text".into());
    }
    if line.contains(['{', '}']) {
        out.push("an unfilled placeholder or template brace".into());
    }
    for w in ascii_words(&without_paths_and_echoes(line)) {
        if w == "pt" || w == "pts" {
            out.push(format!("`{w}` for points"));
        }
        if w.contains('_') {
            out.push(format!("a raw id `{w}`"));
        }
    }
    if line.contains("Week 0") || line.contains("week 0") {
        out.push("week 0 (say at start)".into());
    }
    for word in NOT_OUR_WORDS_EN {
        if line.contains(word) {
            out.push(format!("`{word}`: not the course's word"));
        }
    }
    out
}

/// Every fault of `lines` in `lang`, each as `[source] fault: line`.
fn faults<'a>(
    source: &str,
    lang: &str,
    lines: impl IntoIterator<Item = &'a str>,
    ids: &BTreeSet<Id>,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for line in lines {
        if !seen.insert(line) {
            continue;
        }
        let found = if lang == "zh" {
            zh_faults(line, ids)
        } else {
            en_faults(line)
        };
        out.extend(
            found
                .into_iter()
                .map(|f| format!("[{source} {lang}] {f}: {line}")),
        );
    }
    out
}

/// The speaker heads a scene's box only when the text does not begin with their name.
fn speaker_twice(out: &str) -> Vec<String> {
    let lines: Vec<&str> = out.lines().collect();
    lines
        .windows(2)
        .filter_map(|w| {
            let name = w[0].strip_prefix("┌── ")?.split(" ──").next()?;
            w[1].strip_prefix("│ ")?
                .starts_with(name)
                .then(|| format!("[terminal] the speaker named twice: {}", w[1]))
        })
        .collect()
}

fn assert_none(faults: Vec<String>) {
    assert!(
        faults.is_empty(),
        "{} wording faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

/// The flagship typed in full, with every other command tried once in the last week (map,
/// notebook, log, help, an action without a person, a cancelled prompt, a wrong key).
fn flagship_typed(script: &str) -> String {
    let typed = typed_input(flagship(), 11, &golden_script(script));
    let cut = typed.rfind("e\n").unwrap();
    format!(
        "{}m\nn\nl\nh\n1\n\n99\n1zz\n{}",
        &typed[..cut],
        &typed[cut..]
    )
}

#[test]
fn the_terminal_reads_naturally_in_both_languages() {
    let ids = ending_ids();
    let tutorial = {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.ron");
        std::sync::Arc::new(lost_order_core::load::load_file(&path).unwrap())
    };
    let mut all = Vec::new();
    for lang in ["zh", "en"] {
        let home = temp_dir("wording", &format!("terminal-{lang}"));
        let mut outputs = vec![
            (
                "play --text (full coverage)",
                play_text(
                    &home,
                    lang,
                    11,
                    "scenarios/lost_order.ron",
                    &flagship_typed("full_coverage.script"),
                ),
            ),
            (
                "play --text (Liao's path)",
                play_text(
                    &home,
                    lang,
                    11,
                    "scenarios/lost_order.ron",
                    &flagship_typed("liao.script"),
                ),
            ),
            (
                "play --text (tutorial)",
                play_text(
                    &home,
                    lang,
                    1,
                    "scenarios/tutorial.ron",
                    &typed_input(tutorial.clone(), 1, &golden_script("tutorial.script")),
                ),
            ),
        ];
        for (script, seed, scenario) in [
            ("full_coverage.script", "11", "scenarios/lost_order.ron"),
            ("liao.script", "11", "scenarios/lost_order.ron"),
            ("tutorial.script", "1", "scenarios/tutorial.ron"),
        ] {
            let path = format!("tests/golden/{script}");
            outputs.push((
                "play --script",
                run_ok(&[
                    "play", "--script", &path, "--seed", seed, "--lang", lang, scenario,
                ]),
            ));
        }
        for (source, out) in &outputs {
            // The prompt and the typed answer share a line when input is piped: check what follows `> `.
            let lines = out
                .lines()
                .map(|l| l.rsplit_once("> ").map_or(l, |(_, rest)| rest));
            all.extend(faults(source, lang, lines, &ids));
            all.extend(speaker_twice(out));
        }
        // The play --script summary names the ending by its title, in the trainee's language.
        let won = &outputs[3].1;
        let expect = if lang == "zh" {
            "结局：订单拿下了 · 得分 95/100"
        } else {
            "Ending: The order is yours · score 95/100"
        };
        assert!(won.contains(expect), "{lang}: {won}");
    }
    assert_none(all);
}

/// The text nodes of an HTML page, entities decoded, without the style sheet.
fn html_texts(html: &str) -> Vec<String> {
    let body = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    body.split('<')
        .filter_map(|piece| piece.split_once('>').map(|(_, text)| text))
        .map(|t| {
            t.replace("&#x27;", "'")
                .replace("&#34;", "\"")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .flat_map(|t| {
            t.lines()
                .map(str::trim)
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// The fields of a CSV file that people read (trainee, ending, mistakes, path), header left out.
fn csv_texts(csv: &str, columns: &[&str]) -> Vec<String> {
    let mut rows = csv_rows(csv).into_iter();
    let header = rows.next().unwrap();
    let keep: Vec<usize> = columns
        .iter()
        .map(|c| header.iter().position(|h| h == c).unwrap())
        .collect();
    rows.flat_map(|row| keep.iter().map(|&i| row[i].clone()).collect::<Vec<_>>())
        .filter(|f| !f.is_empty())
        .collect()
}

/// A small CSV reader: commas, quoted fields with doubled quotes, newlines inside quotes.
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let (mut row, mut field, mut quoted) = (vec![], String::new(), false);
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

#[test]
fn the_class_report_reads_naturally_in_both_languages() {
    let ids = ending_ids();
    let scenario = flagship();
    let mut all = Vec::new();
    for (lang, names) in [
        ("zh", ["王芳", "李雷", "韩梅梅", "张伟"]),
        ("en", ["Wang Fang", "Li Lei", "Han Meimei", "Zhang Wei"]),
    ] {
        let records = temp_dir("wording", &format!("records-{lang}"));
        for (policy, name) in [
            Policy::FullCoverage,
            Policy::Liao,
            Policy::PriceOnly,
            Policy::TopOnly,
        ]
        .into_iter()
        .zip(names)
        {
            let run = lost_order_core::simulate::play(scenario.clone(), policy, 11).unwrap();
            lost_order_app::records::start(&records, &run.session, name).unwrap();
        }
        let out = temp_dir("wording", &format!("report-{lang}"));
        let said = run_ok(&[
            "report",
            records.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        all.extend(faults("report (terminal)", lang, said.lines(), &ids));
        let html = std::fs::read_to_string(out.join("index.html")).unwrap();
        let texts = html_texts(&html);
        all.extend(faults(
            "report index.html",
            lang,
            texts.iter().map(String::as_str),
            &ids,
        ));
        // The mistakes are named as failures, never as the successes of the rubric.
        let expect = if lang == "zh" {
            "没有发展教练"
        } else {
            "No coach"
        };
        assert!(texts.iter().any(|t| t == expect), "{lang}: {texts:?}");
        let csv = std::fs::read_to_string(out.join("sessions.csv")).unwrap();
        let fields = csv_texts(&csv, &["player", "ending", "mistakes", "path"]);
        assert!(fields.len() >= 12, "{lang}: {fields:?}");
        all.extend(faults(
            "report sessions.csv",
            lang,
            fields.iter().map(String::as_str),
            &ids,
        ));
    }
    assert_none(all);
}

/// Every text of every screen of the game through the golden session, in both languages.
#[test]
fn the_game_reads_naturally_in_both_languages() {
    let ids = ending_ids();
    let decisions = golden_script("full_coverage.script");
    let mut all = Vec::new();
    for lang in ["zh", "en"] {
        let mut app = app(&temp_dir("wording", &format!("game-{lang}")), 11);
        let mut shown: Vec<(String, String)> = Vec::new();
        // The pass first sets the language (its first press); texts count from then on.
        let mut in_lang = false;
        for step in pass(lang, &decisions) {
            let press = matches!(step, Step::Press(_));
            run_steps(&mut app, vec![step]);
            in_lang |= press;
            if !in_lang {
                continue;
            }
            let on = format!("game {:?}", screen(&app));
            for line in texts(&mut app).lines() {
                shown.push((on.clone(), line.to_string()));
            }
        }
        let mut seen = BTreeSet::new();
        for (on, line) in &shown {
            // The button that switches language names the other language in its own words.
            let switch = if lang == "zh" { "English" } else { "中文" };
            if line != switch && seen.insert(line.clone()) {
                all.extend(faults(on, lang, [line.as_str()], &ids));
            }
        }
    }
    assert_none(all);
}

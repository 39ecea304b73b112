//! The class's charts rendered from its figures: SVG bars (outcome, endings, score
//! distribution, buying roles covered, fatal mistakes, people engaged) and the table of people
//! engaged by week. The report's page holds them; the class server's live view shows the same,
//! worded in each of the scenario's languages at once.

use lost_order_core::narrate::week_label;
use lost_order_core::report::{Count, Figures};
use minijinja::{Environment, context};
use serde::Serialize;

use super::words::words;

const CHARTS: &str = include_str!("charts.html");

/// Every chart's drawing width, in SVG units (the page scales it to its column).
const WIDTH: f64 = 520.0;

/// The narrowest label column, in SVG units: labels of one short line keep the report's
/// layout.
const MIN_LABEL: f64 = 170.0;

/// The widest label column: a longer label runs under its bar rather than leave no bar.
const MAX_LABEL: f64 = 320.0;

/// Room after the longest bar for its count.
const COUNT_ROOM: f64 = 50.0;

/// Between two lines of one label (a label in each language).
const LINE_GAP: f64 = 15.0;

/// One chart of bars; lengths in SVG units, written as the page shows them (`170`, `37.5`).
#[derive(Serialize)]
struct Chart {
    id: &'static str,
    caption: String,
    /// Where the bars start (the label column's width).
    label_width: String,
    height: String,
    bars: Vec<Bar>,
}

/// One bar: its label (a line per language, the same words once), its count and where it
/// and its count are.
#[derive(Serialize)]
struct Bar {
    lines: Vec<String>,
    title: String,
    count: usize,
    text_y: String,
    bar_y: String,
    length: String,
    count_x: String,
    count_y: String,
}

/// The table of trainees engaging each person, by week.
#[derive(Serialize)]
struct ByWeek {
    caption: String,
    person: String,
    weeks: Vec<String>,
    rows: Vec<WeekRow>,
}

#[derive(Serialize)]
struct WeekRow {
    name: String,
    cells: Vec<Cell>,
}

/// A count, and how dark its cell is (0 to 0.8).
#[derive(Serialize)]
struct Cell {
    count: usize,
    alpha: String,
}

/// The charts' HTML (a grid of SVG figures, then the by-week heading and table, with the ids
/// `chart-outcome`, `chart-endings`, `chart-scores`, `chart-roles`, `chart-mistakes`,
/// `chart-engaged` and `chart-engagement`) for a class of a case of `weeks` weeks.
/// `figures` holds the class's figures in each language to word them in, the first the
/// main one: the counts are drawn from it, and each label has a line per language (the same
/// words once), each caption the words of each language one after the other.
///
/// # Errors
/// A template error (a bug in the template); none when `figures` is empty, which gives no
/// chart at all.
pub fn render_charts(figures: &[(&str, &Figures)], weeks: u32) -> Result<String, minijinja::Error> {
    let Some((first_lang, main)) = figures.first() else {
        return Ok(String::new());
    };
    let langs: Vec<&str> = figures.iter().map(|(l, _)| *l).collect();
    let said = |key: &str| one_after_other(langs.iter().map(|l| words(l)[key].to_string()));
    // A count's label in each language, found by its id.
    let labelled = |pick: fn(&Figures) -> &Vec<Count>| -> Vec<(Vec<String>, usize)> {
        pick(main)
            .iter()
            .map(|c| {
                let lines = figures.iter().map(|(_, f)| {
                    pick(f)
                        .iter()
                        .find(|o| o.id == c.id)
                        .map_or_else(|| c.label.clone(), |o| o.label.clone())
                });
                (distinct(lines), c.count)
            })
            .collect()
    };
    let outcome = [
        ("won", main.won),
        ("lost", main.lost),
        ("unfinished", main.unfinished),
    ]
    .map(|(key, n)| (distinct(langs.iter().map(|l| words(l)[key].to_string())), n))
    .to_vec();
    let engaged: Vec<(Vec<String>, usize)> = main
        .engagement
        .iter()
        .map(|e| (person_names(figures, &e.person, &e.name), e.trainees))
        .collect();
    let charts = vec![
        chart("chart-outcome", said("outcome"), outcome),
        chart("chart-endings", said("endings"), labelled(|f| &f.endings)),
        chart("chart-scores", said("scores"), labelled(|f| &f.scores)),
        chart("chart-roles", said("roles"), labelled(|f| &f.roles)),
        chart(
            "chart-mistakes",
            said("mistakes"),
            labelled(|f| &f.mistakes),
        ),
        chart("chart-engaged", said("engaged"), engaged),
    ];
    let week_max = main
        .engagement
        .iter()
        .flat_map(|e| e.by_week.iter().copied())
        .max()
        .unwrap_or(0);
    let by_week = ByWeek {
        caption: said("by_week"),
        person: said("person"),
        weeks: (1..=weeks)
            .map(|w| one_after_other(langs.iter().map(|l| week_label(w, l))))
            .collect(),
        rows: main
            .engagement
            .iter()
            .map(|e| WeekRow {
                name: person_names(figures, &e.person, &e.name).join(" · "),
                cells: e
                    .by_week
                    .iter()
                    .map(|&count| Cell {
                        count,
                        alpha: if week_max > 0 {
                            format!("{:.2}", count as f64 / week_max as f64 * 0.8)
                        } else {
                            "0".to_string()
                        },
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut env = Environment::new();
    env.add_template("charts.html", CHARTS)?;
    env.get_template("charts.html")?.render(context! {
        charts => charts,
        by_week => by_week,
        width => units(WIDTH),
        line_gap => units(LINE_GAP),
        colon => words(first_lang)["colon"],
    })
}

/// A person's name in each language of `figures` (the same name once).
fn person_names(figures: &[(&str, &Figures)], person: &str, fallback: &str) -> Vec<String> {
    distinct(figures.iter().map(|(_, f)| {
        f.engagement
            .iter()
            .find(|o| o.person == person)
            .map_or_else(|| fallback.to_string(), |o| o.name.clone())
    }))
}

/// A chart of `items` (label lines, count), its bars laid out: the label column as wide as
/// the longest line needs (within [`MIN_LABEL`]…[`MAX_LABEL`]), a row per bar as tall as
/// the most lines a label has.
fn chart(id: &'static str, caption: String, items: Vec<(Vec<String>, usize)>) -> Chart {
    let widest = items
        .iter()
        .flat_map(|(lines, _)| lines.iter().map(|l| text_width(l)))
        .fold(0.0, f64::max);
    let label_width = (widest + 12.0).clamp(MIN_LABEL, MAX_LABEL).round();
    let longest = WIDTH - label_width - COUNT_ROOM;
    let lines = items.iter().map(|(l, _)| l.len()).max().unwrap_or(1).max(1);
    // One line: the report's rows of 26 units; more: a line gap for each.
    let row = if lines == 1 {
        26.0
    } else {
        8.0 + LINE_GAP * lines as f64
    };
    let max = items.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let bars = items
        .into_iter()
        .enumerate()
        .map(|(i, (lines, count))| {
            let top = i as f64 * row;
            let multi = lines.len() > 1;
            let bar_y = top + ((row - 18.0) / 2.0).floor().max(6.0);
            let length = if max > 0 {
                count as f64 / max as f64 * longest
            } else {
                0.0
            };
            Bar {
                title: lines.join(" · "),
                lines,
                count,
                text_y: units(top + if multi { 16.0 } else { 19.0 }),
                bar_y: units(bar_y),
                length: units(length),
                count_x: units(label_width + 6.0 + length),
                count_y: units(bar_y + 13.0),
            }
        })
        .collect::<Vec<_>>();
    Chart {
        id,
        caption,
        label_width: units(label_width),
        height: units(bars.len() as f64 * row + 8.0),
        bars,
    }
}

/// A length in SVG units as written in the page: a tenth at most, no `.0` (`170`, `37.5`).
fn units(x: f64) -> String {
    format!("{}", (x * 10.0).round() / 10.0)
}

/// About how wide `text` is drawn at the charts' 12-pixel font, in SVG units: a Chinese
/// character is a square, a Latin one about half of it.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if u32::from(c) >= 0x2E80 { 12.0 } else { 6.8 })
        .sum()
}

/// The texts in order, each once.
fn distinct(texts: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// The texts one after the other, each once (`结果 Outcome`).
fn one_after_other(texts: impl Iterator<Item = String>) -> String {
    distinct(texts).join(" ")
}

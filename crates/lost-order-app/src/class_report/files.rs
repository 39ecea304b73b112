//! The report's four files written as the class streams in: the spreadsheets row by row, the
//! page's rows and the summary's sessions and groups into part files beside them; at the end
//! the page and the summary are put together around their parts. Each file appears whole
//! ([`AtomicFile`]: written under a temporary name, synced, then renamed), and nothing grows
//! in memory with the number of trainees.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use lost_order_core::narrate::week_label;
use lost_order_core::report::{ClassSink, ClassSummary, SeedGroup, SessionRow};
use minijinja::{Environment, context};
use serde::Serialize;

use super::ReportError;
use super::charts::render_charts;
use super::sheets::{self, Sheet};
use super::when::Clock;
use super::words::words;
use crate::folders::AtomicFile;

const PAGE: &str = include_str!("page.html");
const ROW: &str = include_str!("row.html");
/// Where the page's rows go in `page.html`.
const ROWS: &str = "<!--rows-->";

/// A session row in `summary.json`: the row and its start as RFC 3339 (`null` for Liao's path).
#[derive(Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    row: &'a SessionRow,
    started: Option<String>,
}

/// A seed's group in `summary.json`.
#[derive(Serialize)]
struct JsonGroup<'a> {
    seed: u64,
    trainees: usize,
    finished: usize,
    won: usize,
    lost: usize,
    unfinished: usize,
    score_mean: Option<f64>,
    liao: Option<JsonRow<'a>>,
}

/// The report being written into a folder.
pub struct ReportFiles {
    out: PathBuf,
    lang: String,
    clock: Clock,
    env: Environment<'static>,
    words: BTreeMap<&'static str, &'static str>,
    weeks: Vec<String>,
    sessions_csv: Option<Sheet>,
    decisions_csv: Option<Sheet>,
    rows: Part,
    json_sessions: Part,
    json_groups: Part,
    /// Liao's path of the largest group so far (the summary's `liao` when there is one seed).
    liao: Option<(usize, SessionRow)>,
    groups: usize,
}

impl ReportFiles {
    /// Creates `out` and starts the report's files in it, in `lang`, for a case of `weeks`
    /// weeks, with times in `clock`'s zone.
    ///
    /// # Errors
    /// [`ReportError`] naming the folder or file that could not be created.
    pub fn create(out: &Path, lang: &str, weeks: u32, clock: Clock) -> Result<Self, ReportError> {
        std::fs::create_dir_all(out).map_err(|source| ReportError::Io {
            path: out.to_path_buf(),
            source,
        })?;
        let mut env = Environment::new();
        env.add_template("page.html", PAGE)?;
        env.add_template("row.html", ROW)?;
        let part =
            |name: &str| Part::create(out.join(format!(".{name}.{}.part", std::process::id())));
        let sheet = |name: &str, header: &[&str]| {
            let path = out.join(name);
            Sheet::create(&path, header).map_err(|source| ReportError::Csv { path, source })
        };
        Ok(ReportFiles {
            out: out.to_path_buf(),
            lang: lang.to_string(),
            clock,
            env,
            words: words(lang),
            weeks: (1..=weeks).map(|w| week_label(w, lang)).collect(),
            sessions_csv: Some(sheet("sessions.csv", &sheets::SESSIONS)?),
            decisions_csv: Some(sheet("decisions.csv", &sheets::DECISIONS)?),
            rows: part("rows.html")?,
            json_sessions: part("sessions.json")?,
            json_groups: part("groups.json")?,
            liao: None,
            groups: 0,
        })
    }

    fn json_row<'a>(&self, row: &'a SessionRow, liao: bool) -> JsonRow<'a> {
        JsonRow {
            row,
            started: (!liao).then(|| self.clock.rfc3339(row.started)),
        }
    }

    /// Renders one row of the trainees' table into the page's part.
    fn html_row(&mut self, ctx: minijinja::Value) -> Result<(), ReportError> {
        let html = self.env.get_template("row.html")?.render(ctx)?;
        self.rows.write(html.as_bytes())
    }

    fn csv_error(&self, name: &str) -> impl FnOnce(csv::Error) -> ReportError + use<> {
        let path = self.out.join(name);
        move |source| ReportError::Csv { path, source }
    }

    /// Puts the page and the summary together and moves every file into place.
    ///
    /// # Errors
    /// [`ReportError`] naming the file that could not be written.
    pub fn finish(mut self, summary: &ClassSummary) -> Result<(), ReportError> {
        if let Some(sheet) = self.sessions_csv.take() {
            sheet.finish().map_err(self.csv_error("sessions.csv"))?;
        }
        if let Some(sheet) = self.decisions_csv.take() {
            sheet.finish().map_err(self.csv_error("decisions.csv"))?;
        }
        self.write_summary(summary)?;
        self.write_page(summary)
    }

    fn write_summary(&mut self, summary: &ClassSummary) -> Result<(), ReportError> {
        let mut head = serde_json::to_value(summary)?;
        if let Some(map) = head.as_object_mut() {
            let (first, last) = summary.started.unzip();
            map.insert("first_started".into(), self.time(first).into());
            map.insert("last_started".into(), self.time(last).into());
            let liao = self
                .liao
                .as_ref()
                .filter(|_| self.groups == 1)
                .map(|(_, row)| self.json_row(row, true));
            map.insert("liao".into(), serde_json::to_value(liao)?);
        }
        let head = serde_json::to_string_pretty(&head)?;
        let head = head.trim_end().trim_end_matches('}').trim_end();
        let mut out = Final::create(self.out.join("summary.json"))?;
        out.write(head.as_bytes())?;
        out.write(b",\n\"sessions\": [")?;
        out.copy(&mut self.json_sessions)?;
        out.write(b"\n],\n\"groups\": [")?;
        out.copy(&mut self.json_groups)?;
        out.write(b"\n]\n}\n")?;
        out.commit()
    }

    fn time(&self, seconds: Option<u64>) -> Option<String> {
        seconds.map(|s| self.clock.rfc3339(s))
    }

    fn write_page(&mut self, summary: &ClassSummary) -> Result<(), ReportError> {
        let r = summary;
        let w = &self.words;
        let dates = r.started.map(|(first, last)| {
            let (a, b) = (self.clock.date(first), self.clock.date(last));
            if a == b {
                a
            } else {
                format!("{a}{}{b}", w["to"])
            }
        });
        let charts = render_charts(&[(self.lang.as_str(), &r.figures)], self.weeks.len() as u32)?;
        let html = self.env.get_template("page.html")?.render(context! {
            r => r,
            t => w,
            dates => dates,
            charts => minijinja::Value::from_safe_string(charts),
        })?;
        let (before, after) = html.split_once(ROWS).unwrap_or((&html, ""));
        let mut out = Final::create(self.out.join("index.html"))?;
        out.write(before.as_bytes())?;
        out.copy(&mut self.rows)?;
        out.write(after.as_bytes())?;
        out.commit()
    }
}

impl ClassSink for ReportFiles {
    type Error = ReportError;

    fn group(&mut self, seed: u64, several: bool) -> Result<(), ReportError> {
        self.groups += 1;
        if several {
            let ctx = context! { kind => "group", seed => seed, t => self.words };
            self.html_row(ctx)?;
        }
        Ok(())
    }

    fn session(&mut self, row: &SessionRow) -> Result<(), ReportError> {
        if let Some(sheet) = self.sessions_csv.as_mut() {
            let done = sheets::session(sheet, row, &self.lang, &self.clock);
            done.map_err(self.csv_error("sessions.csv"))?;
        }
        if let Some(sheet) = self.decisions_csv.as_mut() {
            let done = sheets::decisions(sheet, row);
            done.map_err(self.csv_error("decisions.csv"))?;
        }
        let json = serde_json::to_string(&self.json_row(row, false))?;
        self.json_sessions.item(&json)?;
        let ctx = context! {
            kind => "trainee", s => row, started => self.clock.minute(row.started),
            t => self.words, weeks => self.weeks,
        };
        self.html_row(ctx)
    }

    fn group_end(&mut self, g: &SeedGroup, several: bool) -> Result<(), ReportError> {
        let json = serde_json::to_string(&JsonGroup {
            seed: g.seed,
            trainees: g.trainees,
            finished: g.finished,
            won: g.won,
            lost: g.lost,
            unfinished: g.unfinished,
            score_mean: g.score_mean,
            liao: g.liao.as_ref().map(|row| self.json_row(row, true)),
        })?;
        self.json_groups.item(&json)?;
        if let Some(liao) = &g.liao {
            let ctx = context! { kind => "liao", s => liao, t => self.words, weeks => self.weeks };
            self.html_row(ctx)?;
            if self.liao.as_ref().is_none_or(|(n, _)| g.trainees > *n) {
                self.liao = Some((g.trainees, liao.clone()));
            }
        }
        if several {
            let ctx = context! { kind => "group_end", g => g, t => self.words };
            self.html_row(ctx)?;
        }
        Ok(())
    }
}

/// A piece of a file (the page's rows, the summary's lists), written to a temporary file in
/// the report's folder and removed when dropped.
struct Part {
    path: PathBuf,
    file: BufWriter<File>,
    /// Nothing written yet (for the commas of a JSON list).
    empty: bool,
}

impl Part {
    fn create(path: PathBuf) -> Result<Part, ReportError> {
        let file = File::create(&path).map_err(|source| ReportError::Io {
            path: path.clone(),
            source,
        })?;
        Ok(Part {
            path,
            file: BufWriter::new(file),
            empty: true,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), ReportError> {
        self.empty = false;
        self.file
            .write_all(bytes)
            .map_err(|source| ReportError::Io {
                path: self.path.clone(),
                source,
            })
    }

    /// One JSON value, already serialised, as an item of a list.
    fn item(&mut self, json: &str) -> Result<(), ReportError> {
        let comma = if self.empty { "\n" } else { ",\n" };
        self.write(comma.as_bytes())?;
        self.write(json.as_bytes())
    }

    /// What was written so far, to read from the start.
    fn reopen(&mut self) -> Result<File, ReportError> {
        let io = |source| ReportError::Io {
            path: self.path.clone(),
            source,
        };
        self.file.flush().map_err(io)?;
        File::open(&self.path).map_err(io)
    }
}

impl Drop for Part {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// One of the report's files being put together; it replaces its path whole on `commit` and
/// leaves nothing if dropped before.
struct Final {
    path: PathBuf,
    file: AtomicFile,
}

impl Final {
    fn create(path: PathBuf) -> Result<Final, ReportError> {
        match AtomicFile::create(&path) {
            Ok(file) => Ok(Final { path, file }),
            Err(source) => Err(ReportError::Io { path, source }),
        }
    }

    fn io(&self) -> impl FnOnce(std::io::Error) -> ReportError + use<> {
        let path = self.path.clone();
        move |source| ReportError::Io { path, source }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), ReportError> {
        let io = self.io();
        self.file.write_all(bytes).map_err(io)
    }

    /// Appends everything written to `part`.
    fn copy(&mut self, part: &mut Part) -> Result<(), ReportError> {
        let mut reader = part.reopen()?;
        let io = self.io();
        std::io::copy(&mut reader, &mut self.file).map_err(io)?;
        Ok(())
    }

    fn commit(self) -> Result<(), ReportError> {
        let io = self.io();
        self.file.commit().map_err(io)
    }
}

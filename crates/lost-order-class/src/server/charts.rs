//! The class charts of the live view: the report's own figures (core's `Tally`) kept up to
//! date as trainees play, and drawn by the report's own chart template. A trainee whose
//! session moved has their old row taken back and their new one added, when the view asks
//! and at most once per gap: never on a trainee's request, never reading the records.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lost_order_app::class_report::render_charts;
use lost_order_core::report::{Figures, SessionRow, Tally};
use lost_order_core::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// The class's charts as the live view last drew them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LiveCharts {
    /// Goes up each time the charts are drawn anew (a stream sends them when it changed).
    pub version: u64,
    /// The report's charts (SVG bars and the by-week table), worded in each of the
    /// scenario's languages.
    pub html: String,
    /// The figures they are drawn from, in each of the scenario's languages (language code,
    /// figures), for a front end that draws its own (the game's Instructor view).
    #[serde(default)]
    pub figures: Vec<(String, Figures)>,
}

impl LiveCharts {
    /// The figures in `lang`, else in the scenario's first language; `None` before the
    /// first drawing.
    pub fn figures_in(&self, lang: &str) -> Option<&Figures> {
        self.figures
            .iter()
            .find(|(l, _)| l == lang)
            .or(self.figures.first())
            .map(|(_, f)| f)
    }
}

/// The counts, each trainee's row as last counted, and the charts drawn from them.
#[derive(Debug)]
pub(crate) struct Charted {
    tally: Tally,
    /// By session id.
    rows: HashMap<String, SessionRow>,
    charts: LiveCharts,
    /// When the counts were last brought up to date; `None` before the first time.
    refreshed: Option<Instant>,
}

impl Charted {
    /// No trainee counted yet.
    pub fn new(tally: Tally) -> Charted {
        Charted {
            tally,
            rows: HashMap::new(),
            charts: LiveCharts {
                version: 0,
                html: String::new(),
                figures: Vec::new(),
            },
            refreshed: None,
        }
    }
}

impl Charted {
    /// Whether the charts are due to be brought up to date: never drawn yet, or last
    /// brought up to date `gap` ago or more. Marks them as brought up to date now when due.
    pub fn due(&mut self, gap: Duration) -> Due {
        match self.refreshed {
            Some(at) if at.elapsed() < gap => Due::No,
            before => {
                self.refreshed = Some(Instant::now());
                if before.is_none() {
                    Due::First
                } else {
                    Due::Yes
                }
            }
        }
    }

    /// The charts as last drawn.
    pub fn charts(&self) -> LiveCharts {
        self.charts.clone()
    }

    /// Counts `rows` (each trainee's session id and row now), taking each one's earlier row
    /// back, then draws the charts anew in each of the scenario's languages.
    pub fn recount(&mut self, scenario: &Scenario, rows: Vec<(String, SessionRow)>) {
        for (id, row) in rows {
            self.tally.add(scenario, &row);
            if let Some(old) = self.rows.insert(id, row) {
                self.tally.remove(scenario, &old);
            }
        }
        let figures: Vec<(String, Figures)> = (scenario.meta.languages.iter())
            .map(|l| (l.clone(), self.tally.figures(scenario, l)))
            .collect();
        let pairs: Vec<(&str, &Figures)> = figures.iter().map(|(l, f)| (l.as_str(), f)).collect();
        if let Ok(html) = render_charts(&pairs, scenario.settings.weeks) {
            self.charts = LiveCharts {
                version: self.charts.version + 1,
                html,
                figures,
            };
        }
    }

    /// The figures as counted now, in `lang`.
    pub fn figures(&self, scenario: &Scenario, lang: &str) -> Figures {
        self.tally.figures(scenario, lang)
    }
}

/// Whether the charts are due to be brought up to date (`Charted::due`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Due {
    /// Drawn less than the gap ago.
    No,
    /// Due; drawn before.
    Yes,
    /// Never drawn yet: drawn even with nobody counted.
    First,
}

/// The counts of a class of `class`'s scenario with nobody counted yet.
pub(crate) fn charted(scenario: &Scenario) -> Mutex<Charted> {
    Mutex::new(Charted::new(Tally::new(scenario)))
}

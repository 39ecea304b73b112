//! The class charts of the live view: the report's own figures (core's `Tally`) kept up to
//! date as trainees play, and drawn by the report's own chart template. A trainee whose
//! session moved has their old row taken back and their new one added, when the view asks
//! and at most once per gap: never on a trainee's request, never reading the records.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lost_order_app::class_report::render_charts;
use lost_order_core::report::{Figures, SessionRow, Tally, row_from_session};
use serde::Serialize;

use super::class::Class;

/// The class's charts as the live view last drew them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LiveCharts {
    /// Goes up each time the charts are drawn anew (a stream sends them when it changed).
    pub version: u64,
    /// The report's charts (SVG bars and the by-week table), worded in each of the
    /// scenario's languages.
    pub html: String,
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
            },
            refreshed: None,
        }
    }
}

impl Class {
    /// The class charts, brought up to date first unless they were less than `gap` ago:
    /// each trainee whose session moved since is counted again (their old row taken back).
    /// Takes each such trainee's lock only while their row is made.
    pub fn charts(&self, gap: Duration) -> LiveCharts {
        let mut charted = self.charted.lock().unwrap_or_else(|e| e.into_inner());
        if charted.refreshed.is_some_and(|at| at.elapsed() < gap) {
            return charted.charts.clone();
        }
        let first = charted.refreshed.is_none();
        charted.refreshed = Some(Instant::now());
        let moved = self.view.take_to_chart();
        if moved.is_empty() && !first {
            return charted.charts.clone();
        }
        let lang = self.scenario.lang("");
        for id in moved {
            let Some(trainee) = self.trainee_by_id(&id) else {
                continue;
            };
            let row = {
                let t = trainee.lock().unwrap_or_else(|e| e.into_inner());
                row_from_session(&t.session, lang)
            };
            let Charted { tally, rows, .. } = &mut *charted;
            tally.add(&self.scenario, &row);
            if let Some(old) = rows.insert(id, row) {
                tally.remove(&self.scenario, &old);
            }
        }
        let figures = self.figures_in_each_language(&charted.tally);
        let pairs: Vec<(&str, &Figures)> = figures.iter().map(|(l, f)| (l.as_str(), f)).collect();
        if let Ok(html) = render_charts(&pairs, self.scenario.settings.weeks) {
            charted.charts = LiveCharts {
                version: charted.charts.version + 1,
                html,
            };
        }
        charted.charts.clone()
    }

    /// The class's figures as the charts count them now (brought up to date first), in
    /// `lang` (the scenario's first language when it has not that one).
    pub fn chart_figures(&self, lang: &str) -> Figures {
        self.charts(Duration::ZERO);
        let charted = self.charted.lock().unwrap_or_else(|e| e.into_inner());
        charted
            .tally
            .figures(&self.scenario, self.scenario.lang(lang))
    }

    fn figures_in_each_language(&self, tally: &Tally) -> Vec<(String, Figures)> {
        self.scenario
            .meta
            .languages
            .iter()
            .map(|l| (l.clone(), tally.figures(&self.scenario, l)))
            .collect()
    }
}

/// The counts of a class of `class`'s scenario with nobody counted yet.
pub(crate) fn charted(scenario: &lost_order_core::scenario::Scenario) -> Mutex<Charted> {
    Mutex::new(Charted::new(Tally::new(scenario)))
}

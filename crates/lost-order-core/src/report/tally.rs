//! The class's figures summed one row at a time, so that a class of any size needs only the
//! counts in memory: outcomes, endings, score bins, engagement, roles covered, mistakes.

use serde::{Deserialize, Serialize};

use super::SessionRow;
use crate::engine::Decision;
use crate::scenario::{BuyingRole, Scenario};

/// How many trainees engaged one person, in total and in each week.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Engagement {
    pub person: crate::scenario::Id,
    pub name: String,
    pub trainees: usize,
    pub by_week: Vec<usize>,
}

/// A count under a label (for charts).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Count {
    pub id: String,
    pub label: String,
    pub count: usize,
}

/// The class's figures, worded in the report's language (read back by the game's Instructor
/// view from the class server's live charts).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Figures {
    pub finished: usize,
    pub won: usize,
    pub lost: usize,
    pub unfinished: usize,
    pub score_mean: Option<f64>,
    pub endings: Vec<Count>,
    /// Finished sessions by score, in bins of 10 (0–9, 10–19, … 90–100).
    pub scores: Vec<Count>,
    pub engagement: Vec<Engagement>,
    pub roles: Vec<Count>,
    /// Rubric lines most often at 0 points, most common first, each labelled by the name of
    /// its failure (`RubricLine::missed_label`: `没有发展教练` / `No coach`), never by its success.
    pub mistakes: Vec<Count>,
}

/// Running counts over the rows added so far; memory depends on the scenario, not on the
/// number of rows.
#[derive(Clone, Debug)]
pub struct Tally {
    sessions: usize,
    finished: usize,
    won: usize,
    score_sum: u64,
    /// Per ending of the scenario, in its order.
    endings: Vec<usize>,
    scores: [usize; 10],
    /// Per person of the scenario: trainees who engaged them, and by week.
    engaged: Vec<(usize, Vec<usize>)>,
    roles: [usize; 4],
    /// Per rubric line of the scenario: finished sessions with 0 points on it.
    mistakes: Vec<usize>,
}

impl Tally {
    /// Zero counts shaped for `scenario`.
    pub fn new(scenario: &Scenario) -> Tally {
        let weeks = scenario.settings.weeks as usize;
        Tally {
            sessions: 0,
            finished: 0,
            won: 0,
            score_sum: 0,
            endings: vec![0; scenario.endings.len()],
            scores: [0; 10],
            engaged: vec![(0, vec![0; weeks]); scenario.people.len()],
            roles: [0; 4],
            mistakes: vec![0; scenario.rubric.len()],
        }
    }

    /// Counts one trainee's row (a row of `scenario`).
    pub fn add(&mut self, scenario: &Scenario, row: &SessionRow) {
        self.count(scenario, row, true);
    }

    /// Takes back a row added before (a trainee's row replaced by a newer one, as a live
    /// class plays on): the counts are as if it had never been added. A row never added
    /// leaves counts at zero rather than below.
    pub fn remove(&mut self, scenario: &Scenario, row: &SessionRow) {
        self.count(scenario, row, false);
    }

    /// Adds `row` to the counts (`add`) or takes it back.
    fn count(&mut self, scenario: &Scenario, row: &SessionRow, add: bool) {
        let step = |n: &mut usize, by: bool| {
            if by {
                *n = if add { *n + 1 } else { n.saturating_sub(1) };
            }
        };
        step(&mut self.sessions, true);
        let weeks = scenario.settings.weeks as usize;
        for (p, (trainees, by_week)) in scenario.people.iter().zip(&mut self.engaged) {
            let mut seen = vec![false; weeks];
            for m in &row.decisions {
                if matches!(&m.decision, Decision::Act { target: Some(t), .. } if *t == p.id)
                    && (1..=weeks).contains(&(m.week as usize))
                {
                    seen[m.week as usize - 1] = true;
                }
            }
            for (n, s) in by_week.iter_mut().zip(&seen) {
                step(n, *s);
            }
            step(trainees, seen.contains(&true));
        }
        if !row.finished {
            return;
        }
        step(&mut self.finished, true);
        step(&mut self.won, row.won == Some(true));
        if let Some(score) = row.score {
            self.score_sum = if add {
                self.score_sum + u64::from(score)
            } else {
                self.score_sum.saturating_sub(u64::from(score))
            };
            step(&mut self.scores[(score as usize / 10).min(9)], true);
        }
        if let Some(i) = scenario
            .endings
            .iter()
            .position(|e| Some(&e.id) == row.ending.as_ref())
        {
            step(&mut self.endings[i], true);
        }
        for (n, role) in self.roles.iter_mut().zip(BuyingRole::FOUR) {
            step(n, row.covered.contains(&role));
        }
        for (n, line) in self.mistakes.iter_mut().zip(&scenario.rubric) {
            step(n, row.mistakes.contains(&line.id));
        }
    }

    /// How many rows were added.
    pub fn sessions(&self) -> usize {
        self.sessions
    }

    /// The finished sessions among them.
    pub fn finished(&self) -> usize {
        self.finished
    }

    /// The won sessions among them.
    pub fn won(&self) -> usize {
        self.won
    }

    /// The mean score of the finished sessions, `None` when none finished.
    pub fn score_mean(&self) -> Option<f64> {
        (self.finished > 0).then(|| self.score_sum as f64 / self.finished as f64)
    }

    /// The figures, labelled in `lang` with `scenario`'s words.
    pub fn figures(&self, scenario: &Scenario, lang: &str) -> Figures {
        let count = |id: String, label: String, count: usize| Count { id, label, count };
        let endings = scenario
            .endings
            .iter()
            .zip(&self.endings)
            .map(|(e, n)| count(e.id.to_string(), e.title.get(lang).to_string(), *n))
            .collect();
        let scores = self
            .scores
            .iter()
            .enumerate()
            .map(|(bin, n)| {
                let (lo, hi) = (bin * 10, if bin == 9 { 100 } else { bin * 10 + 9 });
                count(format!("{lo}-{hi}"), format!("{lo}–{hi}"), *n)
            })
            .collect();
        let engagement = scenario
            .people
            .iter()
            .zip(&self.engaged)
            .map(|(p, (trainees, by_week))| Engagement {
                person: p.id.clone(),
                name: p.name.get(lang).to_string(),
                trainees: *trainees,
                by_week: by_week.clone(),
            })
            .collect();
        let roles = BuyingRole::FOUR
            .iter()
            .zip(self.roles)
            .map(|(r, n)| {
                let label = crate::narrate::role_name(*r, lang).to_string();
                count(format!("{r:?}"), label, n)
            })
            .collect();
        let mut mistakes: Vec<Count> = scenario
            .rubric
            .iter()
            .zip(&self.mistakes)
            .filter(|(_, n)| **n > 0)
            .map(|(l, n)| count(l.id.to_string(), l.missed_label(lang), *n))
            .collect();
        mistakes.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
        Figures {
            finished: self.finished,
            won: self.won,
            lost: self.finished - self.won,
            unfinished: self.sessions - self.finished,
            score_mean: self.score_mean(),
            endings,
            scores,
            engagement,
            roles,
            mistakes,
        }
    }
}

//! Going through a class's records in report order, a few hundred at a time (replayed in
//! parallel), handing each row to a sink and keeping only counts: the streaming report. Also
//! the whole report in memory, for a small class shown on screen.

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use super::{Count, Engagement, Figures, Roster, SessionRow, Skipped, Tally, liao_row, row_of};
use crate::scenario::{Id, Scenario};

/// How many records are replayed at once: enough for every core, few enough to keep memory
/// small.
const BATCH: usize = 256;

/// One class seed's group: its trainees' outcomes and Liao's path in that world.
#[derive(Clone, Debug, Serialize)]
pub struct SeedGroup {
    pub seed: u64,
    pub trainees: usize,
    pub finished: usize,
    pub won: usize,
    pub lost: usize,
    pub unfinished: usize,
    pub score_mean: Option<f64>,
    /// Liao's path from this seed.
    pub liao: Option<SessionRow>,
}

/// What a report is about and its figures, without the rows: all a streaming report keeps.
#[derive(Clone, Debug, Serialize)]
pub struct ClassSummary {
    pub scenario: Id,
    pub version: String,
    pub title: String,
    pub lang: String,
    /// Trainees whose records were replayed.
    pub trainees: usize,
    #[serde(flatten)]
    pub figures: Figures,
    pub skipped: Vec<Skipped>,
    /// Each class seed with its number of records.
    pub seeds: Vec<(u64, usize)>,
    /// Set when the records hold several class seeds (`Roster::seed_warning`).
    pub seed_warning: Option<String>,
    /// The earliest and latest start among the trainees, seconds since the Unix epoch.
    #[serde(skip)]
    pub started: Option<(u64, u64)>,
}

/// Where a streaming report sends what it finds, in report order: for each seed a
/// `group`, its trainees' `session`s, then `group_end` with Liao's path.
pub trait ClassSink {
    /// What the sink fails with (writing a file, say).
    type Error;
    /// A seed's group begins; `several` is true when the class has more than one seed.
    fn group(&mut self, seed: u64, several: bool) -> Result<(), Self::Error>;
    /// One trainee's row.
    fn session(&mut self, row: &SessionRow) -> Result<(), Self::Error>;
    /// The group's figures and Liao's path.
    fn group_end(&mut self, group: &SeedGroup, several: bool) -> Result<(), Self::Error>;
}

/// What one batch's work item becomes.
enum Done {
    Trainee(Result<SessionRow, Skipped>),
    Liao(u64, Option<SessionRow>),
}

/// One work item in report order: a record's seed and its index among the enrolled, or
/// (`None`) Liao's path after the seed's last record.
type Item = (u64, Option<usize>);

/// Replays every enrolled record of `roster` (a batch at a time, in parallel), hands the rows
/// to `sink` in report order, and returns the summary. The next batch is replayed while the
/// sink takes the rows of the one before, so memory holds two batches of rows and the
/// counts, however many records there are.
///
/// # Errors
/// The sink's first error; the rest of the class is then not read.
pub fn stream<S: ClassSink>(roster: Roster, sink: &mut S) -> Result<ClassSummary, S::Error> {
    let Roster {
        scenario,
        lang,
        enrolled,
        skipped,
        seeds,
    } = roster;
    let several = seeds.len() > 1;
    let seed_warning = super::roster::seed_warning(&seeds, &lang);
    // The work in report order: each record, and after each seed's last record, Liao's path.
    let mut work: Vec<Item> = Vec::with_capacity(enrolled.len() + seeds.len());
    for (i, e) in enrolled.iter().enumerate() {
        work.push((e.seed, Some(i)));
        if enrolled.get(i + 1).is_none_or(|next| next.seed != e.seed) {
            work.push((e.seed, None));
        }
    }
    let replay = |batch: &[Item]| -> Vec<Done> {
        batch
            .par_iter()
            .map(|(seed, item)| match item {
                Some(i) => {
                    let path = &enrolled[*i].path;
                    Done::Trainee(row_of(&scenario, path, &lang).map_err(|reason| Skipped {
                        file: path.display().to_string(),
                        reason,
                    }))
                }
                None => Done::Liao(*seed, liao_row(&scenario, *seed, &lang)),
            })
            .collect()
    };
    let mut hand = Hand {
        scenario: &scenario,
        several,
        tally: Tally::new(&scenario),
        group: Tally::new(&scenario),
        open: None,
        started: None,
        skipped,
    };
    let mut batches = work.chunks(BATCH);
    let mut ready = batches.next().map(|batch| (batch, replay(batch)));
    while let Some((batch, done)) = ready.take() {
        let next = batches.next();
        let handed = std::thread::scope(|scope| {
            let replay = &replay;
            let replaying = next.map(|batch| scope.spawn(move || (batch, replay(batch))));
            let handed = hand.batch(sink, batch, done);
            ready = replaying.map(|r| r.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            handed
        });
        handed?;
    }
    let Hand {
        tally,
        started,
        skipped,
        ..
    } = hand;
    Ok(ClassSummary {
        scenario: scenario.meta.id.clone(),
        version: scenario.meta.version.clone(),
        title: scenario.meta.title.get(&lang).to_string(),
        trainees: tally.sessions(),
        figures: tally.figures(&scenario, &lang),
        lang,
        skipped,
        seeds,
        seed_warning,
        started,
    })
}

/// What `stream` keeps while handing rows to the sink: the counts, the open seed group, the
/// span of start times and the records left out.
struct Hand<'a> {
    scenario: &'a Scenario,
    several: bool,
    tally: Tally,
    /// The counts of the open seed group.
    group: Tally,
    open: Option<u64>,
    started: Option<(u64, u64)>,
    skipped: Vec<Skipped>,
}

impl Hand<'_> {
    /// Hands one replayed batch to `sink` in report order, counting as it goes.
    fn batch<S: ClassSink>(
        &mut self,
        sink: &mut S,
        batch: &[Item],
        done: Vec<Done>,
    ) -> Result<(), S::Error> {
        let scenario = self.scenario;
        for ((seed, _), done) in batch.iter().zip(done) {
            if self.open != Some(*seed) {
                sink.group(*seed, self.several)?;
                self.open = Some(*seed);
                self.group = Tally::new(scenario);
            }
            match done {
                Done::Trainee(Ok(row)) => {
                    self.tally.add(scenario, &row);
                    self.group.add(scenario, &row);
                    self.started =
                        Some(self.started.map_or((row.started, row.started), |(a, b)| {
                            (a.min(row.started), b.max(row.started))
                        }));
                    sink.session(&row)?;
                }
                Done::Trainee(Err(s)) => self.skipped.push(s),
                Done::Liao(seed, liao) => {
                    let group = &self.group;
                    let g = SeedGroup {
                        seed,
                        trainees: group.sessions(),
                        finished: group.finished(),
                        won: group.won(),
                        lost: group.finished() - group.won(),
                        unfinished: group.sessions() - group.finished(),
                        score_mean: group.score_mean(),
                        liao,
                    };
                    sink.group_end(&g, self.several)?;
                }
            }
        }
        Ok(())
    }
}

/// The whole class debrief of one scenario in memory (for a class shown on screen; a large
/// class is written with [`stream`] instead).
#[derive(Clone, Debug, Serialize)]
pub struct ClassReport {
    pub scenario: Id,
    pub version: String,
    pub title: String,
    pub lang: String,
    /// Every trainee's row, in report order (by seed, then start).
    pub sessions: Vec<SessionRow>,
    pub skipped: Vec<Skipped>,
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
    /// Liao's path with the class's seed; with several seeds, the largest group's (each
    /// group's own is in `groups`).
    pub liao: Option<SessionRow>,
    /// One group per class seed, in report order.
    pub groups: Vec<SeedGroup>,
    /// Set when the records hold several class seeds.
    pub seed_warning: Option<String>,
    /// The summary the report was built from (the figures above, the seeds, the start times).
    #[serde(skip)]
    pub summary: ClassSummary,
}

/// Collects a streamed class in memory.
#[derive(Default)]
struct Collect {
    sessions: Vec<SessionRow>,
    groups: Vec<SeedGroup>,
}

impl ClassSink for Collect {
    type Error = std::convert::Infallible;
    fn group(&mut self, _: u64, _: bool) -> Result<(), Self::Error> {
        Ok(())
    }
    fn session(&mut self, row: &SessionRow) -> Result<(), Self::Error> {
        self.sessions.push(row.clone());
        Ok(())
    }
    fn group_end(&mut self, group: &SeedGroup, _: bool) -> Result<(), Self::Error> {
        self.groups.push(group.clone());
        Ok(())
    }
}

/// Reads every record among `files`, keeps those of `scenario` (same id, version and content)
/// and replays them: the whole report in memory.
pub fn build(scenario: Arc<Scenario>, files: &[PathBuf], lang: &str) -> ClassReport {
    let roster = Roster::read(scenario, files, lang);
    let mut collect = Collect::default();
    let Ok(summary) = stream(roster, &mut collect);
    let liao = collect
        .groups
        .iter()
        .max_by_key(|g| (g.trainees, std::cmp::Reverse(g.seed)))
        .and_then(|g| g.liao.clone());
    let s = summary.clone();
    let f = s.figures;
    ClassReport {
        scenario: s.scenario,
        version: s.version,
        title: s.title,
        lang: s.lang,
        sessions: collect.sessions,
        skipped: s.skipped,
        finished: f.finished,
        won: f.won,
        lost: f.lost,
        unfinished: f.unfinished,
        score_mean: f.score_mean,
        endings: f.endings,
        scores: f.scores,
        engagement: f.engagement,
        roles: f.roles,
        mistakes: f.mistakes,
        liao,
        groups: collect.groups,
        seed_warning: s.seed_warning,
        summary,
    }
}

//! The class debrief: every trainee's record of one scenario replayed and summed up, ready to be
//! written as HTML, JSON and CSV (by the CLI) or shown on screen (by the game).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::engine::{Decision, Made, Session};
use crate::policy::Policy;
use crate::record::{read_record, replay};
use crate::scenario::{BuyingRole, Id, Scenario};
use crate::text::{fill, pick};

/// One trainee's session in the report.
#[derive(Clone, Debug, Serialize)]
pub struct SessionRow {
    pub file: String,
    pub player: String,
    pub seed: u64,
    pub started: u64,
    pub finished: bool,
    pub won: Option<bool>,
    pub ending: Option<Id>,
    /// The ending's title in the report's language (what a reader sees; `ending` is its id).
    pub ending_title: Option<String>,
    pub score: Option<u32>,
    /// Rubric lines at 0 points: the mistakes this trainee made.
    pub mistakes: Vec<Id>,
    /// The same mistakes by name, as failures (`RubricLine::missed_label`): `没有发展教练` / `No coach`.
    pub mistake_labels: Vec<String>,
    /// The buying roles whose true holders were met and supportive at the tender.
    pub covered: Vec<BuyingRole>,
    /// Actions by week, in the report's language.
    pub path: Vec<String>,
    /// For a lost order, where it could still have been won, in the report's language
    /// (`narrate::turning_point`): the last week from which the course's moves would have won.
    pub turning_point: Option<String>,
    #[serde(skip)]
    pub decisions: Vec<Made>,
}

/// A record left out, and why.
#[derive(Clone, Debug, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// How many trainees engaged one person, in total and in each week.
#[derive(Clone, Debug, Serialize)]
pub struct Engagement {
    pub person: Id,
    pub name: String,
    pub trainees: usize,
    pub by_week: Vec<usize>,
}

/// A count under a label (for charts).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Count {
    pub id: String,
    pub label: String,
    pub count: usize,
}

/// The whole class debrief of one scenario.
#[derive(Clone, Debug, Serialize)]
pub struct ClassReport {
    pub scenario: Id,
    pub version: String,
    pub title: String,
    pub lang: String,
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
    /// Liao's path with the class's most common seed, for comparison.
    pub liao: Option<SessionRow>,
}

/// Reads every record, keeps those of `scenario` (same id, version and content), replays them.
pub fn build(scenario: Arc<Scenario>, files: &[PathBuf], lang: &str) -> ClassReport {
    let lang = scenario.lang(lang).to_string();
    let mut sessions = Vec::new();
    let mut skipped = Vec::new();
    for path in files {
        match row_of(&scenario, path, &lang) {
            Ok(row) => sessions.push(row),
            Err(reason) => skipped.push(Skipped {
                file: path.display().to_string(),
                reason,
            }),
        }
    }
    sessions.sort_by(|a, b| (a.started, &a.player, &a.file).cmp(&(b.started, &b.player, &b.file)));
    summarize(scenario, sessions, skipped, lang)
}

fn row_of(scenario: &Arc<Scenario>, path: &Path, lang: &str) -> Result<SessionRow, String> {
    let record = read_record(path).map_err(|e| e.to_string())?;
    let h = &record.header;
    if h.scenario != scenario.meta.id {
        return Err(fill(
            pick(lang, "另一个案例（{id}）", "another scenario ({id})"),
            &[("id", &h.scenario)],
        ));
    }
    if h.scenario_version != scenario.meta.version || h.scenario_hash != scenario.hash {
        return Err(fill(
            pick(
                lang,
                "案例的另一个版本（{v}）",
                "another version of the scenario ({v})",
            ),
            &[("v", &h.scenario_version)],
        ));
    }
    let session = replay(scenario.clone(), &record).map_err(|d| {
        fill(
            pick(lang, "无法重放：{d}", "does not replay: {d}"),
            &[("d", &d.to_string())],
        )
    })?;
    let mut row = row_from_session(&session, lang);
    row.turning_point = turning_point(&session, lang);
    row.file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    row.player = h.player.clone();
    row.started = h.started;
    Ok(row)
}

/// Where a lost session could still have been won, in words (`None` when won or unfinished).
/// Plays up to one session per week of the case.
fn turning_point(session: &Session, lang: &str) -> Option<String> {
    let tp = session.turning_point();
    crate::narrate::turning_point(session, tp.as_ref(), lang)
}

/// A row for any session (a trainee's, or Liao's path played by the policy).
pub fn row_from_session(session: &Session, lang: &str) -> SessionRow {
    let sc = session.scenario();
    let t = session.tender();
    let covered = session.covered_roles();
    // The rubric lines at 0 points, in the rubric's order.
    let missed: Vec<&crate::scenario::RubricLine> = t
        .map(|t| {
            sc.rubric
                .iter()
                .zip(&t.score.lines)
                .filter(|(_, got)| got.points == 0)
                .map(|(line, _)| line)
                .collect()
        })
        .unwrap_or_default();
    let path = (1..=sc.settings.weeks)
        .map(|week| {
            let acts: Vec<String> = session
                .decisions()
                .iter()
                .filter(|m| m.week == week)
                .filter_map(|m| match &m.decision {
                    Decision::Act { action, target } => {
                        let label = sc
                            .action(action)
                            .map_or(action.as_str(), |a| a.label.get(lang));
                        Some(match target.as_deref() {
                            Some(t) => format!("{label} {}", sc.person_name(t, lang)),
                            None => label.to_string(),
                        })
                    }
                    _ => None,
                })
                .collect();
            acts.join(pick(lang, "；", "; "))
        })
        .collect();
    SessionRow {
        file: String::new(),
        player: String::new(),
        seed: session.seed(),
        started: 0,
        finished: t.is_some(),
        won: t.map(|t| t.won),
        ending: t.map(|t| t.ending.clone()),
        ending_title: t.map(|t| {
            sc.endings
                .iter()
                .find(|e| e.id == t.ending)
                .map_or(t.ending.as_str(), |e| e.title.get(lang))
                .to_string()
        }),
        score: t.map(|t| t.score.total),
        mistakes: missed.iter().map(|l| l.id.clone()).collect(),
        mistake_labels: missed.iter().map(|l| l.missed_label(lang)).collect(),
        covered,
        path,
        turning_point: None,
        decisions: session.decisions().to_vec(),
    }
}

fn summarize(
    scenario: Arc<Scenario>,
    sessions: Vec<SessionRow>,
    skipped: Vec<Skipped>,
    lang: String,
) -> ClassReport {
    let sc = &scenario;
    let done: Vec<&SessionRow> = sessions.iter().filter(|s| s.finished).collect();
    let won = done.iter().filter(|s| s.won == Some(true)).count();
    let score_mean = (!done.is_empty()).then(|| {
        done.iter()
            .filter_map(|s| s.score)
            .map(f64::from)
            .sum::<f64>()
            / done.len() as f64
    });
    let endings = sc
        .endings
        .iter()
        .map(|e| Count {
            id: e.id.clone(),
            label: e.title.get(&lang).to_string(),
            count: done
                .iter()
                .filter(|s| s.ending.as_ref() == Some(&e.id))
                .count(),
        })
        .collect();
    let scores = (0..10)
        .map(|bin| {
            let (lo, hi) = (bin * 10, if bin == 9 { 100 } else { bin * 10 + 9 });
            Count {
                id: format!("{lo}-{hi}"),
                label: format!("{lo}–{hi}"),
                count: done
                    .iter()
                    .filter(|s| s.score.is_some_and(|v| (lo..=hi).contains(&v)))
                    .count(),
            }
        })
        .collect();
    let weeks = sc.settings.weeks as usize;
    let engagement = sc
        .people
        .iter()
        .map(|p| {
            let mut by_week = vec![0; weeks];
            let mut trainees = 0;
            for s in &sessions {
                let mut weeks_seen = vec![false; weeks];
                for m in &s.decisions {
                    if matches!(&m.decision, Decision::Act { target: Some(t), .. } if *t == p.id)
                        && (1..=weeks).contains(&(m.week as usize))
                    {
                        weeks_seen[m.week as usize - 1] = true;
                    }
                }
                for (w, seen) in weeks_seen.iter().enumerate() {
                    by_week[w] += usize::from(*seen);
                }
                trainees += usize::from(weeks_seen.iter().any(|x| *x));
            }
            Engagement {
                person: p.id.clone(),
                name: p.name.get(&lang).to_string(),
                trainees,
                by_week,
            }
        })
        .collect();
    let roles = BuyingRole::FOUR
        .iter()
        .map(|r| Count {
            id: format!("{r:?}"),
            label: crate::narrate::role_name(*r, &lang).to_string(),
            count: done.iter().filter(|s| covered_role(s, *r)).count(),
        })
        .collect();
    let mut mistakes: Vec<Count> = sc
        .rubric
        .iter()
        .map(|l| Count {
            id: l.id.clone(),
            label: l.missed_label(&lang),
            count: done.iter().filter(|s| s.mistakes.contains(&l.id)).count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    mistakes.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
    let liao = most_common_seed(&sessions)
        .and_then(|seed| crate::simulate::play(scenario.clone(), Policy::Liao, seed).ok())
        .map(|run| {
            let mut row = row_from_session(&run.session, &lang);
            row.turning_point = turning_point(&run.session, &lang);
            row.player = pick(&lang, "廖总的路径", "Liao's path").into();
            row
        });
    ClassReport {
        scenario: sc.meta.id.clone(),
        version: sc.meta.version.clone(),
        title: sc.meta.title.get(&lang).to_string(),
        finished: done.len(),
        won,
        lost: done.len() - won,
        unfinished: sessions.len() - done.len(),
        score_mean,
        endings,
        scores,
        engagement,
        roles,
        mistakes,
        liao,
        lang,
        sessions,
        skipped,
    }
}

fn covered_role(row: &SessionRow, role: BuyingRole) -> bool {
    row.covered.contains(&role)
}

fn most_common_seed(sessions: &[SessionRow]) -> Option<u64> {
    let mut counts: BTreeMap<u64, usize> = BTreeMap::new();
    for s in sessions {
        *counts.entry(s.seed).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(seed, n)| (*n, std::cmp::Reverse(*seed)))
        .map(|(seed, _)| seed)
}

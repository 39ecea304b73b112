//! Scoring the rubric: each line's share of its points, from what the session did (out of 100).

use super::{Scope, Session};
use crate::engine::outcome::{AppliedCap, LineScore, Score};
use crate::scenario::{BuyingRole, Fact, Measure};

/// Scores a session whose tender has been decided.
pub(super) fn score(session: &mut Session) -> Score {
    let scenario = session.scenario.clone();
    let lines: Vec<LineScore> = scenario
        .rubric
        .iter()
        .map(|line| {
            let share = share(session, &line.measure);
            LineScore {
                id: line.id.clone(),
                points: (f64::from(line.points) * share.clamp(0.0, 1.0)).round() as u32,
                max: line.points,
            }
        })
        .collect();
    let before: u32 = lines.iter().map(|l| l.points).fold(0, u32::saturating_add);
    // The lowest ceiling whose condition holds, if it holds the total down.
    let cap = scenario
        .caps
        .iter()
        .filter(|c| session.holds_now(&c.when, Scope::default()))
        .min_by_key(|c| c.max)
        .filter(|c| c.max < before)
        .map(|c| AppliedCap {
            id: c.id.clone(),
            max: c.max,
            before,
        });
    Score {
        total: cap.as_ref().map_or(before, |c| c.max),
        lines,
        cap,
    }
}

/// The share of a line's points earned, 0 to 1.
fn share(s: &mut Session, measure: &Measure) -> f64 {
    match measure {
        Measure::Won { full_margin } => match &s.tender {
            Some(t) if t.won => {
                let margin = f64::from(t.margin.max(0)) / f64::from((*full_margin).max(1));
                0.5 + 0.5 * margin.min(1.0)
            }
            _ => 0.0,
        },
        Measure::Profit { full } => match &s.tender {
            Some(t) if t.won => {
                let margin = s.scenario.price_margin(&t.bid.price).unwrap_or(0);
                f64::from(margin.max(0)) / f64::from((*full).max(1))
            }
            _ => 0.0,
        },
        Measure::RolesCovered => {
            let present: Vec<BuyingRole> = BuyingRole::FOUR
                .into_iter()
                .filter(|r| s.world.people.iter().any(|p| p.role == *r))
                .collect();
            ratio(s.covered_roles().len(), present.len())
        }
        Measure::CoachDeveloped => bool_share(s.world.people.iter().any(|p| p.coach)),
        Measure::Found { person, by_week } => match s.belief(person).and_then(|b| b.identified) {
            Some(week) if week <= *by_week => 1.0,
            Some(_) => 0.5,
            None => 0.0,
        },
        Measure::FactsUncovered => {
            let mut known = 0;
            for (b, truth) in s.beliefs.iter().zip(&s.world.people) {
                known += usize::from(
                    b.role
                        .as_ref()
                        .is_some_and(|r| !r.assumed && r.value == truth.role),
                );
                known += usize::from(b.stance.is_some());
                known += usize::from(b.criteria.is_some());
            }
            ratio(known, s.beliefs.len() * FACTS_PER_PERSON.len())
        }
        Measure::Graded => {
            let accounts = s.scenario.grading.as_ref().map_or(0, |g| g.accounts.len());
            let right = s.graded.iter().filter(|g| g.right()).count();
            if accounts == 0 {
                0.0
            } else {
                ratio(right, accounts)
            }
        }
        Measure::Holds(c) => bool_share(s.holds_now(c, Scope::default())),
        Measure::Avoided(c) => bool_share(!s.holds_now(c, Scope::default())),
    }
}

/// The hidden facts `FactsUncovered` counts for each person.
const FACTS_PER_PERSON: [Fact; 3] = [Fact::Role, Fact::Stance, Fact::Criteria];

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn bool_share(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

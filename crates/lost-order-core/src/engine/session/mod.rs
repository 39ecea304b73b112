//! The session: a deterministic state machine over one seeded random stream, driven by pulls.
//!
//! This parent holds the state, `Session::new`, what a front end may read, and the helpers its
//! children share (`Scope`, `record`, `log_all`, `expect_phase`). Each child adds one part of
//! the rules on top of the engine's plain data (`state`, `happening`, `outcome`); siblings
//! depend on each other one way only, by imports and by method calls alike:
//!
//! ```text
//! what_if ──→ decide ──→ options ──────────────────→ logic ──→ facts
//!    │          ├──────→ week, tender, scoring ─────→ logic
//!    │          └──────→ bid ──→ error
//!    └────────────────────────→ error    (options and decide use error too)
//! probe ──→ options, logic               (read-only, for the deep check)
//! options, week, tender, scoring ──→ facts   (conditions are read through `Facts`)
//! ```

mod bid;
mod decide;
mod error;
mod facts;
mod logic;
mod options;
mod probe;
mod scoring;
mod tender;
#[cfg(test)]
mod tests;
mod week;
mod what_if;

use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use error::{BidPart, BidProblem, Blocked, SessionError};
pub use options::{ActionOption, ChoiceOption};

use super::decision::Decision;
use super::dice::Dice;
use super::happening::{Happening, LogEntry};
use super::hidden::HiddenEntry;
use super::outcome::{GradeGiven, TenderResult};
use super::state::{Belief, KnownTender, PersonTruth, Seen, WeekSnapshot, World};
use crate::scenario::{Amount, BuyingRole, Fact, Grading, Id, Scenario, WeekRule};

/// What a condition or effect is evaluated for: the index of the action's target, if any.
#[derive(Clone, Copy, Debug, Default)]
struct Scope {
    target: Option<usize>,
}

/// Where the session is, and so which decision it accepts next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Phase {
    /// Before week 1, the company's accounts wait to be graded (`grade`); only when the
    /// scenario has a `grading` section. The week is 0 until then.
    Grading,
    /// The player spends action points or ends the week (`act`, `end_week`).
    Planning,
    /// The story scene with this id waits for a choice (`choose`).
    Scene(Id),
    /// The last week is over; the bid is due (`submit_bid`).
    Bidding,
    /// The tender is decided; no decision is accepted any more.
    Ended,
}

impl std::fmt::Display for Phase {
    /// Plain English for logs; `narrate::phase_name` gives the player's words.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Phase::Grading => f.write_str("grading the accounts"),
            Phase::Planning => f.write_str("planning the week"),
            Phase::Scene(s) => write!(f, "waiting for a choice in scene `{s}`"),
            Phase::Bidding => f.write_str("waiting for the bid"),
            Phase::Ended => f.write_str("over"),
        }
    }
}

/// A decision as it was made, in the week it was made, with the result it had.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Made {
    /// The week (1-based) the decision was made in.
    pub week: u32,
    /// What was decided.
    pub decision: Decision,
    /// The action's result id, or the ending once the bid is in; `None` otherwise.
    pub result: Option<Id>,
}

/// An action taken, by index: the action's in the scenario's `actions`, its target's in
/// `people` (`None`: an action without targets), and the result's in the action's `results`
/// (`None`: no result came up).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Taken {
    pub action: usize,
    pub target: Option<usize>,
    pub result: Option<usize>,
}

/// One playthrough of a scenario with one seed: the hidden truth, the player's beliefs, the log.
///
/// Every random draw comes from one seeded stream, so the same seed and the same decisions
/// give the same session, draw for draw.
#[derive(Clone, Debug)]
pub struct Session {
    scenario: Arc<Scenario>,
    seed: u64,
    dice: Dice,
    world: World,
    beliefs: Vec<Belief>,
    week: u32,
    points: u32,
    /// Action points each week: `settings.action_points`, or what the grade of this customer grants.
    weekly_points: u32,
    budget: i64,
    phase: Phase,
    pending_scenes: VecDeque<Id>,
    /// The slot of each competitor rule, then each story event, in the scenario's order:
    /// the index of the first of them with the same id (ids are the rules' and events' names
    /// for firing once and for drawn weeks, so a rule and an event that share an id share
    /// both).
    slots: Arc<[usize]>,
    /// Whether the rule or event of each slot has fired.
    fired: Vec<bool>,
    /// The week drawn for each slot of a rule or event with a `Drawn` week.
    drawn_weeks: Vec<Option<u32>>,
    /// This week's actions taken so far, as (index in the scenario's `actions`, target's
    /// index in its `people`); a few at most, so a list.
    acted: Vec<(usize, Option<usize>)>,
    /// Every action taken so far, in order, by index: see `Session::actions_taken`.
    taken: Vec<Taken>,
    log: Vec<LogEntry>,
    history: Vec<WeekSnapshot>,
    made: Vec<Made>,
    tender: Option<TenderResult>,
    hidden: Vec<HiddenEntry>,
    told: Option<KnownTender>,
    graded: Vec<GradeGiven>,
    /// The emptied list of the last decision's happenings, kept for its room: the next
    /// decision fills it again instead of allocating a new one.
    spare: Vec<Happening>,
}

impl Session {
    /// Starts a session: draws the hidden truth from `seed`, then opens week 1, or, when the
    /// scenario has a `grading` section, waits in `Phase::Grading` (week 0) for `grade`,
    /// which opens week 1.
    ///
    /// The draws, in order: each person's influence, support and rival support (in the
    /// scenario's order; fixed numbers take no draw), then the week of every `Drawn` rule
    /// (competitor rules, then events). Grading draws nothing, so week 1 draws the same
    /// numbers with or without it.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Session {
        let mut dice = Dice::new(seed);
        let people = scenario
            .people
            .iter()
            .map(|p| PersonTruth {
                role: p.role,
                influence: draw(&mut dice, p.influence),
                support: draw(&mut dice, p.stance),
                rival_support: draw(&mut dice, p.rival_stance),
                criteria: p.criteria.clone(),
                coach: false,
                met: false,
            })
            .collect();
        let weeks_of = (scenario.competitor.rules.iter().map(|r| r.trigger.week))
            .chain(scenario.events.iter().map(|e| e.trigger.week));
        let slots = scenario.trigger_slots();
        let mut drawn_weeks = vec![None; slots.len()];
        for (&slot, rule) in slots.iter().zip(weeks_of) {
            if let WeekRule::Drawn(lo, hi) = rule {
                drawn_weeks[slot] = Some(dice.between(i64::from(lo), i64::from(hi)) as u32);
            }
        }
        let fired = vec![false; slots.len()];
        let world = World {
            people,
            flags: BTreeSet::new(),
            counters: scenario.counters.iter().map(|c| (c.clone(), 0)).collect(),
            rival_bid: scenario.competitor.bid.iter().cloned().collect(),
        };
        // Only a room estimate: a case runs at most 52 weeks (an unchecked one may say more).
        let weeks = scenario.settings.weeks.min(52) as usize;
        let mut session = Session {
            beliefs: Vec::new(),
            dice,
            world,
            week: 1,
            points: scenario.settings.action_points,
            weekly_points: scenario.settings.action_points,
            budget: scenario.settings.budget,
            phase: Phase::Planning,
            pending_scenes: VecDeque::new(),
            slots,
            fired,
            drawn_weeks,
            acted: Vec::new(),
            taken: Vec::with_capacity(weeks * 4),
            // Room for a usual session, so that the lists seldom grow: the flagship's random
            // play averages about 6.5 happenings, 3.4 decisions and 1.9 hidden happenings a week.
            log: Vec::with_capacity(weeks * 8),
            history: Vec::with_capacity(weeks + 1),
            made: Vec::with_capacity(weeks * 4),
            tender: None,
            hidden: Vec::with_capacity(weeks * 2),
            told: None,
            graded: Vec::new(),
            spare: Vec::new(),
            seed,
            scenario,
        };
        session.beliefs = session.initial_beliefs();
        if session.scenario.grading.is_some() {
            session.week = 0;
            session.phase = Phase::Grading;
            return session;
        }
        let mut out = session.happenings();
        session.start_week(&mut out);
        session.log_all(out);
        session
    }

    /// What the player knows before week 1: the scenario's `known` facts and assumed roles.
    fn initial_beliefs(&self) -> Vec<Belief> {
        self.scenario
            .people
            .iter()
            .zip(&self.world.people)
            .map(|(p, truth)| {
                let knows = |f: Fact| p.known.contains(&f);
                let seen = |v| Some(Seen::observed(v, 0));
                Belief {
                    hinted: p.hinted || knows(Fact::Identity),
                    identified: knows(Fact::Identity).then_some(0),
                    role: if knows(Fact::Role) {
                        seen(truth.role)
                    } else {
                        p.believed_role.map(|r| Seen {
                            value: r,
                            week: 0,
                            assumed: true,
                        })
                    },
                    stance: knows(Fact::Stance).then(|| Seen::observed(truth.support, 0)),
                    influence: knows(Fact::Influence).then(|| Seen::observed(truth.influence, 0)),
                    criteria: knows(Fact::Criteria)
                        .then(|| Seen::observed(truth.criteria.clone(), 0)),
                    coach: false,
                }
            })
            .collect()
    }

    // ---- what the player can see -------------------------------------------------------

    /// The scenario being played.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario being played, shared (for starting another session of it).
    pub fn scenario_arc(&self) -> Arc<Scenario> {
        self.scenario.clone()
    }

    /// The seed the hidden truth and every later draw come from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Where the session is, and so which decision it accepts next.
    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// The current week, from 1 to the scenario's `weeks`; 0 while grading (`Phase::Grading`).
    pub fn week(&self) -> u32 {
        self.week
    }

    /// Weeks after the current one (0 in the last week).
    pub fn weeks_left(&self) -> u32 {
        self.scenario.settings.weeks.saturating_sub(self.week)
    }

    /// Action points left this week.
    pub fn points(&self) -> u32 {
        self.points
    }

    /// Money left, in the scenario's unit (`settings.money`, e.g. k¥). Actions cannot spend
    /// more than is left; an effect (`Budget(-n)`) may take it below 0.
    pub fn budget(&self) -> i64 {
        self.budget
    }

    /// What the player believes of each person, in the scenario's order.
    pub fn beliefs(&self) -> &[Belief] {
        &self.beliefs
    }

    /// What the player believes of the person with this id; `None` for an unknown id.
    pub fn belief(&self, person: &str) -> Option<&Belief> {
        self.scenario.person_index(person).map(|i| &self.beliefs[i])
    }

    /// Everything the player saw happen, by week.
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    /// What the player learned, by week: discoveries, revelations, notes, tips.
    pub fn notebook(&self) -> impl Iterator<Item = &LogEntry> {
        self.log.iter().filter(|e| e.happening.is_learning())
    }

    /// The decisions made so far, with their results.
    pub fn decisions(&self) -> &[Made] {
        &self.made
    }

    /// Every action taken so far, in the order taken, by index (the `Act` decisions of
    /// `decisions`, nothing cloned): for the simulator's policies, which count them at
    /// every step.
    pub(crate) fn actions_taken(&self) -> &[Taken] {
        &self.taken
    }

    /// True and believed stances at the end of each week played.
    pub fn history(&self) -> &[WeekSnapshot] {
        &self.history
    }

    /// The scenario's customer grading (the accounts, their indicators, what each grade of
    /// this customer grants), for the grading screen; `None` when the scenario has none.
    pub fn grading(&self) -> Option<&Grading> {
        self.scenario.grading.as_ref()
    }

    /// The grades the player gave, in the scenario's order of accounts, with the true ones;
    /// empty before grading (and always, in a scenario without grading).
    pub fn grades(&self) -> &[GradeGiven] {
        &self.graded
    }

    /// The tender's result, once the bid is in.
    pub fn tender(&self) -> Option<&TenderResult> {
        self.tender.as_ref()
    }

    /// What happened in the world, week by week, seen by the player or not: every story event,
    /// every competitor move (and the coach who blunted it), a coach's quiet support, an
    /// exposure. A front end shows it only in the debrief (`narrate::hidden_timeline` words it).
    pub fn hidden_timeline(&self) -> &[HiddenEntry] {
        &self.hidden
    }

    /// How the tender will be judged, as a coach told it (`RevealTender`); `None` until told.
    /// The tender screen shows it beside the bid (`narrate::known_tender` words it).
    pub fn known_tender(&self) -> Option<&KnownTender> {
        self.told.as_ref()
    }

    /// The hidden truth. A front end shows it only in the debrief.
    pub fn truth(&self) -> &World {
        &self.world
    }

    /// The buying roles covered: a true holder of the role was met and supports us (≥ 1).
    /// The rubric, the class report and the debrief all use this one definition.
    pub fn covered_roles(&self) -> Vec<BuyingRole> {
        BuyingRole::FOUR
            .into_iter()
            .filter(|r| {
                self.world
                    .people
                    .iter()
                    .any(|p| p.role == *r && p.met && p.support >= 1)
            })
            .collect()
    }

    // ---- bookkeeping shared by the children ---------------------------------------------

    /// Remembers a decision made this week.
    fn record(&mut self, decision: Decision, result: Option<Id>) {
        self.made.push(Made {
            week: self.week,
            decision,
            result,
        });
    }

    /// Keeps a hidden happening of this week for the debrief.
    fn hide(&mut self, what: super::hidden::Hidden, seen: bool) {
        self.hidden.push(HiddenEntry {
            week: self.week,
            seen,
            what,
        });
    }

    /// An empty list for a decision's happenings (`log_all` takes it back).
    fn happenings(&mut self) -> Vec<Happening> {
        std::mem::take(&mut self.spare)
    }

    /// Adds happenings to the log under this week, and keeps the emptied list.
    fn log_all(&mut self, mut happenings: Vec<Happening>) {
        let week = self.week;
        self.log.extend(
            happenings
                .drain(..)
                .map(|happening| LogEntry { week, happening }),
        );
        self.spare = happenings;
    }

    /// `Ok` in phase `want`, else `SessionError::WrongPhase` with the phase it is in.
    fn expect_phase(&self, want: &Phase) -> Result<(), SessionError> {
        if &self.phase == want {
            Ok(())
        } else {
            Err(SessionError::WrongPhase {
                now: self.phase.clone(),
            })
        }
    }
}

/// One value drawn from an amount; a fixed number (or an empty range) takes no draw.
fn draw(dice: &mut Dice, amount: Amount) -> i32 {
    dice.between(i64::from(amount.min()), i64::from(amount.max())) as i32
}

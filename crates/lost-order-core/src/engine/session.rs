//! The session: a deterministic state machine over one seeded random stream, driven by pulls.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::decision::{Bid, Decision};
use super::dice::Dice;
use super::happening::{Happening, LogEntry};
use super::logic::Scope;
use super::state::{Belief, PersonTruth, Seen, WeekSnapshot, World};
use super::tender::TenderResult;
use crate::scenario::{Fact, Id, Scenario, Targets, WeekRule};
use crate::text::Text;

/// Where the session is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Phase {
    /// The player spends points or ends the week.
    Planning,
    /// A story scene waits for a choice.
    Scene(Id),
    /// The last week is over; the bid is due.
    Bidding,
    Ended,
}

/// Why a decision was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SessionError {
    #[error("not now: the session is {0}")]
    WrongPhase(String),
    #[error("unknown action `{0}`")]
    UnknownAction(Id),
    #[error("unknown person `{0}`")]
    UnknownPerson(Id),
    #[error("action `{action}` is not possible now: {reason}")]
    Blocked { action: Id, reason: String },
    #[error("unknown choice `{choice}` in scene `{scene}`")]
    UnknownChoice { scene: Id, choice: Id },
    #[error("choice `{0}` is not possible now")]
    ChoiceBlocked(Id),
    #[error("invalid bid: {0}")]
    InvalidBid(String),
}

/// Why an action cannot be taken now, for showing it disabled.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Blocked {
    NotEnoughPoints {
        need: u32,
        have: u32,
    },
    NotEnoughMoney {
        need: i64,
        have: i64,
    },
    AlreadyThisWeek,
    /// A scenario requirement failed; its reason.
    Requirement(Text),
}

/// One action aimed at one target (or none), and whether it is possible.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionOption {
    pub action: Id,
    pub target: Option<Id>,
    pub blocked: Option<Blocked>,
}

/// One choice of the open scene, and whether it is possible.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChoiceOption {
    pub choice: Id,
    /// The reason it is disabled; `None` when it can be chosen.
    pub blocked: Option<Text>,
}

/// A decision as it was made, with the result it had.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Made {
    pub week: u32,
    pub decision: Decision,
    /// The action's result id, or the ending once the bid is in.
    pub result: Option<Id>,
}

/// One playthrough of a scenario with one seed.
#[derive(Clone, Debug)]
pub struct Session {
    pub(crate) scenario: Arc<Scenario>,
    pub(crate) seed: u64,
    pub(crate) dice: Dice,
    pub(crate) world: World,
    pub(crate) beliefs: Vec<Belief>,
    pub(crate) week: u32,
    pub(crate) points: u32,
    pub(crate) budget: i64,
    pub(crate) phase: Phase,
    pending_scenes: VecDeque<Id>,
    fired: BTreeSet<Id>,
    drawn_weeks: BTreeMap<Id, u32>,
    acted: BTreeSet<(Id, Option<usize>)>,
    log: Vec<LogEntry>,
    history: Vec<WeekSnapshot>,
    made: Vec<Made>,
    pub(crate) tender: Option<TenderResult>,
}

impl Session {
    /// Starts a session: draws the hidden truth from `seed`, then opens week 1.
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
        let mut drawn_weeks = BTreeMap::new();
        let rules = scenario
            .competitor
            .rules
            .iter()
            .map(|r| (&r.id, r.trigger.week))
            .chain(scenario.events.iter().map(|e| (&e.id, e.trigger.week)));
        for (id, rule) in rules {
            if let WeekRule::Drawn(lo, hi) = rule {
                drawn_weeks.insert(
                    id.clone(),
                    dice.between(i64::from(lo), i64::from(hi)) as u32,
                );
            }
        }
        let world = World {
            people,
            flags: BTreeSet::new(),
            counters: scenario.counters.iter().map(|c| (c.clone(), 0)).collect(),
            rival_bid: scenario.competitor.bid.iter().cloned().collect(),
        };
        let mut session = Session {
            beliefs: Vec::new(),
            dice,
            world,
            week: 1,
            points: scenario.settings.action_points,
            budget: scenario.settings.budget,
            phase: Phase::Planning,
            pending_scenes: VecDeque::new(),
            fired: BTreeSet::new(),
            drawn_weeks,
            acted: BTreeSet::new(),
            log: Vec::new(),
            history: Vec::new(),
            made: Vec::new(),
            tender: None,
            seed,
            scenario,
        };
        session.beliefs = session.initial_beliefs();
        let mut out = Vec::new();
        session.start_week(&mut out);
        session.log_all(out);
        session
    }

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

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn scenario_arc(&self) -> Arc<Scenario> {
        self.scenario.clone()
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    pub fn week(&self) -> u32 {
        self.week
    }

    pub fn weeks_left(&self) -> u32 {
        self.scenario.settings.weeks.saturating_sub(self.week)
    }

    pub fn points(&self) -> u32 {
        self.points
    }

    pub fn budget(&self) -> i64 {
        self.budget
    }

    /// What the player believes of each person, in the scenario's order.
    pub fn beliefs(&self) -> &[Belief] {
        &self.beliefs
    }

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

    /// True and believed stances at the end of each week played.
    pub fn history(&self) -> &[WeekSnapshot] {
        &self.history
    }

    /// The tender's result, once the bid is in.
    pub fn tender(&self) -> Option<&TenderResult> {
        self.tender.as_ref()
    }

    /// The hidden truth. A front end shows it only in the debrief.
    pub fn truth(&self) -> &World {
        &self.world
    }

    /// The buying roles covered: a true holder of the role was met and supports us (≥ 1).
    /// The rubric, the class report and the debrief all use this one definition.
    pub fn covered_roles(&self) -> Vec<crate::scenario::BuyingRole> {
        crate::scenario::BuyingRole::FOUR
            .into_iter()
            .filter(|r| {
                self.world
                    .people
                    .iter()
                    .any(|p| p.role == *r && p.met && p.support >= 1)
            })
            .collect()
    }

    /// Every action with every possible target, enabled or with the reason it is not.
    pub fn options(&self) -> Vec<ActionOption> {
        let mut out = Vec::new();
        for action in &self.scenario.actions {
            for target in self.targets_of(&action.targets) {
                out.push(ActionOption {
                    action: action.id.clone(),
                    target: target.map(|i| self.scenario.people[i].id.clone()),
                    blocked: self.blocked(&action.id, target),
                });
            }
        }
        out
    }

    /// People on the map that an action with these targets may be aimed at (`None`: no target).
    fn targets_of(&self, targets: &Targets) -> Vec<Option<usize>> {
        if *targets == Targets::Nobody {
            return vec![None];
        }
        let people = &self.scenario.people;
        (0..people.len())
            .filter(|&i| self.beliefs[i].on_map())
            .filter(|&i| match targets {
                Targets::Anyone => true,
                Targets::Nobody => false,
                Targets::Layers(layers) => layers.contains(&people[i].layer),
                Targets::Only(ids) => ids.contains(&people[i].id),
            })
            .map(Some)
            .collect()
    }

    fn blocked(&self, action_id: &str, target: Option<usize>) -> Option<Blocked> {
        let action = self.scenario.action(action_id)?;
        if action.points > self.points {
            return Some(Blocked::NotEnoughPoints {
                need: action.points,
                have: self.points,
            });
        }
        if action.cost > self.budget {
            return Some(Blocked::NotEnoughMoney {
                need: action.cost,
                have: self.budget,
            });
        }
        if self.acted.contains(&(action.id.clone(), target)) {
            return Some(Blocked::AlreadyThisWeek);
        }
        let scope = Scope { target };
        action
            .requires
            .iter()
            .find(|r| !self.could_hold(&r.when, scope))
            .map(|r| Blocked::Requirement(r.reason.clone()))
    }

    /// The choices of the open scene.
    pub fn choices(&self) -> Vec<ChoiceOption> {
        let Phase::Scene(id) = &self.phase else {
            return Vec::new();
        };
        let Some(scene) = self.scenario.scene(id) else {
            return Vec::new();
        };
        scene
            .choices
            .iter()
            .filter_map(|c| {
                let open = c
                    .when
                    .as_ref()
                    .is_none_or(|w| self.could_hold(w, Scope::default()));
                match (open, &c.reason) {
                    (true, _) => Some(ChoiceOption {
                        choice: c.id.clone(),
                        blocked: None,
                    }),
                    (false, Some(reason)) => Some(ChoiceOption {
                        choice: c.id.clone(),
                        blocked: Some(reason.clone()),
                    }),
                    (false, None) => None,
                }
            })
            .collect()
    }

    // ---- what the player does ----------------------------------------------------------

    /// Applies any decision; the way scripts, records and policies drive a session.
    pub fn apply(&mut self, decision: &Decision) -> Result<Vec<Happening>, SessionError> {
        match decision {
            Decision::Act { action, target } => self.act(action, target.as_deref()),
            Decision::EndWeek => self.end_week(),
            Decision::Choose(c) => self.choose(c),
            Decision::Bid(b) => self.submit_bid(b),
        }
    }

    /// Takes an action, aimed at `target` when the action has targets.
    pub fn act(
        &mut self,
        action_id: &str,
        target: Option<&str>,
    ) -> Result<Vec<Happening>, SessionError> {
        self.expect_phase(&Phase::Planning)?;
        let scenario = self.scenario.clone();
        let action = scenario
            .action(action_id)
            .ok_or_else(|| SessionError::UnknownAction(action_id.to_string()))?;
        let target = match target {
            Some(id) => Some(
                scenario
                    .person_index(id)
                    .ok_or_else(|| SessionError::UnknownPerson(id.to_string()))?,
            ),
            None => None,
        };
        if !self.targets_of(&action.targets).contains(&target) {
            let reason = match target {
                Some(i) if !self.beliefs[i].on_map() => {
                    format!("you do not know `{}` yet", scenario.people[i].id)
                }
                Some(i) => format!("it cannot be aimed at `{}`", scenario.people[i].id),
                None => "it needs a target".to_string(),
            };
            return Err(SessionError::Blocked {
                action: action.id.clone(),
                reason,
            });
        }
        if let Some(blocked) = self.blocked(&action.id, target) {
            return Err(SessionError::Blocked {
                action: action.id.clone(),
                reason: format!("{blocked:?}"),
            });
        }
        self.points -= action.points;
        self.budget -= action.cost;
        self.acted.insert((action.id.clone(), target));
        let scope = Scope { target };
        let mut out = Vec::new();
        let result = action.results.iter().find(|r| {
            r.when.as_ref().is_none_or(|w| self.holds_now(w, scope)) && self.dice.chance(r.chance)
        });
        let result_id = result.map(|r| r.id.clone());
        out.push(Happening::ActionTaken {
            action: action.id.clone(),
            target: target.map(|i| scenario.people[i].id.clone()),
            result: result_id.clone().unwrap_or_default(),
        });
        if let Some(i) = target {
            self.world.people[i].met = true;
        }
        if let Some(r) = result {
            self.apply_all(&r.effects, scope, &mut out);
        }
        self.record(
            Decision::Act {
                action: action.id.clone(),
                target: target.map(|i| scenario.people[i].id.clone()),
            },
            result_id,
        );
        Ok(self.log_all(out))
    }

    /// Ends the week: the world moves, and the next week starts (or the tender opens).
    pub fn end_week(&mut self) -> Result<Vec<Happening>, SessionError> {
        self.expect_phase(&Phase::Planning)?;
        self.snapshot();
        self.record(Decision::EndWeek, None);
        let mut out = Vec::new();
        if self.week >= self.scenario.settings.weeks {
            self.phase = Phase::Bidding;
            out.push(Happening::TenderOpened);
        } else {
            self.week += 1;
            self.start_week(&mut out);
        }
        Ok(self.log_all(out))
    }

    /// Picks a choice in the open scene.
    pub fn choose(&mut self, choice_id: &str) -> Result<Vec<Happening>, SessionError> {
        let Phase::Scene(scene_id) = self.phase.clone() else {
            return Err(SessionError::WrongPhase(self.phase_name()));
        };
        let scenario = self.scenario.clone();
        let scene = scenario
            .scene(&scene_id)
            .ok_or_else(|| SessionError::WrongPhase(self.phase_name()))?;
        let choice = scene
            .choices
            .iter()
            .find(|c| c.id == choice_id)
            .ok_or_else(|| SessionError::UnknownChoice {
                scene: scene_id.clone(),
                choice: choice_id.to_string(),
            })?;
        if !self
            .choices()
            .iter()
            .any(|c| c.choice == choice.id && c.blocked.is_none())
        {
            return Err(SessionError::ChoiceBlocked(choice.id.clone()));
        }
        let mut out = vec![Happening::ChoiceMade {
            scene: scene_id.clone(),
            choice: choice.id.clone(),
        }];
        self.apply_all(&choice.effects, Scope::default(), &mut out);
        self.record(Decision::Choose(choice.id.clone()), None);
        match &choice.next {
            Some(next) => self.open_scene(next.clone(), &mut out),
            None => self.next_scene(&mut out),
        }
        Ok(self.log_all(out))
    }

    /// Submits the bid; the tender is decided and the session ends.
    pub fn submit_bid(&mut self, bid: &Bid) -> Result<Vec<Happening>, SessionError> {
        self.expect_phase(&Phase::Bidding)?;
        self.check_bid(bid)?;
        let result = self.decide_tender(bid);
        let mut out: Vec<Happening> = result
            .stages
            .iter()
            .cloned()
            .map(Happening::Stage)
            .collect();
        self.tender = Some(result);
        let ending = self.choose_ending();
        let won = self.tender.as_ref().is_some_and(|t| t.won);
        if let Some(t) = self.tender.as_mut() {
            t.ending = ending.clone();
        }
        out.push(Happening::Ended {
            won,
            ending: ending.clone(),
        });
        let score = super::scoring::score(self);
        if let Some(t) = self.tender.as_mut() {
            t.score = score;
        }
        self.record(Decision::Bid(bid.clone()), Some(ending));
        self.snapshot();
        self.phase = Phase::Ended;
        Ok(self.log_all(out))
    }

    // ---- the world moving ---------------------------------------------------------------

    fn start_week(&mut self, out: &mut Vec<Happening>) {
        self.points = self.scenario.settings.action_points;
        self.acted.clear();
        out.push(Happening::WeekStarted { week: self.week });
        let scenario = self.scenario.clone();
        for rule in &scenario.competitor.rules {
            if self.triggered(
                &rule.id,
                rule.trigger.week,
                &rule.trigger.when,
                rule.trigger.chance,
                rule.repeat,
            ) {
                let mut moves = Vec::new();
                self.apply_all(&rule.effects, Scope::default(), &mut moves);
                out.extend(moves);
                // Only a coach tells the player what the competitor is doing.
                if rule.text.is_some() && self.world.people.iter().any(|p| p.coach) {
                    out.push(Happening::RivalMove {
                        rule: rule.id.clone(),
                    });
                }
            }
        }
        for event in &scenario.events {
            if self.triggered(
                &event.id,
                event.trigger.week,
                &event.trigger.when,
                event.trigger.chance,
                event.repeat,
            ) {
                if event.text.is_some() {
                    out.push(Happening::Story {
                        event: event.id.clone(),
                    });
                }
                self.apply_all(&event.effects, Scope::default(), out);
                if let Some(scene) = &event.scene {
                    self.pending_scenes.push_back(scene.clone());
                }
            }
        }
        if self.phase == Phase::Planning {
            self.next_scene(out);
        }
    }

    fn triggered(
        &mut self,
        id: &Id,
        week: WeekRule,
        when: &[crate::scenario::Condition],
        chance: f64,
        repeat: bool,
    ) -> bool {
        if !repeat && self.fired.contains(id) {
            return false;
        }
        let w = self.week;
        let in_week = match week {
            WeekRule::Any => true,
            WeekRule::At(n) => w == n,
            WeekRule::From(n) => w >= n,
            WeekRule::Between(a, b) => (a..=b).contains(&w),
            WeekRule::Drawn(..) => self.drawn_weeks.get(id) == Some(&w),
        };
        if !in_week || !when.iter().all(|c| self.holds_now(c, Scope::default())) {
            return false;
        }
        let fires = self.dice.chance(chance);
        if fires {
            self.fired.insert(id.clone());
        }
        fires
    }

    fn open_scene(&mut self, id: Id, out: &mut Vec<Happening>) {
        out.push(Happening::SceneOpened { scene: id.clone() });
        self.phase = Phase::Scene(id);
    }

    fn next_scene(&mut self, out: &mut Vec<Happening>) {
        match self.pending_scenes.pop_front() {
            Some(id) => self.open_scene(id, out),
            None => self.phase = Phase::Planning,
        }
    }

    fn snapshot(&mut self) {
        let snap = WeekSnapshot {
            week: self.week,
            support: self.world.people.iter().map(|p| p.support).collect(),
            rival_support: self.world.people.iter().map(|p| p.rival_support).collect(),
            believed: self
                .beliefs
                .iter()
                .map(|b| b.stance.as_ref().map(|s| s.value))
                .collect(),
        };
        if let Some(last) = self.history.last_mut()
            && last.week == snap.week
        {
            *last = snap;
        } else {
            self.history.push(snap);
        }
    }

    fn choose_ending(&mut self) -> Id {
        let scenario = self.scenario.clone();
        scenario
            .endings
            .iter()
            .find(|e| e.when.iter().all(|c| self.holds_now(c, Scope::default())))
            .or(scenario.endings.last())
            .map(|e| e.id.clone())
            .unwrap_or_default()
    }

    fn record(&mut self, decision: Decision, result: Option<Id>) {
        self.made.push(Made {
            week: self.week,
            decision,
            result,
        });
    }

    fn log_all(&mut self, happenings: Vec<Happening>) -> Vec<Happening> {
        let week = self.week;
        self.log.extend(
            happenings
                .iter()
                .cloned()
                .map(|happening| LogEntry { week, happening }),
        );
        happenings
    }

    fn expect_phase(&self, want: &Phase) -> Result<(), SessionError> {
        if &self.phase == want {
            Ok(())
        } else {
            Err(SessionError::WrongPhase(self.phase_name()))
        }
    }

    fn phase_name(&self) -> String {
        match &self.phase {
            Phase::Planning => "planning the week".into(),
            Phase::Scene(s) => format!("waiting for a choice in scene `{s}`"),
            Phase::Bidding => "waiting for the bid".into(),
            Phase::Ended => "over".into(),
        }
    }

    fn check_bid(&self, bid: &Bid) -> Result<(), SessionError> {
        let t = &self.scenario.tender;
        let bad = |m: String| Err(SessionError::InvalidBid(m));
        if !t.price_levels.iter().any(|p| p.id == bid.price) {
            return bad(format!("unknown price level `{}`", bid.price));
        }
        for (list, options, max, what) in [
            (&bid.emphases, &t.emphases, t.max_emphases, "emphases"),
            (
                &bid.commitments,
                &t.commitments,
                t.max_commitments,
                "commitments",
            ),
        ] {
            if list.len() > max as usize {
                return bad(format!("at most {max} {what}"));
            }
            for (i, id) in list.iter().enumerate() {
                if !options.iter().any(|o| &o.id == id) {
                    return bad(format!("unknown {what} option `{id}`"));
                }
                if list[..i].contains(id) {
                    return bad(format!("`{id}` given twice"));
                }
            }
        }
        Ok(())
    }
}

fn draw(dice: &mut Dice, amount: crate::scenario::Amount) -> i32 {
    dice.between(i64::from(amount.min()), i64::from(amount.max())) as i32
}

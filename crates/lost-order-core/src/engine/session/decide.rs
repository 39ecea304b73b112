//! What the player does: grade the accounts, take an action, end the week, pick a choice, submit the bid.

use super::error::{Blocked, SessionError};
use super::{Phase, Scope, Session, Taken, scoring};
use crate::engine::decision::{Bid, Decision};
use crate::engine::happening::Happening;
use crate::engine::outcome::GradeGiven;
use crate::scenario::{Grade, Id, Targets};

impl Session {
    /// Applies any decision; the way scripts, records and policies drive a session.
    ///
    /// # Errors
    /// Those of `grade`, `act`, `end_week`, `choose` or `submit_bid`; a refused decision
    /// changes nothing.
    pub fn apply(&mut self, decision: &Decision) -> Result<Vec<Happening>, SessionError> {
        self.handing_back(|s| s.take(decision.clone()))
    }

    /// Applies a decision it may keep, as `apply` does, but only logs what happened (`log`)
    /// instead of also handing it back: the simulator's way, which clones nothing.
    ///
    /// # Errors
    /// As `apply`; a refused decision changes nothing.
    pub(crate) fn take(&mut self, decision: Decision) -> Result<(), SessionError> {
        match decision {
            Decision::Act { action, target } => self.take_action(action, target),
            Decision::EndWeek => self.take_end_week(),
            Decision::Choose(c) => self.take_choice(c),
            Decision::Bid(b) => self.take_bid(b),
            Decision::Grade(grades) => self.take_grades(grades),
        }
    }

    /// Runs `take` and hands back the happenings it logged.
    fn handing_back(
        &mut self,
        take: impl FnOnce(&mut Session) -> Result<(), SessionError>,
    ) -> Result<Vec<Happening>, SessionError> {
        let from = self.log.len();
        take(self)?;
        Ok(self.log[from..]
            .iter()
            .map(|entry| entry.happening.clone())
            .collect())
    }

    /// Grades the company's accounts before week 1 (客户的分级): each account's id with the
    /// grade the player gives it. The grade given to the case's customer (`grading.this`) sets
    /// the action points of every week and the budget (`grading.resources`; what an entry
    /// leaves out stays as `settings` say); then week 1 opens. Draws nothing itself.
    ///
    /// # Errors
    /// `WrongPhase` unless the session is grading (`Phase::Grading`); `UnknownAccount` for an
    /// id not in `grading.accounts`, `AccountGradedTwice` for an account given twice,
    /// `AccountNotGraded` for the first account left out. Nothing changes then.
    pub fn grade(&mut self, grades: &[(Id, Grade)]) -> Result<Vec<Happening>, SessionError> {
        self.handing_back(|s| s.take_grades(grades.to_vec()))
    }

    fn take_grades(&mut self, grades: Vec<(Id, Grade)>) -> Result<(), SessionError> {
        self.expect_phase(&Phase::Grading)?;
        let scenario = self.scenario.clone();
        let Some(grading) = scenario.grading.as_ref() else {
            return Err(SessionError::WrongPhase {
                now: self.phase.clone(),
            });
        };
        for (i, (id, _)) in grades.iter().enumerate() {
            if grading.account(id).is_none() {
                return Err(SessionError::UnknownAccount(id.clone()));
            }
            if grades[..i].iter().any(|(other, _)| other == id) {
                return Err(SessionError::AccountGradedTwice(id.clone()));
            }
        }
        let mut given = Vec::new();
        for account in &grading.accounts {
            let Some((_, grade)) = grades.iter().find(|(id, _)| *id == account.id) else {
                return Err(SessionError::AccountNotGraded(account.id.clone()));
            };
            given.push(GradeGiven {
                account: account.id.clone(),
                given: *grade,
                truth: account.grade,
            });
        }
        let this = given
            .iter()
            .find(|g| g.account == grading.this)
            .map(|g| g.given);
        let granted = this.and_then(|g| grading.resources_for(g));
        let settings = &scenario.settings;
        self.weekly_points = granted
            .and_then(|r| r.action_points)
            .unwrap_or(settings.action_points);
        self.budget = granted.and_then(|r| r.budget).unwrap_or(settings.budget);
        self.graded = given;
        // Recorded in week 0, before week 1 opens: a what-if from week 1 keeps the grades.
        self.record(Decision::Grade(grades), None);
        let mut out = self.happenings();
        if let Some(grade) = this {
            out.push(Happening::Graded {
                grade,
                action_points: self.weekly_points,
                budget: self.budget,
            });
        }
        self.week = 1;
        self.phase = Phase::Planning;
        self.start_week(&mut out);
        self.log_all(out);
        Ok(())
    }

    /// Takes an action, aimed at `target` (a person's id) when the action has targets. Spends
    /// its action points and money, then draws its result.
    ///
    /// # Errors
    /// `WrongPhase` outside planning; `UnknownAction` / `UnknownPerson` for ids not in the
    /// scenario; `Blocked` with `NotOnMap`, `NotATarget` or `NeedsTarget` when the target does
    /// not fit, else with the reason `options` would show. Nothing changes then.
    pub fn act(
        &mut self,
        action_id: &str,
        target: Option<&str>,
    ) -> Result<Vec<Happening>, SessionError> {
        self.handing_back(|s| s.take_action(action_id.into(), target.map(Id::from)))
    }

    fn take_action(&mut self, action_id: Id, target_id: Option<Id>) -> Result<(), SessionError> {
        self.expect_phase(&Phase::Planning)?;
        let scenario = self.scenario.clone();
        let Some(a) = scenario.action_index(&action_id) else {
            return Err(SessionError::UnknownAction(action_id));
        };
        let action = &scenario.actions[a];
        let target = match &target_id {
            Some(id) => Some(
                scenario
                    .person_index(id)
                    .ok_or_else(|| SessionError::UnknownPerson(id.clone()))?,
            ),
            None => None,
        };
        let refuse = |reason| SessionError::Blocked {
            action: action.id.clone(),
            target: target.map(|i| scenario.people[i].id.clone()),
            reason,
        };
        let aimable = match target {
            Some(i) => self.aims_at(&action.targets, i),
            None => action.targets == Targets::Nobody,
        };
        if !aimable {
            return Err(refuse(match target {
                Some(i) if !self.beliefs[i].on_map() => {
                    Blocked::NotOnMap(scenario.people[i].id.clone())
                }
                Some(i) => Blocked::NotATarget(scenario.people[i].id.clone()),
                None => Blocked::NeedsTarget,
            }));
        }
        if let Some(hindrance) = self.hindrance(a, target) {
            return Err(refuse(hindrance.into_blocked()));
        }
        self.points -= action.points;
        self.budget = self.budget.saturating_sub(action.cost);
        self.acted.push((a, target));
        let scope = Scope { target };
        let mut out = self.happenings();
        let index = action.results.iter().position(|r| {
            r.when.as_ref().is_none_or(|w| self.holds_now(w, scope)) && self.dice.chance(r.chance)
        });
        self.taken.push(Taken {
            action: a,
            target,
            result: index,
        });
        let result = index.map(|r| &action.results[r]);
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
        // The ids given are the scenario's own (they were found by them): kept as they are.
        self.record(
            Decision::Act {
                action: action_id,
                target: target_id,
            },
            result_id,
        );
        self.log_all(out);
        Ok(())
    }

    /// Ends the week: the world moves, and the next week starts (or, after the last week,
    /// the tender opens and the phase becomes `Bidding`).
    ///
    /// # Errors
    /// `WrongPhase` outside planning.
    pub fn end_week(&mut self) -> Result<Vec<Happening>, SessionError> {
        self.handing_back(Session::take_end_week)
    }

    fn take_end_week(&mut self) -> Result<(), SessionError> {
        self.expect_phase(&Phase::Planning)?;
        self.snapshot();
        self.record(Decision::EndWeek, None);
        let mut out = self.happenings();
        if self.week >= self.scenario.settings.weeks {
            self.phase = Phase::Bidding;
            out.push(Happening::TenderOpened);
        } else {
            self.week += 1;
            self.start_week(&mut out);
        }
        self.log_all(out);
        Ok(())
    }

    /// Picks a choice (its id) in the open scene.
    ///
    /// # Errors
    /// `WrongPhase` when no scene is open; `UnknownChoice` for an id the scene lacks;
    /// `ChoiceBlocked` (with the author's reason, if any) when its condition fails.
    pub fn choose(&mut self, choice_id: &str) -> Result<Vec<Happening>, SessionError> {
        self.handing_back(|s| s.take_choice(choice_id.into()))
    }

    fn take_choice(&mut self, choice_id: Id) -> Result<(), SessionError> {
        let wrong_phase = || SessionError::WrongPhase {
            now: self.phase.clone(),
        };
        let Phase::Scene(scene_id) = self.phase.clone() else {
            return Err(wrong_phase());
        };
        let scenario = self.scenario.clone();
        let scene = scenario.scene(&scene_id).ok_or_else(wrong_phase)?;
        let choice = scene
            .choices
            .iter()
            .find(|c| c.id == choice_id)
            .ok_or_else(|| SessionError::UnknownChoice {
                scene: scene_id.clone(),
                choice: choice_id.clone(),
            })?;
        if !self.choice_open(choice) {
            // `choices` shows it with the author's reason, or leaves it out when none was written.
            return Err(SessionError::ChoiceBlocked {
                scene: scene_id,
                choice: choice.id.clone(),
                reason: choice.reason.clone(),
            });
        }
        let mut out = self.happenings();
        out.push(Happening::ChoiceMade {
            scene: scene_id,
            choice: choice.id.clone(),
        });
        self.apply_all(&choice.effects, Scope::default(), &mut out);
        self.record(Decision::Choose(choice_id), None);
        match &choice.next {
            Some(next) => self.open_scene(next.clone(), &mut out),
            None => self.next_scene(&mut out),
        }
        self.log_all(out);
        Ok(())
    }

    /// Submits the bid; the tender is decided, the ending chosen, the rubric scored, and the
    /// session ends.
    ///
    /// # Errors
    /// `WrongPhase` unless the bid is due; `InvalidBid` with the first problem of the bid.
    pub fn submit_bid(&mut self, bid: &Bid) -> Result<Vec<Happening>, SessionError> {
        self.handing_back(|s| s.take_bid(bid.clone()))
    }

    fn take_bid(&mut self, bid: Bid) -> Result<(), SessionError> {
        self.expect_phase(&Phase::Bidding)?;
        self.check_bid(&bid).map_err(SessionError::InvalidBid)?;
        self.decide_tender(&bid);
        let mut out = self.happenings();
        out.extend(self.tender.iter().flat_map(|t| {
            let reason = t.disqualified.clone();
            reason
                .map(|reason| Happening::Disqualified { reason })
                .into_iter()
                .chain(
                    t.stages
                        .iter()
                        .map(|v| Happening::Stage(Box::new(v.clone()))),
                )
        }));
        let ending = self.choose_ending();
        let won = self.tender.as_ref().is_some_and(|t| t.won);
        if let Some(t) = self.tender.as_mut() {
            t.ending = ending.clone();
        }
        out.push(Happening::Ended {
            won,
            ending: ending.clone(),
        });
        let score = scoring::score(self);
        if let Some(t) = self.tender.as_mut() {
            t.score = score;
        }
        self.record(Decision::Bid(bid), Some(ending));
        self.snapshot();
        self.phase = Phase::Ended;
        self.log_all(out);
        Ok(())
    }
}

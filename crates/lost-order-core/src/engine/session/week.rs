//! The world moving: a week's start (competitor rules, then events), scenes, snapshots, the ending.

use super::{Phase, Scope, Session};
use crate::engine::happening::Happening;
use crate::engine::hidden::Hidden;
use crate::engine::state::WeekSnapshot;
use crate::scenario::{Condition, Id, WeekRule};

impl Session {
    /// Opens the current week: refills action points, then runs the competitor's rules and the
    /// story events that trigger, in the scenario's order, and opens the first pending scene.
    pub(super) fn start_week(&mut self, out: &mut Vec<Happening>) {
        self.points = self.weekly_points;
        self.acted.clear();
        out.push(Happening::WeekStarted { week: self.week });
        let scenario = self.scenario.clone();
        let rules = scenario.competitor.rules.len();
        for (r, rule) in scenario.competitor.rules.iter().enumerate() {
            if self.triggered(
                self.slots[r],
                rule.trigger.week,
                rule.trigger.when.as_ref(),
                rule.trigger.chance,
                rule.repeat,
            ) {
                // A coach in the right place blunts the move: other effects happen instead.
                let blunted_by = rule.blunt.as_ref().and_then(|b| {
                    b.by.iter()
                        .find(|id| {
                            scenario
                                .person_index(id)
                                .is_some_and(|i| self.world.people[i].coach)
                        })
                        .map(|id| (id.clone(), &b.effects))
                });
                let effects = blunted_by.as_ref().map_or(&rule.effects, |(_, e)| *e);
                self.apply_all(effects, Scope::default(), out);
                // Only a coach tells the player what the competitor is doing.
                let told = rule.text.is_some() && self.world.people.iter().any(|p| p.coach);
                if told {
                    out.push(Happening::RivalMove {
                        rule: rule.id.clone(),
                    });
                }
                self.hide(
                    Hidden::RivalMove {
                        rule: rule.id.clone(),
                        blunted_by: blunted_by.map(|(id, _)| id),
                    },
                    told,
                );
            }
        }
        // Each coach's quiet support, unseen.
        for (i, person) in scenario.people.iter().enumerate() {
            if self.world.people[i].coach && !person.quiet_support.is_empty() {
                self.apply_all(&person.quiet_support, Scope::default(), out);
                self.hide(
                    Hidden::QuietSupport {
                        coach: person.id.clone(),
                    },
                    false,
                );
            }
        }
        for (e, event) in scenario.events.iter().enumerate() {
            if self.triggered(
                self.slots[rules + e],
                event.trigger.week,
                event.trigger.when.as_ref(),
                event.trigger.chance,
                event.repeat,
            ) {
                self.hide(
                    Hidden::Event {
                        event: event.id.clone(),
                    },
                    event.text.is_some(),
                );
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

    /// Whether a rule or event fires this week: not fired yet (unless it repeats), in its
    /// week, its conditions hold, and its chance comes up. The chance is drawn only when the
    /// week and conditions fit.
    /// `slot` is the rule's or event's (`Session::slots`).
    fn triggered(
        &mut self,
        slot: usize,
        week: WeekRule,
        when: Option<&Condition>,
        chance: f64,
        repeat: bool,
    ) -> bool {
        let w = self.week;
        let in_week = match week {
            WeekRule::Any => true,
            WeekRule::At(n) => w == n,
            WeekRule::From(n) => w >= n,
            WeekRule::Between(a, b) => (a..=b).contains(&w),
            WeekRule::Drawn(..) => self.drawn_weeks[slot] == Some(w),
        };
        // The cheap tests first; only `when` may draw.
        if !in_week
            || (!repeat && self.fired[slot])
            || !when.iter().all(|c| self.holds_now(c, Scope::default()))
        {
            return false;
        }
        let fires = self.dice.chance(chance);
        self.fired[slot] |= fires;
        fires
    }

    /// Opens scene `id`; the session waits for a choice.
    pub(super) fn open_scene(&mut self, id: Id, out: &mut Vec<Happening>) {
        out.push(Happening::SceneOpened { scene: id.clone() });
        self.phase = Phase::Scene(id);
    }

    /// Opens the next pending scene, or goes back to planning.
    pub(super) fn next_scene(&mut self, out: &mut Vec<Happening>) {
        match self.pending_scenes.pop_front() {
            Some(id) => self.open_scene(id, out),
            None => self.phase = Phase::Planning,
        }
    }

    /// Keeps this week's true and believed stances (replacing an earlier one of the same week).
    pub(super) fn snapshot(&mut self) {
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

    /// The first ending whose conditions hold, else the last one.
    pub(super) fn choose_ending(&mut self) -> Id {
        let scenario = self.scenario.clone();
        scenario
            .endings
            .iter()
            .find(|e| e.when.iter().all(|c| self.holds_now(c, Scope::default())))
            .or(scenario.endings.last())
            .map(|e| e.id.clone())
            .unwrap_or_default()
    }
}

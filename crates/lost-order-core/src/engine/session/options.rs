//! What the player may do now: every action with every target, and the open scene's choices.

use std::ops::ControlFlow;

use serde::Serialize;

use super::error::Blocked;
use super::facts::Facts;
use super::{Phase, Scope, Session};
use crate::scenario::{Action, Choice, Id, Person, Targets};
use crate::text::Text;

/// Why an action cannot be taken now, with the author's reason borrowed from the scenario:
/// `Blocked` without cloning, for the checks made at every step.
pub(super) enum Hindrance<'a> {
    /// Points, money or this week's earlier action (`Blocked` holds no text for these).
    Rule(Blocked),
    /// A requirement failed; its reason.
    Requirement(&'a Text),
}

impl Hindrance<'_> {
    /// The reason as `Session::options` and `act` give it.
    pub(super) fn into_blocked(self) -> Blocked {
        match self {
            Hindrance::Rule(b) => b,
            Hindrance::Requirement(reason) => Blocked::Requirement(reason.clone()),
        }
    }
}

/// One action aimed at one target (or none), and whether it is possible now.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionOption {
    /// The action's id in the scenario.
    pub action: Id,
    /// The person it is aimed at; `None` for an action without targets.
    pub target: Option<Id>,
    /// Why it cannot be taken now; `None` when it can.
    pub blocked: Option<Blocked>,
}

/// One choice of the open scene, and whether it is possible now.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChoiceOption {
    /// The choice's id in the scene.
    pub choice: Id,
    /// The author's reason it is disabled; `None` when it can be chosen.
    pub blocked: Option<Text>,
}

impl Session {
    /// Every action with every possible target, enabled or with the reason it is not.
    ///
    /// Targets are the people on the map that the action may be aimed at; the reasons are
    /// `NotEnoughPoints`, `NotEnoughMoney`, `AlreadyThisWeek` or `Requirement`.
    pub fn options(&self) -> Vec<ActionOption> {
        let mut out = Vec::with_capacity(64);
        for (a, action) in self.scenario.actions.iter().enumerate() {
            for target in self.targets_of(&action.targets) {
                out.push(ActionOption {
                    action: action.id.clone(),
                    target: target.map(|i| self.scenario.people[i].id.clone()),
                    blocked: self.hindrance(a, target).map(Hindrance::into_blocked),
                });
            }
        }
        out
    }

    /// The options that can be taken now, in the order of `options`, as indices: the action's
    /// in the scenario's `actions`, the target's in its `people`. For the simulator's
    /// policies, which look at every option at every step: nothing is cloned.
    pub(crate) fn open_actions(&self) -> Vec<(usize, Option<usize>)> {
        // Room for every pair a usual case can have, so that the list never grows.
        let pairs = self.scenario.actions.len() * (self.scenario.people.len() + 1);
        let mut out = Vec::with_capacity(pairs.min(256));
        let _ = self.each_open_action(|a, target| {
            out.push((a, target));
            ControlFlow::<()>::Continue(())
        });
        out
    }

    /// Whether any option can be taken now; stops at the first.
    pub(crate) fn any_action_open(&self) -> bool {
        self.each_open_action(|_, _| ControlFlow::Break(()))
            .is_break()
    }

    /// Calls `each` with the open options in the order of `options`, until it breaks.
    fn each_open_action<B>(
        &self,
        mut each: impl FnMut(usize, Option<usize>) -> ControlFlow<B>,
    ) -> ControlFlow<B> {
        // Read once for all options: who is on the map (early in a case, few are) and what
        // the requirements read.
        let on_map: Vec<(usize, &Person)> = (self.scenario.people.iter().enumerate())
            .filter(|&(i, _)| self.beliefs[i].on_map())
            .collect();
        let facts = self.facts();
        for (a, action) in self.scenario.actions.iter().enumerate() {
            if action.points > self.points || action.cost > self.budget {
                continue; // Blocked for every target alike.
            }
            if action.targets == Targets::Nobody {
                if self.target_hindrance(&facts, a, action, None).is_none() {
                    each(a, None)?;
                }
                continue;
            }
            for &(i, person) in &on_map {
                if targets_include(&action.targets, person)
                    && self.target_hindrance(&facts, a, action, Some(i)).is_none()
                {
                    each(a, Some(i))?;
                }
            }
        }
        ControlFlow::Continue(())
    }

    /// People on the map that an action with these targets may be aimed at (`None`: no
    /// target), in the scenario's order.
    fn targets_of<'a>(&'a self, targets: &'a Targets) -> impl Iterator<Item = Option<usize>> + 'a {
        let nobody = *targets == Targets::Nobody;
        let aimed = (0..self.scenario.people.len())
            .filter(move |&i| self.aims_at(targets, i))
            .map(Some);
        std::iter::once(None).filter(move |_| nobody).chain(aimed)
    }

    /// Whether an action with these targets may be aimed at person `i` now: they are on the
    /// map and among the targets (never with `Targets::Nobody`).
    pub(super) fn aims_at(&self, targets: &Targets, i: usize) -> bool {
        self.beliefs[i].on_map() && targets_include(targets, &self.scenario.people[i])
    }

    /// Why action number `a` (in the scenario's `actions`) cannot be taken with target
    /// `target` now, the author's reason borrowed; draws nothing.
    pub(super) fn hindrance(&self, a: usize, target: Option<usize>) -> Option<Hindrance<'_>> {
        let action = &self.scenario.actions[a];
        if action.points > self.points {
            return Some(Hindrance::Rule(Blocked::NotEnoughPoints {
                need: action.points,
                have: self.points,
            }));
        }
        if action.cost > self.budget {
            return Some(Hindrance::Rule(Blocked::NotEnoughMoney {
                need: action.cost,
                have: self.budget,
            }));
        }
        self.target_hindrance(&self.facts(), a, action, target)
    }

    /// The checks of `hindrance` that depend on the target: done with it this week, then the
    /// requirements. `action` is action number `a`.
    fn target_hindrance<'s>(
        &'s self,
        facts: &Facts,
        a: usize,
        action: &'s Action,
        target: Option<usize>,
    ) -> Option<Hindrance<'s>> {
        if self.acted.contains(&(a, target)) {
            return Some(Hindrance::Rule(Blocked::AlreadyThisWeek));
        }
        let scope = Scope { target };
        action
            .requires
            .iter()
            .find(|r| !facts.could_hold(&r.when, scope))
            .map(|r| Hindrance::Requirement(&r.reason))
    }

    /// The choices of the open scene (empty outside a scene). A choice whose condition fails
    /// is listed with the author's reason, or left out when the author wrote none.
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
            .filter_map(|c| match (self.choice_open(c), &c.reason) {
                (true, _) => Some(ChoiceOption {
                    choice: c.id.clone(),
                    blocked: None,
                }),
                (false, Some(reason)) => Some(ChoiceOption {
                    choice: c.id.clone(),
                    blocked: Some(reason.clone()),
                }),
                (false, None) => None,
            })
            .collect()
    }

    /// The ids of the open scene's choices that can be picked now (those `choices` lists
    /// without a reason), in the scene's order; borrowed, for the simulator's policies.
    pub(crate) fn open_choices(&self) -> Vec<&Id> {
        let Phase::Scene(id) = &self.phase else {
            return Vec::new();
        };
        let Some(scene) = self.scenario.scene(id) else {
            return Vec::new();
        };
        scene
            .choices
            .iter()
            .filter(|c| self.choice_open(c))
            .map(|c| &c.id)
            .collect()
    }

    /// Whether a choice of the open scene can be picked now: its condition could hold.
    pub(super) fn choice_open(&self, choice: &Choice) -> bool {
        choice
            .when
            .as_ref()
            .is_none_or(|w| self.could_hold(w, Scope::default()))
    }
}

/// Whether `targets` names `person`, on the map or not (never with `Targets::Nobody`).
fn targets_include(targets: &Targets, person: &Person) -> bool {
    match targets {
        Targets::Anyone => true,
        Targets::Nobody => false,
        Targets::Layers(layers) => layers.contains(&person.layer),
        Targets::Only(ids) => ids.contains(&person.id),
    }
}

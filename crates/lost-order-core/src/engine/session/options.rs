//! What the player may do now: every action with every target, and the open scene's choices.

use serde::Serialize;

use super::error::Blocked;
use super::{Phase, Scope, Session};
use crate::scenario::{Id, Targets};
use crate::text::Text;

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
    pub(super) fn targets_of(&self, targets: &Targets) -> Vec<Option<usize>> {
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

    /// Why the action cannot be taken with target `target` now; draws nothing.
    pub(super) fn blocked(&self, action_id: &str, target: Option<usize>) -> Option<Blocked> {
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
}

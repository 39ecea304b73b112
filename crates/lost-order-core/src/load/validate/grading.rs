//! Customer grading: unique account ids, a known `this`, resources for every grade, references to accounts.

use super::bounds::{BUDGET, WEEKLY_POINTS};
use super::{Checker, Place};
use crate::scenario::{Grade, Indicator, Measure};

impl Checker<'_> {
    pub(super) fn check_grading(&mut self) {
        let s = self.s;
        for line in &s.rubric {
            if line.measure == Measure::Graded && s.grading.is_none() {
                let span = self.span_of_token(self.place("rubric", &line.id), "Graded");
                self.error(
                    "`Graded` scores customer grading, but the scenario has no `grading`".into(),
                    span,
                    Some("add `grading: (accounts: […], this: \"…\", resources: […])`".into()),
                );
            }
        }
        let Some(grading) = &s.grading else {
            return;
        };
        let section = self.section_place("grading");
        self.unique(
            "account",
            "grading",
            grading.accounts.iter().map(|a| a.id.as_str()),
        );
        if grading.accounts.is_empty() {
            let span = self.span_of_token(section, "accounts");
            self.error(
                "the grading has no account".into(),
                span,
                Some("add the company's accounts: `accounts: [(id: \"…\", …)]`".into()),
            );
        }
        let accounts: Vec<&str> = grading.accounts.iter().map(|a| a.id.as_str()).collect();
        let this = self
            .locator
            .token(section.at, "this:")
            .map_or(section, |r| Place {
                at: r.start,
                ..section
            });
        self.reference("account", &grading.this, accounts, this);
        if let Some(t) = &grading.intro {
            self.text(t, "intro", section);
        }
        for a in &grading.accounts {
            let place = self.place("grading", &a.id);
            self.text(&a.name, "name", place);
            self.text(&a.description, "description", place);
            for group in Indicator::ALL {
                self.text(a.indicator(group), group.field(), place);
            }
        }
        let resources = self
            .locator
            .token(section.at, "resources:")
            .map_or(section, |r| Place {
                at: r.start,
                ..section
            });
        for grade in Grade::ALL {
            let entries = grading
                .resources
                .iter()
                .filter(|r| r.grade == grade)
                .count();
            if entries == 0 {
                let span = self.span_of_token(resources, "resources");
                self.error(
                    format!("no `resources` entry for grade {grade}: the player may give this customer any grade"),
                    span,
                    Some(format!(
                        "add `(grade: {grade}, action_points: …, budget: …)`"
                    )),
                );
            } else if entries > 1 {
                let span = self.span_of_token(resources, &format!("grade: {grade}"));
                self.error(
                    format!("grade {grade} has {entries} `resources` entries"),
                    span,
                    Some("give each grade one entry".into()),
                );
            }
        }
        for r in &grading.resources {
            let at = self
                .locator
                .token(resources.at, &format!("grade: {}", r.grade))
                .map_or(resources, |x| Place {
                    at: x.start,
                    ..resources
                });
            if let Some(points) = r.action_points {
                self.number(
                    "action_points",
                    points.into(),
                    WEEKLY_POINTS,
                    at,
                    "action_points:",
                );
            }
            if let Some(budget) = r.budget {
                self.number("budget", budget, BUDGET, at, "budget:");
            }
        }
    }

    /// Reports an account id not in `grading.accounts` (or a test of grading in a scenario
    /// without one), at `place`.
    pub(super) fn account_reference(&mut self, id: &str, token: &str, place: Place) {
        match &self.s.grading {
            Some(g) => {
                let accounts: Vec<&str> = g.accounts.iter().map(|a| a.id.as_str()).collect();
                self.reference("account", id, accounts, place);
            }
            None => {
                let span = self.span_of_token(place, token);
                self.error(
                    format!("`{token}` tests customer grading, but the scenario has no `grading`"),
                    span,
                    Some("add `grading: (accounts: […], this: \"…\", resources: […])`".into()),
                );
            }
        }
    }
}

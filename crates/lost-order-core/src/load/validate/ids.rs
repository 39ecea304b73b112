//! Duplicate ids and the plain references between items (people, criteria, scenes, bid options).

use std::collections::BTreeMap;

use super::Checker;
use crate::scenario::{Id, Measure, Targets};

impl<'a> Checker<'a> {
    pub(super) fn check_ids(&mut self) {
        let s = self.s;
        self.unique("person", "people", s.people.iter().map(|p| p.id.as_str()));
        self.unique("action", "actions", s.actions.iter().map(|a| a.id.as_str()));
        self.unique("event", "events", s.events.iter().map(|e| e.id.as_str()));
        self.unique("scene", "scenes", s.scenes.iter().map(|e| e.id.as_str()));
        self.unique(
            "criterion",
            "criteria",
            s.criteria.iter().map(|c| c.id.as_str()),
        );
        self.unique("ending", "endings", s.endings.iter().map(|e| e.id.as_str()));
        self.unique(
            "rubric line",
            "rubric",
            s.rubric.iter().map(|r| r.id.as_str()),
        );
        self.unique(
            "stage",
            "stages",
            s.tender.stages.iter().map(|r| r.id.as_str()),
        );
        self.unique(
            "competitor rule",
            "competitor",
            s.competitor.rules.iter().map(|r| r.id.as_str()),
        );
        self.unique("cap", "caps", s.caps.iter().map(|c| c.id.as_str()));
        self.unique_names("flag", "flags", &s.flags);
        self.unique_names("counter", "counters", &s.counters);
        let t = &s.tender;
        let options = t.options();
        self.unique("bid option", "tender", options.map(|o| o.id.as_str()));
        for action in &s.actions {
            self.unique(
                "result",
                "actions",
                action.results.iter().map(|r| r.id.as_str()),
            );
        }
        for scene in &s.scenes {
            self.unique(
                "choice",
                "scenes",
                scene.choices.iter().map(|c| c.id.as_str()),
            );
        }
        self.check_plain_references();
    }

    pub(super) fn unique<'i>(
        &mut self,
        kind: &str,
        section: &str,
        ids: impl Iterator<Item = &'i str>,
    ) {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let start = self.locator.section(section);
        for id in ids {
            let count = seen.entry(id).or_default();
            *count += 1;
            if *count == 2 {
                // Point at the second declaration.
                let first = self.locator.decl(start, id);
                let second = first
                    .clone()
                    .and_then(|f| self.locator.decl(f.end, id))
                    .or(first);
                self.error(
                    format!("duplicate {kind} id `{id}`"),
                    second,
                    Some("ids must be unique".into()),
                );
            }
        }
    }

    fn unique_names(&mut self, kind: &str, section: &str, names: &[Id]) {
        let start = self.locator.section(section);
        for (i, name) in names.iter().enumerate() {
            if names[..i].contains(name) {
                let first = self.locator.literal(start, name);
                let second = first.and_then(|f| self.locator.literal(f.end, name));
                self.error(
                    format!("{kind} `{name}` is declared twice"),
                    second,
                    Some("declare each name once".into()),
                );
            }
        }
    }

    fn check_plain_references(&mut self) {
        let s = self.s;
        let people: Vec<&str> = self.person_ids().collect();
        let criteria: Vec<&str> = s.criteria.iter().map(|c| c.id.as_str()).collect();
        let scenes: Vec<&str> = s.scenes.iter().map(|c| c.id.as_str()).collect();
        for p in &s.people {
            let place = self.place("people", &p.id);
            if let Some(boss) = &p.reports_to {
                self.reference("person", boss, people.iter().copied(), place);
                if boss == &p.id {
                    self.error(
                        format!("`{}` reports to themself", p.id),
                        self.span_of_literal(place, boss),
                        Some(
                            "name their boss, or leave `reports_to` out for the person at the top"
                                .into(),
                        ),
                    );
                }
            }
            for other in &p.introduces {
                self.reference("person", other, people.iter().copied(), place);
            }
            for c in &p.criteria {
                self.reference("criterion", c, criteria.iter().copied(), place);
            }
        }
        if s.people.is_empty() {
            let span = self.span_of_token(self.section_place("people"), "people");
            self.error(
                "the case has no people: the buying center needs at least one person".into(),
                span,
                Some(
                    "add the customer's people, e.g. `people: [(id: \"wang\", name: {…}, …)]`"
                        .into(),
                ),
            );
        }
        self.check_reporting_lines();
        for a in &s.actions {
            if let Targets::Only(ids) = &a.targets {
                let place = self.place("actions", &a.id);
                if ids.is_empty() {
                    let span = self.span_of_token(place, "Only(");
                    self.error(
                        format!("action `{}` may be aimed at nobody: `Only([])` names no person", a.id),
                        span,
                        Some("name the people, e.g. `targets: Only([\"wang\"])`, or write `targets: Nobody`".into()),
                    );
                }
                let only = self
                    .locator
                    .token(place.at, "Only(")
                    .map_or(place, |r| super::Place {
                        at: r.start,
                        ..place
                    });
                for id in ids {
                    self.reference("person", id, people.iter().copied(), only);
                }
            }
        }
        let t = &s.tender;
        for o in t.options() {
            let place = self.place("tender", &o.id);
            for (c, _) in &o.addresses {
                self.reference("criterion", c, criteria.iter().copied(), place);
            }
        }
        let tender = self.section_place("tender");
        let prices: Vec<&str> = t.price_levels.iter().map(|p| p.id.as_str()).collect();
        self.reference("price level", &t.default_price, prices, tender);
        let competitor = self.section_place("competitor");
        for (c, _) in &s.competitor.bid {
            self.reference("criterion", c, criteria.iter().copied(), competitor);
        }
        for stage in &t.stages {
            let place = self.place("stages", &stage.id);
            for j in &stage.judge {
                self.reference("person", &j.who, people.iter().copied(), place);
            }
            if stage.judge.is_empty() {
                self.error(
                    format!("stage `{}` has nobody to run it", stage.id),
                    self.span_of_literal(place, &stage.id),
                    Some("add `judge: [(who: \"…\")]`".into()),
                );
            }
        }
        for e in &s.events {
            if let Some(scene) = &e.scene {
                self.reference(
                    "scene",
                    scene,
                    scenes.iter().copied(),
                    self.place("events", &e.id),
                );
            }
        }
        for scene in &s.scenes {
            let place = self.place("scenes", &scene.id);
            if let Some(who) = &scene.speaker {
                self.reference("person", who, people.iter().copied(), place);
            }
            for c in &scene.choices {
                if let Some(next) = &c.next {
                    let at = self
                        .locator
                        .decl(place.at + 1, &c.id)
                        .map_or(place.at, |r| r.start);
                    self.reference(
                        "scene",
                        next,
                        scenes.iter().copied(),
                        super::Place { at, ..place },
                    );
                }
            }
        }
        for line in &s.rubric {
            if let Measure::Found { person, .. } = &line.measure {
                self.reference(
                    "person",
                    person,
                    people.iter().copied(),
                    self.place("rubric", &line.id),
                );
            }
        }
    }

    /// `reports_to` must not go round in a circle (owner → tech → owner): somebody is at the
    /// top. Each circle is reported once, at the first of its people in `people`.
    fn check_reporting_lines(&mut self) {
        let s = self.s;
        let boss = |i: usize| {
            s.people[i]
                .reports_to
                .as_deref()
                .and_then(|b| s.person_index(b))
        };
        let mut reported = vec![false; s.people.len()];
        for start in 0..s.people.len() {
            // Follow the line up at most `people` steps; a circle back to `start` is found.
            let mut chain = vec![start];
            let mut at = start;
            while let Some(next) = boss(at) {
                if next == start || chain.contains(&next) || chain.len() > s.people.len() {
                    break;
                }
                chain.push(next);
                at = next;
            }
            let circle = boss(at) == Some(start) && chain.len() > 1;
            if !circle || chain.iter().any(|&i| reported[i]) {
                continue;
            }
            for &i in &chain {
                reported[i] = true;
            }
            let mut names: Vec<&str> = chain.iter().map(|&i| s.people[i].id.as_str()).collect();
            names.push(&s.people[start].id);
            let p = &s.people[start];
            let place = self.place("people", &p.id);
            let span = self
                .locator
                .token(place.at, "reports_to:")
                .and_then(|k| {
                    self.locator
                        .literal(k.end, p.reports_to.as_deref().unwrap_or(""))
                })
                .or_else(|| self.span_of_literal(place, &p.id));
            self.error(
                format!("`reports_to` goes round in a circle: {}", names.join(" → ")),
                span,
                Some(format!(
                    "someone is at the top and reports to nobody: remove `reports_to` from `{}` or `{}`",
                    names[0], names[1]
                )),
            );
        }
    }
}

//! Duplicate ids and the plain references between items (people, criteria, scenes, bid options).

use std::collections::BTreeMap;

use super::Checker;
use crate::scenario::Measure;

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
        let options = t
            .price_levels
            .iter()
            .chain(&t.emphases)
            .chain(&t.commitments);
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

    fn unique_names(&mut self, kind: &str, section: &str, names: &[String]) {
        let start = self.locator.section(section);
        for (i, name) in names.iter().enumerate() {
            if names[..i].contains(name) {
                let first = self.locator.literal(start, name);
                let second = first.and_then(|f| self.locator.literal(f.end, name));
                self.error(format!("{kind} `{name}` is declared twice"), second, None);
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
                        None,
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
        let t = &s.tender;
        for o in t
            .price_levels
            .iter()
            .chain(&t.emphases)
            .chain(&t.commitments)
        {
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
}

//! Every text a player reads must exist in every language the scenario declares.

use super::{Checker, Place};
use crate::scenario::Effect;
use crate::text::Text;

impl<'a> Checker<'a> {
    pub(super) fn check_texts(&mut self) {
        let s = self.s;
        if s.meta.languages.is_empty() {
            let span = self.span_of_token(self.section_place("meta"), "languages");
            self.error(
                "the scenario declares no language".into(),
                span,
                Some("write e.g. `languages: [\"zh\", \"en\"]`".into()),
            );
        }
        let meta = self.section_place("meta");
        let m = &s.meta;
        for (field, t) in [
            ("title", &m.title),
            ("summary", &m.summary),
            ("briefing", &m.briefing),
            ("goal", &m.goal),
            ("player", &m.player),
        ] {
            self.text(t, field, meta);
        }
        for t in &m.objectives {
            self.text(t, "objectives", meta);
        }
        self.text(&s.settings.money, "money", self.section_place("settings"));
        for c in &s.criteria {
            self.text(&c.name, "name", self.place("criteria", &c.id));
        }
        for p in &s.people {
            let place = self.place("people", &p.id);
            for (field, t) in [
                ("name", &p.name),
                ("title", &p.title),
                ("department", &p.department),
                ("personality", &p.personality),
            ] {
                self.text(t, field, place);
            }
            self.effect_texts(&p.quiet_support, place);
        }
        for a in &s.actions {
            let place = self.place("actions", &a.id);
            self.text(&a.label, "label", place);
            self.text(&a.description, "description", place);
            for r in &a.requires {
                self.text(&r.reason, "reason", place);
            }
            for r in &a.results {
                let at = self
                    .locator
                    .decl(place.at + 1, &r.id)
                    .map_or(place.at, |x| x.start);
                let place = Place { at, ..place };
                self.text(&r.text, "text", place);
                self.effect_texts(&r.effects, place);
            }
        }
        for e in &s.events {
            let place = self.place("events", &e.id);
            if let Some(t) = &e.text {
                self.text(t, "text", place);
            }
            if let Some(t) = &e.debrief {
                self.text(t, "debrief", place);
            }
            self.effect_texts(&e.effects, place);
        }
        for scene in &s.scenes {
            let place = self.place("scenes", &scene.id);
            self.text(&scene.text, "text", place);
            for c in &scene.choices {
                let at = self
                    .locator
                    .decl(place.at + 1, &c.id)
                    .map_or(place.at, |x| x.start);
                let place = Place { at, ..place };
                self.text(&c.label, "label", place);
                for t in [&c.reason, &c.text].into_iter().flatten() {
                    self.text(t, "text", place);
                }
                self.effect_texts(&c.effects, place);
            }
        }
        self.text(&s.competitor.name, "name", self.section_place("competitor"));
        for r in &s.competitor.rules {
            let place = self.place("competitor", &r.id);
            if let Some(t) = &r.text {
                self.text(t, "text", place);
            }
            if let Some(t) = &r.debrief {
                self.text(t, "debrief", place);
            }
            self.effect_texts(&r.effects, place);
            if let Some(b) = &r.blunt {
                self.effect_texts(&b.effects, place);
            }
        }
        let t = &s.tender;
        for o in t
            .price_levels
            .iter()
            .chain(&t.emphases)
            .chain(&t.commitments)
        {
            self.text(&o.label, "label", self.place("tender", &o.id));
        }
        for stage in &t.stages {
            self.text(&stage.name, "name", self.place("stages", &stage.id));
        }
        for d in &t.disqualify {
            self.text(&d.reason, "reason", self.section_place("disqualify"));
        }
        for cap in &s.caps {
            self.text(&cap.reason, "reason", self.place("caps", &cap.id));
        }
        for e in &s.endings {
            let place = self.place("endings", &e.id);
            self.text(&e.title, "title", place);
            self.text(&e.text, "text", place);
        }
        for r in &s.rubric {
            let place = self.place("rubric", &r.id);
            for (field, t) in [
                ("label", &r.label),
                ("concept", &r.concept),
                ("lesson", &r.lesson),
            ] {
                self.text(t, field, place);
            }
            if let Some(t) = &r.missed {
                self.text(t, "missed", place);
            }
        }
    }

    fn effect_texts(&mut self, effects: &[Effect], place: Place) {
        for e in effects {
            match e {
                Effect::Note(t) => self.text(t, "Note", place),
                Effect::Maybe(_, inner) => self.effect_texts(inner, place),
                _ => {}
            }
        }
    }

    pub(super) fn text(&mut self, t: &Text, field: &str, place: Place) {
        let missing = t.missing(&self.s.meta.languages);
        if missing.is_empty() {
            return;
        }
        let span = self
            .span_of_token(place, &format!("{field}:"))
            .or_else(|| self.span_of_token(place, field));
        let langs: Vec<String> = missing.iter().map(|l| format!("`{l}`")).collect();
        self.error(
            format!("`{field}` has no text in {}", langs.join(", ")),
            span,
            Some(format!(
                "every text needs every declared language: {{{}}}",
                self.s
                    .meta
                    .languages
                    .iter()
                    .map(|l| format!("\"{l}\": \"…\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        );
    }
}

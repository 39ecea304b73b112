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
                self.text_with(&r.text, "text", place, &["target"]);
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
        for o in t.options() {
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

    /// Checks a text in which no placeholder is filled.
    pub(super) fn text(&mut self, t: &Text, field: &str, place: Place) {
        self.text_with(t, field, place, &[]);
    }

    /// Checks a text: every declared language and no other, and no `{placeholder}` but those
    /// the engine fills in this kind of text (`placeholders`).
    pub(super) fn text_with(&mut self, t: &Text, field: &str, place: Place, placeholders: &[&str]) {
        let declared = &self.s.meta.languages;
        let missing = t.missing(declared);
        let extra: Vec<&str> =
            t.0.keys()
                .map(String::as_str)
                .filter(|k| !declared.iter().any(|d| d == k))
                .collect();
        let every = declared
            .iter()
            .map(|l| format!("\"{l}\": \"…\""))
            .collect::<Vec<_>>()
            .join(", ");
        let quoted = |langs: &[&str]| {
            langs
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(first) = extra.first()
            && !declared.is_empty()
        {
            let span = self.span_of_token(place, &format!("\"{first}\""));
            let also = if missing.is_empty() {
                String::new()
            } else {
                format!(", and none in {}", quoted(&missing))
            };
            let guess = crate::load::diagnostic::did_you_mean(first, missing.iter().copied());
            let declared_list: Vec<&str> = declared.iter().map(String::as_str).collect();
            self.error(
                format!(
                    "`{field}` has a text in `{first}`, a language the case does not declare{also}"
                ),
                span,
                Some(format!(
                    "{}the case's languages (`meta.languages`) are {}: write {{{every}}}",
                    guess.map(|g| format!("{g} ")).unwrap_or_default(),
                    quoted(&declared_list)
                )),
            );
        } else if !missing.is_empty() {
            let span = self
                .span_of_token(place, &format!("{field}:"))
                .or_else(|| self.span_of_token(place, field));
            self.error(
                format!("`{field}` has no text in {}", quoted(&missing)),
                span,
                Some(format!(
                    "every text needs every declared language: {{{every}}}"
                )),
            );
        }
        self.placeholders(t, field, place, placeholders);
    }

    /// Reports each `{name}` in `t` that the engine does not fill here, once per name.
    fn placeholders(&mut self, t: &Text, field: &str, place: Place, allowed: &[&str]) {
        let mut seen: Vec<&str> = Vec::new();
        for string in t.0.values() {
            for name in placeholder_names(string) {
                if allowed.contains(&name) || seen.contains(&name) {
                    continue;
                }
                seen.push(name);
                let token = format!("{{{name}}}");
                let span = self.span_of_token(place, &token);
                let (message, hint) = match allowed {
                    [] if name == "target" => (
                        format!(
                            "`{{target}}` is only filled in an action result's text; in this `{field}` players would read it as written"
                        ),
                        "no person is aimed at here: write the person's name itself".to_string(),
                    ),
                    [] => (
                        format!("`{token}` is no placeholder: players would read it as written"),
                        format!(
                            "no placeholder is filled in this `{field}`; only an action result's `text` has one, `{{target}}`"
                        ),
                    ),
                    _ => {
                        let list: Vec<String> =
                            allowed.iter().map(|a| format!("`{{{a}}}`")).collect();
                        let guess =
                            crate::load::diagnostic::did_you_mean(name, allowed.iter().copied())
                                .map(|_| format!("did you mean `{{{}}}`? ", closest(name, allowed)))
                                .unwrap_or_default();
                        (
                            format!(
                                "unknown placeholder `{token}`: players would read it as written"
                            ),
                            format!(
                                "{guess}a result's `text` may use {} (the name of the person the action is aimed at)",
                                list.join(", ")
                            ),
                        )
                    }
                };
                self.error(message, span, Some(hint));
            }
        }
    }
}

/// The closest of `known` to `name`.
fn closest<'k>(name: &str, known: &[&'k str]) -> &'k str {
    known
        .iter()
        .copied()
        .max_by(|a, b| strsim::jaro_winkler(name, a).total_cmp(&strsim::jaro_winkler(name, b)))
        .unwrap_or("")
}

/// The names of the `{name}` placeholders in `s` (a word of letters, digits and `_`).
fn placeholder_names(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if len > 0 && after[len..].starts_with('}') {
            out.push(&after[..len]);
        }
        rest = after;
    }
    out
}

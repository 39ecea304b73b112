//! Checks of conditions and effects wherever they appear: references, `Target`, chances, bounds.

use super::bounds::{
    BUDGET_CHANGE, COUNTER_CHANGE, INFLUENCE_CHANGE, POINTS_CHANGE, STANCE_CHANGE, STRENGTH,
};
use super::{Checker, Place};
use crate::scenario::{Bound, Condition, Effect, Id, Measure, Who};

impl<'a> Checker<'a> {
    pub(super) fn check_logic(&mut self) {
        let s = self.s;
        self.flags_set = collect_set_flags(s);
        for a in &s.actions {
            let place = Place {
                in_action: true,
                ..self.place("actions", &a.id)
            };
            for r in &a.requires {
                self.condition(&r.when, place);
            }
            for r in &a.results {
                let at = self
                    .locator
                    .decl(place.at + 1, &r.id)
                    .map_or(place.at, |x| x.start);
                let place = Place { at, ..place };
                if let Some(c) = &r.when {
                    self.condition(c, place);
                }
                self.chance(r.chance, place);
                self.effects(&r.effects, place);
            }
        }
        for e in &s.events {
            let place = self.place("events", &e.id);
            self.trigger(&e.trigger.when, e.trigger.chance, place);
            self.effects(&e.effects, place);
        }
        for r in &s.competitor.rules {
            let place = self.place("competitor", &r.id);
            self.trigger(&r.trigger.when, r.trigger.chance, place);
            self.effects(&r.effects, place);
            if let Some(blunt) = &r.blunt {
                for who in &blunt.by {
                    self.reference("person", who, self.person_ids(), place);
                }
                self.effects(&blunt.effects, place);
            }
        }
        for p in &s.people {
            let place = self.place("people", &p.id);
            self.effects(&p.quiet_support, place);
        }
        for scene in &s.scenes {
            let scene_place = self.place("scenes", &scene.id);
            for c in &scene.choices {
                let at = self
                    .locator
                    .decl(scene_place.at + 1, &c.id)
                    .map_or(scene_place.at, |x| x.start);
                let place = Place { at, ..scene_place };
                if let Some(w) = &c.when {
                    self.condition(w, place);
                }
                self.effects(&c.effects, place);
            }
        }
        for (k, stage) in s.tender.stages.iter().enumerate() {
            let place = Place {
                in_tender: true,
                stages_before: k,
                ..self.place("stages", &stage.id)
            };
            for j in &stage.judge {
                if let Some(w) = &j.when {
                    self.condition(w, place);
                }
            }
        }
        for d in &s.tender.disqualify {
            let place = Place {
                in_tender: true,
                ..self.section_place("disqualify")
            };
            self.condition(&d.when, place);
        }
        for cap in &s.caps {
            let place = Place {
                after_tender: true,
                ..self.place("caps", &cap.id)
            };
            self.condition(&cap.when, place);
        }
        for e in &s.endings {
            let place = Place {
                after_tender: true,
                ..self.place("endings", &e.id)
            };
            if let Some(c) = &e.when {
                self.condition(c, place);
            }
        }
        for line in &s.rubric {
            let place = Place {
                after_tender: true,
                ..self.place("rubric", &line.id)
            };
            if let Measure::Holds(c) | Measure::Avoided(c) = &line.measure {
                self.condition(c, place);
            }
        }
    }

    fn trigger(&mut self, when: &Option<Condition>, chance: f64, place: Place) {
        if let Some(c) = when {
            self.condition(c, place);
        }
        self.chance(chance, place);
    }

    fn chance(&mut self, p: f64, place: Place) {
        if !(0.0..=1.0).contains(&p) {
            let span = self.span_of_token(place, "chance");
            self.error(
                format!("chance {p} is not between 0 and 1"),
                span,
                Some("write a probability, e.g. 0.7 for 70%".into()),
            );
        }
    }

    fn who(&mut self, who: &Who, place: Place) {
        match who {
            Who::Person(id) => self.reference("person", id, self.person_ids(), place),
            Who::Target if !place.in_action => {
                let span = self.span_of_token(place, "Target");
                self.error(
                    "`Target` only means something inside an action".into(),
                    span,
                    Some("name the person: `Person(\"…\")`".into()),
                );
            }
            Who::Target => {}
        }
    }

    fn flag(&mut self, id: &str, place: Place) {
        self.reference("flag", id, self.s.flags.iter().map(Id::as_str), place);
    }

    fn bound(&mut self, what: &str, b: Bound, lo: i64, hi: i64, place: Place) {
        if !b.satisfiable_within(lo, hi) {
            let span = self.span_of_token(place, what);
            self.warning(
                format!("condition is always false: {what} is always between {lo} and {hi}"),
                span,
                None,
            );
        }
    }

    fn condition(&mut self, c: &Condition, place: Place) {
        let weeks = i64::from(self.s.settings.weeks);
        match c {
            Condition::Flag(f) | Condition::NotFlag(f) => {
                self.flag(f, place);
                let declared = self.s.flags.contains(f);
                if matches!(c, Condition::Flag(_))
                    && declared
                    && !self.flags_set.contains(f.as_str())
                {
                    let span = self.span_of_literal(place, f);
                    self.warning(
                        format!("condition is always false: flag `{f}` is never set"),
                        span,
                        Some("set it with `SetFlag(\"…\")` in some effect".into()),
                    );
                }
            }
            Condition::Counter(id, _) => {
                self.reference("counter", id, self.s.counters.iter().map(Id::as_str), place)
            }
            Condition::Week(b) => self.bound("Week", *b, 1, weeks + 1, place),
            Condition::Support(w, b) => {
                self.who(w, place);
                self.bound("Support", *b, -5, 5, place);
            }
            Condition::RivalSupport(w, b) => {
                self.who(w, place);
                self.bound("RivalSupport", *b, -5, 5, place);
            }
            Condition::Influence(w, b) => {
                self.who(w, place);
                self.bound("Influence", *b, 0, 10, place);
            }
            Condition::Role(w, _)
            | Condition::Layer(w, _)
            | Condition::Met(w)
            | Condition::Known(w, _)
            | Condition::Coach(w)
            | Condition::Coachable(w) => self.who(w, place),
            Condition::Cares(w, c) => {
                self.who(w, place);
                let criteria = self.s.criteria.iter().map(|c| c.id.as_str());
                self.reference("criterion", c, criteria, place);
            }
            Condition::TargetIs(id) => {
                self.who(&Who::Target, place);
                self.reference("person", id, self.person_ids(), place);
            }
            Condition::Chance(p) => self.chance(*p, place),
            Condition::Won
            | Condition::Lost
            | Condition::Eliminated(_)
            | Condition::Disqualified
                if !place.after_tender =>
            {
                let span = self
                    .span_of_token(place, "Won")
                    .or(self.span_of_token(place, "Lost"))
                    .or(self.span_of_token(place, "Eliminated"))
                    .or(self.span_of_token(place, "Disqualified"));
                self.error(
                    "the tender's outcome is only known in endings and the rubric".into(),
                    span,
                    Some(
                        "before the tender, test what the player did: flags, counters, support"
                            .into(),
                    ),
                );
            }
            Condition::Eliminated(stage) => {
                let stages = self.s.tender.stages.iter().map(|s| s.id.as_str());
                self.reference("stage", stage, stages, place);
            }
            Condition::Margin(_) if !place.after_tender => {
                let span = self.span_of_token(place, "Margin");
                self.error(
                    "the tender's margin is only known in endings and the rubric".into(),
                    span,
                    Some(
                        "before the tender, test what the player did: flags, counters, support"
                            .into(),
                    ),
                );
            }
            Condition::Price(_)
            | Condition::BidIncludes(_)
            | Condition::StagePassed(_)
            | Condition::StageFailed(_)
            | Condition::StageAhead(_)
                if !(place.in_tender || place.after_tender) =>
            {
                let token = match c {
                    Condition::Price(_) => "Price",
                    Condition::BidIncludes(_) => "BidIncludes",
                    _ => "Stage",
                };
                let span = self.span_of_token(place, token);
                self.error(
                    "the bid is only known in the tender (a judge's `when`, `disqualify`), endings and the rubric".into(),
                    span,
                    Some("before the bid, test what the player did: flags, counters, support".into()),
                );
            }
            Condition::Price(id) => {
                let prices = self.s.tender.price_levels.iter().map(|p| p.id.as_str());
                self.reference("price level", id, prices, place);
            }
            Condition::BidIncludes(id) => {
                let t = &self.s.tender;
                let options = t
                    .emphases
                    .iter()
                    .chain(&t.commitments)
                    .map(|o| o.id.as_str());
                self.reference("emphasis or commitment", id, options, place);
            }
            Condition::StagePassed(stage)
            | Condition::StageFailed(stage)
            | Condition::StageAhead(stage) => {
                let stages = self.s.tender.stages.iter().map(|s| s.id.as_str());
                self.reference("stage", stage, stages, place);
                let index = self.s.tender.stages.iter().position(|s| &s.id == stage);
                if !place.after_tender && index.is_some_and(|k| k >= place.stages_before) {
                    let span = self.span_of_literal(place, stage);
                    self.warning(
                        format!("condition is always false here: stage `{stage}` has not read the bid yet"),
                        span,
                        Some("a judge's `when` can only test the stages before its own".into()),
                    );
                }
            }
            Condition::GradedAs(account, _) => self.account_reference(account, "GradedAs", place),
            Condition::All(cs) | Condition::Any(cs) => {
                for c in cs {
                    self.condition(c, place);
                }
            }
            Condition::Not(c) => self.condition(c, place),
            Condition::Budget(_)
            | Condition::Points(_)
            | Condition::AnyCoach
            | Condition::Won
            | Condition::Lost
            | Condition::Disqualified
            | Condition::Margin(_) => {}
        }
    }

    fn effects(&mut self, effects: &[Effect], place: Place) {
        for e in effects {
            self.effect(e, place);
        }
    }

    fn effect(&mut self, e: &Effect, place: Place) {
        self.effect_number(e, place);
        match e {
            Effect::Support(w, _)
            | Effect::RivalSupport(w, _)
            | Effect::Influence(w, _)
            | Effect::SetRole(w, _)
            | Effect::Reveal(w, _)
            | Effect::Discover(w)
            | Effect::Hint(w)
            | Effect::Introduce(w)
            | Effect::MakeCoach(w) => self.who(w, place),
            Effect::SetFlag(f) | Effect::ClearFlag(f) => self.flag(f, place),
            Effect::AddCounter(id, _) => {
                self.reference("counter", id, self.s.counters.iter().map(Id::as_str), place)
            }
            Effect::RivalAddresses(c, _) => {
                let criteria = self.s.criteria.iter().map(|c| c.id.as_str());
                self.reference("criterion", c, criteria, place);
            }
            Effect::Maybe(p, inner) => {
                self.chance(*p, place);
                self.effects(inner, place);
            }
            Effect::Exposure {
                counter,
                base,
                step,
                flag,
            } => {
                self.reference(
                    "counter",
                    counter,
                    self.s.counters.iter().map(Id::as_str),
                    place,
                );
                self.flag(flag, place);
                self.chance(*base, place);
                if !(0.0..=1.0).contains(step) {
                    let span = self.span_of_token(place, "step");
                    self.error(
                        format!("step {step} is not between 0 and 1"),
                        span,
                        Some(
                            "write how much the chance rises with each repetition, e.g. 0.15"
                                .into(),
                        ),
                    );
                }
            }
            Effect::Budget(_) | Effect::Points(_) | Effect::Note(_) | Effect::RevealTender => {}
        }
    }
}

impl Checker<'_> {
    /// The number an effect changes something by, within its bounds.
    fn effect_number(&mut self, e: &Effect, place: Place) {
        match e {
            Effect::Support(_, d) => {
                self.number("Support", (*d).into(), STANCE_CHANGE, place, "Support(")
            }
            Effect::RivalSupport(_, d) => {
                self.number(
                    "RivalSupport",
                    (*d).into(),
                    STANCE_CHANGE,
                    place,
                    "RivalSupport(",
                );
            }
            Effect::Influence(_, d) => {
                self.number(
                    "Influence",
                    (*d).into(),
                    INFLUENCE_CHANGE,
                    place,
                    "Influence(",
                );
            }
            Effect::AddCounter(_, d) => {
                self.number("AddCounter", *d, COUNTER_CHANGE, place, "AddCounter(")
            }
            Effect::Budget(d) => self.number("Budget", *d, BUDGET_CHANGE, place, "Budget("),
            Effect::Points(d) => {
                self.number("Points", (*d).into(), POINTS_CHANGE, place, "Points(")
            }
            Effect::RivalAddresses(_, d) => {
                self.number(
                    "RivalAddresses",
                    (*d).into(),
                    STRENGTH,
                    place,
                    "RivalAddresses(",
                );
            }
            _ => {}
        }
    }
}

fn collect_set_flags(s: &crate::scenario::Scenario) -> std::collections::BTreeSet<&str> {
    fn walk<'e>(effects: &'e [Effect], out: &mut std::collections::BTreeSet<&'e str>) {
        for e in effects {
            match e {
                Effect::SetFlag(f) => {
                    out.insert(f.as_str());
                }
                Effect::Exposure { flag, .. } => {
                    out.insert(flag.as_str());
                }
                Effect::Maybe(_, inner) => walk(inner, out),
                _ => {}
            }
        }
    }
    let mut out = std::collections::BTreeSet::new();
    for a in &s.actions {
        for r in &a.results {
            walk(&r.effects, &mut out);
        }
    }
    for e in &s.events {
        walk(&e.effects, &mut out);
    }
    for r in &s.competitor.rules {
        walk(&r.effects, &mut out);
        if let Some(b) = &r.blunt {
            walk(&b.effects, &mut out);
        }
    }
    for p in &s.people {
        walk(&p.quiet_support, &mut out);
    }
    for scene in &s.scenes {
        for c in &scene.choices {
            walk(&c.effects, &mut out);
        }
    }
    out
}

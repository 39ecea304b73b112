//! Semantic checks of a parsed scenario: references, ids, texts, numbers and the story graph.

pub(super) mod bounds;
mod grading;
mod graph;
mod ids;
mod logic;
mod numbers;
mod reach;
mod texts;

use std::collections::BTreeSet;
use std::ops::Range;

use super::diagnostic::{Diagnostic, did_you_mean};
use super::locate::Locator;
use crate::scenario::Scenario;

/// Every error and warning about `scenario`, in source order.
pub fn validate(scenario: &Scenario, source: &str) -> Vec<Diagnostic> {
    let mut checker = Checker::new(scenario, source);
    checker.check_ids();
    checker.check_texts();
    checker.check_numbers();
    checker.check_logic();
    checker.check_graph();
    checker.check_grading();
    let settled = checker.settled;
    let mut found = checker.found;
    // A warning inside what an error already explains would say it again.
    found.retain(|d| {
        d.is_error()
            || !d
                .span
                .as_ref()
                .is_some_and(|s| settled.iter().any(|r| r.contains(&s.start)))
    });
    found.sort_by_key(|d| (d.span.as_ref().map_or(0, |s| s.start), d.severity));
    found.dedup();
    found
}

/// Where an item of the scenario is declared, so that findings can point at it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Place {
    /// Byte offset of the item's `id: "…"` (or its section).
    pub at: usize,
    /// Inside an action, where `Target` means the action's target.
    pub in_action: bool,
    /// After the tender, where `Won`, `Lost` and `Eliminated` make sense.
    pub after_tender: bool,
    /// Inside the tender (a judge's `when`, a disqualification), where the bid is known:
    /// `Price` and `BidIncludes` make sense here and after the tender.
    pub in_tender: bool,
    /// In a judge's `when`: how many stages come before this one (only they have read the bid).
    pub stages_before: usize,
}

pub(super) struct Checker<'a> {
    pub s: &'a Scenario,
    pub locator: Locator<'a>,
    pub found: Vec<Diagnostic>,
    /// Flags some effect sets; a test of any other flag is always false.
    pub flags_set: BTreeSet<&'a str>,
    /// Places an error explains whole (a soft-locked scene): warnings there are dropped.
    pub settled: Vec<Range<usize>>,
}

impl<'a> Checker<'a> {
    fn new(s: &'a Scenario, source: &'a str) -> Self {
        Checker {
            s,
            locator: Locator::new(source),
            found: Vec::new(),
            flags_set: BTreeSet::new(),
            settled: Vec::new(),
        }
    }

    /// The place of the item `id` in `section`, or the section itself.
    pub fn place(&self, section: &str, id: &str) -> Place {
        let start = self.locator.section(section);
        let at = self.locator.decl(start, id).map_or(start, |r| r.start);
        Place {
            at,
            in_action: false,
            after_tender: false,
            in_tender: false,
            stages_before: 0,
        }
    }

    /// The span of `"value"` after `place`, else of the place's id.
    pub fn span_of_literal(&self, place: Place, value: &str) -> Option<Range<usize>> {
        self.locator
            .literal(place.at, value)
            .or_else(|| self.locator.token(place.at, "\""))
    }

    /// The span of `token` after `place`, else the place's id.
    pub fn span_of_token(&self, place: Place, token: &str) -> Option<Range<usize>> {
        self.locator
            .token(place.at, token)
            .or_else(|| self.locator.token(place.at, "\""))
    }

    pub fn error(&mut self, message: String, span: Option<Range<usize>>, hint: Option<String>) {
        self.found
            .push(Diagnostic::error(message, span).with_hint(hint));
    }

    pub fn warning(&mut self, message: String, span: Option<Range<usize>>, hint: Option<String>) {
        self.found
            .push(Diagnostic::warning(message, span).with_hint(hint));
    }

    /// Reports `id` as unknown unless it is among `known`, with a did-you-mean hint.
    pub fn reference<'k>(
        &mut self,
        kind: &str,
        id: &str,
        known: impl IntoIterator<Item = &'k str> + Clone,
        place: Place,
    ) {
        if known.clone().into_iter().any(|k| k == id) {
            return;
        }
        if kind == "person" && self.s.people.is_empty() {
            return; // Reported once: the case has no people.
        }
        let hint = did_you_mean(id, known.clone()).or_else(|| {
            let mut all: Vec<String> = Vec::new();
            for k in known {
                let k = format!("`{k}`");
                if !all.contains(&k) {
                    all.push(k);
                }
            }
            if !all.is_empty() {
                Some(format!("expected one of {}", all.join(", ")))
            } else {
                match kind {
                    "flag" => Some(format!("declare every flag: `flags: [\"{id}\"]`")),
                    "counter" => Some(format!("declare every counter: `counters: [\"{id}\"]`")),
                    _ => None,
                }
            }
        });
        let span = self.span_of_literal(place, id);
        self.error(format!("unknown {kind} `{id}`"), span, hint);
    }

    pub fn person_ids(&self) -> impl Iterator<Item = &'a str> + Clone + use<'a> {
        self.s.people.iter().map(|p| p.id.as_str())
    }
}

impl Checker<'_> {
    /// The place of a top-level section such as `meta`.
    pub fn section_place(&self, section: &str) -> Place {
        Place {
            at: self.locator.section(section),
            in_action: false,
            after_tender: false,
            in_tender: false,
            stages_before: 0,
        }
    }
}

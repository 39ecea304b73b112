//! Where in the source each item and condition site of a finding is written.

use std::ops::Range;

use super::sites::SiteKind;
use crate::load::locate::Locator;
use crate::scenario::Scenario;

/// Finds the spans findings point at, as `load::validate` does: the section, then the
/// item's `id: "…"`, then the token after it.
pub(super) struct Places<'a> {
    locator: Locator<'a>,
    s: &'a Scenario,
}

impl<'a> Places<'a> {
    pub fn new(s: &'a Scenario, source: &'a str) -> Self {
        Places {
            locator: Locator::new(source),
            s,
        }
    }

    /// The span of the key of a top-level section, e.g. `tender`.
    pub fn section(&self, key: &str) -> Option<Range<usize>> {
        let at = self.locator.section(key);
        self.locator.token(at, key)
    }

    /// The span of `"id"` of the item `id` declared in `section` (`actions`, `scenes`, …).
    pub fn item(&self, section: &str, id: &str) -> Option<Range<usize>> {
        self.locator.decl(self.locator.section(section), id)
    }

    /// The span of `"choice"` in scene `scene`.
    pub fn choice(&self, scene: &str, choice: &str) -> Option<Range<usize>> {
        let at = self.item("scenes", scene)?;
        self.locator.decl(at.end, choice)
    }

    /// The span of flag `f` in the `flags` list, else where it is first written.
    pub fn flag(&self, f: &str) -> Option<Range<usize>> {
        self.locator
            .literal(self.locator.section("flags"), f)
            .or_else(|| self.locator.literal(0, f))
    }

    /// The span of the `when` of a condition site, else of its item.
    pub fn site(&self, kind: SiteKind) -> Option<Range<usize>> {
        let s = self.s;
        let (item, nth, after) = match kind {
            SiteKind::Requirement { action, k } => (
                self.item("actions", &s.actions[action].id),
                k,
                Some("requires"),
            ),
            SiteKind::Result { action, k } => {
                let at = self.item("actions", &s.actions[action].id);
                let id = &s.actions[action].results[k].id;
                (at.and_then(|r| self.locator.decl(r.end, id)), 0, None)
            }
            SiteKind::Event { event } => (self.item("events", &s.events[event].id), 0, None),
            SiteKind::Rival { rule } => (
                self.item("competitor", &s.competitor.rules[rule].id),
                0,
                None,
            ),
            SiteKind::Choice { scene, choice } => (
                self.choice(&s.scenes[scene].id, &s.scenes[scene].choices[choice].id),
                0,
                None,
            ),
            SiteKind::Judge { stage, k } => {
                let judges = &s.tender.stages[stage].judge;
                let nth = judges[..k].iter().filter(|j| j.when.is_some()).count();
                (
                    self.item("stages", &s.tender.stages[stage].id),
                    nth,
                    Some("judge"),
                )
            }
            SiteKind::Disqualify { k } => (self.section("disqualify"), k, None),
            SiteKind::Cap { cap } => (self.item("caps", &s.caps[cap].id), 0, None),
            SiteKind::Ending { ending } => (self.item("endings", &s.endings[ending].id), 0, None),
            SiteKind::Rubric { line } => (self.item("rubric", &s.rubric[line].id), 0, None),
        };
        let item = item?;
        let mut at = match after {
            Some(key) => self
                .locator
                .token(item.end, &format!("{key}:"))
                .map_or(item.end, |r| r.end),
            None => item.end,
        };
        for _ in 0..nth {
            at = self.locator.token(at, "when:").map_or(at, |r| r.end);
        }
        let when = self
            .locator
            .token(at, "when:")
            .map(|r| r.start..r.start + 4);
        when.or(Some(item))
    }
}

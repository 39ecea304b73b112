//! What can ever happen in a session, found without playing: the flags some reachable effect may
//! set and the counters it may change, and the conditions that can therefore never hold.
//!
//! An effect counts once something that can happen carries it: an action whose requirements may
//! hold, an event or a competitor rule whose trigger may hold, a choice whose `when` may hold.
//! Flags start unset and counters at 0, so a choice guarded by a flag only set after it (by the
//! same scene's choices, say) can never be available: the scene soft-locks.

use std::collections::BTreeSet;

use crate::scenario::{Condition, Effect, Scenario};

/// The flags and counters that some effect which can happen may touch.
pub(super) struct Reach<'a> {
    s: &'a Scenario,
    flags: BTreeSet<&'a str>,
    counters: BTreeSet<&'a str>,
    /// Flags some effect sets, whether or not it can happen.
    written: BTreeSet<&'a str>,
}

impl<'a> Reach<'a> {
    /// Grows the sets until nothing new can happen.
    pub fn of(s: &'a Scenario) -> Self {
        let mut reach = Reach {
            s,
            flags: BTreeSet::new(),
            counters: BTreeSet::new(),
            written: BTreeSet::new(),
        };
        every_effect(s, &mut |e| reach_written(e, &mut reach.written));
        loop {
            let before = (reach.flags.len(), reach.counters.len());
            let mut found: Vec<&'a Effect> = Vec::new();
            for a in &s.actions {
                if a.requires.iter().any(|r| reach.never(&r.when).is_some()) {
                    continue;
                }
                for r in &a.results {
                    if r.chance > 0.0 && r.when.as_ref().is_none_or(|w| reach.never(w).is_none()) {
                        found.extend(&r.effects);
                    }
                }
            }
            for e in &s.events {
                if reach.may_fire(&e.trigger) {
                    found.extend(&e.effects);
                }
            }
            for r in &s.competitor.rules {
                if reach.may_fire(&r.trigger) {
                    found.extend(&r.effects);
                    found.extend(r.blunt.iter().flat_map(|b| &b.effects));
                }
            }
            for p in &s.people {
                found.extend(&p.quiet_support);
            }
            for scene in &s.scenes {
                for c in &scene.choices {
                    if c.when.as_ref().is_none_or(|w| reach.never(w).is_none()) {
                        found.extend(&c.effects);
                    }
                }
            }
            for e in found {
                reach.touch(e);
            }
            if (reach.flags.len(), reach.counters.len()) == before {
                return reach;
            }
        }
    }

    fn may_fire(&self, t: &crate::scenario::Trigger) -> bool {
        t.chance > 0.0 && t.when.as_ref().is_none_or(|w| self.never(w).is_none())
    }

    fn touch(&mut self, e: &'a Effect) {
        match e {
            Effect::SetFlag(f) => {
                self.flags.insert(f);
            }
            Effect::AddCounter(c, _) => {
                self.counters.insert(c);
            }
            Effect::Exposure { counter, flag, .. } => {
                self.counters.insert(counter);
                self.flags.insert(flag);
            }
            Effect::Maybe(p, inner) if *p > 0.0 => {
                for e in inner {
                    self.touch(e);
                }
            }
            _ => {}
        }
    }

    /// Why `c` can never hold, in the author's words, or `None` when it may. Only what is
    /// certain counts: an undeclared flag (reported on its own) or a test of support that
    /// effects may change is taken to be possible.
    pub fn never(&self, c: &Condition) -> Option<String> {
        let weeks = i64::from(self.s.settings.weeks);
        match c {
            Condition::Flag(f) if self.s.flags.contains(f) && !self.flags.contains(f.as_str()) => {
                Some(if self.written.contains(f.as_str()) {
                    format!("flag `{f}` is only set after it is needed")
                } else {
                    format!("flag `{f}` is never set")
                })
            }
            Condition::Counter(id, b)
                if self.s.counters.contains(id)
                    && !self.counters.contains(id.as_str())
                    && !b.holds(0) =>
            {
                Some(format!("counter `{id}` always stays 0"))
            }
            Condition::Week(b) if !b.satisfiable_within(1, weeks) => {
                Some(format!("the week is always 1 to {weeks}"))
            }
            Condition::Support(_, b) | Condition::RivalSupport(_, b)
                if !b.satisfiable_within(-5, 5) =>
            {
                Some("support is always -5 to 5".into())
            }
            Condition::Influence(_, b) if !b.satisfiable_within(0, 10) => {
                Some("influence is always 0 to 10".into())
            }
            Condition::Chance(p) if *p <= 0.0 => Some(format!("`Chance({p})` never comes up")),
            Condition::All(cs) => cs.iter().find_map(|c| self.never(c)),
            Condition::Any(cs) if cs.is_empty() => Some("`Any([])` never holds".into()),
            Condition::Any(cs) => {
                let why: Vec<String> = cs.iter().map_while(|c| self.never(c)).collect();
                (why.len() == cs.len()).then(|| why.join(", and "))
            }
            _ => None,
        }
    }
}

/// Records the flags `e` would set.
fn reach_written<'a>(e: &'a Effect, out: &mut BTreeSet<&'a str>) {
    match e {
        Effect::SetFlag(f) | Effect::Exposure { flag: f, .. } => {
            out.insert(f);
        }
        Effect::Maybe(_, inner) => {
            for e in inner {
                reach_written(e, out);
            }
        }
        _ => {}
    }
}

/// Calls `f` on every top-level effect of the scenario.
fn every_effect<'a>(s: &'a Scenario, f: &mut impl FnMut(&'a Effect)) {
    let lists = s
        .actions
        .iter()
        .flat_map(|a| a.results.iter().map(|r| &r.effects))
        .chain(s.events.iter().map(|e| &e.effects))
        .chain(s.competitor.rules.iter().map(|r| &r.effects))
        .chain(
            s.competitor
                .rules
                .iter()
                .filter_map(|r| r.blunt.as_ref().map(|b| &b.effects)),
        )
        .chain(s.people.iter().map(|p| &p.quiet_support))
        .chain(
            s.scenes
                .iter()
                .flat_map(|sc| sc.choices.iter().map(|c| &c.effects)),
        );
    for list in lists {
        list.iter().for_each(&mut *f);
    }
}

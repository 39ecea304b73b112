//! Every place a scenario writes a condition (a "site"), and the flags each one reads or sets.

use std::collections::BTreeMap;

use crate::scenario::{Condition, Effect, Id, Measure, Scenario};

/// Where a condition is written, by indices into the scenario's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SiteKind {
    /// Requirement `k` of action `action`.
    Requirement { action: usize, k: usize },
    /// The `when` of result `k` of action `action`.
    Result { action: usize, k: usize },
    /// The trigger's `when` of story event `event`.
    Event { event: usize },
    /// The trigger's `when` of competitor rule `rule`.
    Rival { rule: usize },
    /// The `when` of choice `choice` of scene `scene`.
    Choice { scene: usize, choice: usize },
    /// The `when` of judge `k` of tender stage `stage`.
    Judge { stage: usize, k: usize },
    /// Disqualifier `k` of the tender.
    Disqualify { k: usize },
    /// Score cap `cap`.
    Cap { cap: usize },
    /// The `when` of ending `ending`.
    Ending { ending: usize },
    /// A rubric line's `Holds` or `Avoided` condition (read for flags, not reported itself:
    /// the rubric findings say the same).
    Rubric { line: usize },
}

/// One condition site: where it is, and the flags (indices into `Sites::flags`) it reads.
#[derive(Clone, Debug)]
pub(super) struct Site {
    pub kind: SiteKind,
    pub reads: Vec<usize>,
}

/// Every condition site of a scenario, with lookups from the scenario's items to their sites.
#[derive(Clone, Debug)]
pub(super) struct Sites {
    pub list: Vec<Site>,
    /// Every flag declared, set or read, in that order of first appearance.
    pub flags: Vec<Id>,
    flag_index: BTreeMap<Id, usize>,
    /// Per action, the site of each requirement.
    pub requirements: Vec<Vec<usize>>,
    /// Per action, the site of each result (`None`: the result has no `when`).
    pub results: Vec<Vec<Option<usize>>>,
    /// Per event, the site of its trigger's `when`.
    pub events: Vec<Option<usize>>,
    /// Per competitor rule, the site of its trigger's `when`.
    pub rivals: Vec<Option<usize>>,
    /// Per scene, per choice, the site of its `when`.
    pub choices: Vec<Vec<Option<usize>>>,
    /// Per stage, per judge, the site of its `when`.
    pub judges: Vec<Vec<Option<usize>>>,
    pub disqualify: Vec<usize>,
    pub caps: Vec<usize>,
    pub endings: Vec<Option<usize>>,
    pub rubric: Vec<Option<usize>>,
}

impl Sites {
    /// Lists every site of `s`, in the scenario's order.
    pub fn of(s: &Scenario) -> Sites {
        let mut sites = Sites {
            list: Vec::new(),
            flags: Vec::new(),
            flag_index: BTreeMap::new(),
            requirements: Vec::new(),
            results: Vec::new(),
            events: Vec::new(),
            rivals: Vec::new(),
            choices: Vec::new(),
            judges: Vec::new(),
            disqualify: Vec::new(),
            caps: Vec::new(),
            endings: Vec::new(),
            rubric: Vec::new(),
        };
        for f in &s.flags {
            sites.flag(f);
        }
        for (a, action) in s.actions.iter().enumerate() {
            let reqs = (0..action.requires.len())
                .map(|k| sites.add(SiteKind::Requirement { action: a, k }, s))
                .collect();
            sites.requirements.push(reqs);
            let results = (0..action.results.len())
                .map(|k| {
                    let r = &action.results[k];
                    sites.note_effects(&r.effects);
                    sites.add_when(&r.when, SiteKind::Result { action: a, k }, s)
                })
                .collect();
            sites.results.push(results);
        }
        for (e, event) in s.events.iter().enumerate() {
            sites.note_effects(&event.effects);
            let site = sites.add_when(&event.trigger.when, SiteKind::Event { event: e }, s);
            sites.events.push(site);
        }
        for (r, rule) in s.competitor.rules.iter().enumerate() {
            sites.note_effects(&rule.effects);
            if let Some(b) = &rule.blunt {
                sites.note_effects(&b.effects);
            }
            let site = sites.add_when(&rule.trigger.when, SiteKind::Rival { rule: r }, s);
            sites.rivals.push(site);
        }
        for p in &s.people {
            sites.note_effects(&p.quiet_support);
        }
        for (i, scene) in s.scenes.iter().enumerate() {
            let list = scene
                .choices
                .iter()
                .enumerate()
                .map(|(c, choice)| {
                    sites.note_effects(&choice.effects);
                    let kind = SiteKind::Choice {
                        scene: i,
                        choice: c,
                    };
                    sites.add_when(&choice.when, kind, s)
                })
                .collect();
            sites.choices.push(list);
        }
        for (i, stage) in s.tender.stages.iter().enumerate() {
            let list = stage
                .judge
                .iter()
                .enumerate()
                .map(|(k, j)| sites.add_when(&j.when, SiteKind::Judge { stage: i, k }, s))
                .collect();
            sites.judges.push(list);
        }
        sites.disqualify = (0..s.tender.disqualify.len())
            .map(|k| sites.add(SiteKind::Disqualify { k }, s))
            .collect();
        sites.caps = (0..s.caps.len())
            .map(|cap| sites.add(SiteKind::Cap { cap }, s))
            .collect();
        sites.endings = s
            .endings
            .iter()
            .enumerate()
            .map(|(i, e)| sites.add_when(&e.when, SiteKind::Ending { ending: i }, s))
            .collect();
        sites.rubric = s
            .rubric
            .iter()
            .enumerate()
            .map(|(i, line)| match line.measure {
                Measure::Holds(_) | Measure::Avoided(_) => {
                    Some(sites.add(SiteKind::Rubric { line: i }, s))
                }
                _ => None,
            })
            .collect();
        sites
    }

    /// The index of flag `f`, added when new.
    fn flag(&mut self, f: &str) -> usize {
        if let Some(&i) = self.flag_index.get(f) {
            return i;
        }
        self.flags.push(f.into());
        self.flag_index.insert(f.into(), self.flags.len() - 1);
        self.flags.len() - 1
    }

    /// The index of flag `f`, if the scenario declares, sets or reads it.
    pub fn flag_of(&self, f: &str) -> Option<usize> {
        self.flag_index.get(f).copied()
    }

    /// `add` for an optional `when`: `None` when there is none.
    fn add_when(
        &mut self,
        when: &Option<Condition>,
        kind: SiteKind,
        s: &Scenario,
    ) -> Option<usize> {
        when.as_ref().map(|_| self.add(kind, s))
    }

    /// Adds a site and the flags its condition reads; gives its index.
    fn add(&mut self, kind: SiteKind, s: &Scenario) -> usize {
        let mut reads = Vec::new();
        let mut flags = Vec::new();
        flags_read(condition(s, kind), &mut flags);
        for f in flags {
            let i = self.flag(f);
            if !reads.contains(&i) {
                reads.push(i);
            }
        }
        self.list.push(Site { kind, reads });
        self.list.len() - 1
    }

    /// Registers the flags these effects set, so that a flag set but never declared is known.
    fn note_effects(&mut self, effects: &[Effect]) {
        for e in effects {
            match e {
                Effect::SetFlag(f) | Effect::Exposure { flag: f, .. } => {
                    self.flag(f);
                }
                Effect::Maybe(_, inner) => self.note_effects(inner),
                _ => {}
            }
        }
    }
}

/// The condition written at a site.
pub(super) fn condition(s: &Scenario, kind: SiteKind) -> &Condition {
    match kind {
        SiteKind::Requirement { action, k } => &s.actions[action].requires[k].when,
        SiteKind::Result { action, k } => unwrap(&s.actions[action].results[k].when),
        SiteKind::Event { event } => unwrap(&s.events[event].trigger.when),
        SiteKind::Rival { rule } => unwrap(&s.competitor.rules[rule].trigger.when),
        SiteKind::Choice { scene, choice } => unwrap(&s.scenes[scene].choices[choice].when),
        SiteKind::Judge { stage, k } => unwrap(&s.tender.stages[stage].judge[k].when),
        SiteKind::Disqualify { k } => &s.tender.disqualify[k].when,
        SiteKind::Cap { cap } => &s.caps[cap].when,
        SiteKind::Ending { ending } => unwrap(&s.endings[ending].when),
        SiteKind::Rubric { line } => match &s.rubric[line].measure {
            Measure::Holds(c) | Measure::Avoided(c) => c,
            _ => &ALWAYS,
        },
    }
}

/// A condition that always holds, for a site whose own is missing (never, by construction).
static ALWAYS: Condition = Condition::All(Vec::new());

/// The condition of an optional `when`, or `ALWAYS`: sites are only made for present ones.
fn unwrap(c: &Option<Condition>) -> &Condition {
    c.as_ref().unwrap_or(&ALWAYS)
}

/// Every flag `c` tests, at any depth.
fn flags_read<'c>(c: &'c Condition, out: &mut Vec<&'c str>) {
    match c {
        Condition::Flag(f) | Condition::NotFlag(f) => out.push(f),
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| flags_read(c, out)),
        Condition::Not(c) => flags_read(c, out),
        _ => {}
    }
}

//! The story graph: every scene reachable, no dead ends or endless loops, every ending reachable.

use std::collections::BTreeSet;

use super::Checker;
use super::reach::Reach;

impl<'a> Checker<'a> {
    pub(super) fn check_graph(&mut self) {
        let s = self.s;
        // Scenes are opened by events, then by choices of opened scenes.
        let mut reached: BTreeSet<&str> =
            s.events.iter().filter_map(|e| e.scene.as_deref()).collect();
        let mut frontier: Vec<&str> = reached.iter().copied().collect();
        while let Some(id) = frontier.pop() {
            for next in s
                .scene(id)
                .into_iter()
                .flat_map(|sc| &sc.choices)
                .filter_map(|c| c.next.as_deref())
            {
                if reached.insert(next) {
                    frontier.push(next);
                }
            }
        }
        let reach = Reach::of(s);
        let mut stuck: BTreeSet<&str> = BTreeSet::new();
        for scene in &s.scenes {
            let place = self.place("scenes", &scene.id);
            let span = self.span_of_literal(place, &scene.id);
            if !reached.contains(scene.id.as_str()) {
                self.error(format!("scene `{}` can never be reached", scene.id), span.clone(), Some("open it from an event (`scene: Some(\"…\")`) or a choice (`next: Some(\"…\")`)".into()));
            }
            let closed: Vec<String> = scene
                .choices
                .iter()
                .filter_map(|c| Some(format!("`{}`: {}", c.id, reach.never(c.when.as_ref()?)?)))
                .collect();
            if scene.choices.is_empty() {
                self.error(
                    format!(
                        "scene `{}` has no choice, so the player cannot leave it",
                        scene.id
                    ),
                    span,
                    Some("add at least one choice".into()),
                );
            } else if closed.len() == scene.choices.len() {
                stuck.insert(scene.id.as_str());
                // Its choices' "always false" warnings say the same again: the error says it.
                if let Some(at) = span.as_ref().map(|r| r.start) {
                    let end = self.item_end(at);
                    self.settled.push(at..end);
                }
                self.error(
                    format!(
                        "scene `{}` soft-locks: none of its choices can ever be available, so the player cannot go on",
                        scene.id
                    ),
                    span,
                    Some(format!(
                        "{}; give one choice no `when`",
                        closed.join("; ")
                    )),
                );
            } else if scene.choices.iter().all(|c| c.when.is_some()) {
                self.warning(
                    format!(
                        "every choice of scene `{}` has a condition; the player may be stuck",
                        scene.id
                    ),
                    span,
                    Some("give one choice no `when`".into()),
                );
            }
        }
        self.check_scene_exits(&reach, &stuck, &reached);
        self.check_endings();
    }

    /// From every scene some path of choices that may be available must close the story
    /// moment. A stuck region is reported once, at each scene by which the story enters it.
    fn check_scene_exits(
        &mut self,
        reach: &Reach,
        stuck: &BTreeSet<&str>,
        reached: &BTreeSet<&str>,
    ) {
        let s = self.s;
        let open =
            |c: &&crate::scenario::Choice| c.when.as_ref().is_none_or(|w| reach.never(w).is_none());
        // A soft-locked scene is reported on its own; the way into it is no second mistake.
        let mut exits: BTreeSet<&str> = s
            .scenes
            .iter()
            .filter(|sc| {
                stuck.contains(sc.id.as_str())
                    || sc.choices.iter().filter(open).any(|c| c.next.is_none())
            })
            .map(|sc| sc.id.as_str())
            .collect();
        loop {
            let before = exits.len();
            for sc in &s.scenes {
                if sc
                    .choices
                    .iter()
                    .filter(open)
                    .any(|c| c.next.as_deref().is_some_and(|n| exits.contains(n)))
                {
                    exits.insert(sc.id.as_str());
                }
            }
            if exits.len() == before {
                break;
            }
        }
        let closed_exits: Vec<String> = s
            .scenes
            .iter()
            .filter(|sc| !exits.contains(sc.id.as_str()))
            .flat_map(|sc| sc.choices.iter().map(move |c| (sc, c)))
            .filter(|(_, c)| c.next.is_none())
            .filter_map(|(sc, c)| {
                let why = reach.never(c.when.as_ref()?)?;
                Some(format!(
                    "choice `{}` of scene `{}` can never be available ({why})",
                    c.id, sc.id
                ))
            })
            .collect();
        let entered_from_outside = |id: &str| {
            s.events.iter().any(|e| e.scene.as_deref() == Some(id))
                || s.scenes.iter().any(|sc| {
                    exits.contains(sc.id.as_str())
                        && sc.choices.iter().any(|c| c.next.as_deref() == Some(id))
                })
        };
        for sc in &s.scenes {
            let id = sc.id.as_str();
            if sc.choices.is_empty()
                || exits.contains(id)
                || (reached.contains(id) && !entered_from_outside(id))
            {
                continue;
            }
            let span = self.span_of_literal(self.place("scenes", id), id);
            let hint = if closed_exits.is_empty() {
                "give some choice `next: None`".to_string()
            } else {
                format!("its only way out: {}", closed_exits.join("; "))
            };
            self.error(
                format!("scene `{id}` leads nowhere: no path of choices from it ever ends"),
                span,
                Some(hint),
            );
        }
    }

    fn check_endings(&mut self) {
        let s = self.s;
        if s.endings.is_empty() {
            let span = self.span_of_token(self.section_place("endings"), "endings");
            self.error(
                "the scenario has no ending".into(),
                span,
                Some("add at least one, the last without `when`: `endings: [(id: \"done\", title: {…}, text: {…})]`".into()),
            );
            return;
        }
        if let Some(catch_all) = s.endings.iter().position(|e| e.when.is_none()) {
            for shadowed in &s.endings[catch_all + 1..] {
                let span = self.span_of_literal(self.place("endings", &shadowed.id), &shadowed.id);
                self.error(
                    format!(
                        "ending `{}` can never be reached: ending `{}` before it has no condition",
                        shadowed.id, s.endings[catch_all].id
                    ),
                    span,
                    Some("endings are tried in order; put the one without `when` last".into()),
                );
            }
        } else {
            let last = &s.endings[s.endings.len() - 1];
            let span = self.span_of_literal(self.place("endings", &last.id), &last.id);
            self.warning(
                "no ending without conditions: some sessions may match no ending".into(),
                span,
                Some("make the last ending's `when` empty".into()),
            );
        }
    }

    /// Where the item declared at `at` (a scene) ends at the latest: the next scene's
    /// declaration or the next section, whichever comes first.
    fn item_end(&self, at: usize) -> usize {
        const SECTIONS: [&str; 15] = [
            "meta",
            "settings",
            "grading",
            "flags",
            "counters",
            "criteria",
            "people",
            "actions",
            "events",
            "scenes",
            "competitor",
            "tender",
            "endings",
            "rubric",
            "caps",
        ];
        let next_scene = self
            .s
            .scenes
            .iter()
            .filter_map(|sc| self.locator.decl(at + 1, &sc.id).map(|r| r.start));
        let next_section = SECTIONS.iter().map(|k| self.locator.section(k));
        next_scene
            .chain(next_section)
            .filter(|&p| p > at)
            .min()
            .unwrap_or(at)
    }
}

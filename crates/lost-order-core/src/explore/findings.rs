//! Turning the tally of every explored session into findings an author can act on.

use super::places::Places;
use super::sites::{SiteKind, Sites};
use super::tally::Tally;
use super::{Budget, Finding, FindingKind};
use crate::load::Diagnostic;
use crate::policy::Policy;
use crate::scenario::Scenario;

/// Every finding the tally supports, in source order (findings without a place last).
pub(super) fn findings(
    s: &Scenario,
    source: &str,
    sites: &Sites,
    t: &Tally,
    budget: &Budget,
) -> Vec<Finding> {
    let places = Places::new(s, source);
    let mut out = Vec::new();
    let n = t.ended;
    let mut warn = |kind: FindingKind, message: String, span, hint: &str| {
        out.push(Finding {
            kind,
            diagnostic: Diagnostic::warning(message, span).with_hint(Some(hint.into())),
            repro: None,
        });
    };
    // With no session at the tender (every one stuck), the soft-lock says it all.
    for (i, e) in s.endings.iter().enumerate().filter(|_| n > 0) {
        if t.endings[i] == 0 {
            warn(
                FindingKind::EndingNeverReached(e.id.clone()),
                format!("ending `{}` was never reached in {n} sessions", e.id),
                places.item("endings", &e.id),
                "no policy, walk or bid ended here: check its `when` and the endings before it",
            );
        }
    }
    for (i, sc) in s.scenes.iter().enumerate() {
        if t.scenes[i] == 0 {
            warn(
                FindingKind::SceneNeverShown(sc.id.clone()),
                format!(
                    "scene `{}` was never shown in {} sessions",
                    sc.id, t.sessions
                ),
                places.item("scenes", &sc.id),
                "the event or choice that opens it never fired or was never picked",
            );
            continue;
        }
        for (k, c) in sc.choices.iter().enumerate() {
            if t.choices[i][k] == 0 {
                warn(
                    FindingKind::ChoiceNeverPicked {
                        scene: sc.id.clone(),
                        choice: c.id.clone(),
                    },
                    format!(
                        "choice `{}` of scene `{}` was never picked, though the scene was shown {} times",
                        c.id, sc.id, t.scenes[i]
                    ),
                    places.choice(&sc.id, &c.id),
                    "its `when` never held when the scene was open",
                );
            }
        }
    }
    for (a, action) in s.actions.iter().enumerate() {
        let span = places.item("actions", &action.id);
        if t.taken[a] == 0 {
            warn(
                FindingKind::ActionNeverTaken(action.id.clone()),
                format!(
                    "action `{}` was never taken in {} sessions: it was never open",
                    action.id, t.sessions
                ),
                span,
                "its requirements, points, cost or targets never allowed it",
            );
        } else if t.useful[a] == 0 {
            warn(
                FindingKind::ActionNeverUseful(action.id.clone()),
                format!(
                    "action `{}` was never useful: taken {} times, it never changed anything but the points and money it costs",
                    action.id, t.taken[a]
                ),
                span,
                "give its results effects that matter, or remove it",
            );
        }
    }
    for (k, line) in s.rubric.iter().enumerate() {
        if line.points == 0 || n == 0 {
            continue;
        }
        let span = places.item("rubric", &line.id);
        if t.rubric_zero[k] == n {
            warn(
                FindingKind::RubricNeverEarned(line.id.clone()),
                format!(
                    "rubric line `{}` never earned a point in {n} sessions",
                    line.id
                ),
                span,
                "no way of playing found earns it: check its measure",
            );
        } else if t.rubric_full[k] == n {
            warn(
                FindingKind::RubricAlwaysEarned(line.id.clone()),
                format!(
                    "rubric line `{}` earned its full {} points in every one of {n} sessions",
                    line.id, line.points
                ),
                span,
                "it does not tell one way of playing from another",
            );
        }
    }
    for (f, flag) in sites.flags.iter().enumerate() {
        if t.flag_set[f] > 0 && t.flag_read[f] == 0 {
            let readers = sites.list.iter().filter(|s| s.reads.contains(&f)).count();
            let message = if readers == 0 {
                format!("flag `{flag}` is set, but no condition reads it")
            } else {
                format!(
                    "flag `{flag}` is set, but none of the {readers} conditions that read it was evaluated while it was set"
                )
            };
            warn(
                FindingKind::FlagSetNeverRead(flag.clone()),
                message,
                places.flag(flag),
                "test it in a `when` (`Flag(\"…\")`) that comes later, or drop the effect that sets it",
            );
        }
    }
    for (i, site) in sites.list.iter().enumerate() {
        if matches!(site.kind, SiteKind::Rubric { .. }) {
            continue; // The rubric findings say it.
        }
        let [no, yes] = t.sites[i];
        let what = describe(s, site.kind);
        if yes == 0 && no > 0 {
            warn(
                FindingKind::ConditionAlwaysFalse(what.clone()),
                format!("the condition of {what} was false in all {no} evaluations"),
                places.site(site.kind),
                "in practice it never holds: what should make it true?",
            );
        } else if no == 0 && yes > 0 {
            warn(
                FindingKind::ConditionAlwaysTrue(what.clone()),
                format!("the condition of {what} was true in all {yes} evaluations"),
                places.site(site.kind),
                "in practice it holds nothing back: drop it or tighten it",
            );
        }
    }
    for (p, policy) in Policy::ALL.iter().enumerate() {
        let (wins, runs) = t.policies[p];
        if runs == 0 {
            continue;
        }
        let rate = wins as f64 / runs as f64;
        if rate >= budget.dominant_win_rate {
            warn(
                FindingKind::DominantStrategy {
                    policy: policy.name().to_string(),
                    win_rate: rate,
                },
                format!(
                    "policy `{policy}` wins alone: {:.1}% of {runs} seeds, mean score {:.1}",
                    rate * 100.0,
                    t.policy_points[p] as f64 / runs as f64
                ),
                places.section("tender"),
                "information, not a mistake: check this is the way the case means to win (docs/policies.md)",
            );
        }
    }
    for stuck in &t.stuck {
        let span = places.item("scenes", &stuck.scene);
        let r = &stuck.repro;
        let (kind, message, hint) = if stuck.endless {
            (
                FindingKind::EndlessLoop(stuck.scene.clone()),
                format!(
                    "soft-lock: the story loops through scene `{}` with no way out (seed {}, {} decisions, {})",
                    stuck.scene,
                    r.seed,
                    r.decisions.len(),
                    r.how
                ),
                "some choice must close the story moment (`next: None`) with a `when` that can hold",
            )
        } else {
            (
                FindingKind::SoftLock(stuck.scene.clone()),
                format!(
                    "soft-lock: scene `{}` opens with no choice the player can pick (seed {}, after {} decisions, {})",
                    stuck.scene,
                    r.seed,
                    r.decisions.len(),
                    r.how
                ),
                "give one choice no `when`, or one that holds whenever the scene opens",
            )
        };
        out.push(Finding {
            kind,
            diagnostic: Diagnostic::error(message, span).with_hint(Some(hint.into())),
            repro: Some(r.clone()),
        });
    }
    out.sort_by_key(|f| {
        (
            f.diagnostic.span.as_ref().map_or(usize::MAX, |s| s.start),
            f.diagnostic.severity,
        )
    });
    out
}

/// The author's words for a condition site, e.g. "choice `ask` of scene `welcome`".
fn describe(s: &Scenario, kind: SiteKind) -> String {
    match kind {
        SiteKind::Requirement { action, k } => {
            format!("requirement {} of action `{}`", k + 1, s.actions[action].id)
        }
        SiteKind::Result { action, k } => format!(
            "result `{}` of action `{}`",
            s.actions[action].results[k].id, s.actions[action].id
        ),
        SiteKind::Event { event } => format!("event `{}`'s trigger", s.events[event].id),
        SiteKind::Rival { rule } => format!(
            "competitor rule `{}`'s trigger",
            s.competitor.rules[rule].id
        ),
        SiteKind::Choice { scene, choice } => format!(
            "choice `{}` of scene `{}`",
            s.scenes[scene].choices[choice].id, s.scenes[scene].id
        ),
        SiteKind::Judge { stage, k } => format!(
            "judge `{}` of stage `{}`",
            s.tender.stages[stage].judge[k].who, s.tender.stages[stage].id
        ),
        SiteKind::Disqualify { k } => format!("disqualifier {}", k + 1),
        SiteKind::Cap { cap } => format!("cap `{}`", s.caps[cap].id),
        SiteKind::Ending { ending } => format!("ending `{}`", s.endings[ending].id),
        SiteKind::Rubric { line } => format!("rubric line `{}`", s.rubric[line].id),
    }
}

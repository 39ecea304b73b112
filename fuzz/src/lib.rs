//! What the fuzz targets share: the shipped cases, loaded once, and narrating a session.

use std::sync::{Arc, LazyLock};

use lost_order_core::engine::{Phase, Session};
use lost_order_core::load::check_source;
use lost_order_core::narrate;
use lost_order_core::scenario::Scenario;

/// The flagship case, `scenarios/lost_order.ron`, loaded once per fuzzing process.
pub static FLAGSHIP: LazyLock<Arc<Scenario>> = LazyLock::new(|| {
    shipped(
        "lost_order.ron",
        include_str!("../../scenarios/lost_order.ron"),
    )
});

/// The tutorial case, `scenarios/tutorial.ron`, loaded once per fuzzing process.
pub static TUTORIAL: LazyLock<Arc<Scenario>> =
    LazyLock::new(|| shipped("tutorial.ron", include_str!("../../scenarios/tutorial.ron")));

fn shipped(name: &str, source: &str) -> Arc<Scenario> {
    let checked = check_source(name, source);
    let report = checked.render();
    Arc::new(
        checked
            .into_scenario()
            .unwrap_or_else(|_| panic!("the shipped {name} has errors:\n{report}")),
    )
}

/// The shipped case a record names by id, the flagship when it names another.
pub fn shipped_by_id(id: &str) -> Arc<Scenario> {
    if id == TUTORIAL.meta.id {
        TUTORIAL.clone()
    } else {
        FLAGSHIP.clone()
    }
}

/// Everything a player would read of `session` in both languages, as the terminal and the
/// debrief print it; its only purpose is to run the narration on odd sessions.
pub fn narrate_all(session: &Session) -> usize {
    let mut chars = 0;
    for lang in ["zh", "en"] {
        chars += narrate::phase_name(session.phase(), session.scenario(), lang).len();
        for entry in session.log() {
            chars += narrate::describe(session, &entry.happening, lang).map_or(0, |s| s.len());
        }
        for week in 0..=session.week() {
            chars += narrate::week_summary(session, week, lang).len();
        }
        chars += narrate::known_tender(session, lang).len();
        if *session.phase() == Phase::Ended {
            chars += narrate::explain(session, lang).len();
            chars += narrate::hidden_timeline(session, lang).len();
            chars += narrate::grades_review(session, lang).len();
            chars += narrate::debrief_cause(session, lang).stages.len();
        }
    }
    chars
}

//! Fuzz target: scenario bytes → load → check (with its rendered report) → a random playthrough.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use lost_order_core::load::check_source;
use lost_order_core::policy::Policy;
use lost_order_core::simulate::play;
use lost_order_fuzz::narrate_all;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let checked = check_source("fuzz.ron", source);
    // The checker's report is what an author reads: it must render whatever the spans.
    let _ = checked.render();
    let Ok(scenario) = checked.into_scenario() else {
        return;
    };
    // The seed comes from the input so that one scenario is played in several worlds.
    let seed = data
        .iter()
        .fold(0u64, |h, b| h.rotate_left(5) ^ u64::from(*b));
    // `play` stops after its own bound of decisions (10 000) with an error, never loops.
    if let Ok(run) = play(Arc::new(scenario), Policy::Random, seed) {
        let _ = narrate_all(&run.session);
    }
});

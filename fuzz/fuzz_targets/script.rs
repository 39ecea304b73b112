//! Fuzz target: choice-script bytes → `parse_script` → played against the flagship as a script
//! and decision by decision, with each refusal narrated as the terminal narrates it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use lost_order_core::engine::{
    Phase, Script, ScriptStop, Session, format_script, parse_script,
};
use lost_order_core::narrate;
use lost_order_fuzz::{FLAGSHIP, narrate_all};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let script = match parse_script(text) {
        Ok(s) => s,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    // Played as a script: `on` lines answer scenes, `try` lines are skipped when refused.
    let mut session = Session::new(FLAGSHIP.clone(), 11);
    if let Err(ScriptStop::Refused { error, .. }) = script.play(&mut session) {
        for lang in ["zh", "en"] {
            let _ = narrate::error(session.scenario(), &error, lang);
        }
    }
    let _ = narrate_all(&session);
    let Some(decisions) = script.plain_decisions() else {
        return;
    };
    // Written back, a plain script reads as the same decisions.
    let again = parse_script(&format_script(&decisions));
    assert_eq!(
        again,
        Ok(Script::of(&decisions)),
        "format_script does not round-trip"
    );
    // Each decision applied on its own, going on past refusals.
    let mut session = Session::new(FLAGSHIP.clone(), 11);
    for decision in &decisions {
        if *session.phase() == Phase::Ended {
            break;
        }
        if let Err(e) = session.apply(decision) {
            for lang in ["zh", "en"] {
                let _ = narrate::error(session.scenario(), &e, lang);
            }
        }
    }
    let _ = narrate_all(&session);
});

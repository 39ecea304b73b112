//! Fuzz target: choice-script bytes → `parse_script` → played against the flagship, with each
//! refusal narrated as the terminal narrates it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use lost_order_core::engine::{Phase, Session, format_script, parse_script};
use lost_order_core::narrate;
use lost_order_fuzz::{FLAGSHIP, narrate_all};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let decisions = match parse_script(text) {
        Ok(d) => d,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    // Written back, a script reads as the same decisions.
    let again = parse_script(&format_script(&decisions));
    assert_eq!(
        again.as_ref(),
        Ok(&decisions),
        "format_script does not round-trip"
    );
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

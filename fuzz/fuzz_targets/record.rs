//! Fuzz target: record bytes → `parse_record` (as `read_record` does after reading the file) →
//! replayed against the shipped case the record names, the session narrated.

#![no_main]

use libfuzzer_sys::fuzz_target;
use lost_order_core::record::{parse_record, replay};
use lost_order_fuzz::{narrate_all, shipped_by_id};

fuzz_target!(|data: &[u8]| {
    // `read_record` reads the bytes lossily too: invalid UTF-8 is damage, not a reason to skip.
    let text = String::from_utf8_lossy(data);
    let record = match parse_record("fuzz.record.ron", &text) {
        Ok(r) => r,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    match replay(shipped_by_id(&record.header.scenario), &record) {
        Ok(session) => {
            let _ = narrate_all(&session);
        }
        Err(d) => {
            let _ = d.to_string();
        }
    }
});

//! Content is tested like code: every shipped scenario loads with no error and no warning.

use lost_order_core::load::check_file;

#[test]
fn every_scenario_checks_clean() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            let checked = check_file(&path).unwrap();
            assert!(checked.diagnostics.is_empty(), "{}", checked.render());
            seen += 1;
        }
    }
    assert!(seen >= 2, "expected the flagship and the tutorial");
}

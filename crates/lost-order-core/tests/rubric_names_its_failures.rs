//! A rubric line names its failure (`missed`) in every declared language, or gets a derived name.

use lost_order_core::load::check_source;

fn tutorial() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios/tutorial.ron");
    std::fs::read_to_string(path).unwrap()
}

const MISSED: &str = r#"missed: {"zh": "丢了订单", "en": "Order lost"}"#;

#[test]
fn the_authors_name_of_a_failure_is_used() {
    let source = tutorial();
    assert!(source.contains(MISSED), "the tutorial names its failures");
    let s = check_source("tutorial.ron", &source)
        .into_scenario()
        .unwrap();
    let outcome = s.rubric.iter().find(|l| l.id == "outcome").unwrap();
    assert_eq!(outcome.missed_label("zh"), "丢了订单");
    assert_eq!(outcome.missed_label("en"), "Order lost");
}

#[test]
fn without_a_name_the_failure_is_derived_from_the_label() {
    let source = tutorial().replace(&format!(",\n         {MISSED}"), "");
    let checked = check_source("tutorial.ron", &source);
    assert!(checked.diagnostics.is_empty(), "{}", checked.render());
    let s = checked.into_scenario().unwrap();
    let outcome = s.rubric.iter().find(|l| l.id == "outcome").unwrap();
    assert_eq!(outcome.missed, None);
    assert_eq!(outcome.missed_label("zh"), "未做到：结果");
    assert_eq!(outcome.missed_label("en"), "Not achieved: Outcome");
}

#[test]
fn a_name_of_a_failure_needs_every_declared_language() {
    let source = tutorial().replace(MISSED, r#"missed: {"zh": "丢了订单"}"#);
    let checked = check_source("tutorial.ron", &source);
    let report = checked.render();
    assert_eq!(checked.errors(), 1, "{report}");
    assert!(report.contains("`missed` has no text in `en`"), "{report}");
}

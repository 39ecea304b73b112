//! Each malformed scenario gives its exact message at its exact line and column.

use lost_order_core::load::{MAX_SCENARIO_BYTES, check_source};

const CASES: &[(&str, &str, Option<&str>)] = &[
    (
        "bad_chance.ron",
        "65:54: error: chance 1.5 is not between 0 and 1",
        None,
    ),
    (
        "duplicate_id.ron",
        "40:14: error: duplicate action id `visit`",
        None,
    ),
    (
        "missing_language.ron",
        "37:23: error: `label` has no text in `en`",
        None,
    ),
    (
        "range_reversed.ron",
        "27:62: error: `stance` range (2, -1) has its minimum above its maximum",
        Some("write `(-1, 2)`"),
    ),
    (
        "shadowed_ending.ron",
        "87:14: error: ending `lost` can never be reached: ending `won` before it has no condition",
        None,
    ),
    (
        "syntax_error.ron",
        "38:20: error: a `,` is missing before `purpose`",
        Some("fields and list items are separated by commas, e.g. `points: 1, cost: 2`"),
    ),
    (
        "target_outside_action.ron",
        "65:91: error: `Target` only means something inside an action",
        None,
    ),
    (
        "unknown_field.ron",
        "34:10: error: unknown field `personalty` in `Person`",
        Some("did you mean `personality`?"),
    ),
    (
        "unknown_person.ron",
        "34:115: error: unknown person `tehc`",
        Some("did you mean `tech`?"),
    ),
    (
        "unknown_variant.ron",
        "41:30: error: unknown name `Discovry` in `Purpose`",
        Some("did you mean `Discovery`?"),
    ),
    (
        "format_1.ron",
        "2:1: error: this case has no `format:`, so it is read as format 1; this program reads format 2",
        Some(
            "format 2 changed one thing: `when` takes one condition everywhere, so an event trigger's or an ending's `when: [A, B]` becomes `when: All([A, B])`, and `when: [A]` becomes `when: A`; then add `format: 2,` as the first field of `Scenario(`. `lost-order migrate FILE` does both",
        ),
    ),
    (
        "unreachable_scene.ron",
        "56:14: error: scene `welcome` can never be reached",
        None,
    ),
];

#[test]
fn each_malformed_file_names_its_spot() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/malformed");
    for (file, expected, hint) in CASES {
        let source = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
        let checked = check_source(file, &source);
        let first = checked
            .diagnostics
            .iter()
            .find(|d| d.is_error())
            .unwrap_or_else(|| panic!("{file}: no error found"));
        assert_eq!(first.short(file, &source), format!("{file}:{expected}"));
        if let Some(h) = hint {
            assert_eq!(first.hint.as_deref(), Some(*h), "{file}");
        }
        let rendered = first.render(file, &source);
        assert!(rendered.contains('^'), "{file}: no caret in\n{rendered}");
    }
    let count = std::fs::read_dir(dir).unwrap().count();
    assert_eq!(
        count,
        CASES.len(),
        "every file in tests/malformed has a case"
    );
}

#[test]
fn refuses_oversized_input() {
    let big = " ".repeat(MAX_SCENARIO_BYTES + 1);
    let checked = check_source("big.ron", &big);
    assert_eq!(checked.errors(), 1);
    assert!(
        checked.diagnostics[0].message.contains("at most"),
        "{:?}",
        checked.diagnostics
    );
}

#[test]
fn never_panics_on_damaged_input() {
    let source = include_str!("../../../scenarios/lost_order.ron");
    // Cut, duplicate and corrupt slices of the flagship at many places; every result must be a diagnostic.
    let bytes = source.as_bytes();
    let mut state: u64 = 12345;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for round in 0..300 {
        let a = next(bytes.len());
        let b = (a + next(200)).min(bytes.len());
        let mut damaged = bytes.to_vec();
        match round % 3 {
            0 => {
                damaged.drain(a..b);
            }
            1 => damaged.splice(a..a, bytes[a..b].to_vec()).for_each(drop),
            _ => damaged[a..b]
                .iter_mut()
                .for_each(|c| *c = b"(]\",:x9"[*c as usize % 7]),
        }
        let text = String::from_utf8_lossy(&damaged);
        let _ = check_source("damaged.ron", &text);
    }
    let deep = "(".repeat(10_000);
    assert_eq!(check_source("deep.ron", &deep).errors(), 1);
}

#[test]
fn conditions_nested_64_levels_deep_are_accepted() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios/tutorial.ron");
    let source = std::fs::read_to_string(path).unwrap();
    // An even number of `Not`s holds when `Won` does: the same ending, 64 levels down.
    let deep = format!("when: {}Won{}", "Not(".repeat(64), ")".repeat(64));
    let edited = source.replacen("when: Won", &deep, 1);
    assert_ne!(edited, source);
    let checked = check_source("deep_conditions.ron", &edited);
    assert_eq!(checked.errors(), 0, "{}", checked.render());
}

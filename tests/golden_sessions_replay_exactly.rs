//! Golden sessions: a script and a seed give the expected outcome and score, byte-identically every time.

mod common;

fn play(script: &str, seed: u64, scenario: &str) -> (String, serde_json::Value) {
    let text = common::run_ok(&[
        "play",
        "--script",
        script,
        "--seed",
        &seed.to_string(),
        "--json",
        scenario,
    ]);
    let json = serde_json::from_str(&text).unwrap();
    (text, json)
}

#[test]
fn liao_script_is_vetoed_by_wang() {
    let (_, j) = play("tests/golden/liao.script", 11, "scenarios/lost_order.ron");
    assert_eq!(j["won"], false);
    assert_eq!(j["ending"], "vetoed");
    assert_eq!(j["score"], 17);
    let first = j["explanation"][0].as_str().unwrap();
    assert!(
        first.contains("Chief Engineer Wang") && first.contains("vetoed"),
        "{first}"
    );
}

#[test]
fn full_coverage_script_wins_on_value() {
    let (_, j) = play(
        "tests/golden/full_coverage.script",
        11,
        "scenarios/lost_order.ron",
    );
    assert_eq!(j["won"], true);
    assert_eq!(j["ending"], "won_on_value");
    assert_eq!(j["score"], 95);
    assert_eq!(j["margin"], 80);
    let rubric: Vec<(String, u64, u64)> = j["rubric"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap().to_string(),
                l["points"].as_u64().unwrap(),
                l["max"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(rubric.iter().map(|l| l.2).sum::<u64>(), 100);
    assert_eq!(rubric.iter().map(|l| l.1).sum::<u64>(), 95);
}

#[test]
fn tutorial_script_wins() {
    let (_, j) = play("tests/golden/tutorial.script", 1, "scenarios/tutorial.ron");
    assert_eq!(
        (j["won"].as_bool(), j["score"].as_u64()),
        (Some(true), Some(88))
    );
}

#[test]
fn same_seed_and_script_give_byte_identical_json_across_runs() {
    let (a, _) = play(
        "tests/golden/full_coverage.script",
        11,
        "scenarios/lost_order.ron",
    );
    let (b, _) = play(
        "tests/golden/full_coverage.script",
        11,
        "scenarios/lost_order.ron",
    );
    assert_eq!(a, b);
    let (c, _) = play("tests/golden/liao.script", 12, "scenarios/lost_order.ron");
    let (d, _) = play("tests/golden/liao.script", 12, "scenarios/lost_order.ron");
    assert_eq!(c, d);
}

//! The terminal game from the outside: the keys a trainee types for a list of decisions, and
//! a whole `play --text` session run with them.

use std::path::Path;
use std::sync::Arc;

use lost_order_core::engine::{Decision, Happening, Session};
use lost_order_core::scenario::{Id, Layer, Scenario};

/// The letter of each person on the map, as the terminal promises them (docs/scripts.md):
/// those on the map from the start in map order (layer, then the scenario's order), then the
/// others in the order they appeared; `a`, `b`, … Indices into the scenario's people.
pub fn person_keys(s: &Session) -> Vec<(usize, char)> {
    let sc = s.scenario();
    let mut order: Vec<usize> = Vec::new();
    for layer in Layer::ALL {
        for (i, p) in sc.people.iter().enumerate() {
            if p.layer == layer && s.beliefs()[i].identified == Some(0) {
                order.push(i);
            }
        }
    }
    for e in s.log() {
        if let Happening::Discovered { person } = &e.happening {
            let i = sc.person_index(person).unwrap();
            if !order.contains(&i) {
                order.push(i);
            }
        }
    }
    assert!(order.len() <= 26, "the fixture knows single letters only");
    order
        .into_iter()
        .enumerate()
        // The alphabet without the terminal's command letters (e, h, l, m, n, q).
        .map(|(n, i)| (i, "abcdfgijkoprstuvwxyz".chars().nth(n).unwrap()))
        .collect()
}

/// What a trainee types to make `decisions` in a session of `scenario` with `seed`: the
/// accounts' grades in the listed order (`A B C`), `2c` for action 2 with person c, `e` to end
/// a week, a choice's number, the bid's numbers.
pub fn typed_input(scenario: Arc<Scenario>, seed: u64, decisions: &[Decision]) -> String {
    let mut s = Session::new(scenario.clone(), seed);
    let mut out = String::new();
    let number = |ids: &[Id], id: &str| ids.iter().position(|x| x == id).unwrap() + 1;
    for d in decisions {
        match d {
            Decision::Act { action, target } => {
                let n = number(
                    &scenario
                        .actions
                        .iter()
                        .map(|a| a.id.clone())
                        .collect::<Vec<_>>(),
                    action,
                );
                let key = target.as_deref().map(|t| {
                    let i = scenario.person_index(t).unwrap();
                    person_keys(&s).iter().find(|(j, _)| *j == i).unwrap().1
                });
                out += &format!("{n}{}\n", key.map(String::from).unwrap_or_default());
            }
            Decision::EndWeek => out += "e\n",
            Decision::Grade(grades) => {
                // One letter per account, in the order the grading step lists them.
                let accounts = &scenario.grading.as_ref().unwrap().accounts;
                let letters: Vec<&str> = accounts
                    .iter()
                    .map(|a| {
                        grades
                            .iter()
                            .find(|(id, _)| *id == a.id)
                            .unwrap()
                            .1
                            .letter()
                    })
                    .collect();
                out += &format!("{}\n", letters.join(" "));
            }
            Decision::Choose(c) => {
                let ids: Vec<Id> = s.choices().into_iter().map(|c| c.choice).collect();
                out += &format!("{}\n", number(&ids, c));
            }
            Decision::Bid(b) => {
                let t = &scenario.tender;
                let ids = |o: &[lost_order_core::scenario::BidOption]| {
                    o.iter().map(|x| x.id.clone()).collect::<Vec<_>>()
                };
                let numbers = |opts: &[lost_order_core::scenario::BidOption], picked: &[Id]| {
                    picked
                        .iter()
                        .map(|p| number(&ids(opts), p).to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                out += &format!(
                    "{}\n{}\n{}\n",
                    number(&ids(&t.price_levels), &b.price),
                    numbers(&t.emphases, &b.emphases),
                    numbers(&t.commitments, &b.commitments)
                );
            }
        }
        s.apply(d).unwrap();
    }
    out
}

/// Runs `play --text` on `scenario_file` with `typed` piped in, records under `home`, and
/// returns what it printed. Fails the test unless it exits successfully.
pub fn play_text(home: &Path, lang: &str, seed: u64, scenario_file: &str, typed: &str) -> String {
    let mut command = super::lost_order();
    command.env("LOST_ORDER_HOME", home).args([
        "play",
        "--text",
        "--lang",
        lang,
        "--seed",
        &seed.to_string(),
        scenario_file,
    ]);
    let o = super::run_typed(command, typed);
    let out = super::stdout(&o);
    assert!(o.status.success(), "{lang}: {}\n{out}", super::stderr(&o));
    out
}

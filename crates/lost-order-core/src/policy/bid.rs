//! Composing a bid from what the player believes each person cares about.

use std::collections::BTreeMap;

use super::Policy;
use super::reading::first_friend;
use crate::engine::{Bid, Dice, Session};
use crate::scenario::{BidOption, Id, Layer};

/// The bid a policy submits.
pub fn compose_bid(policy: Policy, s: &Session, dice: &mut Dice) -> Bid {
    let t = &s.scenario().tender;
    let cheapest = cheapest(&t.price_levels)
        .unwrap_or(&t.default_price)
        .clone();
    match policy {
        Policy::DoNothing => Bid {
            price: t.default_price.clone(),
            ..Bid::default()
        },
        Policy::PriceOnly => Bid {
            price: cheapest,
            ..Bid::default()
        },
        Policy::Liao | Policy::LiaoDinners => {
            // Liao addresses only what her one friend cares about, at the lowest price.
            let friend = first_friend(s);
            let mut bid = addressing(s, |i| s.scenario().people[i].id == friend);
            bid.price = cheapest;
            bid
        }
        Policy::TopOnly => addressing(s, |i| s.scenario().people[i].layer == Layer::Decision),
        Policy::Greedy => addressing(s, |_| true),
        // The professional bids the standard price and makes the case for value.
        Policy::FullCoverage | Policy::CoachFirst => {
            addressing_at(s, |_| true, Some(t.default_price.clone()))
        }
        Policy::FullCoverageLowest => addressing_at(s, |_| true, Some(cheapest)),
        Policy::Middle
        | Policy::MiddleCoach
        | Policy::MiddleWang
        | Policy::MiddleValue
        | Policy::MiddleRoles => {
            let discount = discounted(&t.price_levels)
                .unwrap_or(&t.default_price)
                .clone();
            addressing_at(s, |_| true, Some(discount))
        }
        Policy::Random => {
            let pick = |options: &[BidOption], max: u32, dice: &mut Dice| {
                let mut left: Vec<&Id> = options.iter().map(|o| &o.id).collect();
                let mut out = Vec::new();
                let n = dice.between(0, i64::from(max).min(left.len() as i64)) as usize;
                for _ in 0..n {
                    out.push(left.remove(dice.index(left.len())).clone());
                }
                out
            };
            Bid {
                price: t.price_levels[dice.index(t.price_levels.len())].id.clone(),
                emphases: pick(&t.emphases, t.max_emphases, dice),
                commitments: pick(&t.commitments, t.max_commitments, dice),
            }
        }
    }
}

/// The price level that addresses `price`-like criteria most: the largest total strength.
fn cheapest(levels: &[BidOption]) -> Option<&Id> {
    levels
        .iter()
        .max_by_key(|o| o.addresses.iter().map(|(_, s)| *s).sum::<i32>())
        .map(|o| &o.id)
}

/// The price level just above the cheapest: the second-largest total strength (a discount).
fn discounted(levels: &[BidOption]) -> Option<&Id> {
    let mut by_cut: Vec<&BidOption> = levels.iter().collect();
    by_cut.sort_by_key(|o| std::cmp::Reverse(o.addresses.iter().map(|(_, s)| *s).sum::<i32>()));
    by_cut.get(1).or(by_cut.first()).map(|o| &o.id)
}

/// A bid covering the believed criteria of the people `who` selects, weighted by believed influence.
fn addressing(s: &Session, who: impl Fn(usize) -> bool) -> Bid {
    addressing_at(s, who, None)
}

/// As `addressing`, at this price level when one is given.
fn addressing_at(s: &Session, who: impl Fn(usize) -> bool, fixed: Option<Id>) -> Bid {
    let mut demand: BTreeMap<Id, i32> = BTreeMap::new();
    for (i, b) in s.beliefs().iter().enumerate() {
        if !who(i) {
            continue;
        }
        if let Some(criteria) = &b.criteria {
            let weight = b.influence.as_ref().map_or(5, |x| x.value.max(1));
            for c in &criteria.value {
                *demand.entry(c.clone()).or_default() += weight;
            }
        }
    }
    let t = &s.scenario().tender;
    let mut covered: BTreeMap<Id, i32> = BTreeMap::new();
    // The price level that best meets the known price demand, else the default.
    let price = fixed.unwrap_or_else(|| {
        t.price_levels
            .iter()
            .max_by_key(|o| (gain(o, &demand, &covered), o.id == t.default_price))
            .map_or(t.default_price.clone(), |o| o.id.clone())
    });
    if let Some(o) = t.price_levels.iter().find(|o| o.id == price) {
        cover(o, &mut covered);
    }
    let emphases = greedy_pick(&t.emphases, t.max_emphases, &demand, &mut covered);
    let commitments = greedy_pick(&t.commitments, t.max_commitments, &demand, &mut covered);
    Bid {
        price,
        emphases,
        commitments,
    }
}

fn gain(o: &BidOption, demand: &BTreeMap<Id, i32>, covered: &BTreeMap<Id, i32>) -> i32 {
    o.addresses
        .iter()
        .filter(|(c, s)| *s > covered.get(c).copied().unwrap_or(0))
        .map(|(c, _)| {
            // Covering a criterion for the first time matters more than strengthening it.
            let first = if covered.contains_key(c) { 1 } else { 3 };
            demand.get(c).copied().unwrap_or(0) * first
        })
        .sum()
}

fn cover(o: &BidOption, covered: &mut BTreeMap<Id, i32>) {
    for (c, s) in &o.addresses {
        let e = covered.entry(c.clone()).or_insert(*s);
        *e = (*e).max(*s);
    }
}

fn greedy_pick(
    options: &[BidOption],
    max: u32,
    demand: &BTreeMap<Id, i32>,
    covered: &mut BTreeMap<Id, i32>,
) -> Vec<Id> {
    let mut out = Vec::new();
    for _ in 0..max {
        let best = options
            .iter()
            .filter(|o| !out.contains(&o.id))
            .map(|o| (gain(o, demand, covered), o))
            .filter(|(g, _)| *g > 0)
            .max_by_key(|(g, _)| *g);
        match best {
            Some((_, o)) => {
                cover(o, covered);
                out.push(o.id.clone());
            }
            None => break,
        }
    }
    out
}

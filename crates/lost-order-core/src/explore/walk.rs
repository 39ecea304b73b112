//! The deciders of the exploration: a named policy, or a random walk over every open decision.

use crate::engine::{Bid, Decision, Dice, Phase, Session};
use crate::policy::Policy;
use crate::scenario::{Grade, Id, Tender};

/// Who makes the decisions of one explored session.
#[derive(Clone, Debug)]
pub(super) enum Decider {
    /// A simulator policy, with its own randomness (as `simulate::play` seeds it).
    Policy(Policy, Dice),
    /// A random walk: each decision drawn uniformly from those open now (the week ends with
    /// probability `end_week` while actions are open); grades and bids drawn at random too.
    Walk { dice: Dice, end_week: f64 },
}

impl Decider {
    /// The next decision for `s`.
    pub fn decide(&mut self, s: &Session) -> Decision {
        match self {
            Decider::Policy(p, dice) => p.decide(s, dice),
            Decider::Walk { dice, end_week } => walk(s, dice, *end_week),
        }
    }

    /// How the decisions were made, for a finding's reproduction: `policy full-coverage` or
    /// `random walk`.
    pub fn how(&self) -> String {
        match self {
            Decider::Policy(p, _) => format!("policy {p}"),
            Decider::Walk { .. } => "random walk".into(),
        }
    }
}

/// A uniformly random open decision.
fn walk(s: &Session, dice: &mut Dice, end_week: f64) -> Decision {
    match s.phase() {
        Phase::Grading => Decision::Grade(
            s.grading()
                .map(|g| {
                    g.accounts
                        .iter()
                        .map(|a| (a.id.clone(), [Grade::A, Grade::B, Grade::C][dice.index(3)]))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        Phase::Planning => {
            let open = s.open_actions();
            if open.is_empty() || dice.chance(end_week) {
                return Decision::EndWeek;
            }
            let (a, target) = open[dice.index(open.len())];
            let scenario = s.scenario();
            Decision::Act {
                action: scenario.actions[a].id.clone(),
                target: target.map(|i| scenario.people[i].id.clone()),
            }
        }
        Phase::Scene(_) => {
            let open = s.open_choices();
            match open.len() {
                0 => Decision::EndWeek,
                n => Decision::Choose(open[dice.index(n)].clone()),
            }
        }
        Phase::Bidding => Decision::Bid(random_bid(&s.scenario().tender, dice)),
        Phase::Ended => Decision::EndWeek,
    }
}

/// A valid bid drawn at random: any price level, up to the allowed number of emphases and
/// commitments, none twice.
pub(super) fn random_bid(t: &Tender, dice: &mut Dice) -> Bid {
    let price = match t.price_levels.len() {
        0 => t.default_price.clone(),
        n => t.price_levels[dice.index(n)].id.clone(),
    };
    let mut pick = |options: &[crate::scenario::BidOption], max: u32| {
        let mut left: Vec<&Id> = options.iter().map(|o| &o.id).collect();
        let n = dice.index(left.len().min(max as usize) + 1);
        (0..n)
            .map(|_| left.remove(dice.index(left.len())).clone())
            .collect::<Vec<_>>()
    };
    let emphases = pick(&t.emphases, t.max_emphases);
    let commitments = pick(&t.commitments, t.max_commitments);
    Bid {
        price,
        emphases,
        commitments,
    }
}

/// The bids a sweep tries: every valid bid when there are at most `limit`, else each price
/// level alone and then random bids up to `limit`.
pub(super) fn sweep_bids(t: &Tender, limit: usize, dice: &mut Dice) -> Vec<Bid> {
    let emphases = subsets(t.emphases.len(), t.max_emphases as usize);
    let commitments = subsets(t.commitments.len(), t.max_commitments as usize);
    let total = t.price_levels.len() * emphases.len() * commitments.len();
    let ids = |options: &[crate::scenario::BidOption], set: &[usize]| -> Vec<Id> {
        set.iter().map(|&i| options[i].id.clone()).collect()
    };
    if total <= limit {
        let mut out = Vec::with_capacity(total);
        for p in &t.price_levels {
            for e in &emphases {
                for c in &commitments {
                    out.push(Bid {
                        price: p.id.clone(),
                        emphases: ids(&t.emphases, e),
                        commitments: ids(&t.commitments, c),
                    });
                }
            }
        }
        return out;
    }
    let mut out: Vec<Bid> = t
        .price_levels
        .iter()
        .map(|p| Bid {
            price: p.id.clone(),
            ..Bid::default()
        })
        .collect();
    while out.len() < limit {
        out.push(random_bid(t, dice));
    }
    out
}

/// Every subset of `0..n` with at most `max` members, as sorted index lists (empty first);
/// `n` is cut at 16 options, which no tender comes near.
fn subsets(n: usize, max: usize) -> Vec<Vec<usize>> {
    let n = n.min(16);
    (0u32..1 << n)
        .filter(|m| m.count_ones() as usize <= max)
        .map(|m| (0..n).filter(|i| m & (1 << i) != 0).collect())
        .collect()
}

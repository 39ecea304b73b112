//! The smallest change that would have won a lost session: the same weeks with another bid,
//! or one more move in one week with everything else as played.

use crate::engine::{Bid, Decision, Phase, Session};
use crate::scenario::{BidOption, BuyingRole, Id};

/// One change to a lost session that would have won it, everything else kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SmallestChange {
    /// The same weeks and another bid: the bid closest to the player's (fewest parts
    /// changed) that wins, among those the player could have written on purpose
    /// ([`Session::bid_that_would_have_won`]). The tender draws no dice, so this is exact.
    Bid(Bid),
    /// One more action in `week` (1-based), taken first that week; the player's own later
    /// decisions replayed (one refused for want of points is dropped) and the same bid.
    /// Later chance draws shift with the extra move, as in any what-if of the same seed.
    Move {
        week: u32,
        action: Id,
        target: Option<Id>,
    },
}

impl Session {
    /// The smallest change that would have won this lost session, or `None` when it was won,
    /// is not decided, or no single change wins. Tries the bid first (every valid bid, the
    /// fewest parts changed first), then one extra move, the latest week first and, within a
    /// week, aimed at the decision maker, then the technical buyer, then the others.
    /// Deterministic; it plays up to one session per (week, action, person).
    pub fn smallest_change(&self) -> Option<SmallestChange> {
        let played = self.tender()?;
        if played.won {
            return None;
        }
        if let Some(bid) = self.bid_that_would_have_won() {
            return Some(SmallestChange::Bid(bid));
        }
        self.one_more_move(&played.bid)
    }

    /// The bid closest to the player's (fewest parts changed) that would have won with the same
    /// weeks, if any bid would that the player could have written on purpose: every price level,
    /// and only emphases and commitments answering a criterion the player had learned someone
    /// cares about (a coach's account of the tender counts). `None` before the tender. The
    /// tender draws no dice, so this is exact: it tells whether the weeks or only the bid lost
    /// the order.
    pub fn bid_that_would_have_won(&self) -> Option<Bid> {
        let ours = &self.tender()?.bid;
        let mut at_bid = Session::new(self.scenario_arc(), self.seed());
        for m in self.decisions() {
            if !matches!(m.decision, Decision::Bid(_)) {
                at_bid.apply(&m.decision).ok()?;
            }
        }
        if *at_bid.phase() != Phase::Bidding {
            return None;
        }
        let mut bids = every_bid(self);
        bids.sort_by_key(|b| changes(ours, b));
        bids.into_iter().find(|bid| {
            let mut s = at_bid.clone();
            s.submit_bid(bid).is_ok() && s.tender().is_some_and(|t| t.won)
        })
    }

    /// One extra action in some week that wins with the player's other decisions and bid.
    fn one_more_move(&self, bid: &Bid) -> Option<SmallestChange> {
        let sc = self.scenario();
        let rank = |target: &Option<Id>| match target
            .as_deref()
            .and_then(|id| sc.person_index(id))
            .map(|i| self.truth().people[i].role)
        {
            Some(BuyingRole::DecisionMaker) => 0,
            Some(BuyingRole::Technical) => 1,
            _ => 2,
        };
        for week in (1..=sc.settings.weeks).rev() {
            let base = self.what_if(week).ok()?;
            if !matches!(base.phase(), Phase::Planning) {
                continue;
            }
            let mut options: Vec<_> = base
                .options()
                .into_iter()
                .filter(|o| o.blocked.is_none())
                .collect();
            options.sort_by_key(|o| rank(&o.target));
            for o in options {
                let mut s = base.clone();
                if s.act(&o.action, o.target.as_deref()).is_err() {
                    continue;
                }
                let rest = self.decisions().iter().filter(|m| m.week >= week);
                if play_rest(&mut s, rest.map(|m| &m.decision), bid) {
                    return Some(SmallestChange::Move {
                        week,
                        action: o.action,
                        target: o.target,
                    });
                }
            }
        }
        None
    }
}

/// Replays `rest` (a refused action is dropped; in a scene that differs from the player's,
/// the player's choice if it is there, else the first open one), then `bid`; true if won.
fn play_rest<'a>(s: &mut Session, rest: impl Iterator<Item = &'a Decision>, bid: &Bid) -> bool {
    for d in rest {
        if matches!(d, Decision::Bid(_)) {
            break;
        }
        // A scene the player never saw may open first: answer it before going on.
        while let Phase::Scene(_) = s.phase() {
            if let Decision::Choose(c) = d
                && s.choose(c).is_ok()
            {
                break;
            }
            let Some(first) = s.choices().into_iter().find(|c| c.blocked.is_none()) else {
                return false;
            };
            if s.choose(&first.choice).is_err() {
                return false;
            }
        }
        if matches!(d, Decision::Choose(_)) {
            continue;
        }
        let _ = s.apply(d);
    }
    // Weeks the player's decisions no longer reach are ended as they were.
    for _ in 0..1000 {
        match s.phase() {
            Phase::Bidding => {
                return s.submit_bid(bid).is_ok() && s.tender().is_some_and(|t| t.won);
            }
            Phase::Ended => return s.tender().is_some_and(|t| t.won),
            Phase::Scene(_) => {
                let Some(first) = s.choices().into_iter().find(|c| c.blocked.is_none()) else {
                    return false;
                };
                if s.choose(&first.choice).is_err() {
                    return false;
                }
            }
            _ => {
                if s.end_week().is_err() {
                    return false;
                }
            }
        }
    }
    false
}

/// Every bid the tender allows: each price level with each set of at most `max_emphases`
/// emphases and at most `max_commitments` commitments.
fn every_bid(s: &Session) -> Vec<Bid> {
    let t = &s.scenario().tender;
    // Only what the player could have chosen on purpose: an emphasis or commitment that
    // answers a criterion they had learned someone cares about (or the tender's known rules).
    let mut known: Vec<&Id> = s
        .beliefs()
        .iter()
        .filter_map(|b| b.criteria.as_ref())
        .flat_map(|c| c.value.iter())
        .collect();
    if let Some(told) = s.known_tender() {
        known.extend(told.stages.iter().flat_map(|j| j.criteria.iter()));
    }
    let knowable = |o: &&BidOption| o.addresses.iter().any(|(c, _)| known.contains(&c));
    let emphases = subsets(
        t.emphases
            .iter()
            .filter(knowable)
            .map(|e| e.id.clone())
            .collect(),
        t.max_emphases as usize,
    );
    let commitments = subsets(
        t.commitments
            .iter()
            .filter(knowable)
            .map(|c| c.id.clone())
            .collect(),
        t.max_commitments as usize,
    );
    let mut out = Vec::new();
    for level in &t.price_levels {
        for e in &emphases {
            for c in &commitments {
                out.push(Bid {
                    price: level.id.clone(),
                    emphases: e.clone(),
                    commitments: c.clone(),
                });
            }
        }
    }
    out
}

/// The subsets of `items` with at most `max` members, in the items' order.
fn subsets(items: Vec<Id>, max: usize) -> Vec<Vec<Id>> {
    let mut out: Vec<Vec<Id>> = vec![Vec::new()];
    for item in items {
        let grown: Vec<Vec<Id>> = out
            .iter()
            .filter(|s| s.len() < max)
            .map(|s| {
                let mut s = s.clone();
                s.push(item.clone());
                s
            })
            .collect();
        out.extend(grown);
    }
    out
}

/// How many parts of the bid differ: the price level, and each emphasis or commitment added
/// or dropped.
fn changes(a: &Bid, b: &Bid) -> usize {
    let diff = |x: &[Id], y: &[Id]| {
        x.iter().filter(|i| !y.contains(i)).count() + y.iter().filter(|i| !x.contains(i)).count()
    };
    usize::from(a.price != b.price)
        + diff(&a.emphases, &b.emphases)
        + diff(&a.commitments, &b.commitments)
}

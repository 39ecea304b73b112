//! Deciding the tender in stages, each with the facts behind its verdict.

use std::collections::BTreeMap;

use super::{Scope, Session};
use crate::engine::decision::Bid;
use crate::engine::outcome::{Score, StageVerdict, TenderResult, Verdict};
use crate::scenario::{Id, StageRule};

impl Session {
    /// How person `i` judges a bid that addresses `addresses`.
    pub(super) fn verdict(&self, i: usize, addresses: &BTreeMap<Id, i32>, support: i32) -> Verdict {
        let missed_value = self.scenario.tender.missed_criterion;
        let mut v = Verdict {
            support,
            fit: 0,
            met: Vec::new(),
            missed: Vec::new(),
        };
        for c in &self.world.people[i].criteria {
            match strength(addresses, c) {
                Some(s) => {
                    v.fit = v.fit.saturating_add(s);
                    v.met.push(c.clone());
                }
                None => {
                    v.fit = v.fit.saturating_add(missed_value);
                    v.missed.push(c.clone());
                }
            }
        }
        v
    }

    /// The total of `verdict` (support plus fit) without listing the criteria met and missed.
    fn verdict_total(&self, i: usize, addresses: &BTreeMap<Id, i32>, support: i32) -> i32 {
        let missed_value = self.scenario.tender.missed_criterion;
        let fit: i32 = self.world.people[i]
            .criteria
            .iter()
            .map(|c| strength(addresses, c).unwrap_or(missed_value))
            .fold(0, i32::saturating_add);
        support.saturating_add(fit)
    }

    /// The criteria a bid addresses (price level, emphases, commitments), each with the
    /// strength of its strongest option. Unknown option ids are ignored; draws nothing.
    pub fn addresses(&self, bid: &Bid) -> BTreeMap<Id, i32> {
        let t = &self.scenario.tender;
        let chosen = t
            .price_levels
            .iter()
            .filter(|o| o.id == bid.price)
            .chain(t.emphases.iter().filter(|o| bid.emphases.contains(&o.id)))
            .chain(
                t.commitments
                    .iter()
                    .filter(|o| bid.commitments.contains(&o.id)),
            );
        let mut out: BTreeMap<Id, i32> = BTreeMap::new();
        for option in chosen {
            for (c, s) in &option.addresses {
                let e = out.entry(c.clone()).or_insert(*s);
                *e = (*e).max(*s);
            }
        }
        out
    }

    /// Decides the tender on `bid` and keeps the result in `self.tender` (its ending and score
    /// still blank). The result grows stage by stage, so that a later stage's judge `when` can
    /// test the bid (`Price`, `BidIncludes`) and earlier stages (`StagePassed`, …).
    pub(super) fn decide_tender(&mut self, bid: &Bid) {
        let ours_addr = self.addresses(bid);
        let scenario = self.scenario.clone();
        let (mut we_in, mut rival_in) = (true, true);
        let (mut our_tally, mut rival_tally) = (0, 0);
        let mut eliminated_at = None;
        self.tender = Some(TenderResult {
            bid: bid.clone(),
            won: false,
            margin: 0,
            stages: Vec::new(),
            eliminated_at: None,
            disqualified: None,
            rival_eliminated: false,
            ending: Id::default(),
            score: Score::default(),
        });
        // A disqualified bid is never read by any stage.
        let disqualified = scenario
            .tender
            .disqualify
            .iter()
            .find(|d| self.holds_now(&d.when, Scope::default()))
            .map(|d| d.reason.clone());
        if disqualified.is_some() {
            we_in = false;
            if let Some(t) = self.tender.as_mut() {
                t.disqualified = disqualified;
            }
        }
        for stage in &scenario.tender.stages {
            if !we_in {
                break; // Nobody reads an eliminated bid.
            }
            let judge_id = stage
                .judge
                .iter()
                .find(|j| {
                    j.when
                        .as_ref()
                        .is_none_or(|w| self.holds_now(w, Scope::default()))
                })
                .or(stage.judge.last())
                .map(|j| j.who.clone())
                .unwrap_or_default();
            let Some(j) = scenario.person_index(&judge_id) else {
                continue;
            };
            let truth = &self.world.people[j];
            let ours = self.verdict(j, &ours_addr, truth.support);
            // What the competitor's bid addresses; judging draws nothing and changes nothing.
            let rival = self.verdict(j, &self.world.rival_bid, truth.rival_support);
            let mut center = None;
            match stage.rule {
                StageRule::Veto(threshold) => {
                    we_in = ours.total() >= threshold;
                    rival_in = rival_in && rival.total() >= threshold;
                }
                StageRule::Score(w) => {
                    our_tally = w.saturating_mul(ours.total()).saturating_add(our_tally);
                    rival_tally = w.saturating_mul(rival.total()).saturating_add(rival_tally);
                }
                StageRule::Decide(w) => {
                    let (mut o, mut r) = (0, 0);
                    for (i, p) in self.world.people.iter().enumerate() {
                        let weight = p.influence.saturating_mul(if i == j { w } else { 1 });
                        let ours = self.verdict_total(i, &ours_addr, p.support);
                        let rivals = self.verdict_total(i, &self.world.rival_bid, p.rival_support);
                        o = weight.saturating_mul(ours).saturating_add(o);
                        r = weight.saturating_mul(rivals).saturating_add(r);
                    }
                    our_tally = our_tally.saturating_add(o);
                    rival_tally = rival_tally.saturating_add(r);
                    center = Some((o, r));
                }
            }
            if !we_in {
                eliminated_at = Some(stage.id.clone());
            }
            let verdict = StageVerdict {
                stage: stage.id.clone(),
                rule: stage.rule,
                judge: judge_id,
                ours,
                rival,
                we_pass: we_in,
                rival_pass: rival_in,
                our_tally,
                rival_tally,
                center,
            };
            if let Some(t) = self.tender.as_mut() {
                t.stages.push(verdict);
            }
        }
        // With both bids in, the higher tally wins; a tie goes to the competitor.
        let won = we_in && (!rival_in || our_tally > rival_tally);
        if let Some(t) = self.tender.as_mut() {
            t.won = won;
            t.margin = our_tally.saturating_sub(rival_tally);
            t.eliminated_at = eliminated_at;
            t.rival_eliminated = !rival_in;
        }
    }
}

/// The strength with which `addresses` meets criterion `c`; `None` when it misses it.
fn strength(addresses: &BTreeMap<Id, i32>, c: &str) -> Option<i32> {
    addresses.get(c).copied().filter(|&s| s > 0)
}

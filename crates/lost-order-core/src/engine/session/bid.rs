//! Checking a bid against the tender's rules before it is decided.

use super::Session;
use super::error::{BidPart, BidProblem};
use crate::engine::decision::Bid;

impl Session {
    /// The first thing wrong with `bid`: its price level, then each list (emphases, then
    /// commitments) for its length, unknown options and repeats. Draws nothing.
    pub(super) fn check_bid(&self, bid: &Bid) -> Result<(), BidProblem> {
        let t = &self.scenario.tender;
        if !t.price_levels.iter().any(|p| p.id == bid.price) {
            return Err(BidProblem::UnknownPrice(bid.price.clone()));
        }
        for (list, options, max, part) in [
            (
                &bid.emphases,
                &t.emphases,
                t.max_emphases,
                BidPart::Emphasis,
            ),
            (
                &bid.commitments,
                &t.commitments,
                t.max_commitments,
                BidPart::Commitment,
            ),
        ] {
            if list.len() > max as usize {
                return Err(BidProblem::TooMany { part, max });
            }
            for (i, id) in list.iter().enumerate() {
                if !options.iter().any(|o| &o.id == id) {
                    return Err(BidProblem::UnknownOption {
                        part,
                        id: id.clone(),
                    });
                }
                if list[..i].contains(id) {
                    return Err(BidProblem::GivenTwice {
                        part,
                        id: id.clone(),
                    });
                }
            }
        }
        Ok(())
    }
}

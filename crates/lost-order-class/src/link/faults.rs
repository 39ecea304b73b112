//! Faults a simulated trainee's link injects into its own requests, to show that the class
//! loses nothing to a bad network: requests dropped (before the server sees them, or their
//! answer after), sent twice, sent out of order, and delayed.

use std::time::Duration;

use lost_order_core::engine::Dice;

/// How often each fault happens, each a chance from 0 to 1 per request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Faults {
    /// A request is lost: half the time before it reaches the server, half the time its
    /// answer is lost after the server took it.
    pub drop: f64,
    /// A request is sent twice; the second answer counts.
    pub duplicate: f64,
    /// The lines after the first of a request are sent first, on their own (the server must
    /// refuse them as out of order), then the request.
    pub reorder: f64,
    /// A request waits up to `max_delay` before it is sent.
    pub delay: f64,
    /// The longest delay.
    pub max_delay: Duration,
}

impl Faults {
    /// Every fault at `chance`, delays up to 20 ms.
    pub fn all(chance: f64) -> Faults {
        Faults {
            drop: chance,
            duplicate: chance,
            reorder: chance,
            delay: chance,
            max_delay: Duration::from_millis(20),
        }
    }
}

/// What to do to one request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Mishap {
    pub delay: Option<Duration>,
    pub duplicate: bool,
    pub lose_request: bool,
    pub lose_answer: bool,
}

/// Draws the mishaps of one request from `dice`.
pub(crate) fn draw(faults: &Faults, dice: &mut Dice) -> Mishap {
    let mut m = Mishap::default();
    if dice.chance(faults.delay) {
        let ms = faults.max_delay.as_millis().min(i64::MAX as u128) as i64;
        m.delay = Some(Duration::from_millis(dice.between(0, ms) as u64));
    }
    m.duplicate = dice.chance(faults.duplicate);
    if dice.chance(faults.drop) {
        if dice.chance(0.5) {
            m.lose_request = true;
        } else {
            m.lose_answer = true;
        }
    }
    m
}

//! Stance bands: where a support value (−5…+5) falls, from opponent to champion. One rule for all.

use serde::{Deserialize, Serialize};

/// The band a person's support for us (−5…+5) falls in, as the player is shown it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stance {
    /// Support −3 or lower: works against us.
    Opponent,
    /// Support −2 or −1: doubts us.
    Sceptical,
    /// Support 0.
    Neutral,
    /// Support +1 or +2.
    Supportive,
    /// Support +3 or higher: argues for us.
    Champion,
}

impl Stance {
    /// The five bands from the lowest to the highest.
    pub const ALL: [Stance; 5] = [
        Stance::Opponent,
        Stance::Sceptical,
        Stance::Neutral,
        Stance::Supportive,
        Stance::Champion,
    ];

    /// The band of a support value (−5…+5; values outside fall in the end bands).
    pub fn of(support: i32) -> Stance {
        match support {
            i32::MIN..=-3 => Stance::Opponent,
            -2..=-1 => Stance::Sceptical,
            0 => Stance::Neutral,
            1..=2 => Stance::Supportive,
            _ => Stance::Champion,
        }
    }

    /// The band's sign, so that it is never told by colour alone: `−−`, `−`, `○`, `+`, `++`
    /// (with U+2212 minus signs).
    pub fn sign(self) -> &'static str {
        match self {
            Stance::Opponent => "−−",
            Stance::Sceptical => "−",
            Stance::Neutral => "○",
            Stance::Supportive => "+",
            Stance::Champion => "++",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_change_at_their_edges() {
        let bands: Vec<Stance> = (-4..=4).map(Stance::of).collect();
        assert_eq!(
            bands,
            [
                Stance::Opponent,
                Stance::Opponent,
                Stance::Sceptical,
                Stance::Sceptical,
                Stance::Neutral,
                Stance::Supportive,
                Stance::Supportive,
                Stance::Champion,
                Stance::Champion,
            ]
        );
        assert_eq!(Stance::of(i32::MIN), Stance::Opponent);
        assert_eq!(Stance::of(i32::MAX), Stance::Champion);
    }

    #[test]
    fn signs_go_from_minus_minus_to_plus_plus() {
        let signs: Vec<&str> = Stance::ALL.iter().map(|s| s.sign()).collect();
        assert_eq!(signs, ["−−", "−", "○", "+", "++"]);
    }
}

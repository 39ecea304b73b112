//! The class's secrets and names: a short class code to read aloud, the instructor's token,
//! session ids.

use lost_order_app::fresh_seed;

/// The letters of a class code: capitals and digits without the look-alikes 0/O, 1/I/L.
const CODE_LETTERS: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// How many letters a class code has.
pub const CODE_LEN: usize = 6;

/// A fresh class code, e.g. `K7QX3M`: six letters of [`CODE_LETTERS`] (about 30 bits),
/// short enough to write on a whiteboard. Compared without regard to case.
pub fn class_code() -> String {
    let mut bits = fresh_seed();
    (0..CODE_LEN)
        .map(|_| {
            let letter = CODE_LETTERS[(bits % CODE_LETTERS.len() as u64) as usize];
            bits /= CODE_LETTERS.len() as u64;
            char::from(letter)
        })
        .collect()
}

/// A fresh secret of 128 bits in hex, for the instructor's token.
pub fn secret() -> String {
    format!("{:016x}{:016x}", fresh_seed(), fresh_seed())
}

/// A fresh session id: 64 bits in hex.
pub fn session_id() -> String {
    format!("{:016x}", fresh_seed())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_unambiguous_letters_and_differ() {
        let a = class_code();
        assert_eq!(a.len(), CODE_LEN);
        assert!(a.bytes().all(|b| CODE_LETTERS.contains(&b)), "{a}");
        let codes: std::collections::BTreeSet<String> = (0..100).map(|_| class_code()).collect();
        assert!(codes.len() > 95);
        assert_ne!(secret(), secret());
    }
}

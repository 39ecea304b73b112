//! A number an author gives either fixed (`2`) or as a random range drawn per session (`(-2, 0)`).

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A fixed value or an inclusive range `(min, max)` drawn once when a session starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    Fixed(i32),
    Range(i32, i32),
}

impl Amount {
    pub fn min(self) -> i32 {
        match self {
            Amount::Fixed(v) => v,
            Amount::Range(lo, _) => lo,
        }
    }

    pub fn max(self) -> i32 {
        match self {
            Amount::Fixed(v) => v,
            Amount::Range(_, hi) => hi,
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Amount::Fixed(v) => write!(f, "{v}"),
            Amount::Range(lo, hi) => write!(f, "({lo}, {hi})"),
        }
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Amount::Fixed(v) => s.serialize_i32(v),
            Amount::Range(lo, hi) => (lo, hi).serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AmountVisitor)
    }
}

struct AmountVisitor;

impl<'de> Visitor<'de> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number like `2` or a range like `(-2, 0)`")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        i32::try_from(v)
            .map(Amount::Fixed)
            .map_err(|_| E::custom(format!("{v} is too large")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        i32::try_from(v)
            .map(Amount::Fixed)
            .map_err(|_| E::custom(format!("{v} is too large")))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Amount, A::Error> {
        let lo: i32 = seq
            .next_element()?
            .ok_or_else(|| de::Error::custom("a range needs two numbers: `(min, max)`"))?;
        let hi: i32 = seq
            .next_element()?
            .ok_or_else(|| de::Error::custom("a range needs two numbers: `(min, max)`"))?;
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::custom(
                "a range has exactly two numbers: `(min, max)`",
            ));
        }
        Ok(Amount::Range(lo, hi))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fixed_and_range() {
        assert_eq!(ron::from_str::<Amount>("3").unwrap(), Amount::Fixed(3));
        assert_eq!(ron::from_str::<Amount>("-2").unwrap(), Amount::Fixed(-2));
        assert_eq!(
            ron::from_str::<Amount>("(-2, 0)").unwrap(),
            Amount::Range(-2, 0)
        );
        assert!(ron::from_str::<Amount>("(1, 2, 3)").is_err());
        assert!(ron::from_str::<Amount>("\"x\"").is_err());
    }
}

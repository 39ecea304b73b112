//! Fresh seeds for new sessions: distinct for sessions started at the same moment.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Counts the seeds this process has made, so two in the same clock tick still differ.
static MADE: AtomicU64 = AtomicU64::new(0);

/// A seed for a new world: the clock in nanoseconds, the process id and a per-process count,
/// mixed (SplitMix64) so that near starts give unrelated worlds. Two trainees who start in the
/// same second, in one process or two, get different seeds.
pub fn fresh_seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let count = MADE.fetch_add(1, Ordering::Relaxed);
    let pid = u64::from(std::process::id());
    mix(nanos ^ pid.rotate_left(32) ^ count.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// SplitMix64's finaliser: spreads every input bit over the whole output.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_made_back_to_back_differ() {
        let seeds: std::collections::BTreeSet<u64> = (0..1000).map(|_| fresh_seed()).collect();
        assert_eq!(seeds.len(), 1000);
    }
}

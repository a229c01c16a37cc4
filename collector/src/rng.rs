//! A small seedable pseudo-random generator (SplitMix64) for fault injection, request ids and
//! synthetic data. Not for secrets: nothing here needs unpredictability, only reproducibility
//! from a seed.

use std::hash::{BuildHasher, RandomState};

/// SplitMix64 (Steele, Lea & Flood, 2014): one `u64` of state, good statistical quality, and
/// the same sequence for the same seed on every platform.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator that yields the same sequence for the same `seed`.
    pub fn seeded(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float uniformly distributed in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        // The top 53 bits fill an f64's mantissa exactly.
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An integer uniformly distributed in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // Lemire's multiply-shift: no modulo bias worth speaking of for the small `n` used here.
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// `true` with probability `p` (clamped to `[0, 1]`).
    pub fn chance(&mut self, p: f64) -> bool {
        self.next_f64() < p
    }

    /// One of `items`, chosen with the given relative weights; `None` if all weights are 0.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> Option<&'a T> {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut pick = self.below(total);
        for (item, weight) in items {
            let weight = u64::from(*weight);
            if pick < weight {
                return Some(item);
            }
            pick -= weight;
        }
        None
    }
}

/// A seed that differs between runs and processes (from the standard library's randomly keyed
/// hasher), for when the user gave none.
pub fn random_seed() -> u64 {
    RandomState::new().hash_one(std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_sequence() {
        let mut a = Rng::seeded(42);
        let mut b = Rng::seeded(42);
        let xs: Vec<u64> = (0..8).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..8).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(Rng::seeded(43).next_u64(), xs[0]);
    }

    #[test]
    fn floats_and_ranges_stay_in_bounds() {
        let mut rng = Rng::seeded(7);
        for _ in 0..10_000 {
            let f = rng.next_f64();
            assert!((0.0..1.0).contains(&f));
            assert!(rng.below(5) < 5);
        }
        assert_eq!(rng.below(0), 0);
        assert!(!rng.chance(0.0));
        assert!(rng.chance(1.0));
    }

    #[test]
    fn weighted_choice_follows_the_weights() {
        let mut rng = Rng::seeded(1);
        let items = [("never", 0), ("a", 1), ("b", 3)];
        let mut counts = [0u32; 3];
        for _ in 0..4_000 {
            match rng.weighted(&items) {
                Some(&"a") => counts[1] += 1,
                Some(&"b") => counts[2] += 1,
                _ => counts[0] += 1,
            }
        }
        assert_eq!(counts[0], 0);
        assert!((800..1_200).contains(&counts[1]), "{counts:?}");
        assert_eq!(rng.weighted::<&str>(&[]), None);
    }
}

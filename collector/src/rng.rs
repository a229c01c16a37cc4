//! Seeds for the collector's pseudo-random numbers (fault injection, request ids, synthetic
//! data). The generator is the core's [`SplitMix64`](riskguard_core::random::SplitMix64).

use std::hash::{BuildHasher, RandomState};

/// A seed that differs between runs and processes (from the standard library's randomly keyed
/// hasher), for when the user gave none.
pub fn random_seed() -> u64 {
    RandomState::new().hash_one(std::process::id())
}

//! Rules files at and past the limits, for `tests/hostile_rules.rs` and `benches/rules.rs`:
//! deterministic (a fixed SplitMix64 seed), built in memory.

use riskguard_core::random::SplitMix64;
use riskguard_core::risk::rules_limits::MAX_FILE_BYTES;
use serde_json::{json, Value};

/// Letters and Chinese characters terms are drawn from.
const ALPHABET: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's',
    't', 'u', 'v', 'w', 'x', 'y', 'z', '币', '链', '矿', '机', '收', '出', '卖', '买', '提', '现',
];

/// A random term of `len` characters.
pub fn term(rng: &mut SplitMix64, len: usize) -> String {
    (0..len)
        .map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize])
        .collect()
}

/// A file of keyword rules with five terms of 20–60 characters each, as large as fits in
/// `bytes` (at most the 1 MiB limit): about 2 600 rules and 13 000 terms for 1 MB.
pub fn keyword_file(bytes: usize) -> String {
    assert!(bytes <= MAX_FILE_BYTES);
    let mut rng = SplitMix64::new(2026);
    let mut rules: Vec<Value> = Vec::new();
    let mut size = 40;
    loop {
        let terms: Vec<String> = (0..5)
            .map(|_| {
                let len = 20 + rng.below(41) as usize;
                term(&mut rng, len)
            })
            .collect();
        let rule = json!({
            "id": format!("bulk.{}", rules.len()),
            "category": "otc_trading",
            "weight": 40,
            "terms": terms,
        });
        let rule_size = rule.to_string().len() + 1;
        if size + rule_size > bytes {
            break;
        }
        size += rule_size;
        rules.push(rule);
    }
    json!({ "version": "bulk", "keywords": rules }).to_string()
}

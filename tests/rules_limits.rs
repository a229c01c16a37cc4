//! Hostile rules files in the browser: `setRules` refuses them or loads them within 200 ms of
//! main-thread time, and the rules in force stay when it refuses. (Before the limits, one
//! 10 000-character term blocked Chromium's main thread for 96.6 s.)
//!
//! Run with `cargo xtask test` (stage `browser`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;
#[path = "../core/tests/common/large_rules.rs"]
mod large_rules;

use riskguard::web::RiskGuard;
use riskguard_core::random::SplitMix64;
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The bound for a hostile file, refused or loaded.
const BUDGET_MS: f64 = 200.0;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn guard() -> RiskGuard {
    common::mount_with(&js_sys::Object::new()).1
}

/// Hands `file` to `setRules`, and returns the error message (if refused) and the time taken.
fn set_rules(guard: &RiskGuard, file: &str) -> (Option<String>, f64) {
    let text = JsValue::from_str(file);
    let started = now();
    let outcome = guard.set_rules(text);
    let elapsed = now() - started;
    let message = outcome.err().map(|e| {
        e.unchecked_into::<js_sys::Error>()
            .message()
            .as_string()
            .unwrap_or_default()
    });
    (message, elapsed)
}

fn keyword(id: String, terms: Vec<String>) -> serde_json::Value {
    json!({ "id": id, "category": "otc_trading", "weight": 45, "terms": terms })
}

#[wasm_bindgen_test]
fn hostile_rules_files_are_refused_quickly_and_the_rules_in_force_stay() {
    let guard = guard();
    let builtin = guard.rules_version();
    let mut rng = SplitMix64::new(7);
    let files = [
        (
            "one 10 000-character term",
            json!({ "version": "h1", "keywords": [keyword("long".into(), vec!["a".repeat(10_000)])] })
                .to_string(),
            "longer than 64 characters",
        ),
        (
            "a million short terms",
            json!({ "version": "h2", "keywords": [keyword("many".into(),
                (0..1_000_000).map(|_| large_rules::term(&mut rng, 3)).collect())] })
            .to_string(),
            "the limit is 1048576",
        ),
        (
            "65 537 keyword rules",
            json!({ "version": "h3", "keywords": (0..65_537)
                .map(|i| keyword(format!("k{i}"), vec![format!("t{i}")]))
                .collect::<Vec<_>>() })
            .to_string(),
            "the limit is 1048576",
        ),
        (
            "5 001 small keyword rules in 300 KB",
            json!({ "version": "h4", "keywords": (0..5_001)
                .map(|i| keyword(format!("k{i}"), vec![format!("t{i}")]))
                .collect::<Vec<_>>() })
            .to_string(),
            "the limit is 5000",
        ),
    ];
    for (what, file, expected) in files {
        let (message, ms) = set_rules(&guard, &file);
        console_log!("{what}: {} bytes, {ms:.1} ms", file.len());
        let message = message.unwrap_or_else(|| panic!("{what}: accepted"));
        assert!(message.contains(expected), "{what}: {message}");
        assert!(ms <= BUDGET_MS, "{what}: {ms:.1} ms");
        assert_eq!(
            guard.rules_version(),
            builtin,
            "{what}: the rules in force stay"
        );
    }
    guard.unmount();
}

#[wasm_bindgen_test]
fn a_one_megabyte_file_within_the_limits_loads_and_is_used() {
    let guard = guard();
    let file = large_rules::keyword_file(1_000_000);
    let (message, ms) = set_rules(&guard, &file);
    console_log!(
        "1 MB file within the limits: {} bytes, {ms:.1} ms",
        file.len()
    );
    assert_eq!(message, None);
    assert_eq!(guard.rules_version(), "bulk");
    guard.unmount();
}

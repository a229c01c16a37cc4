//! Hostile and oversized rules files: refused up front with a message naming the limit they
//! pass, or compiled — never a frozen page. (How long a 1 MB file takes to compile is measured
//! in `cargo bench -p riskguard-core --bench rules`; the browser side is `tests/rules_limits.rs`
//! of the component.)
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

#[path = "common/large_rules.rs"]
mod large_rules;

use riskguard_core::random::SplitMix64;
use riskguard_core::risk::rules_limits::{
    MAX_FILE_BYTES, MAX_ID_CHARS, MAX_RULES, MAX_TERMS, MAX_TERM_CHARS,
};
use riskguard_core::risk::{assess, Level, Rules, TransferContext};
use serde_json::json;

fn refused(json: &str) -> String {
    match Rules::from_json(json) {
        Ok(_) => panic!("accepted a file that passes a limit"),
        Err(e) => e.to_string(),
    }
}

fn keyword(id: &str, terms: &[String]) -> serde_json::Value {
    json!({ "id": id, "category": "otc_trading", "weight": 45, "terms": terms })
}

#[test]
fn one_ten_thousand_character_term_is_refused_naming_it() {
    let file = json!({ "version": "x", "keywords": [keyword("long", &["a".repeat(10_000)])] });
    let message = refused(&file.to_string());
    assert!(
        message.contains("keywords[0].terms[0]")
            && message.contains(&format!("longer than {MAX_TERM_CHARS}")),
        "{message}"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    // A million three-letter terms: 8 MB of JSON.
    let mut rng = SplitMix64::new(1);
    let terms: Vec<String> = (0..1_000_000)
        .map(|_| large_rules::term(&mut rng, 3))
        .collect();
    let file = json!({ "version": "x", "keywords": [keyword("many", &terms)] }).to_string();
    assert!(file.len() > MAX_FILE_BYTES);
    let message = refused(&file);
    assert!(
        message.contains(&format!("the limit is {MAX_FILE_BYTES}")),
        "{message}"
    );
    // Still refused when it is not even JSON: the size is checked first.
    let message = refused(&"[".repeat(MAX_FILE_BYTES + 1));
    assert!(message.contains("bytes"), "{message}");
}

#[test]
fn too_many_rules_or_terms_are_refused_by_count() {
    let rules: Vec<_> = (0..=MAX_RULES)
        .map(|i| keyword(&format!("k{i}"), &[format!("t{i}")]))
        .collect();
    let file = json!({ "version": "x", "keywords": rules }).to_string();
    assert!(file.len() <= MAX_FILE_BYTES, "the count is what is refused");
    let message = refused(&file);
    assert!(
        message.contains(&format!("the limit is {MAX_RULES}")),
        "{message}"
    );

    // A small set used in many groups counts at every use.
    let set: Vec<String> = (0..1_000).map(|i| format!("w{i}")).collect();
    let combos: Vec<_> = (0..21)
        .map(|i| {
            json!({ "id": format!("c{i}"), "category": "otc_trading", "weight": 40,
                    "all": [["@set"], ["x"]] })
        })
        .collect();
    let file = json!({ "version": "x", "term_sets": { "set": set }, "combinations": combos });
    let message = refused(&file.to_string());
    assert!(
        message.contains(&format!("the limit is {MAX_TERMS}")),
        "{message}"
    );
}

#[test]
fn duplicate_and_overlong_ids_are_named() {
    // 4 000 rules, the last one reusing an id from the middle: the second use is named.
    let mut rules: Vec<_> = (0..4_000)
        .map(|i| keyword(&format!("k{i}"), &[format!("t{i}")]))
        .collect();
    rules.push(keyword("k17", &["again".to_owned()]));
    let message = refused(&json!({ "version": "x", "keywords": rules }).to_string());
    assert!(
        message.contains("keywords[4000].id") && message.contains("`k17` is used twice"),
        "{message}"
    );
    let long_id = "i".repeat(MAX_ID_CHARS + 1);
    let message = refused(
        &json!({ "version": "x", "keywords": [keyword(&long_id, &["t".to_owned()])] }).to_string(),
    );
    assert!(message.contains("keywords[0].id"), "{message}");
}

#[test]
fn unknown_sets_and_shapes_and_bad_fuzzy_terms_are_named() {
    for (terms, expected) in [
        (vec!["@nowhere"], "no term set is called `nowhere`"),
        (vec!["#price"], "unknown shape `#price`"),
        (vec!["~btc"], "a `~` term is one Latin word"),
    ] {
        let terms: Vec<String> = terms.into_iter().map(str::to_owned).collect();
        let message =
            refused(&json!({ "version": "x", "keywords": [keyword("k", &terms)] }).to_string());
        assert!(
            message.contains("keywords[0].terms[0]") && message.contains(expected),
            "{message}"
        );
    }
    let file = json!({ "version": "x", "term_sets": { "a": ["@b"] }, "keywords": [keyword("k", &["@a".to_owned()])] });
    assert!(refused(&file.to_string()).contains("term_sets.a[0]"));
    let file = json!({ "version": "x", "shapes": { "rate_bands": { "CNY": [790, 620] } } });
    assert!(refused(&file.to_string()).contains("shapes.rate_bands.CNY"));
}

#[test]
fn a_one_megabyte_file_within_the_limits_compiles_and_matches() {
    let file = large_rules::keyword_file(1_000_000);
    assert!(file.len() > 990_000);
    let rules = Rules::from_json(&file).expect("within the limits");
    // The large automaton finds a term of the file like the small one does.
    let value: serde_json::Value = serde_json::from_str(&file).expect("json");
    let term = value["keywords"][1234]["terms"][2]
        .as_str()
        .expect("a term");
    let transfer = TransferContext::from_json(
        &json!({
            "amount_minor": 100, "currency": "CNY", "memo": format!("转 {term} 谢谢"),
            "payee": { "is_new": false }, "initiated_at": "2026-11-21T14:00:00+08:00",
        })
        .to_string(),
    )
    .expect("valid");
    let a = assess(&transfer, &rules);
    assert!(a.level >= Level::Medium, "{a:?}");
    assert!(a.reasons.iter().any(|r| r.rule_id == "bulk.1234"), "{a:?}");
}

//! The memo model as an analyst and a host meet it: in the rules file, in the reasons of an
//! assessment, and refused with a clear error when its section is broken.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use riskguard_core::risk::{assess, Category, Level, Rules, TextSource, TransferContext};
use serde_json::{json, Value};

fn transfer(memo: &str) -> TransferContext {
    TransferContext::from_json(
        &json!({
            "amount_minor": 500_000, "currency": "CNY", "memo": memo,
            "payee": { "display_name": "陈先生", "is_new": false, "account_age_days": 900 },
            "initiated_at": "2026-11-21T14:00:00+08:00",
        })
        .to_string(),
    )
    .expect("valid transfer")
}

/// The built-in rules file with its memo model replaced by one that likes `liked`'s n-grams.
fn rules_liking(liked: &str, alone: u32, with_evidence: u32) -> Rules {
    rules_with(liked, alone, with_evidence, None)
}

/// [`rules_liking`] with a `doubt_below` threshold.
fn rules_with(liked: &str, alone: u32, with_evidence: u32, doubt_below: Option<i32>) -> Rules {
    let builtin = Rules::builtin();
    let mut weights = vec![b'8'; 4096];
    for slot in builtin.memo_features(liked, 4096).unwrap() {
        weights[slot as usize] = b'f';
    }
    let mut file: Value = serde_json::to_value(builtin.file()).unwrap();
    file["memo_model"] = json!({
        "id": "model.memo_ngrams", "weights": String::from_utf8(weights).unwrap(),
        "alone": alone, "with_evidence": with_evidence, "doubt_below": doubt_below,
    });
    Rules::from_json(&file.to_string()).expect("compiles")
}

#[test]
fn the_builtin_rules_carry_a_model() {
    // (`Rules::builtin()` has already checked the section: slot count, thresholds, digits.)
    assert!(
        Rules::builtin().file().memo_model.is_some(),
        "rules/default.json has a memo_model"
    );
}

#[test]
fn a_memo_no_rule_names_is_caught_by_the_model_with_its_reason_and_span() {
    // A word no rule lists and the built-in model does not know; this model has learned it.
    let memo = "zorblax quint";
    assert_eq!(assess(&transfer(memo), Rules::builtin()).level, Level::None);
    let rules = rules_liking("zorblax", 500, 300);
    let a = assess(&transfer(memo), &rules);
    assert_eq!(a.level, Level::Medium, "{a:?}");
    let reason = &a.reasons[0];
    assert_eq!(
        (reason.rule_id.as_str(), reason.code.as_str()),
        ("model.memo_ngrams", "memo_model")
    );
    let span = reason.span.as_ref().expect("the model names where");
    assert_eq!(span.source, TextSource::Memo);
    // The strongest n-gram, the longest of equally strong ones.
    assert_eq!(span.text.chars().count(), 3, "{span:?}");
    assert!("zorblax".contains(span.text.as_str()), "{span:?}");
    // No rule fired and no pattern matched in part (`陈先生` is half of an authority pattern;
    // `小王` is nothing): the coached-transfer warning.
    let mut plain = transfer("zorblax");
    plain.payee.display_name = Some("小王".to_owned());
    let alone = assess(&plain, &rules);
    assert_eq!(alone.category, Some(Category::UnusualPattern), "{alone:?}");
    // A memo that shares nothing with it is left alone.
    assert_eq!(assess(&transfer("周末烧烤 AA"), &rules).level, Level::None);
}

#[test]
fn below_its_own_threshold_the_model_only_lifts_what_the_rules_found() {
    // The model likes the memo, but only at the `with_evidence` tier.
    let rules = rules_liking("zorblax", 100_000, 100);
    assert_eq!(assess(&transfer("zorblax"), &rules).level, Level::None);
    // With a rule at `low` (a deposit alone is weak evidence of an unlock fee), it lifts the
    // transfer to `medium` and keeps the rule's category.
    let memo = "zorblax 保证金";
    let before = assess(&transfer(memo), &rules_liking("zorblax", 100_000, 100_000));
    assert_eq!(before.level, Level::Low, "{before:?}");
    let after = assess(&transfer(memo), &rules);
    assert_eq!(after.level, Level::Medium, "{after:?}");
    assert_eq!(after.category, before.category);
    assert!(after
        .reasons
        .iter()
        .any(|r| r.rule_id == "model.memo_ngrams"));
    // It only tops up to `medium`: what already interrupts is not raised by it.
    let strong = "zorblax USDT";
    assert_eq!(
        assess(&transfer(strong), Rules::builtin()).level,
        Level::Medium
    );
    let a = assess(&transfer(strong), &rules_liking("zorblax", 100, 100));
    assert_eq!(a.level, Level::Medium, "{a:?}");
    assert!(
        a.reasons.iter().all(|r| r.rule_id != "model.memo_ngrams"),
        "{a:?}"
    );
}

#[test]
fn doubt_holds_only_a_medium_the_memos_own_words_made() {
    // A model that reads every memo as benign (its thresholds are out of reach).
    let rules = rules_with("zorblax", 100_000, 100_000, Some(100_000));
    // Words of the memo alone: held at `low`, its reasons kept.
    let words = assess(&transfer("USDT"), &rules);
    assert_eq!(words.level, Level::Low, "{words:?}");
    assert_eq!(words.reasons[0].rule_id, "otc.usdt");
    // Digits are the shapes' evidence: not held.
    assert!(assess(&transfer("USDT 3000个"), &rules).level >= Level::Medium);
    // Behaviour alone (an empty memo, a day-old payee at night, just under a limit): not held.
    let behaviour = TransferContext::from_json(
        &json!({
            "amount_minor": 999_900, "currency": "CNY", "memo": "",
            "payee": { "display_name": "小李", "is_new": true, "account_age_days": 1 },
            "initiated_at": "2026-06-09T01:23:00+08:00", "channel": "p2p",
        })
        .to_string(),
    )
    .expect("valid transfer");
    assert_eq!(assess(&behaviour, Rules::builtin()).level, Level::Medium);
    assert_eq!(assess(&behaviour, &rules).level, Level::Medium);
    // The payee's name is not the memo: not held.
    let payee = TransferContext::from_json(
        &json!({
            "amount_minor": 500_000, "currency": "CNY", "memo": "谢谢",
            "payee": { "display_name": "USDT", "is_new": false, "account_age_days": 900 },
            "initiated_at": "2026-11-21T14:00:00+08:00",
        })
        .to_string(),
    )
    .expect("valid transfer");
    assert_eq!(assess(&payee, &rules).level, Level::Medium);
}

#[test]
fn a_broken_model_section_is_refused_naming_it_and_the_rules_in_force_stay() {
    let mut file: Value = serde_json::to_value(Rules::builtin().file()).unwrap();
    for (weights, expected) in [
        ("8888", "power of two"),
        ("x".repeat(256).as_str(), "weight 0 is `x`"),
    ] {
        file["memo_model"] = json!({ "id": "model.memo_ngrams", "weights": weights, "alone": 1, "with_evidence": 1 });
        let err = Rules::from_json(&file.to_string()).unwrap_err().to_string();
        assert!(
            err.contains("memo_model") && err.contains(expected),
            "{err}"
        );
    }
    file["memo_model"] = json!({ "id": "model.memo_ngrams", "weights": "8", "alone": 1 });
    let err = Rules::from_json(&file.to_string()).unwrap_err().to_string();
    assert!(err.contains("with_evidence"), "{err}");
    // Without the section there is no model, and the rules still work.
    file.as_object_mut().unwrap().remove("memo_model");
    let rules = Rules::from_json(&file.to_string()).expect("compiles without a model");
    assert!(rules.file().memo_model.is_none());
    assert!(assess(&transfer("收u 7.2"), &rules).level >= Level::Medium);
}

#[test]
fn beside_low_evidence_the_model_lifts_only_what_the_rules_did_not_count() {
    // A model that has learned the weak word itself: the word alone stays `low` (it is weak
    // because it is ambiguous), and so does behaviour alone; with more words it likes, it lifts.
    let rules = rules_liking("保证金", 100_000, 100);
    let alone = assess(&transfer("保证金"), &rules);
    assert_eq!(alone.level, Level::Low, "{alone:?}");
    let rules = rules_liking("保证金 补上 才能提", 100_000, 100);
    let more = assess(&transfer("保证金 补上 才能提"), &rules);
    assert_eq!(more.level, Level::Medium, "{more:?}");
    // Behaviour (a new payee on a young account, at night) is `low`, not evidence of meaning.
    let rules = rules_liking("zorblax", 100_000, 100);
    let mut late = transfer("zorblax");
    late.payee.account_age_days = Some(3);
    late.initiated_at -= chrono::Duration::hours(11);
    let a = assess(&late, &rules);
    assert!(a.level <= Level::Low, "{a:?}");
    assert!(a.reasons.iter().all(|r| r.code != "memo_model"), "{a:?}");
}

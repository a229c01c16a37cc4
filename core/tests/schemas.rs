//! `schemas/*.schema.json` agree with the Rust types: the schemas accept every transfer of the
//! corpus and every assessment `assess` makes of it, reject what the Rust types reject, and
//! list exactly the Rust fields and enum variants.
//!
//! The small validator for the subset of JSON Schema the files use lives in
//! `common/json_schema.rs`, shared with `event_schemas.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

#[path = "common/json_schema.rs"]
mod json_schema;

use std::path::Path;

use json_schema::check;

use riskguard_core::risk::eval::Case;
use riskguard_core::risk::{assess, Category, Channel, Level, Rules, TextSource, TransferContext};
use serde_json::{json, Value};

fn load(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schemas")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("schema file");
    serde_json::from_str(&text).expect("schema is JSON")
}

fn corpus_cases() -> Vec<(Value, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(dir).expect("tests/corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "jsonl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("corpus file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let value: Value = serde_json::from_str(line).expect("corpus line is JSON");
            let case = Case::from_json(line).expect("corpus line is a case");
            cases.push((value["context"].clone(), case));
        }
    }
    cases
}

#[test]
fn every_corpus_transfer_and_its_assessment_match_the_schemas() {
    let transfer = load("transfer-context.schema.json");
    let assessment = load("assessment.schema.json");
    let cases = corpus_cases();
    assert!(cases.len() >= 300);
    for (context, case) in cases {
        check(&transfer, &context).unwrap_or_else(|e| panic!("{context}: {e}"));
        let a = assess(&case.context, Rules::builtin());
        let json = serde_json::to_value(&a).expect("assessment serializes");
        check(&assessment, &json).unwrap_or_else(|e| panic!("{json}: {e}"));
    }
}

fn valid_transfer() -> Value {
    json!({
        "id": "t-1", "amount_minor": 100, "currency": "CNY", "memo": "房租",
        "payee": { "display_name": "张三", "is_new": true, "account_age_days": 3, "flags": ["otc_suspected"] },
        "initiated_at": "2026-11-21T14:00:00+08:00", "channel": "p2p",
        "history": { "transfers_24h": 1, "new_payees_24h": 1, "amount_24h_minor": 100 }
    })
}

#[test]
fn schema_and_rust_accept_and_reject_the_same_transfers() {
    let schema = load("transfer-context.schema.json");
    let agree = |value: &Value, accepted: bool| {
        let rust = TransferContext::from_json(&value.to_string());
        let by_schema = check(&schema, value);
        assert_eq!(rust.is_ok(), accepted, "Rust on {value}: {rust:?}");
        assert_eq!(
            by_schema.is_ok(),
            accepted,
            "schema on {value}: {by_schema:?}"
        );
    };
    let base = valid_transfer();
    agree(&base, true);
    let with = |path: &[&str], v: Value| {
        let mut value = base.clone();
        let mut target = &mut value;
        for key in &path[..path.len() - 1] {
            target = &mut target[*key];
        }
        target[path[path.len() - 1]] = v;
        value
    };
    let without = |path: &[&str]| {
        let mut value = base.clone();
        let mut target = &mut value;
        for key in &path[..path.len() - 1] {
            target = &mut target[*key];
        }
        target
            .as_object_mut()
            .expect("object")
            .remove(path[path.len() - 1]);
        value
    };
    // Accepted by both: nulls for optional fields, unknown fields, extremes, odd offsets.
    for value in [
        with(&["memo"], Value::Null),
        with(&["id"], Value::Null),
        with(&["channel"], Value::Null),
        with(&["payee", "account_age_days"], Value::Null),
        with(&["unknown_field"], json!({"anything": 1})),
        with(&["amount_minor"], json!(u64::MAX)),
        with(&["payee", "account_age_days"], json!(u32::MAX)),
        with(&["initiated_at"], json!("2026-11-21T14:00:00+05:45")),
        with(&["initiated_at"], json!("2026-11-21T14:00:00Z")),
        with(&["history"], json!({})),
    ] {
        agree(&value, true);
    }
    // Every optional field may go; every required one may not.
    for optional in [
        &["id"][..],
        &["memo"],
        &["channel"],
        &["history"],
        &["payee", "display_name"],
        &["payee", "account_age_days"],
        &["payee", "flags"],
    ] {
        agree(&without(optional), true);
    }
    for required in [
        &["amount_minor"][..],
        &["currency"],
        &["payee"],
        &["initiated_at"],
        &["payee", "is_new"],
    ] {
        agree(&without(required), false);
    }
    // Rejected by both: wrong types, out-of-range numbers, bad codes and dates.
    for value in [
        with(&["amount_minor"], json!(-1)),
        with(&["amount_minor"], json!("100")),
        with(&["amount_minor"], json!(1.5)),
        with(&["currency"], json!("cny")),
        with(&["currency"], json!("CNYX")),
        with(&["payee", "is_new"], json!("yes")),
        with(&["payee", "account_age_days"], json!(-3)),
        with(
            &["payee", "account_age_days"],
            json!(u64::from(u32::MAX) + 1),
        ),
        with(&["payee", "flags"], json!("otc_suspected")),
        with(&["payee", "flags"], Value::Null),
        with(&["initiated_at"], json!("yesterday")),
        with(&["initiated_at"], json!(1_700_000_000)),
        with(&["channel"], json!("bank")),
        with(&["history", "transfers_24h"], json!(-1)),
        with(&["history"], Value::Null),
        with(&["memo"], json!(42)),
    ] {
        agree(&value, false);
    }
}

#[test]
fn schemas_list_exactly_the_rust_fields_and_variants() {
    let transfer = load("transfer-context.schema.json");
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    let full = serde_json::to_value(
        TransferContext::from_json(&valid_transfer().to_string()).expect("valid"),
    )
    .expect("serializes");
    assert_eq!(keys(&transfer["properties"]), keys(&full));
    assert_eq!(
        keys(&transfer["$defs"]["Payee"]["properties"]),
        keys(&full["payee"])
    );
    assert_eq!(
        keys(&transfer["$defs"]["History"]["properties"]),
        keys(&full["history"])
    );

    let levels = [
        Level::None,
        Level::Low,
        Level::Medium,
        Level::High,
        Level::Blocked,
    ];
    for level in levels {
        // Exhaustive: a new variant fails to compile here until the schema is updated.
        match level {
            Level::None | Level::Low | Level::Medium | Level::High | Level::Blocked => {}
        }
    }
    // `Category::ALL` is checked to list every variant (see `risk::assessment`).
    let categories = Category::ALL;
    let channels = [Channel::P2p, Channel::Merchant, Channel::Qr];
    for channel in channels {
        match channel {
            Channel::P2p | Channel::Merchant | Channel::Qr => {}
        }
    }
    let assessment = load("assessment.schema.json");
    assert_eq!(
        assessment["$defs"]["Level"]["enum"],
        Value::Array(levels.iter().map(|l| json!(l)).collect())
    );
    assert_eq!(
        assessment["$defs"]["Category"]["enum"],
        Value::Array(categories.iter().map(|c| json!(c)).collect())
    );
    assert_eq!(
        transfer["properties"]["channel"]["anyOf"][0]["enum"],
        Value::Array(channels.iter().map(|c| json!(c)).collect())
    );
    let mut transfer = valid_transfer();
    transfer["memo"] = json!("USDT承兑");
    transfer["payee"]["flags"] = json!([]);
    let a = assess(
        &TransferContext::from_json(&transfer.to_string()).expect("valid"),
        Rules::builtin(),
    );
    let a = serde_json::to_value(a).expect("serializes");
    let mut expected = keys(&assessment["properties"]);
    expected.retain(|k| a.get(k).is_some());
    assert_eq!(keys(&a), expected);
    // The first reason is a memo keyword: it carries every field, its span too.
    assert_eq!(
        keys(&a["reasons"][0]),
        keys(&assessment["$defs"]["Reason"]["properties"])
    );
    assert_eq!(
        keys(&a["reasons"][0]["span"]),
        keys(&assessment["$defs"]["Span"]["properties"])
    );
    assert_eq!(
        assessment["$defs"]["Span"]["properties"]["source"]["enum"],
        json!([TextSource::Memo, TextSource::PayeeName])
    );
}

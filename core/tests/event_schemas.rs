//! `schemas/events/*.schema.json` agree with the Rust event types: every event the types can
//! make (every type, every enum value, optional members absent and present), as
//! `Event::to_json` writes it, matches its schema; the schemas and `parse_request` accept and
//! reject the same variations; and the schemas list exactly the Rust fields and variants.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

#[path = "common/json_schema.rs"]
mod json_schema;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use riskguard_core::events::{
    parse_request, Decision, Event, EventData, Interaction, QuizCompleted, QuizStarted,
    WarningDecided, WarningInteracted, WarningReported, WarningShown, SINGLE_CONTENT_TYPE,
};
use riskguard_core::risk::{Category, Level};
use riskguard_core::warning::Exposure;
use serde_json::{json, Value};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/events")
}

fn schema(name: &str) -> Value {
    json_schema::load_file(&dir().join(name))
}

/// The schema for an event of this `type`; the envelope's for an unknown type.
fn schema_for(event: &Value) -> Value {
    match event["type"].as_str() {
        Some(t) if EventData::TYPES.contains(&t) => schema(&format!("{t}.schema.json")),
        _ => schema("cloudevent.schema.json"),
    }
}

fn check(event: &Value) -> Result<(), String> {
    json_schema::check_in(&dir(), &schema_for(event), event)
}

const LEVELS: [Level; 5] = [
    Level::None,
    Level::Low,
    Level::Medium,
    Level::High,
    Level::Blocked,
];
const CATEGORIES: [Category; 8] = Category::ALL;
const EXPOSURES: [Exposure; 2] = [Exposure::First, Exposure::Repeat];
const DECISIONS: [Decision; 4] = [
    Decision::Allowed,
    Decision::Cancelled,
    Decision::Proceeded,
    Decision::Blocked,
];
const INTERACTIONS: [Interaction; 4] = [
    Interaction::DetailsOpened,
    Interaction::QuizStarted,
    Interaction::PurposeAnswered,
    Interaction::PurposeEscalated,
];

/// Exhaustive matches: a new variant fails to compile here until the lists (and so the
/// schema checks below) include it.
#[allow(dead_code)]
fn every_variant_is_listed(
    level: Level,
    category: Category,
    exposure: Exposure,
    decision: Decision,
    interaction: Interaction,
    data: &EventData,
) {
    match level {
        Level::None | Level::Low | Level::Medium | Level::High | Level::Blocked => {}
    }
    match category {
        Category::OtcTrading
        | Category::FalseReturns
        | Category::TokenOffering
        | Category::MiningScheme
        | Category::MoneyMule
        | Category::UnlockFee
        | Category::FlaggedPayee
        | Category::UnusualPattern => {}
    }
    match exposure {
        Exposure::First | Exposure::Repeat => {}
    }
    match decision {
        Decision::Allowed | Decision::Cancelled | Decision::Proceeded | Decision::Blocked => {}
    }
    match interaction {
        Interaction::DetailsOpened
        | Interaction::QuizStarted
        | Interaction::PurposeAnswered
        | Interaction::PurposeEscalated => {}
    }
    match data {
        EventData::WarningShown(_)
        | EventData::WarningDecided(_)
        | EventData::WarningInteracted(_)
        | EventData::WarningReported(_)
        | EventData::QuizStarted(_)
        | EventData::QuizCompleted(_) => {}
    }
}

fn categories() -> Vec<Option<Category>> {
    std::iter::once(None)
        .chain(CATEGORIES.iter().copied().map(Some))
        .collect()
}

/// Data of every type, with every enum value and every optional member both absent and
/// present, and extreme numbers.
fn every_data() -> Vec<EventData> {
    let mut all = Vec::new();
    for level in LEVELS {
        for category in categories() {
            for exposure in EXPOSURES {
                all.push(EventData::WarningShown(WarningShown {
                    level,
                    category,
                    locale: "zh-Hans".to_owned(),
                    rules_version: "2025.06.1".to_owned(),
                    exposure,
                }));
                for decision in DECISIONS {
                    all.push(EventData::WarningDecided(WarningDecided {
                        level,
                        category,
                        locale: "en-US".to_owned(),
                        decision,
                        duration_ms: u64::MAX,
                        exposure,
                    }));
                }
                for interaction in INTERACTIONS {
                    all.push(EventData::WarningInteracted(WarningInteracted {
                        level,
                        category,
                        locale: "zh-Hant".to_owned(),
                        interaction,
                        exposure,
                    }));
                }
                for rule_ids in [vec![], vec!["otc.memo".to_owned(), "x".to_owned()]] {
                    all.push(EventData::WarningReported(WarningReported {
                        level,
                        category,
                        locale: String::new(),
                        rule_ids,
                        rules_version: "1".to_owned(),
                        exposure,
                    }));
                }
            }
        }
    }
    for category in categories() {
        for (attempt, question_ids) in [
            (1, vec![]),
            (u32::MAX, vec!["guaranteed-returns".to_owned()]),
        ] {
            all.push(EventData::QuizStarted(QuizStarted {
                session_id: "s-1".to_owned(),
                attempt,
                question_ids: question_ids.clone(),
                locale: "en-US".to_owned(),
                category,
            }));
            for passed in [true, false] {
                all.push(EventData::QuizCompleted(QuizCompleted {
                    session_id: "s-1".to_owned(),
                    attempt,
                    score: if passed { u32::MAX } else { 0 },
                    max_score: u32::MAX,
                    passed,
                    duration_ms: 0,
                    question_ids: question_ids.clone(),
                    locale: "zh-Hans".to_owned(),
                    category,
                }));
            }
        }
    }
    all
}

fn event(data: EventData) -> Event {
    Event {
        id: "6f1c2a7e-1d1b-4c3e-9a55-2b0f2f7c0001".to_owned(),
        source: "https://pay.example".to_owned(),
        time: Utc.with_ymd_and_hms(2025, 6, 30, 12, 0, 0).unwrap(),
        data,
    }
}

#[test]
fn every_event_the_types_can_make_matches_its_schema_and_no_other() {
    let all = every_data();
    let types: BTreeSet<&str> = all.iter().map(EventData::event_type).collect();
    assert_eq!(types.len(), EventData::TYPES.len());
    assert!(all.len() > 700, "{} events", all.len());
    for data in all {
        let json = event(data).to_json();
        check(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        json_schema::check_in(&dir(), &schema("cloudevent.schema.json"), &json)
            .unwrap_or_else(|e| panic!("envelope of {json}: {e}"));
        // Claiming another type, the same data is refused by that type's schema.
        for other in EventData::TYPES {
            if other != json["type"] {
                let mut claimed = json.clone();
                let result = json_schema::check_in(
                    &dir(),
                    &schema(&format!("{other}.schema.json")),
                    &claimed,
                );
                assert!(result.is_err(), "{other} accepted {json}");
                claimed["type"] = json!(other);
                assert_eq!(
                    check(&claimed).is_ok(),
                    parse_request(claimed.to_string().as_bytes(), Some(SINGLE_CONTENT_TYPE))
                        .is_ok(),
                    "schema and Rust disagree on {claimed}"
                );
            }
        }
    }
}

/// Schema and `parse_request` agree on `value`, and both give `accepted`.
#[track_caller]
fn agree(value: &Value, accepted: bool) {
    let rust = parse_request(value.to_string().as_bytes(), Some(SINGLE_CONTENT_TYPE));
    let by_schema = check(value);
    assert_eq!(rust.is_ok(), accepted, "Rust on {value}: {rust:?}");
    assert_eq!(
        by_schema.is_ok(),
        accepted,
        "schema on {value}: {by_schema:?}"
    );
}

fn one_of_each_type() -> Vec<Value> {
    let mut seen = BTreeSet::new();
    every_data()
        .into_iter()
        .filter(|d| seen.insert(d.event_type()))
        .map(|d| event(d).to_json())
        .collect()
}

/// Values that are wrong for a member holding `current` (and for any riskguard member of
/// that JSON type).
fn wrong_values(current: &Value) -> Vec<Value> {
    match current {
        Value::String(_) => vec![json!(1), json!(true), json!([]), json!({}), json!(["x"])],
        Value::Number(_) => vec![
            json!(-1),
            json!(1.5),
            json!("1"),
            json!(true),
            Value::Null,
            json!(18_446_744_073_709_551_616.0),
        ],
        Value::Bool(_) => vec![json!("true"), json!(1), Value::Null],
        Value::Array(_) => vec![
            json!("x"),
            json!([1]),
            json!({}),
            Value::Null,
            json!([null]),
        ],
        Value::Null | Value::Object(_) => vec![json!(1), json!([]), json!({})],
    }
}

#[test]
fn schemas_and_rust_accept_and_reject_the_same_variations() {
    for base in one_of_each_type() {
        agree(&base, true);
        let with = |f: &dyn Fn(&mut Value)| {
            let mut value = base.clone();
            f(&mut value);
            value
        };
        // Accepted by both: extension attributes, unknown data members, no datacontenttype,
        // other offsets and precisions.
        for value in [
            with(&|v| v["traceparent"] = json!("00-abc-def-01")),
            with(&|v| v["data"]["future_member"] = json!({"x": 1})),
            with(&|v| {
                v.as_object_mut().unwrap().remove("datacontenttype");
            }),
            with(&|v| v["time"] = json!("2025-06-30T20:00:00+08:00")),
            with(&|v| v["time"] = json!("2025-06-30T12:00:00.123456789Z")),
            with(&|v| v["source"] = json!("'); DROP TABLE events;--")),
        ] {
            agree(&value, true);
        }
        // Rejected by both: the envelope.
        for name in ["specversion", "id", "source", "type", "time", "data"] {
            agree(
                &with(&|v| {
                    v.as_object_mut().unwrap().remove(name);
                }),
                false,
            );
            for wrong in [json!(1), Value::Null, json!(["x"])] {
                agree(&with(&|v| v[name] = wrong.clone()), false);
            }
        }
        for (name, wrong) in [
            ("specversion", json!("0.3")),
            ("specversion", json!("")),
            ("id", json!("")),
            ("source", json!("")),
            ("type", json!("")),
            ("type", json!("riskguard.warning.hidden")),
            ("time", json!("yesterday")),
            ("time", json!("2025-06-30")),
            ("datacontenttype", json!("text/plain")),
            ("datacontenttype", Value::Null),
            ("data", json!("text")),
        ] {
            agree(&with(&|v| v[name] = wrong.clone()), false);
        }
        // Every data member: wrong types, and removal unless optional; `null` only for
        // optional members.
        let members: Vec<String> = base["data"].as_object().unwrap().keys().cloned().collect();
        for name in &members {
            let optional = name == "category";
            agree(
                &with(&|v| {
                    v["data"].as_object_mut().unwrap().remove(name);
                }),
                optional,
            );
            agree(&with(&|v| v["data"][name] = Value::Null), optional);
            for wrong in wrong_values(&base["data"][name]) {
                agree(&with(&|v| v["data"][name] = wrong.clone()), false);
            }
            if base["data"][name].is_string()
                && !["locale", "rules_version", "session_id"].contains(&name.as_str())
            {
                // An enum code: unknown and differently cased codes are refused.
                agree(&with(&|v| v["data"][name] = json!("not_a_code")), false);
                let upper = base["data"][name].as_str().unwrap().to_ascii_uppercase();
                agree(&with(&|v| v["data"][name] = json!(upper)), false);
            }
            if base["data"][name].is_u64() {
                let max = if ["duration_ms"].contains(&name.as_str()) {
                    u64::MAX
                } else {
                    u64::from(u32::MAX)
                };
                agree(&with(&|v| v["data"][name] = json!(max)), true);
                if max < u64::MAX {
                    agree(&with(&|v| v["data"][name] = json!(max + 1)), false);
                }
            }
        }
    }
}

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .cloned()
        .collect()
}

#[test]
fn schemas_list_exactly_the_rust_fields_and_variants() {
    let definitions = schema("definitions.schema.json");
    let envelope = schema("cloudevent.schema.json");
    assert_eq!(
        envelope["properties"]["type"]["enum"],
        json!(EventData::TYPES)
    );
    for (name, values) in [
        ("Level", json!(LEVELS)),
        ("Category", json!(CATEGORIES)),
        ("Exposure", json!(EXPOSURES)),
        ("Decision", json!(DECISIONS)),
        ("Interaction", json!(INTERACTIONS)),
    ] {
        assert_eq!(definitions["$defs"][name]["enum"], values, "{name}");
    }
    // The envelope lists what `to_json` writes.
    let sample = one_of_each_type();
    assert_eq!(keys(&envelope["properties"]), keys(&sample[0]));

    // One schema file per type, and no other.
    let mut files: BTreeSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".schema.json"))
        .collect();
    assert!(files.remove("cloudevent.schema.json"));
    assert!(files.remove("definitions.schema.json"));
    let expected: BTreeSet<String> = EventData::TYPES
        .iter()
        .map(|t| format!("{t}.schema.json"))
        .collect();
    assert_eq!(files, expected);

    for json in sample {
        let event_type = json["type"].as_str().unwrap().to_owned();
        let file = schema(&format!("{event_type}.schema.json"));
        assert_eq!(file["properties"]["type"]["const"], event_type);
        assert_eq!(
            file["$id"],
            format!("https://riskguard.dev/schemas/events/{event_type}.schema.json")
        );
        let name = file["properties"]["data"]["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/$defs/"))
            .unwrap();
        let data_schema = &file["$defs"][name];
        // Exactly the Rust fields (`to_json` writes every field, `null` for absent options).
        assert_eq!(
            keys(&data_schema["properties"]),
            keys(&json["data"]),
            "{event_type}"
        );
        // Required: exactly the fields Rust cannot do without.
        let required: BTreeSet<String> = data_schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        let needed: BTreeSet<String> = keys(&json["data"])
            .into_iter()
            .filter(|field| {
                let mut without = json.clone();
                without["data"].as_object_mut().unwrap().remove(field);
                parse_request(without.to_string().as_bytes(), None).is_err()
            })
            .collect();
        assert_eq!(required, needed, "{event_type}");
    }
}

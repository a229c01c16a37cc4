//! Property tests of `parse_request`, the one parser the component's events and the collector
//! share: arbitrary bytes and JSON never panic and never become events; data mixing valid and
//! invalid members is accepted exactly when the JSON Schema accepts it, and then read as sent;
//! every valid event round-trips through `to_json`; and changing any single member of a valid
//! event to something invalid is refused with an error that names the member.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

#[path = "common/json_schema.rs"]
mod json_schema;

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use riskguard_core::events::{
    parse_request, Decision, Event, EventData, EventError, Interaction, QuizCompleted, QuizStarted,
    WarningDecided, WarningInteracted, WarningReported, WarningShown, BATCH_CONTENT_TYPE,
    SINGLE_CONTENT_TYPE,
};
use riskguard_core::risk::{Category, Level};
use riskguard_core::warning::Exposure;
use serde_json::{json, Map, Value};

const CONTENT_TYPES: [Option<&str>; 6] = [
    None,
    Some(SINGLE_CONTENT_TYPE),
    Some(BATCH_CONTENT_TYPE),
    Some("application/json"),
    Some("application/json; charset=utf-8"),
    Some("text/plain"),
];

fn content_type() -> impl Strategy<Value = Option<&'static str>> {
    proptest::sample::select(CONTENT_TYPES.to_vec())
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter),
        proptest::sample::select(vec![
            String::new(),
            "zh-Hans".to_owned(),
            "'); DROP TABLE events;--".to_owned(),
            "<script>alert(1)</script>".to_owned(),
            "\u{0}\u{1f}\u{7f}\u{202e}".to_owned(),
        ]),
    ]
}

fn non_empty_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 1..max).prop_map(String::from_iter)
}

fn level() -> impl Strategy<Value = Level> {
    proptest::sample::select(vec![
        Level::None,
        Level::Low,
        Level::Medium,
        Level::High,
        Level::Blocked,
    ])
}

fn category() -> impl Strategy<Value = Option<Category>> {
    proptest::option::of(proptest::sample::select(Category::ALL.to_vec()))
}

fn exposure() -> impl Strategy<Value = Exposure> {
    proptest::sample::select(vec![Exposure::First, Exposure::Repeat])
}

fn decision() -> impl Strategy<Value = Decision> {
    proptest::sample::select(vec![
        Decision::Allowed,
        Decision::Cancelled,
        Decision::Proceeded,
        Decision::Blocked,
    ])
}

fn interaction() -> impl Strategy<Value = Interaction> {
    proptest::sample::select(vec![
        Interaction::DetailsOpened,
        Interaction::QuizStarted,
        Interaction::PurposeAnswered,
        Interaction::PurposeEscalated,
    ])
}

fn question_ids() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text(12), 0..6)
}

fn data() -> impl Strategy<Value = EventData> {
    prop_oneof![
        (level(), category(), text(12), text(12), exposure()).prop_map(
            |(level, category, locale, rules_version, exposure)| {
                EventData::WarningShown(WarningShown {
                    level,
                    category,
                    locale,
                    rules_version,
                    exposure,
                })
            }
        ),
        (
            level(),
            category(),
            text(12),
            decision(),
            any::<u64>(),
            exposure()
        )
            .prop_map(
                |(level, category, locale, decision, duration_ms, exposure)| {
                    EventData::WarningDecided(WarningDecided {
                        level,
                        category,
                        locale,
                        decision,
                        duration_ms,
                        exposure,
                    })
                }
            ),
        (level(), category(), text(12), interaction(), exposure()).prop_map(
            |(level, category, locale, interaction, exposure)| {
                EventData::WarningInteracted(WarningInteracted {
                    level,
                    category,
                    locale,
                    interaction,
                    exposure,
                })
            }
        ),
        (
            level(),
            category(),
            text(12),
            question_ids(),
            text(12),
            exposure()
        )
            .prop_map(
                |(level, category, locale, rule_ids, rules_version, exposure)| {
                    EventData::WarningReported(WarningReported {
                        level,
                        category,
                        locale,
                        rule_ids,
                        rules_version,
                        exposure,
                    })
                }
            ),
        (text(12), any::<u32>(), question_ids(), text(12), category()).prop_map(
            |(session_id, attempt, question_ids, locale, category)| {
                EventData::QuizStarted(QuizStarted {
                    session_id,
                    attempt,
                    question_ids,
                    locale,
                    category,
                })
            }
        ),
        (
            text(12),
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            any::<u64>(),
            question_ids(),
            text(12),
            category()
        )
            .prop_map(
                |(
                    session_id,
                    attempt,
                    score,
                    max_score,
                    passed,
                    duration_ms,
                    question_ids,
                    locale,
                    category,
                )| {
                    EventData::QuizCompleted(QuizCompleted {
                        session_id,
                        attempt,
                        score,
                        max_score,
                        passed,
                        duration_ms,
                        question_ids,
                        locale,
                        category,
                    })
                }
            ),
    ]
}

/// Any instant from 1970 to 2100, at the millisecond precision `to_json` writes.
fn time() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..4_102_444_800_000).prop_map(|ms| {
        Utc.timestamp_millis_opt(ms)
            .single()
            .expect("in chrono's range")
    })
}

fn event() -> impl Strategy<Value = Event> {
    (non_empty_text(40), non_empty_text(40), time(), data()).prop_map(|(id, source, time, data)| {
        Event {
            id,
            source,
            time,
            data,
        }
    })
}

/// Arbitrary JSON, with keys that sometimes are real member names.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        text(16).prop_map(Value::String),
        proptest::sample::select(vec![
            json!("1.0"),
            json!("riskguard.warning.shown"),
            json!("riskguard.quiz.completed"),
            json!("2025-01-01T00:00:00Z"),
            json!("application/json"),
            json!("high"),
            json!("otc_trading"),
            json!("first"),
        ]),
    ];
    let key = prop_oneof![
        text(8),
        proptest::sample::select(
            [
                "specversion",
                "id",
                "source",
                "type",
                "time",
                "datacontenttype",
                "data",
                "level",
                "category",
                "locale",
                "exposure",
                "decision",
                "score",
                "attempt",
            ]
            .map(str::to_owned)
            .to_vec()
        ),
    ];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/events")
}

/// Whether the event's schema (the envelope's for an unknown type) accepts `value`.
fn schema_accepts(value: &Value) -> bool {
    let name = match value["type"].as_str() {
        Some(t) if EventData::TYPES.contains(&t) => format!("{t}.schema.json"),
        _ => "cloudevent.schema.json".to_owned(),
    };
    let schema = json_schema::load_file(&schema_dir().join(name));
    json_schema::check_in(&schema_dir(), &schema, value).is_ok()
}

/// Valid and invalid values for a data member holding `valid`.
fn member_value(valid: Value) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        4 => Just(Some(valid)),
        2 => any_json().prop_map(Some),
        1 => Just(None),
    ]
}

/// A valid event whose data members are each kept, replaced by arbitrary JSON, or removed.
fn mixed_event() -> impl Strategy<Value = Value> {
    event()
        .prop_flat_map(|event| {
            let json = event.to_json();
            let members: Vec<(String, Value)> = json["data"]
                .as_object()
                .expect("data is an object")
                .clone()
                .into_iter()
                .collect();
            let names: Vec<String> = members.iter().map(|(k, _)| k.clone()).collect();
            let values: Vec<_> = members.into_iter().map(|(_, v)| member_value(v)).collect();
            (Just(json), Just(names), values)
        })
        .prop_map(|(mut json, names, values)| {
            let mut data = Map::new();
            for (name, value) in names.into_iter().zip(values) {
                if let Some(value) = value {
                    data.insert(name, value);
                }
            }
            json["data"] = Value::Object(data);
            json
        })
}

/// A member of a valid event and a value that must be refused there (`None`: removed).
#[derive(Debug, Clone)]
struct Mutation {
    /// `id`, `time`… for envelope attributes; `data.score`… for data members.
    path: String,
    value: Option<Value>,
}

/// Values wrong for any member that holds `current`, and for enum codes an unknown code.
fn invalid_for(name: &str, current: &Value) -> Vec<Option<Value>> {
    let optional = name == "category";
    let mut values = vec![Some(json!({"x": 1}))];
    if !optional {
        values.push(None);
        values.push(Some(Value::Null));
    }
    match current {
        Value::String(_) | Value::Null => {
            values.extend([Some(json!(7)), Some(json!(true)), Some(json!([]))]);
            if ["level", "category", "exposure", "decision", "interaction"].contains(&name) {
                values.extend([Some(json!("not_a_code")), Some(json!("High"))]);
            }
        }
        Value::Number(_) => values.extend([
            Some(json!(-1)),
            Some(json!(0.5)),
            Some(json!("7")),
            Some(json!(false)),
            Some(json!(1e20)),
        ]),
        Value::Bool(_) => values.extend([Some(json!("false")), Some(json!(0))]),
        Value::Array(_) => values.extend([Some(json!("x")), Some(json!([false]))]),
        Value::Object(_) => {}
    }
    if name == "attempt" || name == "score" || name == "max_score" {
        values.push(Some(json!(u64::from(u32::MAX) + 1)));
    }
    values
}

fn mutations(json: &Value) -> Vec<Mutation> {
    let mut all = Vec::new();
    for name in ["specversion", "id", "source", "type", "time"] {
        for value in [
            None,
            Some(Value::Null),
            Some(json!(1)),
            Some(json!("")),
            Some(json!(["x"])),
        ] {
            all.push(Mutation {
                path: name.to_owned(),
                value,
            });
        }
    }
    for (path, value) in [
        ("specversion", json!("0.3")),
        ("type", json!("riskguard.nope")),
        ("time", json!("2025-02-30T00:00:00Z")),
        ("time", json!("tomorrow")),
        ("datacontenttype", json!("text/plain")),
        ("datacontenttype", json!(1)),
    ] {
        all.push(Mutation {
            path: path.to_owned(),
            value: Some(value),
        });
    }
    for (name, current) in json["data"].as_object().expect("data is an object") {
        for value in invalid_for(name, current) {
            all.push(Mutation {
                path: format!("data.{name}"),
                value,
            });
        }
    }
    all
}

fn apply(json: &Value, mutation: &Mutation) -> Value {
    let mut json = json.clone();
    let (object, name) = match mutation.path.strip_prefix("data.") {
        Some(name) => (&mut json["data"], name),
        None => (&mut json, mutation.path.as_str()),
    };
    let object = object.as_object_mut().expect("an object");
    match &mutation.value {
        Some(value) => {
            object.insert(name.to_owned(), value.clone());
        }
        None => {
            object.remove(name);
        }
    }
    json
}

/// Whether `message` names the member at `path`: attributes by name (`id` in backticks, so
/// that `session_id` does not count), data members as a path starting with their name.
fn names_member(message: &str, path: &str) -> bool {
    match path.strip_prefix("data.") {
        Some(name) => message.contains(&format!("`{name}")),
        None if path == "id" => message.contains("`id`"),
        None => message.contains(path),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_and_never_become_events(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        content_type in content_type(),
    ) {
        if let Ok(events) = parse_request(&bytes, content_type) {
            // At most an empty batch, `[]`.
            prop_assert!(events.is_empty(), "{events:?}");
        }
    }

    #[test]
    fn arbitrary_json_never_panics_and_never_becomes_an_event(
        value in any_json(),
        content_type in content_type(),
    ) {
        let body = value.to_string();
        if let Ok(events) = parse_request(body.as_bytes(), content_type) {
            prop_assert!(events.is_empty(), "{body} gave {events:?}");
            prop_assert_eq!(value, json!([]));
        }
    }

    #[test]
    fn arbitrary_data_is_accepted_exactly_when_the_schema_accepts_it(value in mixed_event()) {
        let result = parse_request(value.to_string().as_bytes(), Some(SINGLE_CONTENT_TYPE));
        prop_assert_eq!(result.is_ok(), schema_accepts(&value), "{} → {:?}", value, result);
        if let Ok(events) = result {
            // Read as sent: every member present in the input comes back unchanged, and an
            // absent one is an absent option.
            let written = events[0].data.to_value();
            for (name, sent) in written.as_object().expect("object") {
                let input = value["data"].get(name).unwrap_or(&Value::Null);
                prop_assert_eq!(sent, input, "{}", name);
            }
        }
    }

    #[test]
    fn valid_events_round_trip_unchanged(
        events in proptest::collection::vec(event(), 1..6),
        extra in proptest::option::of(text(8)),
    ) {
        for event in &events {
            let mut json = event.to_json();
            if let Some(extra) = &extra {
                // CloudEvents extension attributes are ignored.
                json["rgextension"] = json!(extra);
            }
            let single = parse_request(json.to_string().as_bytes(), Some(SINGLE_CONTENT_TYPE));
            prop_assert_eq!(single, Ok(vec![event.clone()]));
        }
        let batch = Value::Array(events.iter().map(Event::to_json).collect());
        let parsed = parse_request(batch.to_string().as_bytes(), Some(BATCH_CONTENT_TYPE));
        prop_assert_eq!(parsed, Ok(events.clone()));
        let pretty = serde_json::to_vec_pretty(&batch).expect("serializes");
        prop_assert_eq!(parse_request(&pretty, None), Ok(events));
    }

    #[test]
    fn any_single_member_made_invalid_is_refused_naming_it(
        event in event(),
        pick in any::<prop::sample::Index>(),
    ) {
        let json = event.to_json();
        let all = mutations(&json);
        let mutation = pick.get(&all);
        let spoiled = apply(&json, mutation);
        let result = parse_request(spoiled.to_string().as_bytes(), Some(SINGLE_CONTENT_TYPE));
        let error = match result {
            Ok(events) => {
                return Err(TestCaseError::fail(format!(
                    "{mutation:?} accepted: {spoiled} → {events:?}"
                )))
            }
            Err(error) => error,
        };
        prop_assert!(
            matches!(error, EventError::Malformed(_) | EventError::Unprocessable(_)),
            "{error:?}"
        );
        let message = error.to_string();
        prop_assert!(
            names_member(&message, &mutation.path),
            "{:?}: `{}` does not name the member",
            mutation,
            message
        );
        // In a batch, the error also says which event.
        let batch = json!([json, spoiled]).to_string();
        let error = parse_request(batch.as_bytes(), Some(BATCH_CONTENT_TYPE))
            .expect_err("refused");
        prop_assert!(error.to_string().contains("event 1 of the batch"), "{error}");
    }
}

#[test]
fn every_mutation_of_every_type_is_refused_naming_the_member() {
    // The property test picks mutations at random; this walks all of them once per type.
    let events = [
        json!({"specversion": "1.0", "id": "e", "source": "s", "type": "riskguard.warning.shown",
               "time": "2025-01-01T00:00:00Z",
               "data": {"level": "high", "category": "otc_trading", "locale": "en-US",
                        "rules_version": "1", "exposure": "first"}}),
        json!({"specversion": "1.0", "id": "e", "source": "s",
               "type": "riskguard.warning.decided", "time": "2025-01-01T00:00:00Z",
               "data": {"level": "medium", "category": null, "locale": "en-US",
                        "decision": "cancelled", "duration_ms": 5, "exposure": "repeat"}}),
        json!({"specversion": "1.0", "id": "e", "source": "s",
               "type": "riskguard.warning.interacted", "time": "2025-01-01T00:00:00Z",
               "data": {"level": "medium", "category": "unlock_fee", "locale": "zh-Hans",
                        "interaction": "details_opened", "exposure": "first"}}),
        json!({"specversion": "1.0", "id": "e", "source": "s",
               "type": "riskguard.warning.reported", "time": "2025-01-01T00:00:00Z",
               "data": {"level": "high", "category": "money_mule", "locale": "zh-Hans",
                        "rule_ids": ["r1"], "rules_version": "1", "exposure": "first"}}),
        json!({"specversion": "1.0", "id": "e", "source": "s", "type": "riskguard.quiz.started",
               "time": "2025-01-01T00:00:00Z",
               "data": {"session_id": "s1", "attempt": 1, "question_ids": ["q"],
                        "locale": "en-US", "category": null}}),
        json!({"specversion": "1.0", "id": "e", "source": "s",
               "type": "riskguard.quiz.completed", "time": "2025-01-01T00:00:00Z",
               "data": {"session_id": "s1", "attempt": 2, "score": 3, "max_score": 4,
                        "passed": false, "duration_ms": 9000, "question_ids": ["q"],
                        "locale": "en-US", "category": "otc_trading"}}),
    ];
    let mut checked = 0;
    for json in events {
        assert!(
            parse_request(json.to_string().as_bytes(), None).is_ok(),
            "{json}"
        );
        for mutation in mutations(&json) {
            let spoiled = apply(&json, &mutation);
            let error = parse_request(spoiled.to_string().as_bytes(), None)
                .expect_err(&format!("{mutation:?} accepted"));
            assert!(
                names_member(&error.to_string(), &mutation.path),
                "{mutation:?}: {error}"
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked}");
}

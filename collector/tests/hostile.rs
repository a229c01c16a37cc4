//! 1 000 malformed or hostile `POST /v1/events` requests, generated from a seed, over real HTTP
//! against a real SQLite file: every answer is the expected 4xx, nothing is stored, and the
//! collector keeps serving.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use chrono::{TimeZone, Utc};
use common::Collector;
use reqwest::header::CONTENT_TYPE;
use reqwest::StatusCode;
use riskguard_collector::synthetic;
use riskguard_core::events::{BATCH_CONTENT_TYPE, SINGLE_CONTENT_TYPE};
use riskguard_core::random::SplitMix64;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const REQUESTS: usize = 1_000;
const SQL: &str = "'); DROP TABLE events;--";

/// Seeded, so that every run sends the same bodies.
struct Rng(SplitMix64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0.below(n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What kind of hostile request, and the status it must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    BadJson,
    TruncatedJson,
    EmptyBody,
    NotAnObject,
    WrongEnvelopeType,
    MissingEnvelopeAttribute,
    EmptyAttribute,
    BadTime,
    WrongDataType,
    MissingDataField,
    DataNotAnObject,
    WrongDataContentType,
    UnknownType,
    WrongSpecversion,
    SqlInEnum,
    InvalidUtf8,
    LoneSurrogate,
    DeepNesting,
    WrongContentType,
    InvalidContentTypeHeader,
    BatchWithOneBadEvent,
    BatchOfNonObjects,
    BatchTypeNotArray,
    Huge,
    HugeChunked,
    TooManyEvents,
}

impl Kind {
    const ALL: [Kind; 26] = [
        Kind::BadJson,
        Kind::TruncatedJson,
        Kind::EmptyBody,
        Kind::NotAnObject,
        Kind::WrongEnvelopeType,
        Kind::MissingEnvelopeAttribute,
        Kind::EmptyAttribute,
        Kind::BadTime,
        Kind::WrongDataType,
        Kind::MissingDataField,
        Kind::DataNotAnObject,
        Kind::WrongDataContentType,
        Kind::UnknownType,
        Kind::WrongSpecversion,
        Kind::SqlInEnum,
        Kind::InvalidUtf8,
        Kind::LoneSurrogate,
        Kind::DeepNesting,
        Kind::WrongContentType,
        Kind::InvalidContentTypeHeader,
        Kind::BatchWithOneBadEvent,
        Kind::BatchOfNonObjects,
        Kind::BatchTypeNotArray,
        Kind::Huge,
        Kind::HugeChunked,
        Kind::TooManyEvents,
    ];

    /// The status this kind must get (for a batch with one bad event: that event's status).
    fn expected(self) -> StatusCode {
        match self {
            Kind::BadJson
            | Kind::TruncatedJson
            | Kind::EmptyBody
            | Kind::NotAnObject
            | Kind::WrongEnvelopeType
            | Kind::MissingEnvelopeAttribute
            | Kind::EmptyAttribute
            | Kind::BadTime
            | Kind::InvalidUtf8
            | Kind::LoneSurrogate
            | Kind::DeepNesting
            | Kind::BatchOfNonObjects
            | Kind::BatchTypeNotArray => StatusCode::BAD_REQUEST,
            Kind::WrongDataType
            | Kind::MissingDataField
            | Kind::DataNotAnObject
            | Kind::WrongDataContentType
            | Kind::UnknownType
            | Kind::WrongSpecversion
            | Kind::SqlInEnum
            | Kind::BatchWithOneBadEvent => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::WrongContentType | Kind::InvalidContentTypeHeader => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            Kind::Huge | Kind::HugeChunked | Kind::TooManyEvents => StatusCode::PAYLOAD_TOO_LARGE,
        }
    }
}

/// One request to send.
struct Hostile {
    kind: Kind,
    content_type: Option<Vec<u8>>,
    body: Vec<u8>,
}

/// Valid events of every type, to spoil.
fn pool() -> Vec<Value> {
    let end = Utc.with_ymd_and_hms(2025, 6, 30, 0, 0, 0).unwrap();
    synthetic::events(8, 60, end)
        .iter()
        .map(|e| e.to_json())
        .collect()
}

/// Data members whose values are enum codes: an SQL string there makes the event invalid.
const ENUM_FIELDS: [&str; 5] = ["level", "category", "decision", "interaction", "exposure"];
/// Data members that may be `null` or absent.
const OPTIONAL_FIELDS: [&str; 1] = ["category"];

/// A value of the wrong type (or out of range) for `current`, a member called `name`.
fn wrong_value(rng: &mut Rng, name: &str, current: &Value) -> Value {
    let mut choices = vec![json!({"nested": SQL})];
    match current {
        Value::String(_) | Value::Null => {
            choices.extend([json!(42), json!(true), json!(-1.5), json!([SQL])]);
            if ENUM_FIELDS.contains(&name) {
                choices.extend([json!(SQL), json!("not_a_code"), json!("")]);
            }
            if !OPTIONAL_FIELDS.contains(&name) {
                choices.push(Value::Null);
            }
        }
        // Wrong for `u32` and `u64` alike: strings, negatives, fractions, too large.
        Value::Number(_) => choices.extend([
            json!("12"),
            json!(-1),
            json!(1.5),
            json!(true),
            Value::Null,
            json!(SQL),
            json!(1e300),
            json!(-9_007_199_254_740_993i64),
            json!([1]),
        ]),
        Value::Bool(_) => choices.extend([json!("true"), json!(1), Value::Null, json!(SQL)]),
        // Arrays of strings: a string, numbers inside, an object, null.
        Value::Array(_) => choices.extend([json!(SQL), json!([1, 2]), json!({}), Value::Null]),
        Value::Object(_) => choices.extend([json!(SQL), json!(1)]),
    }
    rng.pick(&choices).clone()
}

fn data_fields(event: &Value) -> Vec<String> {
    event["data"]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

/// An invalid event for the kinds that spoil one event.
fn spoiled(rng: &mut Rng, kind: Kind, pool: &[Value]) -> Value {
    let mut event = rng.pick(pool).clone();
    const ATTRIBUTES: [&str; 5] = ["specversion", "id", "source", "type", "time"];
    match kind {
        Kind::WrongEnvelopeType => {
            let name = *rng.pick(&ATTRIBUTES);
            event[name] = rng
                .pick(&[
                    json!(42),
                    json!(true),
                    Value::Null,
                    json!([SQL]),
                    json!({"id": SQL}),
                ])
                .clone();
        }
        Kind::MissingEnvelopeAttribute => {
            let name = *rng.pick(&ATTRIBUTES);
            event.as_object_mut().unwrap().remove(name);
        }
        Kind::EmptyAttribute => {
            let name = *rng.pick(&["id", "source", "type", "time", "specversion"]);
            event[name] = json!("");
        }
        Kind::BadTime => {
            event["time"] = rng
                .pick(&[
                    json!(SQL),
                    json!("yesterday"),
                    json!("2025-13-01T00:00:00Z"),
                    json!("2025-06-30"),
                    json!("2025-06-30T25:00:00Z"),
                    json!("1751241600"),
                ])
                .clone();
        }
        Kind::WrongDataType => {
            let fields = data_fields(&event);
            let name = rng.pick(&fields).clone();
            let wrong = wrong_value(rng, &name, &event["data"][&name]);
            event["data"][&name] = wrong;
        }
        Kind::MissingDataField => {
            let fields: Vec<String> = data_fields(&event)
                .into_iter()
                .filter(|f| !OPTIONAL_FIELDS.contains(&f.as_str()))
                .collect();
            let name = rng.pick(&fields).clone();
            event["data"].as_object_mut().unwrap().remove(&name);
        }
        Kind::DataNotAnObject => {
            event["data"] = rng
                .pick(&[json!(SQL), json!(42), json!([]), Value::Null, json!(true)])
                .clone();
        }
        Kind::WrongDataContentType => {
            event["datacontenttype"] = rng
                .pick(&[
                    json!("text/plain"),
                    json!(SQL),
                    json!(42),
                    Value::Null,
                    json!("application/xml"),
                ])
                .clone();
        }
        Kind::UnknownType => {
            event["type"] = rng
                .pick(&[
                    json!(SQL),
                    json!("riskguard.warning.hidden"),
                    json!("RISKGUARD.WARNING.SHOWN"),
                    json!("com.example.object.deleted"),
                    json!("riskguard.quiz.completed "),
                ])
                .clone();
        }
        Kind::WrongSpecversion => {
            event["specversion"] = rng
                .pick(&[
                    json!("0.3"),
                    json!("2.0"),
                    json!("1"),
                    json!("1.0 "),
                    json!(SQL),
                ])
                .clone();
        }
        Kind::SqlInEnum => {
            let fields: Vec<String> = data_fields(&event)
                .into_iter()
                .filter(|f| ENUM_FIELDS.contains(&f.as_str()))
                .collect();
            if fields.is_empty() {
                // Quiz events have only an optional category.
                event["data"]["category"] = json!(SQL);
            } else {
                let name = rng.pick(&fields).clone();
                event["data"][&name] = json!(SQL);
            }
        }
        other => unreachable!("{other:?} does not spoil an event"),
    }
    event
}

fn generate(rng: &mut Rng, kind: Kind, pool: &[Value]) -> Hostile {
    let json_body = |v: &Value| v.to_string().into_bytes();
    let single = Some(SINGLE_CONTENT_TYPE.as_bytes().to_vec());
    let batch = Some(BATCH_CONTENT_TYPE.as_bytes().to_vec());
    let (content_type, body) = match kind {
        Kind::BadJson => {
            let garbage = [
                "{",
                "}",
                "[1,",
                "{\"a\" 1}",
                "nul",
                "tru",
                "{'id': 1}",
                "<event/>",
                SQL,
                "{\"specversion\": 1.0.0}",
                "\u{feff}{}",
                "{}{}",
                "[]]",
                "NaN",
                "--",
            ];
            let mut text = String::new();
            for _ in 0..=rng.below(4) {
                let piece = *rng.pick(&garbage);
                text.push_str(piece);
            }
            (single, text.into_bytes())
        }
        Kind::TruncatedJson => {
            let text = rng.pick(pool).to_string();
            let cut = 1 + rng.below(text.len() - 1);
            let mut cut = cut;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            (single, text.as_bytes()[..cut].to_vec())
        }
        Kind::EmptyBody => (rng.pick(&[single, batch, None]).clone(), Vec::new()),
        Kind::NotAnObject => {
            let body = rng
                .pick(&[json!(42), json!(SQL), Value::Null, json!(true), json!(1.5)])
                .clone();
            (single, json_body(&body))
        }
        Kind::InvalidUtf8 => {
            let text = rng.pick(pool).to_string();
            let at = text.find("\"locale\":\"").map_or(1, |i| i + 10);
            let mut body = text.into_bytes();
            let choices: [&[u8]; 4] = [b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x80"];
            let bad = *rng.pick(&choices);
            body.splice(at..at, bad.iter().copied());
            (single, body)
        }
        Kind::LoneSurrogate => {
            let mut event = rng.pick(pool).clone();
            event["id"] = json!("PLACEHOLDER");
            let text = event.to_string().replace("PLACEHOLDER", "\\ud800x");
            (single, text.into_bytes())
        }
        Kind::DeepNesting => {
            let depth = 129 + rng.below(20_000);
            let body = if rng.below(2) == 0 {
                format!("{}{}", "[".repeat(depth), "]".repeat(depth))
            } else {
                let mut event = rng.pick(pool).clone();
                event["data"] = json!("NEST");
                event.to_string().replace(
                    "\"NEST\"",
                    &format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
                )
            };
            (batch, body.into_bytes())
        }
        Kind::WrongContentType => {
            let types = [
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded",
                "text/html",
                "application/cloudevents+xml",
                "",
                "application/json-seq",
                "application/cloudevents+json+evil",
            ];
            let content_type = rng.pick(&types).as_bytes().to_vec();
            (Some(content_type), json_body(rng.pick(pool)))
        }
        Kind::InvalidContentTypeHeader => (
            Some(b"application/\xffjson".to_vec()),
            json_body(rng.pick(pool)),
        ),
        Kind::BatchWithOneBadEvent => {
            let mut events: Vec<Value> = (0..1 + rng.below(20))
                .map(|_| rng.pick(pool).clone())
                .collect();
            let spoil = *rng.pick(&[
                Kind::WrongDataType,
                Kind::UnknownType,
                Kind::SqlInEnum,
                Kind::WrongSpecversion,
            ]);
            let at = rng.below(events.len() + 1);
            events.insert(at, spoiled(rng, spoil, pool));
            (batch, json_body(&Value::Array(events)))
        }
        Kind::BatchOfNonObjects => {
            let body = json!([rng.pick(pool).clone(), SQL, 1, null]);
            (batch, json_body(&body))
        }
        Kind::BatchTypeNotArray => (batch, json_body(rng.pick(pool))),
        Kind::Huge => {
            let mut event = rng.pick(pool).clone();
            let size = 64 * 1024 + 1 + rng.below(192 * 1024);
            event["data"]["padding"] = json!("x".repeat(size));
            (single, json_body(&event))
        }
        Kind::HugeChunked => (single, vec![b' '; 64 * 1024 + 1 + rng.below(64 * 1024)]),
        Kind::TooManyEvents => {
            let events: Vec<Value> = (0..501 + rng.below(200))
                .map(|_| rng.pick(pool).clone())
                .collect();
            (batch, json_body(&Value::Array(events)))
        }
        spoil => (single, json_body(&spoiled(rng, spoil, pool))),
    };
    Hostile {
        kind,
        content_type,
        body,
    }
}

/// Sends a body with `Transfer-Encoding: chunked` and no `Content-Length`; returns the status.
async fn send_chunked(collector: &Collector, content_type: &[u8], body: &[u8]) -> u16 {
    let addr = collector.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut request = format!(
        "POST /v1/events HTTP/1.1\r\nHost: {addr}\r\nTransfer-Encoding: chunked\r\n\
         Connection: close\r\nContent-Type: "
    )
    .into_bytes();
    request.extend_from_slice(content_type);
    request.extend_from_slice(b"\r\n\r\n");
    for chunk in body.chunks(8 * 1024) {
        request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend_from_slice(chunk);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    // The collector may answer and close before reading everything: ignore write errors.
    let _ = stream.write_all(&request).await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    let text = String::from_utf8_lossy(&response);
    assert!(text.contains(r#"{"error":"#), "{text}");
    text.get(9..12)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {text}"))
}

async fn send(collector: &Collector, hostile: &Hostile) -> StatusCode {
    if hostile.kind == Kind::HugeChunked {
        let content_type = hostile.content_type.clone().unwrap_or_default();
        let status = send_chunked(collector, &content_type, &hostile.body).await;
        return StatusCode::from_u16(status).unwrap();
    }
    let mut request = collector
        .client
        .post(format!("{}/v1/events", collector.base))
        .body(hostile.body.clone());
    if let Some(content_type) = &hostile.content_type {
        request = request.header(
            CONTENT_TYPE,
            reqwest::header::HeaderValue::from_bytes(content_type).unwrap(),
        );
    }
    let answer = common::answer(request.send().await.unwrap()).await;
    assert!(
        answer.body["error"].as_str().is_some_and(|e| !e.is_empty()),
        "{:?}: {}",
        hostile.kind,
        answer.body
    );
    answer.status
}

#[tokio::test]
async fn a_thousand_hostile_posts_are_refused_and_store_nothing() {
    let collector = Collector::start().await;
    let pool = pool();
    let mut rng = Rng(SplitMix64::new(0x5EED_1234));
    let mut per_kind = std::collections::BTreeMap::<String, usize>::new();
    for i in 0..REQUESTS {
        // Every kind in turn, each with its own random spoiling.
        let kind = Kind::ALL[i % Kind::ALL.len()];
        let hostile = generate(&mut rng, kind, &pool);
        let status = send(&collector, &hostile).await;
        // Without a Content-Type a body is never read: 415 whatever it holds.
        let expected = match hostile.content_type {
            None => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Some(_) => kind.expected(),
        };
        assert_eq!(
            status,
            expected,
            "request {i} ({kind:?}): {}",
            String::from_utf8_lossy(&hostile.body[..hostile.body.len().min(400)])
        );
        *per_kind.entry(format!("{kind:?}")).or_default() += 1;
        if i % 100 == 99 {
            assert_eq!(collector.rows(), 0, "after request {i}");
        }
    }
    assert_eq!(per_kind.len(), Kind::ALL.len());
    assert_eq!(per_kind.values().sum::<usize>(), REQUESTS);
    assert_eq!(
        collector.rows(),
        0,
        "nothing of a refused request is stored"
    );

    // Still serving: a valid event is stored, and the health check answers.
    let valid = &pool[0];
    let answer = collector.post_json(SINGLE_CONTENT_TYPE, valid).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(collector.rows(), 1);
    let health = collector.get("/healthz").await;
    assert_eq!(health.status(), StatusCode::OK);
    let table: String = collector
        .sqlite()
        .query_row(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'events'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(table, "events");
}

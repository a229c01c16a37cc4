//! `POST /v1/events` over real HTTP, checked against the real SQLite file.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use common::{batch, quiz_completed, warning_decided, Collector};
use reqwest::StatusCode;
use riskguard_collector::{StoredEvent, MAX_BODY_BYTES};
use riskguard_core::events::{EventData, BATCH_CONTENT_TYPE, SINGLE_CONTENT_TYPE};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn stored(collector: &Collector, source: &str, id: &str) -> StoredEvent {
    collector
        .sqlite()
        .query_row(
            "SELECT source, id, type, time, data, received_at FROM events \
             WHERE source = ?1 AND id = ?2",
            [source, id],
            |row| {
                Ok(StoredEvent {
                    source: row.get(0)?,
                    id: row.get(1)?,
                    event_type: row.get(2)?,
                    time: row.get(3)?,
                    data: row.get(4)?,
                    received_at: row.get(5)?,
                })
            },
        )
        .unwrap()
}

#[tokio::test]
async fn one_event_is_stored_and_its_data_round_trips() {
    let collector = Collector::start().await;
    let event = quiz_completed("e-1");
    let answer = collector
        .post_json(SINGLE_CONTENT_TYPE, &event.to_json())
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(
        answer.body,
        json!({"accepted": 1, "stored": 1, "duplicates": 0, "conflicts": 0, "conflicting_ids": []})
    );
    assert_eq!(collector.rows(), 1);

    let row = stored(&collector, "https://pay.example", "e-1");
    assert_eq!(row.event_type, "riskguard.quiz.completed");
    assert_eq!(row.time, "2025-03-04T05:06:07.123Z");
    assert!(row.received_at.ends_with('Z'), "{}", row.received_at);
    let data: Value = serde_json::from_str(&row.data).unwrap();
    assert_eq!(data, event.data.to_value());
    let typed = EventData::from_value(&row.event_type, data).unwrap();
    assert_eq!(typed, Some(event.data));
}

#[tokio::test]
async fn an_event_without_content_type_is_415_and_not_stored() {
    // Browsers send a cross-site `no-cors` POST without a Content-Type and without a
    // preflight: a body without a type is never read as JSON.
    let collector = Collector::start().await;
    let answer = collector
        .post(None, warning_decided("e-1").to_json().to_string())
        .await;
    assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    answer.assert_error_mentions("Content-Type header is missing");
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn a_batch_is_stored_once_however_often_it_is_sent() {
    let collector = Collector::start().await;
    let events = [
        quiz_completed("b-1"),
        warning_decided("b-2"),
        quiz_completed("b-3"),
    ];
    let body = batch(&events);

    let first = collector.post_json(BATCH_CONTENT_TYPE, &body).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(
        first.body,
        json!({"accepted": 3, "stored": 3, "duplicates": 0, "conflicts": 0, "conflicting_ids": []})
    );
    assert_eq!(collector.rows(), 3);

    let again = collector.post_json(BATCH_CONTENT_TYPE, &body).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(
        again.body,
        json!({"accepted": 3, "stored": 0, "duplicates": 3, "conflicts": 0, "conflicting_ids": []})
    );
    assert_eq!(collector.rows(), 3);
    assert_eq!(
        stored(&collector, "https://pay.example", "b-2").event_type,
        "riskguard.warning.decided"
    );
}

#[tokio::test]
async fn the_same_event_twice_in_a_batch_is_stored_once() {
    let collector = Collector::start().await;
    let event = quiz_completed("twice");
    let answer = collector
        .post_json(BATCH_CONTENT_TYPE, &batch(&[event.clone(), event]))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(
        answer.body,
        json!({"accepted": 2, "stored": 1, "duplicates": 1, "conflicts": 0, "conflicting_ids": []})
    );
    assert_eq!(collector.rows(), 1);
}

#[tokio::test]
async fn malformed_json_is_400_and_stores_nothing() {
    let collector = Collector::start().await;
    let answer = collector
        .post(
            Some(SINGLE_CONTENT_TYPE),
            r#"{"specversion": "1.0", "id": "#,
        )
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    answer.assert_error_mentions("JSON");
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn an_unknown_type_is_422_naming_it() {
    let collector = Collector::start().await;
    let mut event = quiz_completed("u-1").to_json();
    event["type"] = json!("riskguard.nope.done");
    let answer = collector.post_json(SINGLE_CONTENT_TYPE, &event).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    answer.assert_error_mentions("riskguard.nope.done");
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn a_batch_with_one_bad_event_stores_nothing() {
    let collector = Collector::start().await;
    let mut body = batch(&[
        quiz_completed("a-1"),
        quiz_completed("a-2"),
        quiz_completed("a-3"),
    ]);
    body[1]["type"] = json!("riskguard.nope.done");
    let answer = collector.post_json(BATCH_CONTENT_TYPE, &body).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    answer.assert_error_mentions("event 1 of the batch");
    answer.assert_error_mentions("riskguard.nope.done");
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn a_missing_id_is_400_naming_it() {
    let collector = Collector::start().await;
    let mut event = quiz_completed("m-1").to_json();
    event.as_object_mut().unwrap().remove("id");
    let answer = collector.post_json(SINGLE_CONTENT_TYPE, &event).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    answer.assert_error_mentions("`id`");
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn data_of_the_wrong_type_is_422_naming_the_field() {
    let collector = Collector::start().await;
    let mut event = quiz_completed("w-1").to_json();
    event["data"]["score"] = json!("four");
    let answer = collector.post_json(SINGLE_CONTENT_TYPE, &event).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    answer.assert_error_mentions("score");
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn a_body_of_exactly_64_kib_is_accepted() {
    let collector = Collector::start().await;
    let mut body = quiz_completed("big").to_json().to_string();
    body.push_str(&" ".repeat(MAX_BODY_BYTES - body.len()));
    assert_eq!(body.len(), 65_536);
    let answer = collector.post(Some(SINGLE_CONTENT_TYPE), body).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(collector.rows(), 1);
}

#[tokio::test]
async fn a_body_over_64_kib_is_413() {
    let collector = Collector::start().await;
    let mut body = quiz_completed("big").to_json().to_string();
    body.push_str(&" ".repeat(70 * 1024 - body.len()));
    let answer = collector.post(Some(SINGLE_CONTENT_TYPE), body).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    answer.assert_error_mentions("65536 bytes");
    assert_eq!(
        answer.headers["content-security-policy"],
        riskguard_collector::CSP
    );
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn a_chunked_body_over_64_kib_is_413() {
    let collector = Collector::start().await;
    let addr = collector.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut request = format!(
        "POST /v1/events HTTP/1.1\r\nHost: {addr}\r\nContent-Type: {SINGLE_CONTENT_TYPE}\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    )
    .into_bytes();
    let chunk = vec![b' '; 10 * 1024];
    for _ in 0..7 {
        request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend_from_slice(&chunk);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    stream.write_all(&request).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let response = String::from_utf8_lossy(&response);
    assert!(!response
        .to_ascii_lowercase()
        .contains("content-length: 71680"));
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    assert!(
        response.contains(r#"{"error":"the request body is larger than 65536 bytes"}"#),
        "{response}"
    );
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn text_plain_is_415() {
    let collector = Collector::start().await;
    let body = quiz_completed("t-1").to_json().to_string();
    let answer = collector.post(Some("text/plain"), body).await;
    assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    answer.assert_error_mentions("text/plain");
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn sql_in_ids_and_sources_is_stored_as_text() {
    let collector = Collector::start().await;
    let nasty = "'); DROP TABLE events;--";
    let mut event = quiz_completed(nasty);
    event.source = format!("https://pay.example/{nasty}");
    let answer = collector
        .post_json(SINGLE_CONTENT_TYPE, &event.to_json())
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let row = stored(&collector, &event.source, nasty);
    assert_eq!(row.id, nasty);
    assert_eq!(row.source, event.source);

    // The table is still there and still takes events.
    let answer = collector
        .post_json(SINGLE_CONTENT_TYPE, &quiz_completed("after").to_json())
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(collector.rows(), 2);
}

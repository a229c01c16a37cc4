//! Event data checked against its meaning: out-of-range values are 422 naming the field, and
//! a different payload under a stored (source, id) is reported, never stored over the first.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use common::{batch, quiz_completed, warning_decided, warning_shown, Collector};
use reqwest::StatusCode;
use riskguard_core::events::{EventData, BATCH_CONTENT_TYPE, SINGLE_CONTENT_TYPE};

fn completed(adjust: impl FnOnce(&mut riskguard_core::events::QuizCompleted)) -> serde_json::Value {
    let mut event = quiz_completed("q-1");
    if let EventData::QuizCompleted(data) = &mut event.data {
        adjust(data);
    }
    event.to_json()
}

#[tokio::test]
async fn out_of_range_values_are_422_naming_the_field() {
    let collector = Collector::start().await;
    let cases = [
        (
            completed(|d| {
                d.score = u32::MAX;
                d.max_score = 1;
            }),
            "data.score",
        ),
        (completed(|d| d.max_score = 0), "data.max_score"),
        (completed(|d| d.attempt = 0), "data.attempt"),
        (
            completed(|d| d.duration_ms = 3 * 86_400_000),
            "data.duration_ms",
        ),
        (completed(|d| d.locale = "x".repeat(200)), "data.locale"),
        (
            completed(|d| d.session_id = "s".repeat(500)),
            "data.session_id",
        ),
    ];
    for (event, field) in cases {
        let answer = collector.post_json(SINGLE_CONTENT_TYPE, &event).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        answer.assert_error_mentions(field);
    }
    let mut unknown_category = warning_shown("w-1").to_json();
    unknown_category["data"]["category"] = "invented_category".into();
    let answer = collector
        .post_json(SINGLE_CONTENT_TYPE, &unknown_category)
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    answer.assert_error_mentions("category");
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn one_out_of_range_event_refuses_the_whole_batch_naming_it() {
    let collector = Collector::start().await;
    let mut bad = warning_decided("d-2");
    if let EventData::WarningDecided(data) = &mut bad.data {
        data.locale = "fr-FR".to_owned();
    }
    let answer = collector
        .post_json(BATCH_CONTENT_TYPE, &batch(&[warning_decided("d-1"), bad]))
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    answer.assert_error_mentions("event 1 of the batch: data.locale");
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn a_different_payload_under_a_stored_id_is_reported_and_the_first_kept() {
    let collector = Collector::start().await;
    let first = completed(|d| d.score = 4);
    let answer = collector.post_json(SINGLE_CONTENT_TYPE, &first).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["conflicts"], 0);

    // The same event again is a plain duplicate…
    let answer = collector.post_json(SINGLE_CONTENT_TYPE, &first).await;
    assert_eq!(answer.body["duplicates"], 1);
    assert_eq!(answer.body["conflicts"], 0);

    // …a different one under the same (source, id) is a conflict.
    let second = completed(|d| d.score = 1);
    let answer = collector.post_json(SINGLE_CONTENT_TYPE, &second).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.body["stored"], 0);
    assert_eq!(answer.body["duplicates"], 1);
    assert_eq!(answer.body["conflicts"], 1);
    assert_eq!(answer.body["conflicting_ids"], serde_json::json!(["q-1"]));

    let stored: String = collector
        .sqlite()
        .query_row(
            "SELECT json_extract(data, '$.score') FROM events WHERE id = 'q-1'",
            [],
            |row| row.get::<_, i64>(0).map(|n| n.to_string()),
        )
        .unwrap();
    assert_eq!(stored, "4");
    assert_eq!(collector.rows(), 1);
}

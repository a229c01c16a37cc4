//! The store's contract, run against both backends: SQLite (always) and PostgreSQL (on the
//! server `cargo xtask test` starts; see `common::pg`). Then several collectors on one
//! PostgreSQL racing retries of the same batches.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::{batch, quiz_completed, warning_shown, Collector};
use riskguard_collector::{synthetic, DatabaseUrl, EventStore, Period};
use riskguard_core::events::{EventData, BATCH_CONTENT_TYPE};

async fn sqlite() -> (EventStore, tempfile::TempDir) {
    let dir = tempfile::Builder::new()
        .prefix("suite-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap();
    let store = EventStore::open(&dir.path().join("events.sqlite3"), None)
        .await
        .unwrap();
    (store, dir)
}

async fn postgres() -> Option<EventStore> {
    let url = DatabaseUrl::parse(&common::pg::fresh_database().await?).unwrap();
    Some(
        EventStore::open(std::path::Path::new(""), Some(&url))
            .await
            .unwrap(),
    )
}

/// Runs a contract test on SQLite, then on PostgreSQL.
macro_rules! on_both_stores {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let (store, _dir) = super::sqlite().await;
                super::$name(store).await;
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(store) = super::postgres().await {
                    super::$name(store).await;
                }
            }
        }
    )*};
}

on_both_stores!(
    stores_once_per_source_and_id,
    a_different_payload_is_a_conflict_and_the_first_is_kept,
    statistics_match_the_reference_numbers,
    a_session_counts_once_at_its_earliest_completion,
    a_store_that_takes_writes_is_ready,
);

async fn stores_once_per_source_and_id(store: EventStore) {
    let first = store
        .insert_all(vec![
            warning_shown("a"),
            warning_shown("b"),
            warning_shown("a"),
        ])
        .await
        .unwrap();
    assert_eq!((first.stored, first.duplicates), (2, 1));
    let again = store.insert_all(vec![warning_shown("b")]).await.unwrap();
    assert_eq!((again.stored, again.duplicates), (0, 1));
    assert!(again.conflicts.is_empty());
    assert_eq!(store.count().await.unwrap(), 2);
    let row = store
        .get("https://pay.example", "a")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.event_type, "riskguard.warning.shown");
    assert_eq!(row.time, "2025-01-02T03:04:05.000Z");
    assert!(store
        .get("https://pay.example", "zzz")
        .await
        .unwrap()
        .is_none());
}

async fn a_different_payload_is_a_conflict_and_the_first_is_kept(store: EventStore) {
    let first = quiz_completed("q");
    let mut second = first.clone();
    if let EventData::QuizCompleted(data) = &mut second.data {
        data.score = 1;
    }
    // Within one batch, and against a stored event.
    let inserted = store
        .insert_all(vec![first.clone(), second.clone()])
        .await
        .unwrap();
    assert_eq!((inserted.stored, inserted.duplicates), (1, 1));
    assert_eq!(inserted.conflicts, vec!["q".to_owned()]);
    let inserted = store.insert_all(vec![second]).await.unwrap();
    assert_eq!(inserted.conflicts, vec!["q".to_owned()]);
    let row = store
        .get("https://pay.example", "q")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.data, first.data.to_value().to_string());
    let stats = store.stats(Period::default()).await.unwrap();
    assert_eq!(stats.quiz.total.completions, 1);
}

async fn statistics_match_the_reference_numbers(store: EventStore) {
    let end = Utc.with_ymd_and_hms(2025, 6, 30, 0, 0, 0).unwrap();
    let events = synthetic::events(99, 1_500, end);
    for chunk in events.chunks(250) {
        store.insert_all(chunk.to_vec()).await.unwrap();
    }
    // The reference: the same events in a fresh SQLite store, read through the rollups'
    // own tests' oracle (tests/stats.rs checks SQLite against a plain Rust count).
    let (reference, _dir) = sqlite().await;
    reference.insert_all(events.clone()).await.unwrap();
    for period in [
        Period::default(),
        Period {
            since: Some(end - Duration::days(17) + Duration::milliseconds(1_397_123)),
            until: Some(end - Duration::days(3) - Duration::milliseconds(2_461_877)),
        },
    ] {
        let got = store.stats(period).await.unwrap();
        let want = reference.stats(period).await.unwrap();
        assert!(!got.is_empty());
        assert_eq!(got.warnings, want.warnings);
        assert_eq!(got.quiz, want.quiz);
    }
}

async fn a_session_counts_once_at_its_earliest_completion(store: EventStore) {
    let attempt = |id: &str, hour: u32, attempt: u32| {
        let mut event = quiz_completed(id);
        event.time = Utc.with_ymd_and_hms(2025, 3, 4, hour, 30, 0).unwrap();
        if let EventData::QuizCompleted(data) = &mut event.data {
            data.attempt = attempt;
        }
        event
    };
    // The retry (hour 7) arrives before the first attempt (hour 5).
    store.insert_all(vec![attempt("r", 7, 2)]).await.unwrap();
    store.insert_all(vec![attempt("f", 5, 1)]).await.unwrap();
    let in_hours = |from: u32, to: u32| Period {
        since: Some(Utc.with_ymd_and_hms(2025, 3, 4, from, 0, 0).unwrap()),
        until: Some(Utc.with_ymd_and_hms(2025, 3, 4, to, 0, 0).unwrap()),
    };
    let all = store.stats(Period::default()).await.unwrap();
    assert_eq!(all.quiz.total.sessions, 1);
    let early = store.stats(in_hours(5, 6)).await.unwrap();
    assert_eq!(early.quiz.total.sessions, 1);
    let late = store.stats(in_hours(7, 8)).await.unwrap();
    assert_eq!((late.quiz.total.retries, late.quiz.total.sessions), (1, 0));
}

async fn a_store_that_takes_writes_is_ready(store: EventStore) {
    store.ready(0).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_collectors_on_one_postgres_racing_retries_store_each_event_once() {
    let Some(url) = common::pg::fresh_database().await else {
        return;
    };
    let url = DatabaseUrl::parse(&url).unwrap();
    let mut collectors = Vec::new();
    for _ in 0..2 {
        let url = url.clone();
        collectors.push(Collector::start_with(move |config| config.database_url = Some(url)).await);
    }
    let events = synthetic::events_until_now(5, 400);
    let batches: Vec<String> = events
        .chunks(50)
        .map(|chunk| batch(chunk).to_string())
        .collect();
    // Every batch three times to each collector, all at once.
    let mut sends = Vec::new();
    for round in 0..3 {
        for (i, body) in batches.iter().enumerate() {
            for collector in &collectors {
                let request = collector
                    .client
                    .post(format!("{}/v1/events", collector.base))
                    .header("content-type", BATCH_CONTENT_TYPE)
                    .body(body.clone());
                sends.push(tokio::spawn(async move {
                    let response = request.send().await.unwrap();
                    (round, i, response.status(), response.text().await.unwrap())
                }));
            }
        }
    }
    let mut stored = 0;
    for send in sends {
        let (round, i, status, body) = send.await.unwrap();
        assert_eq!(status, 200, "round {round}, batch {i}: {body}");
        let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
        stored += answer["stored"].as_u64().unwrap();
        assert_eq!(answer["conflicts"], 0);
    }
    assert_eq!(
        stored,
        events.len() as u64,
        "acknowledged as stored once each"
    );
    let store = EventStore::open(std::path::Path::new(""), Some(&url))
        .await
        .unwrap();
    assert_eq!(store.count().await.unwrap(), events.len() as u64);
    // The rollups counted each event once too.
    let (reference, _dir) = sqlite().await;
    reference.insert_all(events).await.unwrap();
    let got = store.stats(Period::default()).await.unwrap();
    let want = reference.stats(Period::default()).await.unwrap();
    assert_eq!(got.warnings, want.warnings);
    assert_eq!(got.quiz, want.quiz);
}

//! The write-ahead log stays bounded while statistics are read during ingest: reports are
//! short (rollups) and one at a time, and SQLite truncates the log after its checkpoints.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use common::Collector;
use riskguard_collector::synthetic;
use riskguard_core::events::{Event, BATCH_CONTENT_TYPE};
use serde_json::Value;

/// The bound asserted: the writer checkpoints the log past 32 MiB and starts it afresh; one
/// group of batches more may be in it. (The bound is 64 MB.)
const WAL_BOUND: u64 = 48 * 1024 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wal_stays_bounded_while_stats_are_read_during_ingest() {
    let collector = Collector::start().await;
    let events = synthetic::events_until_now(15, 12_000);
    let wal = collector.db.with_extension("sqlite3-wal");
    let batches: Vec<String> = events
        .chunks(100)
        .map(|chunk| Value::Array(chunk.iter().map(Event::to_json).collect()).to_string())
        .collect();
    let total = events.len();

    let reader = {
        let client = collector.client.clone();
        let base = collector.base.clone();
        tokio::spawn(async move {
            loop {
                for path in ["/v1/stats", "/dashboard"] {
                    let response = client.get(format!("{base}{path}")).send().await;
                    if let Ok(response) = response {
                        assert!(
                            response.status().is_success() || response.status() == 503,
                            "{path}: {}",
                            response.status()
                        );
                    }
                }
            }
        })
    };
    let mut largest = 0;
    for body in batches {
        let answer = collector.post(Some(BATCH_CONTENT_TYPE), body).await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        largest = largest.max(std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0));
    }
    reader.abort();
    println!(
        "{total} events ingested with reports running: largest WAL {:.1} MiB",
        largest as f64 / 1_048_576.0
    );
    assert_eq!(collector.rows(), total as i64);
    assert!(
        largest < WAL_BOUND,
        "the WAL grew to {largest} bytes (bound {WAL_BOUND})"
    );
}

//! Fault mode: failures of every kind, reproducible from a seed, on `POST /v1/events` only —
//! and a client that resends until acknowledged stores each event exactly once.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use std::time::{Duration, Instant};

use common::{quiz_completed, Collector};
use reqwest::StatusCode;
use riskguard_collector::Fault;
use riskguard_core::events::SINGLE_CONTENT_TYPE;

async fn with_fault(fail_rate: f64, latency_ms: u64, seed: u64) -> Collector {
    Collector::start_with(|config| {
        config.fault = Some(Fault {
            fail_rate,
            latency_ms,
            seed,
        })
    })
    .await
}

/// Status and error of `n` posts of fresh events, and how long each took.
async fn run(collector: &Collector, n: usize) -> Vec<(StatusCode, String, Duration)> {
    let mut outcomes = Vec::new();
    for i in 0..n {
        let started = Instant::now();
        let answer = collector
            .post_json(
                SINGLE_CONTENT_TYPE,
                &quiz_completed(&format!("f-{i}")).to_json(),
            )
            .await;
        let error = answer.body["error"].as_str().unwrap_or_default().to_owned();
        outcomes.push((answer.status, error, started.elapsed()));
    }
    outcomes
}

#[tokio::test]
async fn every_request_fails_at_rate_one_in_all_three_ways() {
    let collector = with_fault(1.0, 150, 11).await;
    let outcomes = run(&collector, 30).await;
    assert!(outcomes
        .iter()
        .all(|(status, _, _)| *status == StatusCode::SERVICE_UNAVAILABLE));
    let of_kind = |kind: &str| {
        outcomes
            .iter()
            .filter(|(_, error, _)| error.contains(&format!("fault mode: {kind}")))
            .collect::<Vec<_>>()
    };
    let (refused, lost, stalled) = (of_kind("refused"), of_kind("lost_ack"), of_kind("stalled"));
    assert_eq!(refused.len() + lost.len() + stalled.len(), 30);
    assert!(!refused.is_empty() && !lost.is_empty() && !stalled.is_empty());
    assert!(stalled
        .iter()
        .all(|(_, _, took)| *took >= Duration::from_millis(150)));
    // Only lost acknowledgements stored anything.
    assert_eq!(collector.rows(), lost.len() as i64);
}

#[tokio::test]
async fn the_same_seed_gives_the_same_faults() {
    let statuses = |outcomes: Vec<(StatusCode, String, Duration)>| {
        outcomes
            .into_iter()
            .map(|(status, error, _)| (status, error))
            .collect::<Vec<_>>()
    };
    let a = statuses(run(&with_fault(0.5, 0, 3).await, 40).await);
    let b = statuses(run(&with_fault(0.5, 0, 3).await, 40).await);
    assert_eq!(a, b);
    let c = statuses(run(&with_fault(0.5, 0, 4).await, 40).await);
    assert_ne!(a, c);
    assert!(a.iter().any(|(s, _)| *s == StatusCode::OK));
    assert!(a.iter().any(|(s, _)| *s == StatusCode::SERVICE_UNAVAILABLE));
}

#[tokio::test]
async fn refusals_say_when_to_retry() {
    let collector = with_fault(1.0, 0, 11).await;
    for i in 0..20 {
        let answer = collector
            .post_json(
                SINGLE_CONTENT_TYPE,
                &quiz_completed(&format!("r-{i}")).to_json(),
            )
            .await;
        if answer.error().contains("refused") {
            assert_eq!(answer.headers["retry-after"], "1");
            return;
        }
    }
    panic!("no refusal in 20 requests");
}

#[tokio::test]
async fn resending_until_acknowledged_stores_each_event_once() {
    let collector = with_fault(0.6, 20, 99).await;
    let mut attempts = 0;
    for i in 0..25 {
        let event = quiz_completed(&format!("once-{i}")).to_json();
        loop {
            attempts += 1;
            let answer = collector.post_json(SINGLE_CONTENT_TYPE, &event).await;
            if answer.status == StatusCode::OK {
                break;
            }
            assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
        }
    }
    assert!(attempts > 25, "faults happened");
    assert_eq!(collector.rows(), 25);
}

#[tokio::test]
async fn other_routes_are_never_faulted() {
    let collector = with_fault(1.0, 2_000, 5).await;
    for _ in 0..10 {
        for path in ["/healthz", "/v1/stats", "/dashboard", "/dashboard.css", "/"] {
            let started = Instant::now();
            let response = collector.get(path).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert!(started.elapsed() < Duration::from_millis(1_500), "{path}");
        }
    }
}

#[tokio::test]
async fn invalid_events_stay_4xx_when_the_ack_would_be_lost() {
    // With every request failing, a bad event is either refused/stalled (503) or, when its
    // acknowledgement was to be lost, refused for what it is: it was never stored.
    let collector = with_fault(1.0, 0, 21).await;
    for _ in 0..20 {
        let answer = collector.post(Some(SINGLE_CONTENT_TYPE), "{not json").await;
        assert!(
            answer.status == StatusCode::SERVICE_UNAVAILABLE
                || answer.status == StatusCode::BAD_REQUEST,
            "{}",
            answer.status
        );
    }
    assert_eq!(collector.rows(), 0);
}

//! Doors closed to slow, oversized and cross-site clients, over real HTTP on loopback:
//! timeouts, early 413, the content type and origin of writes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use std::time::{Duration, Instant};

use common::{warning_decided, Collector};
use reqwest::header::{CONTENT_TYPE, ORIGIN};
use reqwest::StatusCode;
use riskguard_collector::Limits;
use riskguard_core::events::SINGLE_CONTENT_TYPE;
use tokio::io::AsyncWriteExt;

/// Long enough for any loaded CI machine, short enough that a hung server fails the test.
const PATIENCE: Duration = Duration::from_secs(20);

async fn with_limits(limits: Limits) -> Collector {
    Collector::start_with(|config| config.limits = limits).await
}

/// A collector that gives clients 300 ms to send their headers.
async fn with_header_timeout() -> Collector {
    with_limits(Limits {
        header_timeout: Duration::from_millis(300),
        ..Limits::default()
    })
    .await
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_disconnected() {
    let collector = with_header_timeout().await;
    let request = format!(
        "GET /healthz HTTP/1.1\r\nHost: {}\r\nX-Slow: ",
        collector.addr()
    );
    let (_, closed) = collector.raw(request.as_bytes(), PATIENCE).await;
    assert!(closed, "a half-sent request kept its connection open");
}

#[tokio::test]
async fn a_client_that_sends_nothing_is_disconnected() {
    let collector = with_header_timeout().await;
    let (_, closed) = collector.raw(b"", PATIENCE).await;
    assert!(closed, "a silent connection stayed open");
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let collector = with_header_timeout().await;
    let request = format!(
        "GET /healthz HTTP/1.1\r\nHost: {}\r\n\r\n",
        collector.addr()
    );
    let (response, closed) = collector.raw(request.as_bytes(), PATIENCE).await;
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(closed, "an idle keep-alive connection stayed open");
}

#[tokio::test]
async fn a_body_that_stops_arriving_is_408() {
    let collector = with_limits(Limits {
        body_timeout: Duration::from_millis(300),
        ..Limits::default()
    })
    .await;
    let request = format!(
        "POST /v1/events HTTP/1.1\r\nHost: {}\r\nContent-Type: {SINGLE_CONTENT_TYPE}\r\n\
         Content-Length: 1000\r\n\r\n{{\"specversion\"",
        collector.addr()
    );
    let (response, _) = collector.raw(request.as_bytes(), PATIENCE).await;
    assert!(response.starts_with("HTTP/1.1 408"), "{response}");
    assert!(
        response.contains("did not arrive within 300 ms"),
        "{response}"
    );
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn an_oversize_content_length_is_413_before_any_body() {
    let collector = Collector::start().await;
    for expect in ["", "Expect: 100-continue\r\n"] {
        let request = format!(
            "POST /v1/events HTTP/1.1\r\nHost: {}\r\nContent-Type: {SINGLE_CONTENT_TYPE}\r\n\
             Content-Length: 10000000000\r\n{expect}Connection: close\r\n\r\n",
            collector.addr()
        );
        let (response, closed) = collector.raw(request.as_bytes(), PATIENCE).await;
        assert!(closed, "no answer without a body ({expect:?})");
        assert!(
            response.starts_with("HTTP/1.1 413"),
            "{expect:?}: {response}"
        );
        assert!(!response.contains("100 Continue"), "{response}");
        assert!(response.contains("larger than 65536 bytes"), "{response}");
    }
}

#[tokio::test]
async fn healthz_answers_while_hundreds_of_clients_trickle_headers() {
    let collector = with_limits(Limits {
        header_timeout: Duration::from_secs(60),
        max_connections: 1000,
        ..Limits::default()
    })
    .await;
    let mut slow = Vec::new();
    for _ in 0..300 {
        let mut stream = tokio::net::TcpStream::connect(collector.addr())
            .await
            .unwrap();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nX-Slow: ")
            .await
            .unwrap();
        slow.push(stream);
    }
    let mut times = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        let response = tokio::time::timeout(PATIENCE, collector.get("/healthz"))
            .await
            .expect("/healthz did not answer beside slow clients");
        assert_eq!(response.status(), StatusCode::OK);
        let body: serde_json::Value = response.json().await.unwrap();
        times.push(started.elapsed());
        assert_eq!(body["status"], "ok");
    }
    times.sort();
    println!(
        "/healthz beside {} slow clients, {} requests: median {:?}, max {:?}",
        slow.len(),
        times.len(),
        times[times.len() / 2],
        times[times.len() - 1]
    );
}

#[tokio::test]
async fn connections_past_the_cap_wait_for_a_free_one() {
    let collector = with_limits(Limits {
        header_timeout: Duration::from_millis(500),
        max_connections: 2,
        ..Limits::default()
    })
    .await;
    // Two silent clients take both places; they are dropped after the header timeout, and
    // the third client is served then.
    let mut silent = Vec::new();
    for _ in 0..2 {
        silent.push(
            tokio::net::TcpStream::connect(collector.addr())
                .await
                .unwrap(),
        );
    }
    let started = Instant::now();
    let response = tokio::time::timeout(PATIENCE, collector.get("/healthz"))
        .await
        .expect("the waiting client was never served");
    let waited = started.elapsed();
    assert_eq!(response.status(), StatusCode::OK);
    // Served only once a silent client was cut off, 500 ms after it connected (less the
    // moment between its connection and this request).
    assert!(
        waited >= Duration::from_millis(400),
        "the third client was served after {waited:?}, before a place was free"
    );
}

#[tokio::test]
async fn an_unlisted_origin_cannot_post_whatever_the_content_type() {
    let collector = Collector::start_with(|config| {
        config.allowed_origins = vec!["https://pay.example".parse().unwrap()];
    })
    .await;
    let body = warning_decided("x-1").to_json().to_string();
    for content_type in [None, Some("text/plain"), Some(SINGLE_CONTENT_TYPE)] {
        let mut request = collector
            .client
            .post(format!("{}/v1/events", collector.base))
            .header(ORIGIN, "https://evil.example")
            .body(body.clone());
        if let Some(content_type) = content_type {
            request = request.header(CONTENT_TYPE, content_type);
        }
        let answer = common::answer(request.send().await.unwrap()).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{content_type:?}");
        answer.assert_error_mentions("origin is not allowed");
    }
    assert_eq!(collector.rows(), 0);

    let own_origin = collector.base.clone();
    for (origin, id) in [("https://pay.example", "x-2"), (own_origin.as_str(), "x-3")] {
        let response = collector
            .client
            .post(format!("{}/v1/events", collector.base))
            .header(ORIGIN, origin)
            .header(CONTENT_TYPE, SINGLE_CONTENT_TYPE)
            .body(warning_decided(id).to_json().to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{origin}");
    }
    assert_eq!(collector.rows(), 2);
}

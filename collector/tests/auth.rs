//! The optional bearer token on `POST /v1/events`, over real HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use common::{quiz_completed, Collector};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use reqwest::StatusCode;
use riskguard_collector::BearerToken;
use riskguard_core::events::SINGLE_CONTENT_TYPE;

const TOKEN: &str = "t0ps3cret-token_for.tests";

async fn with_token() -> Collector {
    Collector::start_with(|config| config.token = Some(BearerToken::new(TOKEN).unwrap())).await
}

async fn post(collector: &Collector, authorization: Option<&str>, id: &str) -> common::Answer {
    let mut request = collector
        .client
        .post(format!("{}/v1/events", collector.base))
        .header(CONTENT_TYPE, SINGLE_CONTENT_TYPE)
        .body(quiz_completed(id).to_json().to_string());
    if let Some(value) = authorization {
        request = request.header(AUTHORIZATION, value);
    }
    common::answer(request.send().await.unwrap()).await
}

#[tokio::test]
async fn the_right_token_stores_events() {
    let collector = with_token().await;
    let answer = post(&collector, Some(&format!("Bearer {TOKEN}")), "a-1").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(collector.rows(), 1);
}

#[tokio::test]
async fn no_token_is_401_with_a_bearer_challenge() {
    let collector = with_token().await;
    for authorization in [None, Some("Basic dXNlcjpwYXNz"), Some("Bearer")] {
        let answer = post(&collector, authorization, "a-1").await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{authorization:?}");
        assert_eq!(
            answer.headers["www-authenticate"],
            r#"Bearer realm="riskguard""#
        );
        answer.assert_error_mentions("Authorization: Bearer <token>");
        assert!(answer.headers.contains_key("x-request-id"));
        assert_eq!(
            answer.headers["content-security-policy"],
            riskguard_collector::CSP
        );
    }
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn a_wrong_token_is_401_invalid_token() {
    let collector = with_token().await;
    for wrong in [
        "Bearer wrong",
        "Bearer t0ps3cret-token_for.test",
        "Bearer t0ps3cret-token_for.tests2",
        "Bearer T0PS3CRET-TOKEN_FOR.TESTS",
    ] {
        let answer = post(&collector, Some(wrong), "a-1").await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{wrong}");
        assert_eq!(
            answer.headers["www-authenticate"],
            r#"Bearer realm="riskguard", error="invalid_token""#
        );
        assert_eq!(
            answer.body,
            serde_json::json!({"error": "the bearer token is not valid"})
        );
        assert!(!answer.body.to_string().contains(TOKEN));
    }
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn the_token_is_checked_before_the_body() {
    let collector = with_token().await;
    let answer = collector.post(Some("text/plain"), "not an event").await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn reading_endpoints_stay_open() {
    let collector = with_token().await;
    for path in ["/healthz", "/v1/stats", "/dashboard", "/"] {
        let response = collector.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn without_a_token_configured_none_is_needed() {
    let collector = Collector::start().await;
    let answer = post(&collector, Some("Bearer anything"), "a-1").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
}

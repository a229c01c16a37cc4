//! Health, static files and the headers every response carries, over real HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use common::{Collector, EMPTY_WASM};
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use riskguard_collector::CSP;

const EXPECTED_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

fn assert_security_headers(headers: &HeaderMap) {
    assert_eq!(headers["content-security-policy"], EXPECTED_CSP);
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
}

#[test]
fn the_csp_constant_is_the_documented_policy() {
    assert_eq!(CSP, EXPECTED_CSP);
}

#[tokio::test]
async fn healthz_is_ok_with_security_headers() {
    let collector = Collector::start().await;
    let response = collector.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_security_headers(response.headers());
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, serde_json::json!({"status": "ok"}));
}

#[tokio::test]
async fn the_demo_page_is_served_fresh_with_security_headers() {
    let collector = Collector::start().await;
    let response = collector.get("/").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_security_headers(response.headers());
    assert_eq!(response.headers()["cache-control"], "no-cache");
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(response.text().await.unwrap().contains("riskguard demo"));
}

#[tokio::test]
async fn error_responses_carry_security_headers() {
    let collector = Collector::start().await;
    let body = common::quiz_completed("e-1").to_json().to_string();
    let answer = collector.post(Some("text/plain"), body).await;
    assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_security_headers(&answer.headers);

    let missing = collector.get("/no/such/file.js").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_security_headers(missing.headers());

    let wrong_method = collector.get("/v1/events").await;
    assert_eq!(wrong_method.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_security_headers(wrong_method.headers());
}

#[tokio::test]
async fn wasm_is_served_as_application_wasm() {
    let collector = Collector::start().await;
    let response = collector.get("/pkg/riskguard_bg.wasm").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/wasm");
    assert_eq!(response.headers()["cache-control"], "no-cache");
    assert_security_headers(response.headers());
    assert_eq!(&response.bytes().await.unwrap()[..], EMPTY_WASM);
}

#[tokio::test]
async fn styles_are_served_from_the_style_dir() {
    let collector = Collector::start().await;
    let response = collector.get("/style/riskguard.css").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    assert_security_headers(response.headers());
}

//! CORS for listed origins only, over real HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use common::{quiz_completed, Collector};
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use riskguard_collector::{AllowedOrigin, BearerToken};
use riskguard_core::events::SINGLE_CONTENT_TYPE;

const ALLOWED: &str = "https://pay.example";
const OTHER: &str = "https://evil.example";

async fn with_origins() -> Collector {
    Collector::start_with(|config| {
        config.allowed_origins = vec![
            AllowedOrigin::parse(ALLOWED).unwrap(),
            AllowedOrigin::parse("http://localhost:5173").unwrap(),
        ];
        config.token = Some(BearerToken::new("tok").unwrap());
    })
    .await
}

async fn preflight(collector: &Collector, origin: &str, headers: &str) -> reqwest::Response {
    collector
        .client
        .request(Method::OPTIONS, format!("{}/v1/events", collector.base))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", headers)
        .send()
        .await
        .unwrap()
}

fn cors_headers(headers: &HeaderMap) -> Vec<String> {
    headers
        .keys()
        .map(|k| k.as_str().to_owned())
        .filter(|k| k.starts_with("access-control-"))
        .collect()
}

#[tokio::test]
async fn a_listed_origin_gets_its_preflight_answered() {
    let collector = with_origins().await;
    let response = preflight(
        &collector,
        ALLOWED,
        "content-type,authorization,x-host-trace",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers();
    assert_eq!(headers["access-control-allow-origin"], ALLOWED);
    let methods = headers["access-control-allow-methods"].to_str().unwrap();
    assert!(methods.contains("POST"), "{methods}");
    let allowed = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for header in ["content-type", "authorization", "x-host-trace"] {
        assert!(allowed.contains(header), "{allowed}");
    }
    assert_eq!(headers["access-control-max-age"], "600");
    assert!(!headers.contains_key("access-control-allow-credentials"));
    assert!(headers["vary"].to_str().unwrap().contains("origin"));
    assert_eq!(headers["content-security-policy"], riskguard_collector::CSP);
}

#[tokio::test]
async fn a_listed_origin_can_read_answers_including_401() {
    let collector = with_origins().await;
    let post = |authorization: &'static str| {
        collector
            .client
            .post(format!("{}/v1/events", collector.base))
            .header("origin", ALLOWED)
            .header("content-type", SINGLE_CONTENT_TYPE)
            .header("authorization", authorization)
            .body(quiz_completed("c-1").to_json().to_string())
            .send()
    };
    let ok = post("Bearer tok").await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(ok.headers()["access-control-allow-origin"], ALLOWED);
    let exposed = ok.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(exposed.contains("x-request-id"), "{exposed}");
    let refused = post("Bearer nope").await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(refused.headers()["access-control-allow-origin"], ALLOWED);
    assert_eq!(collector.rows(), 1);

    let stats = collector
        .client
        .get(format!("{}/v1/stats", collector.base))
        .header("origin", "http://localhost:5173")
        .send()
        .await
        .unwrap();
    assert_eq!(
        stats.headers()["access-control-allow-origin"],
        "http://localhost:5173"
    );
}

#[tokio::test]
async fn an_unlisted_origin_gets_no_cors_headers() {
    let collector = with_origins().await;
    let response = preflight(&collector, OTHER, "content-type").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(cors_headers(response.headers()), Vec::<String>::new());
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["error"].as_str().unwrap().contains("origin"));

    // A near miss is not a match.
    for origin in [
        "https://pay.example.evil.example",
        "http://pay.example",
        "https://pay.example:8443",
        "null",
    ] {
        let response = preflight(&collector, origin, "content-type").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{origin}");
        assert_eq!(cors_headers(response.headers()), Vec::<String>::new());
    }

    let post = collector
        .client
        .post(format!("{}/v1/events", collector.base))
        .header("origin", OTHER)
        .header("content-type", SINGLE_CONTENT_TYPE)
        .header("authorization", "Bearer tok")
        .body(quiz_completed("c-2").to_json().to_string())
        .send()
        .await
        .unwrap();
    // A write from another origin is refused, whatever sent it, and nothing lets a browser
    // page read the answer.
    assert_eq!(post.status(), StatusCode::FORBIDDEN);
    assert_eq!(cors_headers(post.headers()), Vec::<String>::new());
    assert_eq!(collector.rows(), 0);
}

#[tokio::test]
async fn without_listed_origins_there_is_no_cors_at_all() {
    let collector = Collector::start().await;
    let response = preflight(&collector, ALLOWED, "content-type").await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(cors_headers(response.headers()), Vec::<String>::new());
    let post = collector
        .client
        .post(format!("{}/v1/events", collector.base))
        .header("origin", ALLOWED)
        .header("content-type", SINGLE_CONTENT_TYPE)
        .body(quiz_completed("c-3").to_json().to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::OK);
    assert_eq!(cors_headers(post.headers()), Vec::<String>::new());
}

#[test]
fn origins_are_checked_with_a_hint() {
    let error = AllowedOrigin::parse("https://pay.example/checkout")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("did you mean `https://pay.example`"),
        "{error}"
    );
}

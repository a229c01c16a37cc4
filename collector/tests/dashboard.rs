//! `GET /dashboard` over real HTTP: the page's states, its numbers, and escaping of whatever
//! clients put in events.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use chrono::{TimeZone, Utc};
use common::{warning_shown, Collector};
use reqwest::StatusCode;
use riskguard_collector::{synthetic, Store};
use riskguard_core::events::EventData;

async fn page(
    collector: &Collector,
    query: &str,
) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let response = collector.get(&format!("/dashboard{query}")).await;
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap())
}

/// What the strict CSP would block, and what must never appear.
fn assert_csp_clean(html: &str) {
    let lower = html.to_ascii_lowercase();
    for forbidden in ["<script", "style=", "javascript:", "nan", "inf%"] {
        assert!(!lower.contains(forbidden), "`{forbidden}` in the page");
    }
    assert!(
        !has_event_handler(html),
        "an event handler attribute in the page"
    );
}

/// Whether a tag has an attribute like `onload=`. (Escaped text holds no `<`, so every `<…>`
/// is a real tag.)
fn has_event_handler(html: &str) -> bool {
    html.to_ascii_lowercase().split('<').skip(1).any(|tag| {
        let tag = tag.split('>').next().unwrap_or_default();
        tag.split(|c: char| c.is_ascii_whitespace())
            .skip(1)
            .any(|attribute| attribute.starts_with("on"))
    })
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[tokio::test]
async fn an_empty_database_shows_a_friendly_empty_state() {
    let collector = Collector::start().await;
    let (status, headers, html) = page(&collector, "").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(headers["content-security-policy"], riskguard_collector::CSP);
    assert_eq!(headers["cache-control"], "no-store");
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("No data yet"), "{html}");
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/dashboard.css\">"));
    assert!(!html.contains("<svg"));
    assert_csp_clean(&html);
}

#[tokio::test]
async fn the_stylesheet_is_served_as_css() {
    let collector = Collector::start().await;
    let response = collector.get("/dashboard.css").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/css; charset=utf-8"
    );
    let css = response.text().await.unwrap();
    assert!(css.contains("prefers-color-scheme: dark"));
}

#[tokio::test]
async fn synthetic_events_give_headline_numbers_and_five_charts() {
    let collector = Collector::start().await;
    let end = Utc.with_ymd_and_hms(2025, 6, 30, 0, 0, 0).unwrap();
    Store::open(&collector.db)
        .unwrap()
        .insert_all(&synthetic::events(3, 1_500, end))
        .unwrap();
    let stats: serde_json::Value = collector.get("/v1/stats").await.json().await.unwrap();
    let (status, _, html) = page(&collector, "").await;
    assert_eq!(status, StatusCode::OK);
    assert_csp_clean(&html);
    assert!(!html.contains("No data yet"));

    let shown = stats["warnings"]["total"]["shown"].as_u64().unwrap();
    let shown_text = format!("<dd class=\"kpi__value\">{}</dd>", thousands(shown));
    assert!(shown >= 1000 && html.contains(&shown_text), "{shown_text}");
    let adherence = stats["warnings"]["total"]["adherence"].as_f64().unwrap();
    assert!(html.contains(&format!(
        "<dd class=\"kpi__value\">{:.0}%</dd>",
        adherence * 100.0
    )));
    for label in [
        "Warnings shown",
        "Adherence",
        "Quizzes completed",
        "Pass rate",
        "Median score",
    ] {
        assert!(html.contains(&format!(">{label}</dt>")), "{label}");
    }

    assert_eq!(html.matches("<figure").count(), 5);
    assert_eq!(html.matches("<figcaption>").count(), 5);
    // Each chart in a wide and a compact layout.
    assert_eq!(html.matches("<svg ").count(), 10);
    assert_eq!(html.matches("role=\"img\"").count(), 10);
    assert_eq!(html.matches("<title id=").count(), 10);
    assert_eq!(html.matches("chart__svg--compact").count(), 5);
    for text in [
        "Adherence by category",
        "Adherence by locale",
        "First and repeat exposure",
        "Pass rate by entry point",
        "Pass rate by locale",
        ">OTC trading</text>",
        ">otc_trading</text>",
        ">Chinese (Simplified)</text>",
        ">Standalone quiz</text>",
        ">Repeat exposure</text>",
        "points lower than the first time",
        "<th scope=\"col\">Adherence</th>",
    ] {
        assert!(html.contains(text), "`{text}` missing");
    }
}

#[tokio::test]
async fn whatever_clients_send_is_escaped() {
    let collector = Collector::start().await;
    let hostile = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'; background:url(javascript:alert(1))",
    ];
    let events: Vec<_> = hostile
        .iter()
        .enumerate()
        .map(|(i, locale)| {
            let mut event = warning_shown(&format!("h-{i}"));
            if let EventData::WarningShown(data) = &mut event.data {
                data.locale = (*locale).to_owned();
            }
            event
        })
        .collect();
    Store::open(&collector.db)
        .unwrap()
        .insert_all(&events)
        .unwrap();
    let (status, _, html) = page(&collector, "").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!has_event_handler(&html));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
}

#[tokio::test]
async fn a_bad_period_is_a_400_page_and_an_empty_period_says_so() {
    let collector = Collector::start().await;
    let (status, headers, html) = page(&collector, "?since=%3Cb%3Enope").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(html.contains("`since` must be an RFC 3339 date-time"));
    assert!(html.contains("&lt;b&gt;nope"));
    assert!(!html.contains("<b>"));

    Store::open(&collector.db)
        .unwrap()
        .insert_all(&[warning_shown("w-1")])
        .unwrap();
    let (status, _, html) = page(&collector, "?since=2030-01-01T00:00:00Z").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("No data yet"));
    assert!(html.contains("in this period"));
    assert!(html.contains("Since 1 Jan 2030 00:00 UTC"));
    assert!(html.contains("href=\"/v1/stats?since=2030-01-01T00:00:00.000Z\""));
}

#[tokio::test]
async fn only_blocked_warnings_and_no_quiz_still_read_well() {
    let collector = Collector::start().await;
    let mut event = warning_shown("b-1");
    if let EventData::WarningShown(data) = &mut event.data {
        data.level = riskguard_core::risk::Level::Blocked;
    }
    Store::open(&collector.db)
        .unwrap()
        .insert_all(&[event])
        .unwrap();
    let (_, _, html) = page(&collector, "").await;
    assert_csp_clean(&html);
    assert!(html.contains("plus 1 blocked transfer<"));
    assert!(html.contains("No medium or high warning was shown in this period."));
    assert!(html.contains("No quiz was completed in this period."));
    assert!(html.contains("<dd class=\"kpi__value\">—</dd>"));
}

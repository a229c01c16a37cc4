//! The collector's dashboard (`/dashboard`) in headless Chromium: the empty state, the numbers
//! and charts over realistic synthetic events, nothing the strict CSP would block, zero axe-core
//! WCAG 2.2 A/AA violations in the light and dark schemes, and no horizontal scroll at 320 px.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use std::panic::AssertUnwindSafe;

use futures_util::FutureExt;
use riskguard_e2e::{Error, Harness, Scheme};
use serde_json::Value;

async fn open(h: &Harness) -> Result<(), Error> {
    h.client.goto(&format!("{}/dashboard", h.base_url)).await?;
    h.wait_for("main").await?;
    Ok(())
}

async fn axe_clean(h: &Harness, screen: &str) -> Result<(), Error> {
    let violations = h.axe_violations().await?;
    if violations.is_empty() {
        Ok(())
    } else {
        Err(format!("{screen}: axe violations:\n{}", violations.join("\n")).into())
    }
}

/// Inline scripts, `style=` attributes and a stylesheet that did not apply would all mean the
/// strict CSP is in the way.
async fn csp_clean(h: &Harness) -> Result<(), Error> {
    let found = h
        .js(
            "return [document.querySelectorAll('script, [style]').length, \
                     getComputedStyle(document.querySelector('.masthead__brand')).textTransform];",
        )
        .await?;
    if found == serde_json::json!([0, "uppercase"]) {
        Ok(())
    } else {
        Err(format!("inline script/style, or the stylesheet did not apply: {found}").into())
    }
}

async fn texts(h: &Harness, css: &str) -> Result<Vec<String>, Error> {
    let script =
        "return Array.from(document.querySelectorAll(arguments[0])).map((e) => e.textContent);";
    match h.client.execute(script, vec![css.into()]).await? {
        Value::Array(list) => Ok(list
            .into_iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect()),
        other => Err(format!("{css}: {other}").into()),
    }
}

async fn light(h: &Harness) -> Result<(), Error> {
    // Empty database: a friendly empty state, not zeros and NaN.
    open(h).await?;
    let empty = h.text(".empty").await?;
    assert!(empty.contains("No data yet"), "{empty}");
    csp_clean(h).await?;
    axe_clean(h, "empty").await?;

    let stored = h.seed_synthetic_events(2026, 1_500)?;
    assert!(stored > 3_000, "{stored}");
    open(h).await?;
    csp_clean(h).await?;
    let labels = texts(h, ".kpi__label").await?;
    assert_eq!(
        labels,
        [
            "Warnings shown",
            "Adherence",
            "Quizzes completed",
            "Pass rate",
            "Median score"
        ]
    );
    let values = texts(h, ".kpi__value").await?;
    assert_eq!(values.len(), 5);
    for value in &values {
        assert!(
            value.chars().any(|c| c.is_ascii_digit()) && !value.contains("NaN"),
            "{values:?}"
        );
    }
    for i in [1, 3, 4] {
        assert!(values[i].ends_with('%'), "{values:?}");
    }

    // Five figures, each an SVG image with an accessible name and real text labels.
    let names = h
        .js("return Array.from(document.querySelectorAll('figure svg.chart__svg--wide[role=img]')).map((s) => \
             document.getElementById(s.getAttribute('aria-labelledby').split(' ')[0]).textContent);")
        .await?;
    assert_eq!(
        names,
        serde_json::json!([
            "Adherence by category",
            "Adherence by locale",
            "Adherence on first and repeat exposure",
            "Quiz pass rate by entry point",
            "Quiz pass rate by locale"
        ])
    );
    let chart_labels = texts(h, ".chart__label").await?;
    for label in [
        "OTC trading",
        "Unlock fee",
        "Chinese (Simplified)",
        "English",
        "First exposure",
        "Repeat exposure",
        "Standalone quiz",
    ] {
        assert!(
            chart_labels.iter().any(|l| l == label),
            "{label} in {chart_labels:?}"
        );
    }
    // The bars are drawn: widths in proportion to the values written next to them.
    let bars = h
        .js("return Array.from(document.querySelectorAll('.chart__svg--wide .chart__bar')).map((b) => b.getBBox().width);")
        .await?;
    let widths: Vec<f64> = bars
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    assert!(
        widths.len() >= 15 && widths.iter().all(|w| *w > 0.0 && *w <= 300.0),
        "{widths:?}"
    );
    axe_clean(h, "dashboard").await?;

    // The exact numbers, behind a disclosure, are accessible too.
    h.js("document.querySelectorAll('details').forEach((d) => { d.open = true; });")
        .await?;
    axe_clean(h, "dashboard with the numbers open").await?;

    // Reflow: no horizontal scroll at 320 px (WCAG 1.4.10).
    h.client.set_window_size(320, 800).await?;
    h.js("document.querySelectorAll('details').forEach((d) => { d.open = false; });")
        .await?;
    let widths = h
        .js("const e = document.scrollingElement; return [e.scrollWidth, e.clientWidth];")
        .await?;
    let w: Vec<i64> = widths
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default();
    assert!(
        w.len() == 2 && w[0] <= w[1],
        "horizontal scroll at 320 px: {w:?}"
    );
    Ok(())
}

async fn dark(h: &Harness) -> Result<(), Error> {
    h.seed_synthetic_events(7, 600)?;
    open(h).await?;
    let scheme = h
        .js(
            "return [matchMedia('(prefers-color-scheme: dark)').matches, \
                     getComputedStyle(document.documentElement).backgroundColor];",
        )
        .await?;
    assert_eq!(scheme[0], true, "{scheme}");
    assert_ne!(
        scheme[1], "rgb(244, 245, 247)",
        "the dark palette applies: {scheme}"
    );
    csp_clean(h).await?;
    axe_clean(h, "dark dashboard").await?;
    h.js("document.querySelectorAll('details').forEach((d) => { d.open = true; });")
        .await?;
    axe_clean(h, "dark dashboard with the numbers open").await
}

/// Runs `body` on a fresh harness in `scheme` and always closes the browser, even when the
/// body fails an assertion.
async fn run(
    name: &str,
    scheme: Scheme,
    body: for<'a> fn(&'a Harness) -> riskguard_e2e::TestFuture<'a>,
) -> Result<(), Error> {
    let h = Harness::start_with(name, "en-US", scheme).await?;
    let outcome = AssertUnwindSafe(async {
        h.client.set_window_size(1280, 1000).await?;
        body(&h).await
    })
    .catch_unwind()
    .await;
    h.close().await;
    match outcome {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_shows_the_numbers_accessibly_in_the_light_scheme() -> Result<(), Error> {
    run("dashboard_light", Scheme::Light, |h| Box::pin(light(h))).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_is_accessible_in_the_dark_scheme() -> Result<(), Error> {
    run("dashboard_dark", Scheme::Dark, |h| Box::pin(dark(h))).await
}

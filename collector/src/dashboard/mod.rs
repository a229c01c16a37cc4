//! `GET /dashboard`: the statistics of [`crate::stats`] as a page a product team can put on a
//! slide — headline numbers and bar charts of adherence and quiz results.
//!
//! Rendered on the server as HTML with inline SVG, built with maud's `html!` templates: no
//! JavaScript, no inline styles (the strict CSP forbids both), and every spliced string
//! escaped — those from outside the collector (locales and other keys of stored events, a
//! client's query) as [`text::Untrusted`]. Styles come from `/dashboard.css`, built into the
//! binary, with light and dark colour schemes. Accepts the same `?since=…&until=…` query as
//! `/v1/stats`.
//!
//! - [`report`]: the page of a [`Stats`](crate::Stats) — masthead, headline numbers, footer;
//! - [`sections`]: the warnings and quiz sections, a figure per breakdown;
//! - [`groups`]: a breakdown's rows as bars and as a table, for warnings and quiz alike;
//! - [`chart`]: bar charts as inline SVG;
//! - [`layout`]: the document around every page, and the error page;
//! - [`text`]: untrusted strings, number formats, English names of codes.

mod chart;
mod groups;
mod layout;
mod report;
mod sections;
mod text;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::Markup;

use crate::request_log::rejected;
use crate::stats;
use crate::EventStore;
use layout::message_page;
use report::render;

/// The dashboard's stylesheet, served at `/dashboard.css`.
const STYLESHEET: &str = include_str!("dashboard.css");

/// `GET /dashboard`.
pub(crate) async fn page(
    State(store): State<EventStore>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let period = match stats::read_period(query) {
        Ok(period) => period,
        Err(message) => {
            return rejected(
                StatusCode::BAD_REQUEST,
                html(message_page(
                    "This address asks for an unknown period",
                    &message,
                )),
                "bad_query",
            )
        }
    };
    match stats::run(store, period).await {
        Ok(stats) => html(render(&stats)).into_response(),
        Err(_) => stats::unavailable(html(message_page(
            "The numbers are unavailable",
            "The event store did not answer. Try again in a moment.",
        ))),
    }
}

/// `GET /dashboard.css`.
pub(crate) async fn stylesheet() -> Response {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "no-cache"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// A page as an HTML response that is never cached.
fn html(page: Markup) -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
        ],
        page.into_string(),
    )
}

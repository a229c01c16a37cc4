//! `GET /v1/stats`: how warnings and the quiz are doing, from day and hour rollups kept at
//! ingest (see `crate::rollup`), so that a report reads rollup rows rather than every stored
//! event.
//!
//! # Response
//!
//! ```json
//! {
//!   "generated_at": "2025-06-30T12:00:00.000Z",
//!   "period": { "since": null, "until": null },
//!   "warnings": {
//!     "total": { "shown": 120, "cancelled": 80, "proceeded": 35, "blocked": 9, "adherence": 0.667 },
//!     "by_category": [ { "key": "otc_trading", "shown": 50, "cancelled": 36, … }, … ],
//!     "by_locale":   [ { "key": "zh-Hans", … }, … ],
//!     "by_exposure": [ { "key": "first", … }, { "key": "repeat", … } ]
//!   },
//!   "quiz": {
//!     "total": { "started": 40, "completions": 36, "retries": 6, "sessions": 36,
//!                "passed": 27, "pass_rate": 0.75, "median_score_pct": 80.0 },
//!     "by_locale":   [ { "key": "en-US", … }, … ],
//!     "by_category": [ { "key": "otc_trading", … }, { "key": "standalone", … }, … ]
//!   }
//! }
//! ```
//!
//! ## Warnings
//!
//! Adherence is measured over the warnings that offered a choice — levels `medium` and `high`:
//!
//! - `shown`: `riskguard.warning.shown` events of level `medium` or `high`;
//! - `cancelled` / `proceeded`: `riskguard.warning.decided` events of those levels with that
//!   decision;
//! - `blocked`: `riskguard.warning.shown` events of level `blocked` (the user had no choice;
//!   counted separately and left out of adherence);
//! - `adherence`: `cancelled ÷ shown`, from 0 to 1, or `null` when nothing was shown.
//!
//! Breakdowns use the event's `category` (`"none"` when absent), `locale` and `exposure`
//! (`first` / `repeat`).
//!
//! ## Quiz
//!
//! - `started`: `riskguard.quiz.started` events of attempt 1;
//! - `completions`: `riskguard.quiz.completed` events of attempt 1 (one per session);
//! - `retries`: completed attempts 2 and later (retries of the missed questions);
//! - `sessions`: distinct `session_id`s among completed attempts;
//! - `passed`, `pass_rate` (`passed ÷ completions`, 0–1) and `median_score_pct` (the median of
//!   `100 × score ÷ max_score`) use first attempts only, so that retries of missed questions
//!   do not flatter the numbers; `null` when there were none.
//!
//! Breakdowns use `locale` and `category` (`"standalone"` when the quiz was started on its own).
//!
//! Rows of every breakdown are sorted by their main count (`shown`, `completions`), largest
//! first, then by key. Times compare the events' own `time`; `since` is inclusive and `until`
//! exclusive.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::time::Duration;

use axum::http::header::RETRY_AFTER;
use serde::Serialize;
use serde_json::json;

use crate::period::Period;
use crate::request_log::rejected;
use crate::{Error, EventStore};

/// Everything `GET /v1/stats` answers; see the [module documentation](self).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// When these numbers were computed, RFC 3339 UTC.
    pub generated_at: String,
    /// The window the numbers cover.
    pub period: Period,
    /// Warnings shown and what users decided.
    pub warnings: WarningStats,
    /// Quiz completions and scores.
    pub quiz: QuizStats,
}

impl Stats {
    /// Whether no warning or quiz event falls in the period.
    pub fn is_empty(&self) -> bool {
        let w = &self.warnings.total;
        let q = &self.quiz.total;
        w.shown + w.cancelled + w.proceeded + w.blocked == 0
            && q.started + q.completions + q.retries == 0
    }
}

/// Warning numbers, in total and broken down.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WarningStats {
    /// Over all warnings in the period.
    pub total: WarningCounts,
    /// By `category` (`"none"` when absent).
    pub by_category: Vec<Keyed<WarningCounts>>,
    /// By `locale`.
    pub by_locale: Vec<Keyed<WarningCounts>>,
    /// By `exposure`: `first` or `repeat`.
    pub by_exposure: Vec<Keyed<WarningCounts>>,
}

/// Counts of one group of warnings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WarningCounts {
    /// `medium` and `high` warnings shown.
    pub shown: u64,
    /// Of those, decisions to cancel (the safe choice).
    pub cancelled: u64,
    /// Of those, decisions to go on anyway.
    pub proceeded: u64,
    /// `blocked` warnings shown (no choice offered; not part of adherence).
    pub blocked: u64,
    /// `cancelled ÷ shown` (0–1), `null` when `shown` is 0.
    pub adherence: Option<f64>,
}

/// Quiz numbers, in total and broken down.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuizStats {
    /// Over all quiz events in the period.
    pub total: QuizCounts,
    /// By `locale`.
    pub by_locale: Vec<Keyed<QuizCounts>>,
    /// By `category` (`"standalone"` when the quiz was not started from a warning).
    pub by_category: Vec<Keyed<QuizCounts>>,
}

/// Counts of one group of quiz events.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct QuizCounts {
    /// First attempts started.
    pub started: u64,
    /// First attempts completed.
    pub completions: u64,
    /// Later attempts completed (retries of missed questions).
    pub retries: u64,
    /// Distinct sessions with a completed attempt.
    pub sessions: u64,
    /// First attempts passed.
    pub passed: u64,
    /// `passed ÷ completions` (0–1), `null` without completions.
    pub pass_rate: Option<f64>,
    /// Median first-attempt score as a percentage of the maximum, `null` without completions.
    pub median_score_pct: Option<f64>,
}

/// One row of a breakdown: the group's key and its counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyed<T> {
    /// The value grouped by: a category code, a locale or an exposure.
    pub key: String,
    /// The group's numbers.
    #[serde(flatten)]
    pub counts: T,
}

impl WarningCounts {
    pub(crate) const ZERO: WarningCounts = WarningCounts {
        shown: 0,
        cancelled: 0,
        proceeded: 0,
        blocked: 0,
        adherence: None,
    };
}

impl QuizCounts {
    pub(crate) const ZERO: QuizCounts = QuizCounts {
        started: 0,
        completions: 0,
        retries: 0,
        sessions: 0,
        passed: 0,
        pass_rate: None,
        median_score_pct: None,
    };
}

/// The handler of `GET /v1/stats`: the [`Stats`] of the period in the query, or 400 with
/// `{"error": "…"}` for a bad query.
pub(crate) async fn get_stats(
    State(store): State<EventStore>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let period = match read_period(query) {
        Ok(period) => period,
        Err(message) => {
            return rejected(
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": message })),
                "bad_query",
            )
        }
    };
    match run(store, period).await {
        Ok(stats) => Json(stats).into_response(),
        Err(error) => unavailable(Json(json!({ "error": error.to_string() }))),
    }
}

/// The period of a `since`/`until` query, or a message for the client.
pub(crate) fn read_period(
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Period, String> {
    let Query(pairs) = query.map_err(|e| format!("the query string is malformed: {e}"))?;
    Period::from_query(&pairs)
}

/// How long a statistics request waits for its turn before it is told to come back (503).
const READ_QUEUE_WAIT: Duration = Duration::from_secs(2);

/// How long one statistics query may run before it is interrupted (503); PostgreSQL's
/// `statement_timeout` for statistics too.
pub(crate) const READ_TIME_LIMIT: Duration = Duration::from_secs(10);

/// Why statistics could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    /// Other reports were running and this one waited its turn too long.
    #[error("the collector is busy with other reports; retry later")]
    Busy,
    /// The query ran past its time limit and was interrupted.
    #[error("the report took too long and was stopped; retry later or narrow the period")]
    TooSlow,
    /// The database failed.
    #[error("the event store is unavailable; retry later")]
    Store(#[from] Error),
}

/// A 503 with `Retry-After: 1`.
pub(crate) fn unavailable(body: impl IntoResponse) -> Response {
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, body).into_response();
    response
        .headers_mut()
        .insert(RETRY_AFTER, axum::http::HeaderValue::from_static("1"));
    response
}

/// Interrupts the SQLite statistics query when dropped before [`Interrupt::disarm`]: when the
/// time limit passes or the client leaves (axum drops the handler's future), the query stops
/// instead of holding the reader — and the write-ahead log — for nobody.
struct Interrupt(Option<rusqlite::InterruptHandle>);

impl Interrupt {
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            handle.interrupt();
        }
    }
}

/// Computes the statistics, a bounded number of reports at a time, within the time limit;
/// logs a failure.
pub(crate) async fn run(store: EventStore, period: Period) -> Result<Stats, ReadError> {
    let _turn = tokio::time::timeout(READ_QUEUE_WAIT, store.read_turn())
        .await
        .ok()
        .flatten()
        .ok_or(ReadError::Busy)?;
    let interrupt = Interrupt(store.interrupt_handle());
    let result = match tokio::time::timeout(READ_TIME_LIMIT, store.stats(period)).await {
        Err(_) => Err(ReadError::TooSlow),
        Ok(stats) => {
            interrupt.disarm();
            stats.map_err(ReadError::Store)
        }
    };
    if let Err(error) = &result {
        tracing::error!(%error, "computing statistics failed");
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_report_that_waits_too_long_for_its_turn_is_refused() {
        let dir = tempfile::Builder::new()
            .prefix("stats-turn-")
            .tempdir()
            .expect("a temporary directory");
        let store = EventStore::sqlite(
            crate::Store::open(dir.path().join("events.sqlite3")).expect("a store"),
        )
        .expect("a writer");
        // Another report holds the only turn for longer than a request may wait.
        let _busy = store.read_turn().await.expect("a turn");
        let response = get_stats(State(store), Ok(Query(Vec::new()))).await;
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[RETRY_AFTER], "1");
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("the body");
        let body: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
        assert_eq!(body["error"], ReadError::Busy.to_string());
    }
}

//! `GET /v1/stats`: how warnings and the quiz are doing, computed in SQL from the stored events.
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
use chrono::{SecondsFormat, Utc};
use rusqlite::{named_params, Connection};
use serde::Serialize;
use serde_json::json;

use crate::period::Period;
use crate::request_log::rejected;
use crate::{Error, Store};

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

/// What a breakdown groups by. The SQL expressions are constants: no client input ever
/// becomes SQL text.
#[derive(Debug, Clone, Copy)]
enum Dimension {
    Total,
    WarningCategory,
    QuizCategory,
    Locale,
    Exposure,
}

impl Dimension {
    fn key(self) -> &'static str {
        match self {
            Dimension::Total => "'total'",
            Dimension::WarningCategory => "coalesce(category, 'none')",
            Dimension::QuizCategory => "coalesce(category, 'standalone')",
            Dimension::Locale => "coalesce(locale, 'unknown')",
            Dimension::Exposure => "coalesce(exposure, 'unknown')",
        }
    }
}

/// The warning events of the period, with the members the statistics need.
const WARNING_EVENTS: &str = "
    SELECT type,
           json_extract(data, '$.level') AS level,
           json_extract(data, '$.decision') AS decision,
           json_extract(data, '$.category') AS category,
           json_extract(data, '$.locale') AS locale,
           json_extract(data, '$.exposure') AS exposure
    FROM events
    WHERE type IN ('riskguard.warning.shown', 'riskguard.warning.decided')
      AND (:since IS NULL OR time >= :since)
      AND (:until IS NULL OR time < :until)";

/// The quiz events of the period. Events stored before `attempt` existed count as first
/// attempts.
const QUIZ_EVENTS: &str = "
    SELECT type,
           json_extract(data, '$.session_id') AS session_id,
           coalesce(json_extract(data, '$.attempt'), 1) AS attempt,
           json_extract(data, '$.score') AS score,
           json_extract(data, '$.max_score') AS max_score,
           json_extract(data, '$.passed') AS passed,
           json_extract(data, '$.category') AS category,
           json_extract(data, '$.locale') AS locale
    FROM events
    WHERE type IN ('riskguard.quiz.started', 'riskguard.quiz.completed')
      AND (:since IS NULL OR time >= :since)
      AND (:until IS NULL OR time < :until)";

/// Computes the statistics of `period` on `connection`.
///
/// # Errors
///
/// When SQLite fails.
pub(crate) fn compute(connection: &Connection, period: &Period) -> Result<Stats, Error> {
    let warning_total = warning_rows(connection, period, Dimension::Total)?;
    let quiz_total = quiz_rows(connection, period, Dimension::Total)?;
    Ok(Stats {
        generated_at: Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true),
        period: *period,
        warnings: WarningStats {
            total: warning_total
                .into_iter()
                .next()
                .map_or(WarningCounts::ZERO, |row| row.counts),
            by_category: warning_rows(connection, period, Dimension::WarningCategory)?,
            by_locale: warning_rows(connection, period, Dimension::Locale)?,
            by_exposure: warning_rows(connection, period, Dimension::Exposure)?,
        },
        quiz: QuizStats {
            total: quiz_total
                .into_iter()
                .next()
                .map_or(QuizCounts::ZERO, |row| row.counts),
            by_locale: quiz_rows(connection, period, Dimension::Locale)?,
            by_category: quiz_rows(connection, period, Dimension::QuizCategory)?,
        },
    })
}

impl WarningCounts {
    const ZERO: WarningCounts = WarningCounts {
        shown: 0,
        cancelled: 0,
        proceeded: 0,
        blocked: 0,
        adherence: None,
    };
}

impl QuizCounts {
    const ZERO: QuizCounts = QuizCounts {
        started: 0,
        completions: 0,
        retries: 0,
        sessions: 0,
        passed: 0,
        pass_rate: None,
        median_score_pct: None,
    };
}

fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

fn warning_rows(
    connection: &Connection,
    period: &Period,
    dimension: Dimension,
) -> Result<Vec<Keyed<WarningCounts>>, Error> {
    let sql = format!(
        "SELECT {key} AS key,
                sum(type = 'riskguard.warning.shown' AND level IN ('medium', 'high')) AS shown,
                sum(type = 'riskguard.warning.decided' AND level IN ('medium', 'high')
                      AND decision = 'cancelled') AS cancelled,
                sum(type = 'riskguard.warning.decided' AND level IN ('medium', 'high')
                      AND decision = 'proceeded') AS proceeded,
                sum(type = 'riskguard.warning.shown' AND level = 'blocked') AS blocked
         FROM ({WARNING_EVENTS})
         GROUP BY key
         HAVING shown + cancelled + proceeded + blocked > 0
         ORDER BY shown DESC, key",
        key = dimension.key(),
    );
    let (since, until) = period.bounds();
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(named_params! {":since": since, ":until": until}, |row| {
        // `sum()` sums as a float; the counts are whole numbers well inside f64's range.
        let get = |i| row.get::<_, i64>(i);
        let (shown, cancelled) = (count(get(1)?), count(get(2)?));
        Ok(Keyed {
            key: row.get(0)?,
            counts: WarningCounts {
                shown,
                cancelled,
                proceeded: count(get(3)?),
                blocked: count(get(4)?),
                adherence: ratio(cancelled, shown),
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn quiz_rows(
    connection: &Connection,
    period: &Period,
    dimension: Dimension,
) -> Result<Vec<Keyed<QuizCounts>>, Error> {
    // The median of the first attempts' percentages: the middle row, or the mean of the two
    // middle rows, of each group.
    let sql = format!(
        "WITH quiz AS ({QUIZ_EVENTS}),
         keyed AS (SELECT {key} AS key, * FROM quiz),
         counts AS (
             SELECT key,
                    sum(type = 'riskguard.quiz.started' AND attempt = 1) AS started,
                    sum(type = 'riskguard.quiz.completed' AND attempt = 1) AS completions,
                    sum(type = 'riskguard.quiz.completed' AND attempt > 1) AS retries,
                    count(DISTINCT CASE WHEN type = 'riskguard.quiz.completed'
                                        THEN session_id END) AS sessions,
                    sum(type = 'riskguard.quiz.completed' AND attempt = 1 AND passed) AS passed
             FROM keyed GROUP BY key),
         scores AS (
             SELECT key, 100.0 * score / max_score AS pct,
                    row_number() OVER (PARTITION BY key ORDER BY 100.0 * score / max_score) AS n,
                    count(*) OVER (PARTITION BY key) AS size
             FROM keyed
             WHERE type = 'riskguard.quiz.completed' AND attempt = 1 AND max_score > 0),
         medians AS (
             SELECT key, avg(pct) AS median FROM scores
             WHERE n IN ((size + 1) / 2, (size + 2) / 2) GROUP BY key)
         SELECT counts.key, started, completions, retries, sessions, passed, medians.median
         FROM counts LEFT JOIN medians ON medians.key = counts.key
         WHERE started + completions + retries > 0
         ORDER BY completions DESC, counts.key",
        key = dimension.key(),
    );
    let (since, until) = period.bounds();
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(named_params! {":since": since, ":until": until}, |row| {
        let get = |i| row.get::<_, i64>(i);
        let (completions, passed) = (count(get(2)?), count(get(5)?));
        Ok(Keyed {
            key: row.get(0)?,
            counts: QuizCounts {
                started: count(get(1)?),
                completions,
                retries: count(get(3)?),
                sessions: count(get(4)?),
                passed,
                pass_rate: ratio(passed, completions),
                median_score_pct: row.get(6)?,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The handler of `GET /v1/stats`: the [`Stats`] of the period in the query, or 400 with
/// `{"error": "…"}` for a bad query.
pub(crate) async fn get_stats(
    State(store): State<Store>,
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
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "error": "the event store is unavailable; retry later" })),
        )
            .into_response(),
    }
}

/// The period of a `since`/`until` query, or a message for the client.
pub(crate) fn read_period(
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Period, String> {
    let Query(pairs) = query.map_err(|e| format!("the query string is malformed: {e}"))?;
    Period::from_query(&pairs)
}

/// Computes the statistics on the blocking pool, logging a failure.
pub(crate) async fn run(store: Store, period: Period) -> Result<Stats, Error> {
    let result = tokio::task::spawn_blocking(move || store.stats(&period))
        .await
        .map_err(|e| Error::Task(e.to_string()))
        .and_then(|stats| stats);
    if let Err(error) = &result {
        tracing::error!(%error, "computing statistics failed");
    }
    result
}

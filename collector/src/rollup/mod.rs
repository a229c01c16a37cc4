//! Statistics kept at ingest: what each event adds to the rollups, and how rollup rows (plus
//! the raw events of partly covered hours) add up to [`Stats`](crate::Stats).
//!
//! Every store keeps four tables, written in the same transaction as the events:
//!
//! - `warning_rollup` (bucket, category, locale, exposure → shown, cancelled, proceeded,
//!   blocked);
//! - `quiz_rollup` (bucket, category, locale → started, completions, retries, sessions, passed);
//! - `quiz_score_rollup` (bucket, category, locale, score, max_score → n): first-attempt scores,
//!   a histogram from which medians are exact;
//! - `quiz_sessions` (session_id → first completion's time, category, locale): a session counts
//!   once, at its earliest completed attempt.
//!
//! Each event is added to two buckets: its day (`d2025-05-01`) and its hour (`h2025-05-01T03`).
//! A period reads its whole days from day buckets, the whole hours of its partly covered days
//! from hour buckets, and the raw events of its partly covered hours (at most two) through the
//! same [`contribution`](contribution::contribution): answers are exact whatever the bounds. A
//! report reads, per group, one day bucket per whole day and at most 46 hour buckets, and the
//! raw events of those partial hours: its work grows with the period's length, the number of
//! groups and the events of at most two hours, not with all the events stored.
//!
//! - [`contribution`]: what one event adds;
//! - [`batch`]: the rollup rows of a batch of new events, as statements for either store;
//! - [`plan`]: which buckets and raw hours a period reads;
//! - [`totals`]: what was read, summed into statistics;
//! - [`sql`]: the statements both stores run.

mod batch;
mod contribution;
mod plan;
pub(crate) mod sql;
mod totals;

use chrono::{DateTime, SecondsFormat, Utc};

pub(crate) use batch::{BatchRollup, Param, SessionSeen, Statement};
pub(crate) use plan::Plan;
pub(crate) use totals::Totals;

/// The buckets of a stored time: `2025-05-01T03:04:05.000Z` → `d2025-05-01`, `h2025-05-01T03`.
pub(crate) fn buckets_of(time: &str) -> [String; 2] {
    let prefix = |n: usize| time.get(..n).unwrap_or(time);
    [format!("d{}", prefix(10)), format!("h{}", prefix(13))]
}

/// Counts of a warning group: shown, cancelled, proceeded, blocked.
pub(crate) type WarningRow = [i64; 4];

/// Counts of a quiz group: started, completions, retries, sessions, passed.
pub(crate) type QuizRow = [i64; 5];

/// A warning group: category, locale, exposure.
pub(crate) type WarningKey = (String, String, String);

/// A quiz group: category, locale.
pub(crate) type QuizKey = (String, String);

/// Adds `row` to `into`, count by count.
fn add_row<const N: usize>(into: &mut [i64; N], row: &[i64; N]) {
    for (a, b) in into.iter_mut().zip(row) {
        *a += b;
    }
}

/// A time as the stores keep it: RFC 3339, UTC, milliseconds.
fn stored_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

//! Statistics kept at ingest: what each event adds to the rollups, and how rollup rows (plus
//! the raw events of partly covered hours) add up to [`Stats`].
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
//! same [`contribution`]: answers are exact whatever the bounds. A report reads, per group, one
//! day bucket per whole day and at most 46 hour buckets, and the raw events of those partial
//! hours: its work grows with the period's length, the number of groups and the events of at
//! most two hours, not with all the events stored.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, DurationRound, SecondsFormat, Utc};
use serde_json::Value;

use crate::period::Period;
use crate::stats::{Keyed, QuizCounts, QuizStats, Stats, WarningCounts, WarningStats};

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

/// First-attempt scores: (score, max_score) → how many.
type Histogram = BTreeMap<(i64, i64), i64>;

/// Quiz counts and scores of each group of a breakdown.
type QuizGroups = BTreeMap<String, (QuizRow, Histogram)>;

/// What one stored event adds to the statistics.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Contribution {
    /// A warning event of a level that counts.
    Warning(WarningKey, WarningRow),
    /// A quiz event that counts.
    Quiz {
        /// Its group.
        key: QuizKey,
        /// Started, completions, retries, 0 (sessions are counted apart), passed.
        counts: QuizRow,
        /// A first attempt's (score, max_score).
        score: Option<(i64, i64)>,
        /// The session of a completed attempt.
        session: Option<String>,
    },
}

fn text<'a>(data: &'a Value, name: &str, absent: &'a str) -> &'a str {
    data.get(name).and_then(Value::as_str).unwrap_or(absent)
}

/// What an event of `event_type` with this `data` adds, if anything.
pub(crate) fn contribution(event_type: &str, data: &Value) -> Option<Contribution> {
    let flag = |yes: bool| i64::from(yes);
    match event_type {
        "riskguard.warning.shown" | "riskguard.warning.decided" => {
            let level = text(data, "level", "");
            let choice = level == "medium" || level == "high";
            let decision = text(data, "decision", "");
            let shown = event_type == "riskguard.warning.shown";
            let row = [
                flag(shown && choice),
                flag(!shown && choice && decision == "cancelled"),
                flag(!shown && choice && decision == "proceeded"),
                flag(shown && level == "blocked"),
            ];
            (row != [0; 4]).then(|| {
                Contribution::Warning(
                    (
                        text(data, "category", "none").to_owned(),
                        text(data, "locale", "unknown").to_owned(),
                        text(data, "exposure", "unknown").to_owned(),
                    ),
                    row,
                )
            })
        }
        "riskguard.quiz.started" | "riskguard.quiz.completed" => {
            let attempt = data.get("attempt").and_then(Value::as_i64).unwrap_or(1);
            let completed = event_type == "riskguard.quiz.completed";
            let first = attempt == 1;
            let passed = data.get("passed").and_then(Value::as_bool) == Some(true);
            let counts = [
                flag(!completed && first),
                flag(completed && first),
                flag(completed && attempt > 1),
                0,
                flag(completed && first && passed),
            ];
            if counts == [0; 5] {
                return None;
            }
            let number = |name| data.get(name).and_then(Value::as_i64);
            let score = match (number("score"), number("max_score")) {
                (Some(score), Some(max)) if completed && first && max > 0 => Some((score, max)),
                _ => None,
            };
            let session = data
                .get("session_id")
                .and_then(Value::as_str)
                .filter(|_| completed)
                .map(str::to_owned);
            Some(Contribution::Quiz {
                key: (
                    text(data, "category", "standalone").to_owned(),
                    text(data, "locale", "unknown").to_owned(),
                ),
                counts,
                score,
                session,
            })
        }
        _ => None,
    }
}

/// The rollup rows a batch adds, summed by bucket and group, ready to be upserted.
#[derive(Debug, Default)]
pub(crate) struct BatchRollup {
    /// `warning_rollup` increments.
    pub(crate) warnings: BTreeMap<(String, WarningKey), WarningRow>,
    /// `quiz_rollup` increments (sessions apart: see [`SessionSeen`]).
    pub(crate) quizzes: BTreeMap<(String, QuizKey), QuizRow>,
    /// `quiz_score_rollup` increments.
    pub(crate) scores: BTreeMap<(String, QuizKey, i64, i64), i64>,
    /// Completed attempts, for `quiz_sessions`.
    pub(crate) sessions: Vec<SessionSeen>,
}

/// A completed attempt of a session, to be counted if it is the session's earliest.
#[derive(Debug, Clone)]
pub(crate) struct SessionSeen {
    /// The session.
    pub(crate) session_id: String,
    /// The attempt's time, as stored.
    pub(crate) time: String,
    /// Its group.
    pub(crate) key: QuizKey,
}

impl BatchRollup {
    /// Adds a newly stored event of `event_type` at `time` (as stored) with `data`.
    pub(crate) fn add(&mut self, event_type: &str, time: &str, data: &Value) {
        let Some(contribution) = contribution(event_type, data) else {
            return;
        };
        if let Contribution::Quiz {
            key,
            session: Some(session_id),
            ..
        } = &contribution
        {
            self.sessions.push(SessionSeen {
                session_id: session_id.clone(),
                time: time.to_owned(),
                key: key.clone(),
            });
        }
        for bucket in buckets_of(time) {
            match &contribution {
                Contribution::Warning(key, row) => {
                    add_row(self.warnings.entry((bucket, key.clone())).or_default(), row);
                }
                Contribution::Quiz {
                    key, counts, score, ..
                } => {
                    if let Some((score, max)) = score {
                        *self
                            .scores
                            .entry((bucket.clone(), key.clone(), *score, *max))
                            .or_default() += 1;
                    }
                    add_row(
                        self.quizzes.entry((bucket, key.clone())).or_default(),
                        counts,
                    );
                }
            }
        }
    }
}

/// A value bound to a rollup statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Param {
    /// Text: buckets, groups, session ids, times.
    Text(String),
    /// A count or score.
    Int(i64),
}

/// A statement of [`sql`] and its parameters, for either store to run.
pub(crate) type Statement = (&'static str, Vec<Param>);

fn text_params(values: &[&str]) -> Vec<Param> {
    values
        .iter()
        .map(|v| Param::Text((*v).to_owned()))
        .collect()
}

fn with_counts(mut params: Vec<Param>, counts: &[i64]) -> Vec<Param> {
    params.extend(counts.iter().map(|n| Param::Int(*n)));
    params
}

impl BatchRollup {
    /// Adds another batch's rollup to this one (group commit writes them once).
    pub(crate) fn merge(&mut self, other: BatchRollup) {
        for (key, row) in other.warnings {
            add_row(self.warnings.entry(key).or_default(), &row);
        }
        for (key, row) in other.quizzes {
            add_row(self.quizzes.entry(key).or_default(), &row);
        }
        for (key, n) in other.scores {
            *self.scores.entry(key).or_default() += n;
        }
        self.sessions.extend(other.sessions);
    }

    /// Counts a session in the buckets of `time` (`n` = 1), or takes it back (`n` = -1).
    pub(crate) fn count_session(&mut self, time: &str, key: &QuizKey, n: i64) {
        for bucket in buckets_of(time) {
            self.quizzes.entry((bucket, key.clone())).or_default()[3] += n;
        }
    }

    /// The upserts of the warning, quiz and score rollups, in key order so that concurrent
    /// writers lock rows in the same order. Count sessions first ([`SessionSeen`]).
    pub(crate) fn upserts(&self) -> Vec<Statement> {
        let warnings = self.warnings.iter().map(|((bucket, (c, l, e)), row)| {
            (
                sql::UPSERT_WARNING,
                with_counts(text_params(&[bucket, c, l, e]), row),
            )
        });
        let quizzes = self.quizzes.iter().map(|((bucket, (c, l)), row)| {
            (
                sql::UPSERT_QUIZ,
                with_counts(text_params(&[bucket, c, l]), row),
            )
        });
        let scores = self.scores.iter().map(|((bucket, (c, l), score, max), n)| {
            (
                sql::UPSERT_SCORE,
                with_counts(text_params(&[bucket, c, l]), &[*score, *max, *n]),
            )
        });
        warnings.chain(quizzes).chain(scores).collect()
    }
}

impl SessionSeen {
    /// Records the session; if that inserted a row, it is new: count it.
    pub(crate) fn insert(&self) -> Statement {
        (
            sql::INSERT_SESSION,
            text_params(&[&self.session_id, &self.time, &self.key.0, &self.key.1]),
        )
    }

    /// The session was known with its earliest completion at `first_time`: if this attempt
    /// is earlier, the statement that moves the session here (then move its count too).
    pub(crate) fn earlier(&self, first_time: &str) -> Option<Statement> {
        (self.time.as_str() < first_time).then(|| {
            (
                sql::MOVE_SESSION,
                text_params(&[&self.session_id, &self.time, &self.key.0, &self.key.1]),
            )
        })
    }
}

fn add_row<const N: usize>(into: &mut [i64; N], row: &[i64; N]) {
    for (a, b) in into.iter_mut().zip(row) {
        *a += b;
    }
}

/// Which stored rows a period reads: bucket ranges from the rollups, the rest raw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// Bucket ranges `[from, until)`: the whole days, then the whole hours of partial days.
    pub(crate) buckets: Vec<(String, String)>,
    /// Raw event time windows `[from, until)` of partial hours, at most two.
    pub(crate) raw: Vec<(String, String)>,
}

fn stored_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Rounds down and up to a multiple of `step` (UTC).
fn floor_ceil(t: DateTime<Utc>, step: Duration) -> (DateTime<Utc>, DateTime<Utc>) {
    let floor = t.duration_trunc(step).unwrap_or(t);
    (floor, if floor == t { t } else { floor + step })
}

impl Plan {
    /// The plan for `period`.
    pub(crate) fn new(period: &Period) -> Plan {
        let day = Duration::days(1);
        let mut plan = Plan {
            buckets: Vec::new(),
            raw: Vec::new(),
        };
        let first_day = period.since.map(|t| floor_ceil(t, day).1);
        let end_day = period.until.map(|t| floor_ceil(t, day).0);
        if let (Some(first), Some(end)) = (first_day, end_day) {
            if first >= end {
                // No whole day inside.
                if let (Some(since), Some(until)) = (period.since, period.until) {
                    plan.hours(since, until);
                }
                return plan;
            }
        }
        // `d` sorts before `e`: open bounds take every day bucket.
        plan.buckets.push((
            first_day.map_or("d".to_owned(), |t| buckets_of(&stored_time(t))[0].clone()),
            end_day.map_or("e".to_owned(), |t| buckets_of(&stored_time(t))[0].clone()),
        ));
        if let (Some(since), Some(first)) = (period.since, first_day) {
            plan.hours(since, first);
        }
        if let (Some(end), Some(until)) = (end_day, period.until) {
            plan.hours(end, until);
        }
        plan
    }

    /// Reads `[from, until)`, which lies within a day: whole hours from hour buckets, the rest
    /// raw.
    fn hours(&mut self, from: DateTime<Utc>, until: DateTime<Utc>) {
        if from >= until {
            return;
        }
        let hour = Duration::hours(1);
        let first = floor_ceil(from, hour).1;
        let end = floor_ceil(until, hour).0;
        if first >= end {
            self.raw.push((stored_time(from), stored_time(until)));
            return;
        }
        let bucket = |t| buckets_of(&stored_time(t))[1].clone();
        self.buckets.push((bucket(first), bucket(end)));
        if from < first {
            self.raw.push((stored_time(from), stored_time(first)));
        }
        if end < until {
            self.raw.push((stored_time(end), stored_time(until)));
        }
    }
}

/// Rollup rows and raw contributions of a period, summed by group.
#[derive(Debug, Default)]
pub(crate) struct Totals {
    warnings: BTreeMap<WarningKey, WarningRow>,
    quizzes: BTreeMap<QuizKey, QuizRow>,
    scores: BTreeMap<QuizKey, Histogram>,
}

impl Totals {
    /// Adds a `warning_rollup` row (or sum of rows).
    pub(crate) fn warning(&mut self, key: WarningKey, row: WarningRow) {
        add_row(self.warnings.entry(key).or_default(), &row);
    }

    /// Adds a `quiz_rollup` row (or sum of rows).
    pub(crate) fn quiz(&mut self, key: QuizKey, row: QuizRow) {
        add_row(self.quizzes.entry(key).or_default(), &row);
    }

    /// Adds `n` first-attempt scores of `score` out of `max`.
    pub(crate) fn score(&mut self, key: QuizKey, score: i64, max: i64, n: i64) {
        *self
            .scores
            .entry(key)
            .or_default()
            .entry((score, max))
            .or_default() += n;
    }

    /// Adds a raw event (from a partly covered hour); sessions are added apart.
    pub(crate) fn event(&mut self, event_type: &str, data: &Value) {
        match contribution(event_type, data) {
            None => {}
            Some(Contribution::Warning(key, row)) => self.warning(key, row),
            Some(Contribution::Quiz {
                key, counts, score, ..
            }) => {
                if let Some((score, max)) = score {
                    self.score(key.clone(), score, max, 1);
                }
                self.quiz(key, counts);
            }
        }
    }

    /// The statistics these totals make.
    pub(crate) fn stats(&self, period: &Period) -> Stats {
        let warnings = |pick: fn(&WarningKey) -> String| {
            let mut groups: BTreeMap<String, WarningRow> = BTreeMap::new();
            for (key, row) in &self.warnings {
                add_row(groups.entry(pick(key)).or_default(), row);
            }
            groups
        };
        let quizzes = |pick: fn(&QuizKey) -> String| {
            let mut groups = QuizGroups::new();
            for (key, row) in &self.quizzes {
                add_row(&mut groups.entry(pick(key)).or_default().0, row);
            }
            for (key, histogram) in &self.scores {
                let group = &mut groups.entry(pick(key)).or_default().1;
                for (pair, n) in histogram {
                    *group.entry(*pair).or_default() += n;
                }
            }
            groups
        };
        let warning_rows = |groups: BTreeMap<String, WarningRow>| {
            let mut rows: Vec<Keyed<WarningCounts>> = groups
                .into_iter()
                .filter(|(_, row)| row.iter().sum::<i64>() > 0)
                .map(|(key, row)| Keyed {
                    key,
                    counts: warning_counts(&row),
                })
                .collect();
            rows.sort_by_key(|row| std::cmp::Reverse(row.counts.shown));
            rows
        };
        let quiz_rows = |groups: QuizGroups| {
            let mut rows: Vec<Keyed<QuizCounts>> = groups
                .into_iter()
                .filter(|(_, (row, _))| row[0] + row[1] + row[2] > 0)
                .map(|(key, (row, histogram))| Keyed {
                    key,
                    counts: quiz_counts(&row, &histogram),
                })
                .collect();
            rows.sort_by_key(|row| std::cmp::Reverse(row.counts.completions));
            rows
        };
        let total = |_: &_| "total".to_owned();
        Stats {
            generated_at: stored_time(Utc::now()),
            period: *period,
            warnings: WarningStats {
                total: warning_rows(warnings(total))
                    .into_iter()
                    .next()
                    .map_or(WarningCounts::ZERO, |row| row.counts),
                by_category: warning_rows(warnings(|k| k.0.clone())),
                by_locale: warning_rows(warnings(|k| k.1.clone())),
                by_exposure: warning_rows(warnings(|k| k.2.clone())),
            },
            quiz: QuizStats {
                total: quiz_rows(quizzes(|_| "total".to_owned()))
                    .into_iter()
                    .next()
                    .map_or(QuizCounts::ZERO, |row| row.counts),
                by_locale: quiz_rows(quizzes(|k| k.1.clone())),
                by_category: quiz_rows(quizzes(|k| k.0.clone())),
            },
        }
    }
}

fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn warning_counts(row: &WarningRow) -> WarningCounts {
    let (shown, cancelled) = (count(row[0]), count(row[1]));
    WarningCounts {
        shown,
        cancelled,
        proceeded: count(row[2]),
        blocked: count(row[3]),
        adherence: ratio(cancelled, shown),
    }
}

fn quiz_counts(row: &QuizRow, histogram: &Histogram) -> QuizCounts {
    let (completions, passed) = (count(row[1]), count(row[4]));
    QuizCounts {
        started: count(row[0]),
        completions,
        retries: count(row[2]),
        sessions: count(row[3]),
        passed,
        pass_rate: ratio(passed, completions),
        median_score_pct: median(histogram),
    }
}

/// The median of the percentages `100 × score ÷ max` in `histogram` (pair → how many): the
/// middle one, or the mean of the two middle ones.
fn median(histogram: &Histogram) -> Option<f64> {
    let mut values: Vec<(f64, i64)> = histogram
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|((score, max), n)| (100.0 * *score as f64 / *max as f64, *n))
        .collect();
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    let size: i64 = values.iter().map(|(_, n)| n).sum();
    if size == 0 {
        return None;
    }
    let nth = |position: i64| {
        let mut seen = 0;
        values.iter().find_map(|(value, n)| {
            seen += n;
            (seen >= position).then_some(*value)
        })
    };
    let (low, high) = (nth((size + 1) / 2)?, nth((size + 2) / 2)?);
    Some((low + high) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 5, day, h, m, 0)
            .single()
            .expect("a valid time")
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn a_period_reads_whole_days_then_whole_hours_then_the_rest_raw() {
        let plan = Plan::new(&Period {
            since: Some(at(1, 22, 30)),
            until: Some(at(4, 1, 15)),
        });
        assert_eq!(
            plan.buckets,
            vec![
                pair("d2025-05-02", "d2025-05-04"),
                pair("h2025-05-01T23", "h2025-05-02T00"),
                pair("h2025-05-04T00", "h2025-05-04T01"),
            ]
        );
        assert_eq!(
            plan.raw,
            vec![
                pair("2025-05-01T22:30:00.000Z", "2025-05-01T23:00:00.000Z"),
                pair("2025-05-04T01:00:00.000Z", "2025-05-04T01:15:00.000Z"),
            ]
        );
        let open = Plan::new(&Period::default());
        assert_eq!((open.buckets, open.raw), (vec![pair("d", "e")], vec![]));
        let inside = Plan::new(&Period {
            since: Some(at(1, 1, 10)),
            until: Some(at(1, 1, 50)),
        });
        assert_eq!(inside.buckets, vec![]);
        assert_eq!(inside.raw.len(), 1);
    }

    #[test]
    fn medians_of_a_histogram_match_the_sorted_list() {
        let mut histogram = BTreeMap::new();
        assert_eq!(median(&histogram), None);
        histogram.insert((4, 5), 1);
        assert_eq!(median(&histogram), Some(80.0));
        histogram.insert((1, 5), 1);
        assert_eq!(median(&histogram), Some(50.0));
        histogram.insert((5, 5), 2);
        // 20, 80, 100, 100 → (80 + 100) / 2
        assert_eq!(median(&histogram), Some(90.0));
    }
}

/// SQL shared by the SQLite and PostgreSQL stores: `$n` parameters in order of first use
/// (SQLite binds them by position too), `CAST` instead of `::`, qualified columns in upserts.
pub(crate) mod sql {
    /// Adds to a `warning_rollup` row.
    pub(crate) const UPSERT_WARNING: &str = "
        INSERT INTO warning_rollup
            (bucket, category, locale, exposure, shown, cancelled, proceeded, blocked)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (bucket, category, locale, exposure) DO UPDATE SET
            shown = warning_rollup.shown + excluded.shown,
            cancelled = warning_rollup.cancelled + excluded.cancelled,
            proceeded = warning_rollup.proceeded + excluded.proceeded,
            blocked = warning_rollup.blocked + excluded.blocked";

    /// Adds to a `quiz_rollup` row.
    pub(crate) const UPSERT_QUIZ: &str = "
        INSERT INTO quiz_rollup
            (bucket, category, locale, started, completions, retries, sessions, passed)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (bucket, category, locale) DO UPDATE SET
            started = quiz_rollup.started + excluded.started,
            completions = quiz_rollup.completions + excluded.completions,
            retries = quiz_rollup.retries + excluded.retries,
            sessions = quiz_rollup.sessions + excluded.sessions,
            passed = quiz_rollup.passed + excluded.passed";

    /// Adds to a `quiz_score_rollup` row.
    pub(crate) const UPSERT_SCORE: &str = "
        INSERT INTO quiz_score_rollup (bucket, category, locale, score, max_score, n)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (bucket, category, locale, score, max_score) DO UPDATE SET
            n = quiz_score_rollup.n + excluded.n";

    /// Records a session's first completed attempt, unless it is known.
    pub(crate) const INSERT_SESSION: &str = "
        INSERT INTO quiz_sessions (session_id, first_time, category, locale)
        VALUES ($1, $2, $3, $4)
        ON CONFLICT (session_id) DO NOTHING";

    /// A known session's earliest completed attempt and group (PostgreSQL adds `FOR UPDATE`).
    pub(crate) const FIND_SESSION: &str =
        "SELECT first_time, category, locale FROM quiz_sessions WHERE session_id = $1";

    /// Moves a session to an earlier completed attempt.
    pub(crate) const MOVE_SESSION: &str = "
        UPDATE quiz_sessions SET first_time = $2, category = $3, locale = $4
        WHERE session_id = $1";

    /// Warning rollups of a bucket range, summed by group.
    pub(crate) const WARNING_BUCKETS: &str = "
        SELECT category, locale, exposure,
               CAST(sum(shown) AS BIGINT), CAST(sum(cancelled) AS BIGINT),
               CAST(sum(proceeded) AS BIGINT), CAST(sum(blocked) AS BIGINT)
        FROM warning_rollup
        WHERE bucket >= $1 AND bucket < $2
        GROUP BY category, locale, exposure";

    /// Quiz rollups of a bucket range, summed by group.
    pub(crate) const QUIZ_BUCKETS: &str = "
        SELECT category, locale,
               CAST(sum(started) AS BIGINT), CAST(sum(completions) AS BIGINT),
               CAST(sum(retries) AS BIGINT), CAST(sum(sessions) AS BIGINT),
               CAST(sum(passed) AS BIGINT)
        FROM quiz_rollup
        WHERE bucket >= $1 AND bucket < $2
        GROUP BY category, locale";

    /// First-attempt score histograms of a bucket range, summed by group and score.
    pub(crate) const SCORE_BUCKETS: &str = "
        SELECT category, locale, score, max_score, CAST(sum(n) AS BIGINT)
        FROM quiz_score_rollup
        WHERE bucket >= $1 AND bucket < $2
        GROUP BY category, locale, score, max_score";

    /// The events of a partly covered hour that statistics read.
    pub(crate) const RAW_EVENTS: &str = "
        SELECT type, data FROM events
        WHERE type IN ('riskguard.warning.shown', 'riskguard.warning.decided',
                       'riskguard.quiz.started', 'riskguard.quiz.completed')
          AND time >= $1 AND time < $2";

    /// Sessions first completed in a partly covered hour, by group.
    pub(crate) const RAW_SESSIONS: &str = "
        SELECT category, locale, CAST(count(*) AS BIGINT) FROM quiz_sessions
        WHERE first_time >= $1 AND first_time < $2
        GROUP BY category, locale";
}

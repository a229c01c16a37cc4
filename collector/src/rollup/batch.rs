//! The rollup rows a batch of new events adds, and the statements that write them.

use std::collections::BTreeMap;

use serde_json::Value;

use super::contribution::{contribution, Contribution};
use super::{add_row, buckets_of, sql, QuizKey, QuizRow, WarningKey, WarningRow};

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

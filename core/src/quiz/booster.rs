//! Boosters: the effect of a lesson on manipulation techniques fades within weeks unless it is
//! refreshed, so the host offers the quiz again once the last completion is old enough.
//!
//! Pure: the host stores a [`QuizHistory`] (as JSON, for example in localStorage), passes the
//! time in, and asks whether a refresher is due.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::QuizResult;

/// Days after the last completion before a refresher quiz is due, unless configured otherwise.
pub const DEFAULT_REFRESHER_DAYS: u32 = 30;

/// Whether a refresher quiz is due, and since or until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refresher {
    /// `now` has reached `due_at`.
    pub due: bool,
    /// When the refresher is or was due: the last completion plus the interval, or `now` if
    /// the quiz was never completed.
    pub due_at: DateTime<Utc>,
}

impl Refresher {
    /// The refresher state at `now` for a quiz last completed at `last_completed_at` (`None`:
    /// never, so due now), repeated every `interval_days` days. Due from exactly
    /// `interval_days` after the completion on; an interval of 0 makes it always due.
    pub fn at(
        last_completed_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
        interval_days: u32,
    ) -> Refresher {
        let Some(last) = last_completed_at else {
            return Refresher {
                due: true,
                due_at: now,
            };
        };
        let due_at = last
            .checked_add_signed(Duration::days(i64::from(interval_days)))
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        Refresher {
            due: now >= due_at,
            due_at,
        }
    }
}

/// What the host persists between visits about the quiz on this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizHistory {
    /// When the user last finished an attempt (RFC 3339 in JSON).
    pub last_completed_at: DateTime<Utc>,
    /// Whether that attempt reached the pass mark (its mastery score, see [`QuizResult`]).
    pub last_passed: bool,
    /// Sessions completed: first attempts finished (retries of missed questions are part of
    /// their session and do not count again).
    pub completions: u32,
}

impl QuizHistory {
    /// The history after the first finished attempt, `result`, at `now`.
    pub fn from_result(result: &QuizResult, now: DateTime<Utc>) -> Self {
        let mut history = Self {
            last_completed_at: now,
            last_passed: false,
            completions: 0,
        };
        history.record(result, now);
        history
    }

    /// Records a finished attempt, `result`, at `now`.
    pub fn record(&mut self, result: &QuizResult, now: DateTime<Utc>) {
        self.last_completed_at = now;
        self.last_passed = result.passed;
        if result.attempt <= 1 {
            self.completions = self.completions.saturating_add(1);
        }
    }

    /// Whether a refresher is due at `now`, every `interval_days` days.
    pub fn refresher(&self, now: DateTime<Utc>, interval_days: u32) -> Refresher {
        Refresher::at(Some(self.last_completed_at), now, interval_days)
    }

    /// Reads a stored history. Storage can hold anything (an older format, a truncated write,
    /// a user's edit): the error names what is wrong, and the caller decides (treating the
    /// quiz as never completed is the safe choice).
    pub fn from_json(json: &str) -> Result<Self, String> {
        let deserializer = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let path = e.path().to_string();
            if path == "." {
                format!("stored quiz history is invalid: {}", e.inner())
            } else {
                format!("stored quiz history is invalid: `{path}`: {}", e.inner())
            }
        })
    }

    /// The JSON to store.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "last_completed_at": self.last_completed_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "last_passed": self.last_passed,
            "completions": self.completions,
        })
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn day(d: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_700_000_000, 0)
            .single()
            .expect("valid time")
            + Duration::days(d)
    }

    fn result(attempt: u32, passed: bool) -> QuizResult {
        QuizResult {
            score: if passed { 5 } else { 3 },
            max_score: 5,
            passed,
            pass_percent: 80,
            duration_ms: 40_000,
            question_ids: Vec::new(),
            attempt,
            missed: Vec::new(),
            techniques: Vec::new(),
        }
    }

    #[test]
    fn never_completed_is_due_now() {
        assert_eq!(
            Refresher::at(None, day(3), DEFAULT_REFRESHER_DAYS),
            Refresher {
                due: true,
                due_at: day(3)
            }
        );
    }

    #[test]
    fn due_from_exactly_the_interval_on() {
        let last = Some(day(0));
        let second = Duration::seconds(1);
        let r = Refresher::at(last, day(30) - second, DEFAULT_REFRESHER_DAYS);
        assert_eq!((r.due, r.due_at), (false, day(30)));
        let r = Refresher::at(last, day(30), DEFAULT_REFRESHER_DAYS);
        assert_eq!((r.due, r.due_at), (true, day(30)));
        let r = Refresher::at(last, day(45), DEFAULT_REFRESHER_DAYS);
        assert_eq!((r.due, r.due_at), (true, day(30)), "and stays due");
        let r = Refresher::at(last, day(2), 7);
        assert_eq!((r.due, r.due_at), (false, day(7)));
        assert!(Refresher::at(last, day(0), 0).due);
        // A clock set back before the completion: not due.
        assert!(!Refresher::at(last, day(-1), DEFAULT_REFRESHER_DAYS).due);
    }

    #[test]
    fn the_history_records_sessions_and_the_latest_outcome() {
        let mut h = QuizHistory::from_result(&result(1, false), day(0));
        assert_eq!((h.completions, h.last_passed), (1, false));
        h.record(&result(2, true), day(0) + Duration::minutes(2));
        assert_eq!(
            (h.completions, h.last_passed, h.last_completed_at),
            (1, true, day(0) + Duration::minutes(2)),
            "a retry is part of its session"
        );
        h.record(&result(1, true), day(31));
        assert_eq!(h.completions, 2);
        assert!(!h.refresher(day(60), DEFAULT_REFRESHER_DAYS).due);
        assert!(h.refresher(day(61), DEFAULT_REFRESHER_DAYS).due);
    }

    #[test]
    fn the_history_round_trips_through_json() {
        let h = QuizHistory {
            last_completed_at: day(1),
            last_passed: true,
            completions: 3,
        };
        let json = h.to_json();
        assert!(
            json.contains("\"last_completed_at\":\"2023-11-15T22:13:20.000Z\""),
            "{json}"
        );
        assert_eq!(QuizHistory::from_json(&json), Ok(h));
    }

    #[test]
    fn corrupt_history_is_an_error_naming_the_problem() {
        let err = QuizHistory::from_json(
            "{\"last_completed_at\":\"yesterday\",\"last_passed\":true,\"completions\":1}",
        )
        .expect_err("not a date");
        assert!(
            err.starts_with("stored quiz history is invalid: `last_completed_at`: "),
            "{err}"
        );
        let err = QuizHistory::from_json("{\"last_passed\":true").expect_err("truncated");
        assert!(err.starts_with("stored quiz history is invalid: "), "{err}");
        let err = QuizHistory::from_json(
            "{\"last_completed_at\":\"2024-01-01T00:00:00Z\",\"last_passed\":true}",
        )
        .expect_err("missing field");
        assert!(err.contains("completions"), "{err}");
        assert!(QuizHistory::from_json("").is_err());
        assert!(QuizHistory::from_json("null").is_err());
    }
}

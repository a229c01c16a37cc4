//! What the JS API hands back to hosts, as typed values (camelCase, as the README documents
//! them). Inputs are read in `options/` (mount options) and by the core's own readers
//! (`TransferContext`); the `onReport` argument is the core's [`riskguard_core::warning::Report`].

use chrono::{DateTime, SecondsFormat, Utc};
use riskguard_core::quiz::{QuizHistory, QuizResult, Refresher, Technique};
use serde::Serialize;

/// What `startQuiz()` resolves to once the user leaves a quiz they finished an attempt of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuizOutcome {
    /// Questions answered right in the last attempt.
    pub score: u32,
    /// Questions in it.
    pub max_score: u32,
    /// Whether it reached the pass mark.
    pub passed: bool,
    /// The pass mark, in percent.
    pub pass_percent: u32,
    /// Attempts made (retries of missed questions count).
    pub attempts: u32,
    /// The techniques the session taught (serialized as their kebab-case codes).
    pub techniques: Vec<Technique>,
}

impl From<&QuizResult> for QuizOutcome {
    fn from(r: &QuizResult) -> Self {
        Self {
            score: r.score,
            max_score: r.max_score,
            passed: r.passed,
            pass_percent: r.pass_percent,
            attempts: r.attempt,
            techniques: r.techniques.clone(),
        }
    }
}

/// What `refresherDue()` returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RefresherStatus {
    /// Whether a refresher quiz is due now.
    pub due: bool,
    /// When it is or was due (RFC 3339, milliseconds, UTC).
    pub due_at: String,
    /// The last completion on this device, if any.
    pub last_completed_at: Option<String>,
    /// Whether that completion passed.
    pub last_passed: Option<bool>,
    /// Completions on this device.
    pub completions: u32,
}

impl RefresherStatus {
    /// The status at `now` for a device with `history`, every `interval_days` days.
    pub fn at(history: Option<QuizHistory>, now: DateTime<Utc>, interval_days: u32) -> Self {
        let Refresher { due, due_at } =
            Refresher::at(history.map(|h| h.last_completed_at), now, interval_days);
        let time = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Millis, true);
        Self {
            due,
            due_at: time(due_at),
            last_completed_at: history.map(|h| time(h.last_completed_at)),
            last_passed: history.map(|h| h.last_passed),
            completions: history.map_or(0, |h| h.completions),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quiz_outcome_lists_techniques_by_their_codes() {
        let outcome = QuizOutcome {
            score: 4,
            max_score: 5,
            passed: true,
            pass_percent: 80,
            attempts: 1,
            techniques: vec![Technique::GuaranteedReturns, Technique::OtcDealing],
        };
        assert_eq!(
            serde_json::to_string(&outcome).expect("serializes"),
            r#"{"score":4,"maxScore":5,"passed":true,"passPercent":80,"attempts":1,"techniques":["guaranteed-returns","otc-dealing"]}"#
        );
    }
}

//! What one stored event adds to the statistics: the same for rollups written at ingest and
//! for the raw events of a partly covered hour read by a report.

use serde_json::Value;

use super::{QuizKey, QuizRow, WarningKey, WarningRow};

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

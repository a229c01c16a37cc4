//! Checks of event data against its meaning, beyond the types [`parse_request`] checks: scores
//! within their maximum, attempts from 1, durations and strings of sane size, locales the
//! component ships. A value out of range is refused with 422 naming the field, so that one
//! broken or hostile client cannot distort medians or grow the breakdowns without bound.
//!
//! [`parse_request`]: riskguard_core::events::parse_request

use riskguard_core::events::{Event, EventData};
use riskguard_core::i18n::Locale;

/// The largest `max_score` accepted: a quiz attempt asks at most this many questions.
pub const MAX_QUESTIONS: u32 = 100;

/// The highest `attempt` accepted.
pub const MAX_ATTEMPT: u32 = 100;

/// The longest `duration_ms` accepted: one day.
pub const MAX_DURATION_MS: u64 = 24 * 60 * 60 * 1000;

/// The longest identifier or version string accepted (`session_id`, `rules_version`, rule and
/// question ids), in bytes.
pub const MAX_TEXT_BYTES: usize = 128;

/// Checks every event of a batch; the message names the event's place in the batch and the
/// field.
pub(crate) fn check_all(events: &[Event]) -> Result<(), String> {
    let batch = events.len() > 1;
    for (index, event) in events.iter().enumerate() {
        check(&event.data).map_err(|problem| {
            if batch {
                format!("event {index} of the batch: {problem}")
            } else {
                problem
            }
        })?;
    }
    Ok(())
}

/// Checks one event's data.
fn check(data: &EventData) -> Result<(), String> {
    match data {
        EventData::WarningShown(d) => {
            locale(&d.locale)?;
            text("rules_version", &d.rules_version)
        }
        EventData::WarningDecided(d) => {
            locale(&d.locale)?;
            duration(d.duration_ms)
        }
        EventData::WarningInteracted(d) => locale(&d.locale),
        EventData::WarningReported(d) => {
            locale(&d.locale)?;
            text("rules_version", &d.rules_version)?;
            list("rule_ids", &d.rule_ids)
        }
        EventData::QuizStarted(d) => {
            locale(&d.locale)?;
            text("session_id", &d.session_id)?;
            attempt(d.attempt)?;
            list("question_ids", &d.question_ids)
        }
        EventData::QuizCompleted(d) => {
            locale(&d.locale)?;
            text("session_id", &d.session_id)?;
            attempt(d.attempt)?;
            duration(d.duration_ms)?;
            list("question_ids", &d.question_ids)?;
            if d.max_score == 0 || d.max_score > MAX_QUESTIONS {
                return Err(format!(
                    "data.max_score must be from 1 to {MAX_QUESTIONS}, not {}",
                    d.max_score
                ));
            }
            if d.score > d.max_score {
                return Err(format!(
                    "data.score ({}) must not exceed data.max_score ({})",
                    d.score, d.max_score
                ));
            }
            Ok(())
        }
    }
}

fn locale(tag: &str) -> Result<(), String> {
    if Locale::ALL.iter().any(|l| l.tag() == tag) {
        Ok(())
    } else {
        let known: Vec<&str> = Locale::ALL.iter().map(|l| l.tag()).collect();
        Err(format!(
            "data.locale must be one of {}; this one is not",
            known.join(", ")
        ))
    }
}

fn attempt(attempt: u32) -> Result<(), String> {
    if (1..=MAX_ATTEMPT).contains(&attempt) {
        Ok(())
    } else {
        Err(format!(
            "data.attempt must be from 1 to {MAX_ATTEMPT}, not {attempt}"
        ))
    }
}

fn duration(ms: u64) -> Result<(), String> {
    if ms <= MAX_DURATION_MS {
        Ok(())
    } else {
        Err(format!(
            "data.duration_ms must be at most {MAX_DURATION_MS} (one day), not {ms}"
        ))
    }
}

fn text(field: &str, value: &str) -> Result<(), String> {
    if value.is_empty() || value.len() > MAX_TEXT_BYTES {
        Err(format!(
            "data.{field} must be 1 to {MAX_TEXT_BYTES} bytes long, not {}",
            value.len()
        ))
    } else {
        Ok(())
    }
}

fn list<T: AsRef<str>>(field: &str, values: &[T]) -> Result<(), String> {
    if values.len() > MAX_QUESTIONS as usize {
        return Err(format!(
            "data.{field} may hold at most {MAX_QUESTIONS} entries, not {}",
            values.len()
        ));
    }
    values
        .iter()
        .try_for_each(|value| text(&format!("{field}[]"), value.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_locale_is_accepted_and_nothing_else() {
        for l in Locale::ALL {
            assert!(locale(l.tag()).is_ok());
        }
        let long = "x".repeat(200);
        for tag in ["", "en", "en-us", "zh-CN", long.as_str()] {
            let message = locale(tag).unwrap_err();
            assert!(message.contains("data.locale"), "{message}");
        }
        // What the client sent is not echoed back (or into logs).
        assert!(!locale(&long).unwrap_err().contains(&long));
    }

    #[test]
    fn ranges_are_inclusive() {
        assert!(attempt(1).is_ok() && attempt(MAX_ATTEMPT).is_ok());
        assert!(attempt(0).unwrap_err().contains("data.attempt"));
        assert!(duration(MAX_DURATION_MS).is_ok());
        assert!(duration(MAX_DURATION_MS + 1)
            .unwrap_err()
            .contains("data.duration_ms"));
        assert!(text("session_id", &"s".repeat(MAX_TEXT_BYTES)).is_ok());
        assert!(text("session_id", "").is_err());
    }
}

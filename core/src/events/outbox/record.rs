//! One event as the outbox holds, stores and sends it: its id, its type and its serialized
//! CloudEvent, which is sent byte for byte as it was stored.

use chrono::DateTime;
use serde::Serialize;
use serde_json::Value;

use crate::events::Event;

/// CloudEvents types that are completion (compliance) records. Every other type is telemetry
/// and is dropped first when the outbox is over its bounds.
pub const COMPLETION_TYPES: [&str; 1] = ["riskguard.quiz.completed"];

/// Whether losing an event loses a compliance record or only telemetry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// `riskguard.warning.*`, `riskguard.quiz.started` and any type this version does not know.
    Telemetry,
    /// `riskguard.quiz.completed`: proof that the user took the education.
    Completion,
}

impl Kind {
    /// The kind of a CloudEvents `type`.
    pub fn of(event_type: &str) -> Kind {
        if COMPLETION_TYPES.contains(&event_type) {
            Kind::Completion
        } else {
            Kind::Telemetry
        }
    }
}

/// One queued event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    id: String,
    event_type: String,
    time_ms: u64,
    body: String,
}

/// Why stored text is not a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON, or not a JSON object.
    NotAnObject,
    /// No non-empty string `id`.
    NoId,
    /// No string `type`.
    NoType,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RecordError::NotAnObject => "not a JSON object",
            RecordError::NoId => "no `id`",
            RecordError::NoType => "no `type`",
        })
    }
}

impl std::error::Error for RecordError {}

impl Record {
    /// A record from its parts. `body` is the CloudEvent's JSON text, `time_ms` when it happened
    /// (milliseconds since the Unix epoch; it orders "oldest first").
    pub fn new(
        id: impl Into<String>,
        event_type: impl Into<String>,
        time_ms: u64,
        body: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            event_type: event_type.into(),
            time_ms,
            body: body.into(),
        }
    }

    /// The record of an event the component just made.
    pub fn from_event(event: &Event) -> Self {
        Self::new(
            event.id.clone(),
            event.event_type(),
            u64::try_from(event.time.timestamp_millis()).unwrap_or(0),
            event.to_json().to_string(),
        )
    }

    /// A record from stored text (one CloudEvent as JSON), kept byte for byte as the body.
    pub fn from_json(text: &str) -> Result<Self, RecordError> {
        let value: Value = serde_json::from_str(text).map_err(|_| RecordError::NotAnObject)?;
        let (id, event_type, time_ms) = parts(&value)?;
        Ok(Self::new(id, event_type, time_ms, text))
    }

    /// A record from one element of a parsed JSON array (the old single-key storage format).
    pub fn from_value(value: &Value) -> Result<Self, RecordError> {
        let (id, event_type, time_ms) = parts(value)?;
        Ok(Self::new(id, event_type, time_ms, value.to_string()))
    }

    /// The CloudEvents `id`: the record's identity in the outbox and in storage.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The CloudEvents `type`, for example `riskguard.quiz.completed`.
    pub fn event_type(&self) -> &str {
        &self.event_type
    }

    /// When the event happened, in milliseconds since the Unix epoch (0 when unknown).
    pub fn time_ms(&self) -> u64 {
        self.time_ms
    }

    /// The CloudEvent's JSON text, as sent.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// Telemetry or a completion record.
    pub fn kind(&self) -> Kind {
        Kind::of(&self.event_type)
    }

    /// Serialized size in bytes (UTF-8), as counted against the bounds and request budgets.
    pub fn size(&self) -> usize {
        self.body.len()
    }
}

fn parts(value: &Value) -> Result<(String, String, u64), RecordError> {
    let object = value.as_object().ok_or(RecordError::NotAnObject)?;
    let id = object
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
        .ok_or(RecordError::NoId)?;
    let event_type = object
        .get("type")
        .and_then(Value::as_str)
        .ok_or(RecordError::NoType)?;
    let time_ms = object
        .get("time")
        .and_then(Value::as_str)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .and_then(|t| u64::try_from(t.timestamp_millis()).ok())
        .unwrap_or(0);
    Ok((id.to_owned(), event_type.to_owned(), time_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_is_kept_byte_for_byte() {
        let text = r#"{"id":"a1","type":"riskguard.quiz.completed","time":"2026-01-02T03:04:05.678Z", "data":{}}"#;
        let record = Record::from_json(text).expect("a record");
        assert_eq!(record.id(), "a1");
        assert_eq!(record.body(), text);
        assert_eq!(record.kind(), Kind::Completion);
        assert_eq!(record.time_ms(), 1_767_323_045_678);
        assert_eq!(record.size(), text.len());
    }

    #[test]
    fn text_without_identity_is_not_a_record() {
        assert_eq!(Record::from_json("[1]"), Err(RecordError::NotAnObject));
        assert_eq!(Record::from_json("{oops"), Err(RecordError::NotAnObject));
        assert_eq!(
            Record::from_json(r#"{"id":"","type":"x"}"#),
            Err(RecordError::NoId)
        );
        assert_eq!(Record::from_json(r#"{"id":"a"}"#), Err(RecordError::NoType));
        let no_time = Record::from_json(r#"{"id":"a","type":"x"}"#).expect("a record");
        assert_eq!(no_time.time_ms(), 0, "unknown times sort as the oldest");
    }

    #[test]
    fn only_quiz_completion_is_a_completion_record() {
        assert_eq!(Kind::of("riskguard.quiz.completed"), Kind::Completion);
        for t in [
            "riskguard.quiz.started",
            "riskguard.warning.shown",
            "riskguard.warning.decided",
            "riskguard.warning.reported",
            "riskguard.something.new",
        ] {
            assert_eq!(Kind::of(t), Kind::Telemetry, "{t}");
        }
    }
}

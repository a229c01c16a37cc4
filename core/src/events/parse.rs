//! Reading events from an HTTP request body: one structured event or a batch.
//!
//! Everything is checked before anything is returned, so a caller that stores the result
//! stores all of a request or none of it.

use std::fmt;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::{Event, EventData, SPEC_VERSION};

/// Content type of one event in structured mode.
pub const SINGLE_CONTENT_TYPE: &str = "application/cloudevents+json";
/// Content type of a batch of events.
pub const BATCH_CONTENT_TYPE: &str = "application/cloudevents-batch+json";

/// Why a request body was refused. Each maps to one HTTP status in the collector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventError {
    /// Not JSON, or not shaped like a CloudEvent (HTTP 400).
    Malformed(String),
    /// Well-formed, but not an event this backend accepts: an unknown `type`, another
    /// `specversion`, or `data` that does not fit its type (HTTP 422).
    Unprocessable(String),
    /// A content type other than CloudEvents JSON, JSON or a CloudEvents batch (HTTP 415).
    UnsupportedMediaType(String),
}

impl fmt::Display for EventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventError::Malformed(m)
            | EventError::Unprocessable(m)
            | EventError::UnsupportedMediaType(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for EventError {}

/// Parses a request body as one event or a batch, according to its content type.
///
/// `application/cloudevents-batch+json` must hold a JSON array; `application/cloudevents+json`
/// one object; plain `application/json` (or no content type) either.
pub fn parse_request(body: &[u8], content_type: Option<&str>) -> Result<Vec<Event>, EventError> {
    let media_type = content_type
        .map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_else(|| "application/json".to_owned());
    if ![BATCH_CONTENT_TYPE, SINGLE_CONTENT_TYPE, "application/json"].contains(&media_type.as_str())
    {
        return Err(EventError::UnsupportedMediaType(format!(
            "content type `{media_type}` is not accepted; send {SINGLE_CONTENT_TYPE}, \
             {BATCH_CONTENT_TYPE} or application/json"
        )));
    }
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| EventError::Malformed(format!("the body is not valid JSON: {e}")))?;
    match (media_type.as_str(), value) {
        (BATCH_CONTENT_TYPE | "application/json", Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(index, item)| {
                parse_event(item).map_err(|e| prefix(e, &format!("event {index} of the batch")))
            })
            .collect(),
        (BATCH_CONTENT_TYPE, _) => Err(EventError::Malformed(format!(
            "a body sent as {BATCH_CONTENT_TYPE} must be a JSON array of events"
        ))),
        (SINGLE_CONTENT_TYPE | "application/json", item @ Value::Object(_)) => {
            Ok(vec![parse_event(item)?])
        }
        _ => Err(EventError::Malformed(
            "the body must be a JSON object (one event) or an array (a batch)".to_owned(),
        )),
    }
}

fn prefix(error: EventError, context: &str) -> EventError {
    match error {
        EventError::Malformed(m) => EventError::Malformed(format!("{context}: {m}")),
        EventError::Unprocessable(m) => EventError::Unprocessable(format!("{context}: {m}")),
        other => other,
    }
}

/// Parses one structured-mode CloudEvent.
fn parse_event(value: Value) -> Result<Event, EventError> {
    let Value::Object(mut object) = value else {
        return Err(EventError::Malformed(
            "an event must be a JSON object".to_owned(),
        ));
    };
    let specversion = required_string(&object, "specversion")?;
    if specversion != SPEC_VERSION {
        return Err(EventError::Unprocessable(format!(
            "specversion `{specversion}` is not supported; use \"{SPEC_VERSION}\""
        )));
    }
    let id = required_string(&object, "id")?;
    let source = required_string(&object, "source")?;
    let event_type = required_string(&object, "type")?;
    let time = required_string(&object, "time")?;
    let time = DateTime::parse_from_rfc3339(&time)
        .map_err(|e| {
            EventError::Malformed(format!(
                "attribute `time` is not an RFC 3339 timestamp: {e}"
            ))
        })?
        .with_timezone(&Utc);
    if let Some(content_type) = object.get("datacontenttype") {
        if content_type.as_str() != Some("application/json") {
            return Err(EventError::Unprocessable(
                "attribute `datacontenttype` must be \"application/json\"".to_owned(),
            ));
        }
    }
    let data = object.remove("data").unwrap_or(Value::Null);
    if !data.is_object() {
        // serde would also read a struct from an array of its fields in order; the schemas
        // (and every sender) use an object.
        return Err(EventError::Unprocessable(format!(
            "data of `{event_type}` must be a JSON object"
        )));
    }
    let data = match EventData::from_value(&event_type, data) {
        Ok(Some(data)) => data,
        Ok(None) => {
            return Err(EventError::Unprocessable(format!(
                "unknown event type `{event_type}`; known types: {}",
                EventData::TYPES.join(", ")
            )))
        }
        Err(e) => {
            return Err(EventError::Unprocessable(format!(
                "data of `{event_type}` at `{}`: {}",
                e.path(),
                e.inner()
            )))
        }
    };
    Ok(Event {
        id,
        source,
        time,
        data,
    })
}

fn required_string(object: &Map<String, Value>, name: &str) -> Result<String, EventError> {
    match object.get(name) {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        Some(Value::String(_)) => Err(EventError::Malformed(format!(
            "attribute `{name}` must not be empty"
        ))),
        Some(_) => Err(EventError::Malformed(format!(
            "attribute `{name}` must be a string"
        ))),
        None => Err(EventError::Malformed(format!(
            "required attribute `{name}` is missing"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_is_checked_before_the_body() {
        let err = parse_request(b"not json", Some("text/plain")).expect_err("refused");
        assert!(
            matches!(err, EventError::UnsupportedMediaType(_)),
            "{err:?}"
        );
    }

    #[test]
    fn batch_content_type_needs_an_array() {
        let err = parse_request(b"{}", Some(BATCH_CONTENT_TYPE)).expect_err("refused");
        assert!(
            matches!(err, EventError::Malformed(ref m) if m.contains("array")),
            "{err:?}"
        );
    }

    #[test]
    fn data_must_be_an_object_not_an_array_of_its_fields() {
        let event = serde_json::json!({
            "specversion": "1.0", "id": "a", "source": "s", "type": "riskguard.warning.shown",
            "time": "2026-11-21T00:00:00Z",
            "data": ["high", null, "en-US", "1", "first"],
        });
        let err = parse_request(event.to_string().as_bytes(), Some(SINGLE_CONTENT_TYPE))
            .expect_err("refused");
        assert!(
            matches!(err, EventError::Unprocessable(ref m) if m.contains("must be a JSON object")),
            "{err:?}"
        );
    }

    #[test]
    fn empty_batch_is_accepted_as_nothing() {
        assert_eq!(parse_request(b"[]", Some(BATCH_CONTENT_TYPE)), Ok(vec![]));
    }
}

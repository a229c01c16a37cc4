//! The CloudEvents 1.0 envelope around [`EventData`].

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};

use super::EventData;

/// The CloudEvents specification version riskguard speaks.
pub const SPEC_VERSION: &str = "1.0";

/// One event: made once when the thing happens, then sent (and re-sent) unchanged.
///
/// `id` is chosen by the sender (a UUID in the component) and reused on every retry, so that
/// the backend can treat a repeated (`source`, `id`) as the same event, as CloudEvents allows.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Unique per `source`; reused on retries.
    pub id: String,
    /// Identifies the host app that embeds the component, for example `https://pay.example`.
    pub source: String,
    /// When the thing happened.
    pub time: DateTime<Utc>,
    /// What happened; decides the CloudEvents `type`.
    pub data: EventData,
}

impl Event {
    /// The CloudEvents `type`, for example `riskguard.quiz.completed`.
    pub fn event_type(&self) -> &'static str {
        self.data.event_type()
    }

    /// The event in CloudEvents structured JSON form.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "specversion": SPEC_VERSION,
            "id": self.id,
            "source": self.source,
            "type": self.event_type(),
            "time": self.time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "datacontenttype": "application/json",
            "data": self.data.to_value(),
        })
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

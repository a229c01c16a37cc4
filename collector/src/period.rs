//! The `?since=…&until=…` filter of `/v1/stats` and `/dashboard`.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

/// The time window of a statistic, over the events' own `time` (when things happened, not when
/// they arrived): `since` inclusive, `until` exclusive; either may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Period {
    /// Events at or after this instant; `null` for no lower bound.
    pub since: Option<DateTime<Utc>>,
    /// Events before this instant; `null` for no upper bound.
    pub until: Option<DateTime<Utc>>,
}

impl Period {
    /// Reads `since` and `until` from decoded query parameters.
    ///
    /// # Errors
    ///
    /// A message for the client when a parameter is unknown, repeated or not an RFC 3339
    /// date-time, or when `since` is not before `until`.
    pub fn from_query(pairs: &[(String, String)]) -> Result<Self, String> {
        let mut period = Period::default();
        for (name, value) in pairs {
            let slot = match name.as_str() {
                "since" => &mut period.since,
                "until" => &mut period.until,
                other => {
                    return Err(format!(
                        "unknown query parameter `{}`; use `since` and `until`",
                        shorten(other)
                    ))
                }
            };
            if slot.is_some() {
                return Err(format!("`{name}` is given more than once"));
            }
            *slot = Some(parse_instant(name, value)?);
        }
        if let (Some(since), Some(until)) = (period.since, period.until) {
            if since >= until {
                return Err("`since` must be before `until`".to_owned());
            }
        }
        Ok(period)
    }

    /// The bounds as stored times are written (RFC 3339 UTC with milliseconds), so that SQLite
    /// can compare them as text.
    pub(crate) fn bounds(&self) -> (Option<String>, Option<String>) {
        let text = |t: &DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Millis, true);
        (self.since.as_ref().map(text), self.until.as_ref().map(text))
    }
}

fn parse_instant(name: &str, value: &str) -> Result<DateTime<Utc>, String> {
    let parsed = DateTime::parse_from_rfc3339(value).or_else(|e| {
        // An unescaped `+` in a query string arrives as a space: `…T08:00:00 08:00`.
        if value.contains(' ') {
            DateTime::parse_from_rfc3339(&value.replace(' ', "+"))
        } else {
            Err(e)
        }
    });
    parsed.map(|t| t.with_timezone(&Utc)).map_err(|_| {
        format!(
            "`{name}` must be an RFC 3339 date-time such as 2025-01-31T00:00:00Z \
             (write `+` in an offset as %2B), not `{}`",
            shorten(value)
        )
    })
}

/// At most 64 characters of client input, for error messages.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(64).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> Result<Period, String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Period::from_query(&pairs)
    }

    #[test]
    fn bounds_are_normalised_to_utc_milliseconds() {
        let period = query(&[
            ("since", "2025-01-01T08:00:00+08:00"),
            ("until", "2025-02-01T00:00:00.5Z"),
        ])
        .expect("valid");
        assert_eq!(
            period.bounds(),
            (
                Some("2025-01-01T00:00:00.000Z".to_owned()),
                Some("2025-02-01T00:00:00.500Z".to_owned())
            )
        );
        assert_eq!(query(&[]).expect("valid").bounds(), (None, None));
    }

    #[test]
    fn a_plus_decoded_as_space_is_tolerated() {
        let period = query(&[("since", "2025-01-01T08:00:00 08:00")]).expect("valid");
        assert_eq!(
            period.bounds().0.as_deref(),
            Some("2025-01-01T00:00:00.000Z")
        );
    }

    #[test]
    fn bad_input_gets_a_clear_message() {
        let error = query(&[("since", "yesterday")]).expect_err("refused");
        assert!(
            error.contains("`since` must be an RFC 3339 date-time"),
            "{error}"
        );
        assert!(error.contains("`yesterday`"), "{error}");
        let error = query(&[("since", "2025-01-01")]).expect_err("refused");
        assert!(error.contains("RFC 3339"), "{error}");
        let error = query(&[("from", "2025-01-01T00:00:00Z")]).expect_err("refused");
        assert!(error.contains("unknown query parameter `from`"), "{error}");
        let error = query(&[
            ("since", "2025-01-01T00:00:00Z"),
            ("since", "2025-01-02T00:00:00Z"),
        ])
        .expect_err("refused");
        assert!(error.contains("more than once"), "{error}");
        let error = query(&[
            ("since", "2025-01-02T00:00:00Z"),
            ("until", "2025-01-01T00:00:00Z"),
        ])
        .expect_err("refused");
        assert!(error.contains("before"), "{error}");
        let long = "x".repeat(1_000);
        let error = query(&[("until", &long)]).expect_err("refused");
        assert!(error.len() < 300, "{error}");
    }
}

//! What a host configures for delivery: the `headers` and `outbox` mount options, checked at
//! mount so that a mistake is an error naming the option, not a request failing later.

use std::collections::BTreeMap;

use riskguard_core::events::outbox::Limits;
use serde::Deserialize;

/// The `outbox` mount option: `{ maxEvents, maxBytes }`, each optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OutboxOptions {
    /// Most events kept waiting for the collector (default 200). Over it, the oldest telemetry
    /// is dropped first; completion records only when nothing else is left.
    #[serde(default)]
    pub max_events: Option<u32>,
    /// Most bytes (serialized events) kept waiting (default 262 144, 256 KiB).
    #[serde(default)]
    pub max_bytes: Option<u32>,
}

impl OutboxOptions {
    /// The limits these options give, or an error naming the option at fault.
    pub fn limits(&self) -> Result<Limits, String> {
        let mut limits = Limits::default();
        if let Some(max_events) = self.max_events {
            if max_events == 0 {
                return Err("invalid mount options: `outbox.maxEvents` must be at least 1".into());
            }
            limits.max_events = max_events as usize;
        }
        if let Some(max_bytes) = self.max_bytes {
            if max_bytes < 1024 {
                return Err(format!(
                    "invalid mount options: `outbox.maxBytes` must be at least 1024, not {max_bytes}"
                ));
            }
            limits.max_bytes = max_bytes as usize;
        }
        Ok(limits)
    }
}

/// Request headers from the host, checked (see [`Headers::checked`], the only way to make
/// them): what the outbox adds to each request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers(Vec<(String, String)>);

impl Headers {
    /// The headers, or an error naming the one at fault, starting with `origin`.
    pub fn checked(headers: BTreeMap<String, String>, origin: &str) -> Result<Self, String> {
        check_headers(&headers, origin)?;
        Ok(Self(headers.into_iter().collect()))
    }

    /// Each header's name and value.
    pub fn iter(&self) -> impl Iterator<Item = &(String, String)> {
        self.0.iter()
    }
}

/// Checks request headers from the host (the `headers` mount option, or `setHeaders()`):
/// names must be HTTP tokens, values one line, and `Content-Type` is riskguard's to set.
/// `origin` starts the error message, for example `invalid mount options`. (Values that are not
/// strings are refused earlier, when the options are read, with the header's name.)
fn check_headers(headers: &BTreeMap<String, String>, origin: &str) -> Result<(), String> {
    for (name, value) in headers {
        let token = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !token {
            return Err(format!(
                "{origin}: `headers`: `{name}` is not a valid HTTP header name"
            ));
        }
        if name.eq_ignore_ascii_case("content-type") {
            return Err(format!(
                "{origin}: `headers.Content-Type` is set by riskguard \
                 (application/cloudevents-batch+json)"
            ));
        }
        if value.chars().any(|c| matches!(c, '\r' | '\n' | '\0')) {
            return Err(format!("{origin}: `headers.{name}` must be a single line"));
        }
    }
    Ok(())
}

/// Everything an [`Outbox`](super::Outbox) needs.
#[derive(Debug, Clone, Default)]
pub struct OutboxConfig {
    /// Where batches are POSTed.
    pub endpoint: String,
    /// Extra request headers from the host (for example `Authorization`).
    pub headers: Headers,
    /// The bounds.
    pub limits: Limits,
    /// The host's `onDeliveryError({ status, events, types })`.
    pub on_delivery_error: Option<js_sys::Function>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn ordinary_headers_pass() {
        let ok = headers(&[("Authorization", "Bearer abc.def"), ("X-Tenant", "pay-cn")]);
        assert_eq!(check_headers(&ok, "invalid mount options"), Ok(()));
    }

    #[test]
    fn bad_headers_are_named() {
        let err = check_headers(&headers(&[("Bad Name", "x")]), "invalid mount options")
            .expect_err("space");
        assert!(
            err.contains("`headers`") && err.contains("Bad Name"),
            "{err}"
        );
        let err = check_headers(
            &headers(&[("X-A", "a\r\nInjected: 1")]),
            "invalid mount options",
        )
        .expect_err("CRLF");
        assert!(err.contains("`headers.X-A`"), "{err}");
        let err = check_headers(
            &headers(&[("content-type", "text/plain")]),
            "invalid mount options",
        )
        .expect_err("ours");
        assert!(err.contains("Content-Type"), "{err}");
    }

    #[test]
    fn limits_default_and_are_checked() {
        assert_eq!(OutboxOptions::default().limits(), Ok(Limits::default()));
        let set = OutboxOptions {
            max_events: Some(50),
            max_bytes: Some(65_536),
        };
        let limits = set.limits().expect("valid");
        assert_eq!((limits.max_events, limits.max_bytes), (50, 65_536));
        let zero = OutboxOptions {
            max_events: Some(0),
            max_bytes: None,
        };
        assert!(zero.limits().expect_err("0").contains("outbox.maxEvents"));
        let tiny = OutboxOptions {
            max_events: None,
            max_bytes: Some(10),
        };
        assert!(tiny.limits().expect_err("tiny").contains("outbox.maxBytes"));
    }
}

//! What an HTTP answer means for the events in the request, and how long to wait before the
//! next attempt: exponential backoff with jitter, or the collector's `Retry-After`.

use chrono::{DateTime, NaiveDateTime};

/// First retry delay before jitter (Segment's 500 ms).
pub const BACKOFF_BASE_MS: u64 = 500;
/// Longest backoff between attempts (30 s).
pub const BACKOFF_CAP_MS: u64 = 30_000;
/// Longest wait a `Retry-After` can impose (5 min): a collector asking for more is waited for
/// 5 min, then asked again. The events stay stored meanwhile, also across reloads.
pub const RETRY_AFTER_CAP_MS: u64 = 300_000;

/// How one request ended, as the browser reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The collector answered.
    Status {
        /// The HTTP status.
        code: u16,
        /// The `Retry-After` header, when present and readable.
        retry_after: Option<RetryAfter>,
    },
    /// The request did not reach the collector, or no answer came back (offline, DNS, CORS).
    NetworkError,
    /// No answer within the adapter's time limit; the request was aborted.
    Timeout,
}

impl Outcome {
    /// An answer without `Retry-After`.
    pub fn status(code: u16) -> Self {
        Outcome::Status {
            code,
            retry_after: None,
        }
    }
}

/// A `Retry-After` header: delay-seconds or an HTTP-date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    /// `Retry-After: 120`.
    Seconds(u64),
    /// `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`, in milliseconds since the Unix epoch.
    At(u64),
}

impl RetryAfter {
    /// Reads a header value: delay-seconds, or an HTTP-date in the preferred IMF-fixdate form or
    /// the obsolete RFC 850 and asctime forms. Anything else is `None` (ignored).
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            // Too many digits to count is "as long as allowed".
            return Some(RetryAfter::Seconds(value.parse().unwrap_or(u64::MAX)));
        }
        let at = DateTime::parse_from_rfc2822(value)
            .map(|t| t.timestamp_millis())
            .or_else(|_| {
                NaiveDateTime::parse_from_str(value, "%A, %d-%b-%y %H:%M:%S GMT")
                    .or_else(|_| NaiveDateTime::parse_from_str(value, "%a %b %e %H:%M:%S %Y"))
                    .map(|t| t.and_utc().timestamp_millis())
            })
            .ok()?;
        Some(RetryAfter::At(u64::try_from(at).unwrap_or(0)))
    }

    /// How long to wait from `now_ms`, at most [`RETRY_AFTER_CAP_MS`]; a date in the past is 0.
    pub fn delay_ms(self, now_ms: u64) -> u64 {
        match self {
            RetryAfter::Seconds(s) => s.saturating_mul(1000),
            RetryAfter::At(at) => at.saturating_sub(now_ms),
        }
        .min(RETRY_AFTER_CAP_MS)
    }
}

/// What a request's outcome means for its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// 2xx: stored (or already stored: the collector dedupes on source and id). Remove.
    Delivered,
    /// Network error, timeout, 408, 429, 5xx and every status not named below: the events are
    /// fine, the collector (or the way to it) is not. Keep, and try again after a backoff.
    Retry,
    /// 401, 403, 410: the collector will not take anything from this page. Remove and report.
    Refused,
    /// 400, 422: something in the request is invalid, and the collector refuses a batch whole.
    /// A batch is split in halves to find the event at fault; a single event is refused.
    RefusedContent,
    /// 413: the request is too large. A batch is split in halves (and later batches are kept
    /// under half its size); a single event is refused.
    TooLarge,
}

/// The verdict for an outcome.
///
/// 404 and 415 are retried rather than refused: they say the endpoint or its configuration is
/// wrong, not the events, and a fixed deployment then gets every event (the bounds keep the
/// queue from growing meanwhile). 3xx reaches here only when a redirect was not followed.
pub fn verdict(outcome: Outcome) -> Verdict {
    match outcome {
        Outcome::NetworkError | Outcome::Timeout => Verdict::Retry,
        Outcome::Status { code, .. } => match code {
            200..=299 => Verdict::Delivered,
            401 | 403 | 410 => Verdict::Refused,
            400 | 422 => Verdict::RefusedContent,
            413 => Verdict::TooLarge,
            _ => Verdict::Retry,
        },
    }
}

/// The wait before attempt number `failures` + 1: random(1–2) × 500 ms × 2^`failures - 1`,
/// at most 30 s. `jitter` in [0, 1] (`Math.random()`) picks the point in the range; it spreads
/// the retries of many clients after an outage.
pub fn backoff_ms(failures: u32, jitter: f64) -> u64 {
    let jitter = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let exponent = failures.saturating_sub(1).min(16);
    let base = BACKOFF_BASE_MS.saturating_mul(1 << exponent);
    // `base` ≤ 2^25 and the factor ≤ 2: exact in f64, and the cast cannot overflow.
    ((base as f64 * (1.0 + jitter)) as u64).min(BACKOFF_CAP_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_have_the_documented_verdicts() {
        let v = |code| verdict(Outcome::status(code));
        for code in [200, 201, 202, 204, 299] {
            assert_eq!(v(code), Verdict::Delivered, "{code}");
        }
        for code in [408, 429, 500, 502, 503, 504, 599, 404, 415, 409, 302, 0] {
            assert_eq!(v(code), Verdict::Retry, "{code}");
        }
        for code in [401, 403, 410] {
            assert_eq!(v(code), Verdict::Refused, "{code}");
        }
        for code in [400, 422] {
            assert_eq!(v(code), Verdict::RefusedContent, "{code}");
        }
        assert_eq!(v(413), Verdict::TooLarge);
        assert_eq!(verdict(Outcome::NetworkError), Verdict::Retry);
        assert_eq!(verdict(Outcome::Timeout), Verdict::Retry);
    }

    #[test]
    fn backoff_doubles_with_jitter_and_stops_at_30_s() {
        assert_eq!(backoff_ms(1, 0.0), 500);
        assert_eq!(backoff_ms(1, 1.0), 1000);
        assert_eq!(backoff_ms(2, 0.0), 1000);
        assert_eq!(backoff_ms(3, 0.5), 3000);
        assert_eq!(backoff_ms(6, 0.0), 16_000);
        assert_eq!(backoff_ms(6, 1.0), 30_000);
        assert_eq!(backoff_ms(40, 0.0), 30_000);
        assert_eq!(backoff_ms(u32::MAX, 1.0), 30_000);
        assert_eq!(backoff_ms(1, f64::NAN), 500);
        assert_eq!(backoff_ms(1, 7.0), 1000, "jitter is clamped");
    }

    #[test]
    fn retry_after_reads_seconds_and_every_http_date_form() {
        assert_eq!(RetryAfter::parse(" 120 "), Some(RetryAfter::Seconds(120)));
        assert_eq!(
            RetryAfter::parse("99999999999999999999999"),
            Some(RetryAfter::Seconds(u64::MAX))
        );
        let at = RetryAfter::At(784_111_777_000);
        assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT"), Some(at));
        assert_eq!(
            RetryAfter::parse("Sunday, 06-Nov-94 08:49:37 GMT"),
            Some(at)
        );
        assert_eq!(RetryAfter::parse("Sun Nov  6 08:49:37 1994"), Some(at));
        for bad in ["", "-5", "1.5", "soon", "Sun, 06 Nov 1994"] {
            assert_eq!(RetryAfter::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn retry_after_is_capped_and_past_dates_mean_now() {
        assert_eq!(RetryAfter::Seconds(2).delay_ms(0), 2000);
        assert_eq!(
            RetryAfter::Seconds(u64::MAX).delay_ms(0),
            RETRY_AFTER_CAP_MS
        );
        assert_eq!(RetryAfter::At(10_000).delay_ms(4_000), 6_000);
        assert_eq!(RetryAfter::At(10_000).delay_ms(20_000), 0);
        assert_eq!(RetryAfter::At(u64::MAX).delay_ms(0), RETRY_AFTER_CAP_MS);
    }
}

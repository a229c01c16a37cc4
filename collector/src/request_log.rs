//! One structured log line per request, with a request id and the outcome of event requests.
//!
//! Only the method, path (never the query string), status, latency, counts and data-free
//! reasons are logged: never a body, a header value (tokens), or event data — event data may
//! one day hold user-derived information, and error messages can quote it.
//!
//! Every request gets an id, returned in the `X-Request-Id` response header and recorded on a
//! `request` span, so that every log line written while handling it (a fault injected, a
//! database error) carries the same `request_id`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tracing::Instrument;

use riskguard_core::random::SplitMix64;

use crate::rng::random_seed;

/// The response header that carries the request id.
pub const REQUEST_ID: &str = "x-request-id";

/// What an event request came to; handlers put it in the response's extensions.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Outcome {
    /// The events were checked and stored.
    Stored {
        accepted: usize,
        stored: usize,
        duplicates: usize,
        conflicts: usize,
    },
    /// The request was refused, for this data-free reason.
    Rejected { reason: &'static str },
}

/// A new request id: 16 hex digits, unique within the process and unlikely to repeat across
/// restarts (a random per-process prefix, scrambled with a counter).
fn next_request_id() -> String {
    static PROCESS_KEY: OnceLock<u64> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let key = *PROCESS_KEY.get_or_init(random_seed);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    // A SplitMix64 step is a bijection of its seed: distinct counters give distinct ids.
    format!("{:016x}", SplitMix64::new(key ^ n).next_u64())
}

/// Middleware that gives every request an id and logs it once it has been answered.
pub(crate) async fn log_request(request: Request, next: Next) -> Response {
    let request_id = next_request_id();
    let span = tracing::info_span!("request", request_id = %request_id);
    async move {
        let method = request.method().clone();
        let path = request.uri().path().to_owned();
        let started = Instant::now();
        let mut response = next.run(request).await;
        let status = response.status().as_u16();
        let latency_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        match response.extensions().get::<Outcome>() {
            Some(Outcome::Stored {
                accepted,
                stored,
                duplicates,
                conflicts,
            }) => tracing::info!(
                %method, path, status, latency_ms, accepted, stored, duplicates, conflicts,
                "events accepted"
            ),
            Some(Outcome::Rejected { reason }) => {
                tracing::warn!(%method, path, status, latency_ms, reason, "request rejected")
            }
            None => tracing::info!(%method, path, status, latency_ms, "request"),
        }
        if let Ok(value) = HeaderValue::from_str(&request_id) {
            response
                .headers_mut()
                .insert(HeaderName::from_static(REQUEST_ID), value);
        }
        response
    }
    .instrument(span)
    .await
}

/// A refusal answered with `status` and `body`, marked with its data-free `reason` for the
/// request log.
pub(crate) fn rejected(
    status: StatusCode,
    body: impl IntoResponse,
    reason: &'static str,
) -> Response {
    let mut response = (status, body).into_response();
    response
        .extensions_mut()
        .insert(Outcome::Rejected { reason });
    response
}

#[cfg(test)]
mod tests {
    use super::next_request_id;

    #[test]
    fn request_ids_are_distinct_hex() {
        let ids: std::collections::HashSet<String> =
            (0..1_000).map(|_| next_request_id()).collect();
        assert_eq!(ids.len(), 1_000);
        assert!(ids
            .iter()
            .all(|id| id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit())));
    }
}

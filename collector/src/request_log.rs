//! One structured log line per request, with the outcome of event requests.
//!
//! Only the method, path, status, latency and counts are logged, never a body: event data may
//! one day hold user-derived information, and error messages can quote it.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

/// What an event request came to; handlers put it in the response's extensions.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Outcome {
    /// The events were checked and stored.
    Stored {
        accepted: usize,
        stored: usize,
        duplicates: usize,
    },
    /// The request was refused, for this data-free reason.
    Rejected { reason: &'static str },
}

/// Middleware that logs every request once it has been answered.
pub(crate) async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let latency_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    match response.extensions().get::<Outcome>() {
        Some(Outcome::Stored {
            accepted,
            stored,
            duplicates,
        }) => tracing::info!(
            %method, path, status, latency_ms, accepted, stored, duplicates,
            "events accepted"
        ),
        Some(Outcome::Rejected { reason }) => {
            tracing::warn!(%method, path, status, latency_ms, reason, "events rejected")
        }
        None => tracing::info!(%method, path, status, latency_ms, "request"),
    }
    response
}

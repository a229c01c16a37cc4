//! `POST /v1/events`: reading, checking and storing a request's events, and the mapping from
//! each way that can fail to an HTTP status.

use std::sync::Arc;

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use riskguard_core::events::{parse_request, EventError};
use serde_json::json;

use crate::fault::{FaultKind, Injector, Plan};
use crate::request_log::{rejected, Outcome};
use crate::{validate, Error, EventStore};

/// The largest request body accepted, in bytes (64 KiB); larger bodies get 413.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The most events accepted in one batch; larger batches get 413.
pub const MAX_BATCH_EVENTS: usize = 500;

/// Why a `POST /v1/events` request was refused; nothing of a refused request is stored.
#[derive(Debug)]
pub(crate) enum IngestError {
    /// The body or the batch is over its limit (413).
    TooLarge(String),
    /// The body could not be read (400).
    Body(String),
    /// The body did not arrive in time (408).
    BodyTimeout(Duration),
    /// There is no `Content-Type` header (415): browsers send a cross-site request without one
    /// (`mode: 'no-cors'`) with no preflight, so a body without a type is never taken as JSON.
    NoContentType,
    /// The events were refused by [`parse_request`] (400, 415 or 422).
    Event(EventError),
    /// The database failed; the client may retry (503).
    Storage(Error),
    /// Fault mode failed the request on purpose (503).
    Fault(FaultKind),
}

/// What `POST /v1/events` works with.
#[derive(Debug, Clone)]
pub(crate) struct Ingest {
    /// Where events are stored.
    pub(crate) store: EventStore,
    /// Fault mode, when on.
    pub(crate) fault: Option<Arc<Injector>>,
    /// How long a client may take to send the body.
    pub(crate) body_timeout: Duration,
}

impl IngestError {
    /// The HTTP status of this error.
    fn status(&self) -> StatusCode {
        match self {
            IngestError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            IngestError::Body(_) => StatusCode::BAD_REQUEST,
            IngestError::BodyTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            IngestError::NoContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            IngestError::Event(EventError::Malformed(_)) => StatusCode::BAD_REQUEST,
            IngestError::Event(EventError::Unprocessable(_)) => StatusCode::UNPROCESSABLE_ENTITY,
            IngestError::Event(EventError::UnsupportedMediaType(_)) => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            IngestError::Storage(_) | IngestError::Fault(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// A short, data-free name for logs.
    fn reason(&self) -> &'static str {
        match self {
            IngestError::TooLarge(_) => "too_large",
            IngestError::Body(..) => "unreadable_body",
            IngestError::BodyTimeout(_) => "body_timeout",
            IngestError::NoContentType => "no_content_type",
            IngestError::Event(EventError::Malformed(_)) => "malformed",
            IngestError::Event(EventError::Unprocessable(_)) => "unprocessable",
            IngestError::Event(EventError::UnsupportedMediaType(_)) => "unsupported_media_type",
            IngestError::Storage(_) => "storage_unavailable",
            IngestError::Fault(FaultKind::Refused) => "fault_refused",
            IngestError::Fault(FaultKind::LostAck) => "fault_lost_ack",
            IngestError::Fault(FaultKind::Stalled) => "fault_stalled",
        }
    }

    /// The message for the client.
    fn message(&self) -> String {
        match self {
            IngestError::TooLarge(m) | IngestError::Body(m) => m.clone(),
            IngestError::BodyTimeout(limit) => format!(
                "the request body did not arrive within {} ms",
                limit.as_millis()
            ),
            IngestError::NoContentType => format!(
                "the Content-Type header is missing; send {}, {} or application/json",
                riskguard_core::events::SINGLE_CONTENT_TYPE,
                riskguard_core::events::BATCH_CONTENT_TYPE
            ),
            IngestError::Event(e) => e.to_string(),
            IngestError::Storage(_) => "the event store is unavailable; retry later".to_owned(),
            IngestError::Fault(kind) => format!(
                "the collector is unavailable (fault mode: {}); retry later",
                kind.name()
            ),
        }
    }
}

impl IntoResponse for IngestError {
    fn into_response(self) -> Response {
        if let IngestError::Storage(error) = &self {
            // Database errors carry SQL and SQLite's message, never bound values (event data).
            tracing::error!(%error, "storing events failed");
        }
        let mut response = rejected(
            self.status(),
            Json(json!({ "error": self.message() })),
            self.reason(),
        );
        if let IngestError::Fault(FaultKind::Refused) = self {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

fn too_large() -> IngestError {
    IngestError::TooLarge(format!(
        "the request body is larger than {MAX_BODY_BYTES} bytes"
    ))
}

/// Refuses a declared `Content-Length` over the limit before reading anything, so a client
/// announcing 10 GB (with or without `Expect: 100-continue`) is answered at once and never
/// told to go on.
fn check_declared_length(headers: &HeaderMap) -> Result<(), IngestError> {
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    match declared {
        Some(length) if length > MAX_BODY_BYTES as u64 => Err(too_large()),
        _ => Ok(()),
    }
}

/// Reads the body, at most [`MAX_BODY_BYTES`] of it, within `timeout`.
async fn read_body(body: Body, timeout: Duration) -> Result<Bytes, IngestError> {
    let limited = Limited::new(body, MAX_BODY_BYTES);
    match tokio::time::timeout(timeout, limited.collect()).await {
        Err(_) => Err(IngestError::BodyTimeout(timeout)),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(error)) if error.is::<LengthLimitError>() => Err(too_large()),
        Ok(Err(error)) => Err(IngestError::Body(format!(
            "the request body could not be read: {error}"
        ))),
    }
}

/// Refuses a batch of more than [`MAX_BATCH_EVENTS`] events.
pub(crate) fn check_batch_size(count: usize) -> Result<(), IngestError> {
    if count > MAX_BATCH_EVENTS {
        Err(IngestError::TooLarge(format!(
            "a batch may hold at most {MAX_BATCH_EVENTS} events; this one holds {count}"
        )))
    } else {
        Ok(())
    }
}

/// The handler of `POST /v1/events`.
///
/// Answers `{"accepted": n, "stored": s, "duplicates": d, "conflicts": c,
/// "conflicting_ids": [...]}` on success and
/// `{"error": "<message>"}` otherwise. In fault mode, first draws what to do (see
/// [`crate::fault`]).
pub(crate) async fn post_events(
    State(ingest): State<Ingest>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, IngestError> {
    check_declared_length(&headers)?;
    let body = read_body(body, ingest.body_timeout).await;
    let plan = ingest.fault.as_ref().map(|injector| injector.plan());
    match plan {
        None | Some(Plan::Normal(std::time::Duration::ZERO)) => {
            store(ingest.store, headers, body).await
        }
        Some(Plan::Normal(delay)) => {
            tokio::time::sleep(delay).await;
            store(ingest.store, headers, body).await
        }
        Some(Plan::Fail(kind, delay)) => {
            tracing::warn!(kind = kind.name(), "fault injected");
            tokio::time::sleep(delay).await;
            if kind == FaultKind::LostAck {
                // Store for real, then lose the answer. A refused request stays refused: only
                // stored events can have their acknowledgement lost.
                store(ingest.store, headers, body).await?;
            }
            Err(IngestError::Fault(kind))
        }
    }
}

/// Checks and stores the events of a request.
async fn store(
    store: EventStore,
    headers: HeaderMap,
    body: Result<Bytes, IngestError>,
) -> Result<Response, IngestError> {
    let body = body?;
    let content_type = headers
        .get(CONTENT_TYPE)
        .ok_or(IngestError::NoContentType)?
        .to_str()
        .map_err(|_| {
            IngestError::Event(EventError::UnsupportedMediaType(
                "the Content-Type header is not valid text".to_owned(),
            ))
        })?;
    let events = parse_request(&body, Some(content_type)).map_err(IngestError::Event)?;
    check_batch_size(events.len())?;
    validate::check_all(&events)
        .map_err(|problem| IngestError::Event(EventError::Unprocessable(problem)))?;
    let accepted = events.len();
    let inserted = store
        .insert_all(events)
        .await
        .map_err(IngestError::Storage)?;
    if !inserted.conflicts.is_empty() {
        // The count only: ids and data stay out of the logs.
        tracing::warn!(
            conflicts = inserted.conflicts.len(),
            "events resent under a stored (source, id) with different content; the first \
             version was kept"
        );
    }
    let mut response = Json(json!({
        "accepted": accepted,
        "stored": inserted.stored,
        "duplicates": inserted.duplicates,
        "conflicts": inserted.conflicts.len(),
        "conflicting_ids": inserted.conflicts,
    }))
    .into_response();
    response.extensions_mut().insert(Outcome::Stored {
        accepted,
        stored: inserted.stored,
        duplicates: inserted.duplicates,
        conflicts: inserted.conflicts.len(),
    });
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_limit_is_inclusive() {
        assert!(check_batch_size(0).is_ok());
        assert!(check_batch_size(MAX_BATCH_EVENTS).is_ok());
        let error = check_batch_size(MAX_BATCH_EVENTS + 1).unwrap_err();
        assert_eq!(error.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            error.message().contains("at most 500 events"),
            "{}",
            error.message()
        );
        assert!(error.message().contains("501"), "{}", error.message());
    }

    #[test]
    fn event_errors_map_to_their_statuses() {
        let status = |e| IngestError::Event(e).status();
        assert_eq!(
            status(EventError::Malformed(String::new())),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            status(EventError::Unprocessable(String::new())),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            status(EventError::UnsupportedMediaType(String::new())),
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        );
        let storage = IngestError::Storage(Error::Task("gone".to_owned()));
        assert_eq!(storage.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(!storage.message().contains("gone"));
    }
}

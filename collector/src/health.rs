//! Health endpoints for load balancers and orchestrators.
//!
//! - `GET /healthz` (liveness): 200 `{"status":"ok"}` whenever the process answers HTTP. It
//!   does not touch the database, so a database outage does not get the process restarted in
//!   a loop; use it for "restart me if I hang".
//! - `GET /readyz` (readiness): 200 when the store takes a write now (a one-row write
//!   transaction is committed), the database answers, and the database's disk has at least
//!   `--min-free-disk-mb` free; 503 with the failing check otherwise. Use it for "send me
//!   traffic": a collector on a read-only or full disk leaves the pool instead of answering
//!   every POST with 503.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::EventStore;

/// What `/readyz` checks.
#[derive(Debug, Clone)]
pub(crate) struct Readiness {
    /// The store to write to.
    pub(crate) store: EventStore,
    /// The least free space on the database's disk, in bytes.
    pub(crate) min_free_bytes: u64,
}

/// `GET /healthz`.
pub(crate) async fn healthz() -> Response {
    Json(json!({ "status": "ok" })).into_response()
}

/// `GET /readyz`.
pub(crate) async fn readyz(State(readiness): State<Readiness>) -> Response {
    let Readiness {
        store,
        min_free_bytes,
    } = readiness;
    match store.ready(min_free_bytes).await {
        Ok(()) => Json(json!({ "status": "ready" })).into_response(),
        Err(error) => {
            tracing::error!(%error, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "error": error.to_string() })),
            )
                .into_response()
        }
    }
}

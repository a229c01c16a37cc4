//! The riskguard collector: the reference backend of the riskguard component.
//!
//! It receives the component's CloudEvents on `POST /v1/events`, checks them with
//! [`riskguard_core::events::parse_request`] and stores them in SQLite ([`Store`]), and it
//! serves the demo page, the built component (`/pkg`) and its styles (`/style`). Every response
//! carries a strict [`CSP`].
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let config = riskguard_collector::Config {
//!     db_path: "data/events.sqlite3".into(),
//!     public_dir: "public".into(),
//!     pkg_dir: "target/dist/pkg".into(),
//!     style_dir: "style".into(),
//!     locales_dir: None,
//! };
//! let router = riskguard_collector::router(&config)?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! riskguard_collector::serve(listener, router).await?;
//! # Ok(())
//! # }
//! ```

mod error;
mod ingest;
mod live_locales;
mod request_log;
mod security;
pub mod store;

use std::path::{Path, PathBuf};

use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

pub use error::Error;
pub use ingest::{MAX_BATCH_EVENTS, MAX_BODY_BYTES};
pub use security::CSP;
pub use store::{Inserted, Store, StoredEvent};

/// Where the collector keeps its database and finds the files it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The SQLite database file; created with its parent directories if missing.
    pub db_path: PathBuf,
    /// Served at `/`: the demo page (`index.html`) and anything else not under `/pkg` or `/style`.
    pub public_dir: PathBuf,
    /// Served at `/pkg`: the built component (JavaScript glue and `.wasm`).
    pub pkg_dir: PathBuf,
    /// Served at `/style`: the component's CSS.
    pub style_dir: PathBuf,
    /// Demo mode for content editors: serves this `locales/` folder at `/locales` and its
    /// change fingerprint at `/dev/locales/version`, for the demo page's live text preview.
    pub locales_dir: Option<PathBuf>,
}

/// Opens (or creates) the database of `config` and builds the collector's routes:
///
/// - `POST /v1/events`: store one CloudEvent or a batch.
/// - `GET /healthz`: `{"status":"ok"}` when the database answers.
/// - `/pkg/*`, `/style/*` and everything else: static files, revalidated on every load.
///
/// # Errors
///
/// When the database cannot be created, opened or given its schema.
pub fn router(config: &Config) -> Result<Router, Error> {
    let store = Store::open(&config.db_path)?;
    let api = Router::new()
        .route("/v1/events", post(ingest::post_events))
        .route("/healthz", get(healthz))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(store);
    let api = match &config.locales_dir {
        Some(dir) => api
            .merge(
                Router::new()
                    .route("/dev/locales/version", get(live_locales::version))
                    .route("/dev/locales/lint", get(live_locales::lint))
                    .with_state(dir.clone()),
            )
            .nest_service("/locales", static_files(dir)),
        None => api,
    };
    let router = api
        .nest_service("/pkg", static_files(&config.pkg_dir))
        .nest_service("/style", static_files(&config.style_dir))
        .fallback_service(static_files(&config.public_dir))
        .layer(axum::middleware::from_fn(request_log::log_request));
    Ok(security::with_security_headers(router))
}

/// Serves `router` on `listener` until Ctrl-C (or, on Unix, SIGTERM), then finishes the
/// requests in flight and returns.
///
/// # Errors
///
/// When accepting connections fails.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

/// Static files from `dir`, with `index.html` for directories and `Cache-Control: no-cache`
/// so that the demo always picks up a fresh build.
fn static_files(dir: &Path) -> SetResponseHeader<ServeDir, HeaderValue> {
    SetResponseHeader::overriding(
        ServeDir::new(dir),
        CACHE_CONTROL,
        HeaderValue::from_static("no-cache"),
    )
}

/// `GET /healthz`.
async fn healthz(State(store): State<Store>) -> Response {
    let result = tokio::task::spawn_blocking(move || store.ping())
        .await
        .map_err(|e| Error::Task(e.to_string()))
        .and_then(|ping| ping);
    match result {
        Ok(()) => Json(json!({ "status": "ok" })).into_response(),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "error": "the event store is unavailable" })),
            )
                .into_response()
        }
    }
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM. If a signal handler cannot be installed, that
/// signal is ignored rather than shutting the server down at once.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}

//! The riskguard collector: the reference backend of the riskguard component.
//!
//! It receives the component's CloudEvents on `POST /v1/events`, checks them with
//! [`riskguard_core::events::parse_request`] and stores them in SQLite ([`Store`]), reports
//! on them (`GET /v1/stats`, see [`stats`]; `GET /dashboard`), and serves the demo page, the
//! built component (`/pkg`) and its styles (`/style`). Every response carries a strict [`CSP`]
//! and an `X-Request-Id`.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let config = riskguard_collector::Config {
//!     db_path: "data/events.sqlite3".into(),
//!     token: Some("a-long-random-secret".parse()?),
//!     allowed_origins: vec!["https://pay.example".parse()?],
//!     ..riskguard_collector::Config::default()
//! };
//! let router = riskguard_collector::router(&config)?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! riskguard_collector::serve(listener, router).await?;
//! # Ok(())
//! # }
//! ```

mod auth;
mod backend;
mod cors;
mod dashboard;
mod error;
mod fault;
mod group_commit;
mod health;
mod ingest;
mod live_locales;
mod period;
mod postgres;
mod request_log;
mod rng;
mod rollup;
mod security;
mod server;
pub mod stats;
pub mod store;
pub mod synthetic;
mod validate;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::routing::{get, post};
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

pub use auth::{BearerToken, InvalidToken};
pub use backend::{DatabaseUrl, EventStore};
pub use cors::{AllowedOrigin, InvalidOrigin};
pub use error::Error;
pub use fault::Fault;
pub use ingest::{MAX_BATCH_EVENTS, MAX_BODY_BYTES};
pub use period::Period;
pub use postgres::PgStore;
pub use security::CSP;
pub use server::{
    Limits, DEFAULT_BODY_TIMEOUT_MS, DEFAULT_HEADER_TIMEOUT_MS, DEFAULT_MAX_CONNECTIONS,
};
pub use stats::Stats;
pub use store::{Inserted, Store, StoredEvent};
pub use validate::{MAX_ATTEMPT, MAX_DURATION_MS, MAX_QUESTIONS, MAX_TEXT_BYTES};

/// Where the collector keeps its database, what it serves, and who may send events.
///
/// Build it with struct update syntax so that new fields keep their defaults:
/// `Config { db_path, ..Config::default() }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The SQLite database file; created with its parent directories if missing. Unused when
    /// `database_url` is set.
    pub db_path: PathBuf,
    /// A PostgreSQL database to use instead of SQLite (see [`open_store`]).
    pub database_url: Option<DatabaseUrl>,
    /// Served at `/`: the demo page (`index.html`) and anything else not under `/pkg` or `/style`.
    pub public_dir: PathBuf,
    /// Served at `/pkg`: the built component (JavaScript glue and `.wasm`).
    pub pkg_dir: PathBuf,
    /// Served at `/style`: the component's CSS.
    pub style_dir: PathBuf,
    /// Demo mode for content editors: serves this `locales/` folder at `/locales` and its
    /// change fingerprint at `/dev/locales/version`, for the demo page's live text preview.
    pub locales_dir: Option<PathBuf>,
    /// When set, `POST /v1/events` needs `Authorization: Bearer <token>` (401 otherwise).
    /// Reading endpoints (`/v1/stats`, `/dashboard`) stay open: they show aggregates only,
    /// and a token that host pages hand to the component is no secret from their users, so it
    /// could not protect them anyway. Put them behind your own access control.
    pub token: Option<BearerToken>,
    /// Origins whose pages may call the API from the browser (CORS). Empty: same-origin only.
    pub allowed_origins: Vec<AllowedOrigin>,
    /// Fault mode for tests: `POST /v1/events` fails on purpose (see [`Fault`]).
    pub fault: Option<Fault>,
    /// Timeouts and the connection cap (see [`Limits`]); the body timeout applies to
    /// `POST /v1/events`, the rest to [`serve_with`].
    pub limits: Limits,
    /// `/readyz` fails when the database's disk has less free space than this, in bytes.
    pub min_free_bytes: u64,
}

/// The default of `--min-free-disk-mb`, in MiB.
pub const DEFAULT_MIN_FREE_DISK_MB: u64 = 64;

/// The default of [`Config::min_free_bytes`]: [`DEFAULT_MIN_FREE_DISK_MB`] in bytes.
pub const DEFAULT_MIN_FREE_BYTES: u64 = DEFAULT_MIN_FREE_DISK_MB * 1024 * 1024;

impl Default for Config {
    /// The command line's defaults: `data/events.sqlite3`, `public`, `target/dist/pkg` and
    /// `style` relative to the working directory; no live locales, no token, no CORS, no
    /// faults; [`Limits::default`] and [`DEFAULT_MIN_FREE_BYTES`].
    fn default() -> Self {
        Config {
            db_path: PathBuf::from("data/events.sqlite3"),
            database_url: None,
            public_dir: PathBuf::from("public"),
            pkg_dir: PathBuf::from("target/dist/pkg"),
            style_dir: PathBuf::from("style"),
            locales_dir: None,
            token: None,
            allowed_origins: Vec::new(),
            fault: None,
            limits: Limits::default(),
            min_free_bytes: DEFAULT_MIN_FREE_BYTES,
        }
    }
}

/// Opens (or creates) the SQLite database of `config` and builds the collector's routes (see
/// [`router_with`]). For PostgreSQL, [`open_store`] then [`router_with`].
///
/// # Errors
///
/// When `config` names a PostgreSQL database, when the SQLite database cannot be created,
/// opened or given its schema, or the fault settings are out of range.
pub fn router(config: &Config) -> Result<Router, Error> {
    if config.database_url.is_some() {
        return Err(Error::Config(
            "a PostgreSQL store is opened with `open_store`, then `router_with`".to_owned(),
        ));
    }
    router_with(config, EventStore::sqlite(Store::open(&config.db_path)?)?)
}

/// Opens the store `config` names: PostgreSQL when `database_url` is set (connecting and
/// applying migrations), SQLite at `db_path` otherwise.
///
/// # Errors
///
/// When the database cannot be opened or reached, or its migrations fail.
pub async fn open_store(config: &Config) -> Result<EventStore, Error> {
    EventStore::open(&config.db_path, config.database_url.as_ref()).await
}

/// Builds the collector's routes on `store`:
///
/// - `POST /v1/events`: store one CloudEvent or a batch (bearer token, CORS and fault mode
///   as configured).
/// - `GET /v1/stats`: warning adherence and quiz results as JSON ([`stats`]); `?since=` and
///   `?until=` (RFC 3339) narrow the period.
/// - `GET /dashboard`: the same numbers as an HTML page with charts; `/dashboard.css`.
/// - `GET /healthz`: liveness, `{"status":"ok"}` whenever the process answers.
/// - `GET /readyz`: readiness, 200 when the database takes a write and its disk has room,
///   503 naming the failed check otherwise.
/// - `/pkg/*`, `/style/*` and everything else: static files, revalidated on every load.
///
/// # Errors
///
/// When the fault settings are out of range.
pub fn router_with(config: &Config, store: EventStore) -> Result<Router, Error> {
    let fault = config
        .fault
        .as_ref()
        .map(fault::Injector::new)
        .transpose()?
        .map(Arc::new);
    let mut events = post(ingest::post_events);
    if let Some(token) = &config.token {
        events = events.route_layer(axum::middleware::from_fn_with_state(
            Arc::new(token.clone()),
            auth::require_bearer,
        ));
    }
    let ingest_routes = Router::new()
        .route("/v1/events", events)
        .with_state(ingest::Ingest {
            store: store.clone(),
            fault,
            body_timeout: config.limits.body_timeout,
        });
    let api = Router::new()
        .route("/v1/stats", get(stats::get_stats))
        .with_state(store.clone())
        .route("/healthz", get(health::healthz))
        .route(
            "/readyz",
            get(health::readyz).with_state(health::Readiness {
                store: store.clone(),
                min_free_bytes: config.min_free_bytes,
            }),
        )
        .merge(ingest_routes)
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let api = cors::allow(api, &config.allowed_origins);
    let api = api.merge(
        Router::new()
            .route("/dashboard", get(dashboard::page))
            .route("/dashboard.css", get(dashboard::stylesheet))
            .with_state(store),
    );
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

/// Serves `router` on `listener` with the default [`Limits`] until Ctrl-C (or, on Unix,
/// SIGTERM), then finishes the requests in flight and returns.
///
/// # Errors
///
/// When accepting connections fails.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    serve_with(listener, router, Limits::default(), shutdown_signal()).await
}

/// Serves `router` on `listener` with `limits` (header timeout, connection cap) until
/// `shutdown` resolves; see [`serve_until`].
///
/// # Errors
///
/// When accepting connections fails.
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    server::run(listener, router, limits, shutdown).await
}

/// Serves `router` on `listener` until `shutdown` resolves, then stops accepting connections,
/// finishes the requests in flight, closes idle keep-alive connections and returns. (Tests use
/// it to take the collector offline and bring it back on the same address.)
///
/// # Errors
///
/// When accepting connections fails.
pub async fn serve_until(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(listener, router, Limits::default(), shutdown).await
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

/// Resolves on Ctrl-C or, on Unix, SIGTERM (the shutdown of [`serve`], for [`serve_with`]). If
/// a signal handler cannot be installed, that signal is ignored rather than shutting the
/// server down at once.
pub async fn shutdown_signal() {
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

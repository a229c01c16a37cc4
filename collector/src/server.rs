//! The accept loop (HTTP/1.1): every connection gets a header timeout (which also closes idle keep-alive
//! connections), the number of open connections is capped, and shutdown is graceful.
//!
//! `axum::serve` has neither timeouts nor a cap: a thousand clients trickling their headers
//! would hold a thousand sockets for as long as they liked, and past the open-file limit
//! `accept` fails for everyone, health checks included.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1::Builder;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The default of [`Limits::header_timeout`] (and of `--header-timeout-ms`), in milliseconds.
pub const DEFAULT_HEADER_TIMEOUT_MS: u64 = 10_000;

/// The default of [`Limits::body_timeout`] (and of `--body-timeout-ms`), in milliseconds.
pub const DEFAULT_BODY_TIMEOUT_MS: u64 = 10_000;

/// The default of [`Limits::max_connections`] (and of `--max-connections`).
pub const DEFAULT_MAX_CONNECTIONS: usize = 4096;

/// Limits on connections and requests; see the command line's `--help` for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How long a client may take to send a request's headers; also how long an idle
    /// keep-alive connection stays open waiting for the next request. Default
    /// [`DEFAULT_HEADER_TIMEOUT_MS`].
    pub header_timeout: Duration,
    /// How long a client may take to send a request body once its headers are in; 408 after
    /// that. Default [`DEFAULT_BODY_TIMEOUT_MS`].
    pub body_timeout: Duration,
    /// The most connections open at once; further clients wait in the listen backlog until one
    /// closes. Default [`DEFAULT_MAX_CONNECTIONS`].
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_millis(DEFAULT_HEADER_TIMEOUT_MS),
            body_timeout: Duration::from_millis(DEFAULT_BODY_TIMEOUT_MS),
            max_connections: DEFAULT_MAX_CONNECTIONS,
        }
    }
}

/// Serves `router` on `listener` with `limits` until `shutdown` resolves; then stops accepting,
/// lets requests in flight finish, closes idle connections and returns.
pub(crate) async fn run(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // HTTP/1.1 only: sniffing for cleartext HTTP/2 would wait for a silent client's first
    // bytes with no timeout at all. Load balancers speak HTTP/1.1 to their backends.
    let mut builder = Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let service = TowerToHyperService::new(router);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = Arc::clone(&permits).acquire_owned() => match permit {
                Ok(permit) => permit,
                // The semaphore is never closed.
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(error) => {
                    // Out of file descriptors or a connection reset before it was accepted:
                    // keep serving the connections that are open and try again shortly.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "cannot set TCP_NODELAY");
        }
        let connection =
            graceful.watch(builder.serve_connection(TokioIo::new(stream), service.clone()));
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

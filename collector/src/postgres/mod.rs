//! The PostgreSQL event store, for collectors behind a load balancer sharing one database.
//!
//! The same tables and semantics as the SQLite [`Store`](crate::Store): events keyed by
//! (`source`, `id`) and stored once (`ON CONFLICT DO NOTHING`), a batch in one transaction with
//! its rollups (all or nothing; acknowledged = committed), and the same statistics. Rows of a
//! batch and its rollups are written in key order, so collectors racing retries of the same
//! batches wait for each other instead of deadlocking. Versioned migrations are applied at
//! start under an advisory lock, so several collectors may start at once.
//!
//! The code is split by concern: `schema.rs` (migrations), `insert.rs` (a batch of events),
//! `rollups.rs` (the batch's rollups), `read.rs` (statistics).

mod insert;
mod read;
mod rollups;
mod schema;

use chrono::{SecondsFormat, Utc};
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

use crate::{Error, StoredEvent};

/// Connections in the pool of one collector.
const POOL_SIZE: usize = 16;

/// Statistics queries one collector runs at once; the rest of the pool is for ingest.
pub(crate) const READ_TURNS: usize = 4;

/// A pool of connections to one PostgreSQL database; cheap to clone.
#[derive(Clone)]
pub struct PgStore {
    pool: Pool,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the URL: it may hold a password.
        f.debug_struct("PgStore").finish_non_exhaustive()
    }
}

/// A pool failure (no connection to be had) as the store's error.
fn pool_error(error: impl std::fmt::Display) -> Error {
    Error::Postgres(error.to_string())
}

/// A PostgreSQL failure as the store's error.
fn pg(error: tokio_postgres::Error) -> Error {
    Error::Postgres(error.to_string())
}

impl PgStore {
    /// Connects to `url` (`postgres://user:password@host:port/database`) and applies the
    /// migrations the database lacks.
    ///
    /// # Errors
    ///
    /// When the URL is invalid, the database cannot be reached or a migration fails.
    pub async fn connect(url: &str) -> Result<Self, Error> {
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| Error::Config(format!("invalid database URL: {e}")))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .build()
            .map_err(pool_error)?;
        let store = PgStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    /// A connection from the pool.
    async fn client(&self) -> Result<Object, Error> {
        self.pool.get().await.map_err(pool_error)
    }

    /// The number of stored events.
    ///
    /// # Errors
    ///
    /// When PostgreSQL fails.
    pub async fn count(&self) -> Result<u64, Error> {
        let count: i64 = self
            .client()
            .await?
            .query_one("SELECT count(*) FROM events", &[])
            .await
            .map_err(pg)?
            .get(0);
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// The stored event with this `source` and `id`, if any.
    ///
    /// # Errors
    ///
    /// When PostgreSQL fails.
    pub async fn get(&self, source: &str, id: &str) -> Result<Option<StoredEvent>, Error> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT source, id, type, time, data, received_at FROM events \
                 WHERE source = $1 AND id = $2",
                &[&source, &id],
            )
            .await
            .map_err(pg)?;
        Ok(row.map(|row| StoredEvent {
            source: row.get(0),
            id: row.get(1),
            event_type: row.get(2),
            time: row.get(3),
            data: row.get(4),
            received_at: row.get(5),
        }))
    }

    /// Checks that the database takes a write now (the `health` row, committed).
    ///
    /// # Errors
    ///
    /// [`Error::NotReady`] with PostgreSQL's reason.
    pub async fn ready(&self) -> Result<(), Error> {
        let client = self
            .client()
            .await
            .map_err(|e| Error::NotReady(format!("the database cannot be reached: {e}")))?;
        client
            .execute(
                "INSERT INTO health (id, checked_at) VALUES (1, $1) \
                 ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                &[&now()],
            )
            .await
            .map_err(|e| Error::NotReady(format!("the database cannot be written: {e}")))?;
        Ok(())
    }
}

/// The time now as the store keeps times: RFC 3339, UTC, milliseconds.
fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

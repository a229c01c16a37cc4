//! The store the HTTP layer talks to: the embedded SQLite [`Store`] (the default) or a shared
//! PostgreSQL database ([`PgStore`], chosen by a `postgres://` database URL).

use std::fmt;
use std::sync::Arc;

use riskguard_core::events::Event;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::group_commit::GroupCommit;
use crate::period::Period;
use crate::postgres::READ_TURNS;
use crate::stats::Stats;
use crate::{Error, Inserted, PgStore, Store, StoredEvent};

/// A PostgreSQL connection URL, `postgres://user:password@host:port/database`; never printed
/// (it may hold a password).
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    /// Checks that `url` is a PostgreSQL URL.
    ///
    /// # Errors
    ///
    /// When it does not start with `postgres://` or `postgresql://`.
    pub fn parse(url: &str) -> Result<Self, Error> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(DatabaseUrl(url.to_owned()))
        } else {
            Err(Error::Config(
                "the database URL must start with postgres:// or postgresql://".to_owned(),
            ))
        }
    }

    /// The URL itself, to connect with.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DatabaseUrl(…)")
    }
}

impl std::str::FromStr for DatabaseUrl {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DatabaseUrl::parse(s)
    }
}

/// Where events are stored: the embedded SQLite database (one collector; batches written by
/// one thread with group commit) or a PostgreSQL database (any number of collectors). Cheap to
/// clone.
#[derive(Debug, Clone)]
pub struct EventStore {
    backend: Backend,
    /// Statistics queries running at once: one on SQLite's single reader connection,
    /// [`READ_TURNS`] on PostgreSQL; others wait their turn (briefly).
    read_turns: Arc<Semaphore>,
}

#[derive(Debug, Clone)]
enum Backend {
    Sqlite(Store, GroupCommit),
    Postgres(PgStore),
}

impl EventStore {
    /// Opens the SQLite database at `path`, or connects to `url` when given.
    ///
    /// # Errors
    ///
    /// When the database cannot be opened or reached, or its migrations fail.
    pub async fn open(path: &std::path::Path, url: Option<&DatabaseUrl>) -> Result<Self, Error> {
        match url {
            Some(url) => Ok(EventStore::new(
                Backend::Postgres(PgStore::connect(url.expose()).await?),
                READ_TURNS,
            )),
            None => {
                let path = path.to_path_buf();
                EventStore::sqlite(blocking(move || Store::open(path)).await?)
            }
        }
    }

    /// The SQLite `store`, with its writer thread.
    ///
    /// # Errors
    ///
    /// When the writer thread cannot be started.
    pub fn sqlite(store: Store) -> Result<Self, Error> {
        let writer = GroupCommit::start(store.clone())?;
        Ok(EventStore::new(Backend::Sqlite(store, writer), 1))
    }

    fn new(backend: Backend, read_turns: usize) -> Self {
        EventStore {
            backend,
            read_turns: Arc::new(Semaphore::new(read_turns)),
        }
    }

    /// Stores `events` in one transaction (see [`Store::insert_all`]).
    ///
    /// # Errors
    ///
    /// When the database fails; then nothing is stored.
    pub async fn insert_all(&self, events: Vec<Event>) -> Result<Inserted, Error> {
        match &self.backend {
            Backend::Sqlite(_, writer) => writer.insert(events).await,
            Backend::Postgres(store) => store.insert_all(&events).await,
        }
    }

    /// The number of stored events.
    ///
    /// # Errors
    ///
    /// When the database fails.
    pub async fn count(&self) -> Result<u64, Error> {
        match &self.backend {
            Backend::Sqlite(store, _) => {
                let store = store.clone();
                blocking(move || store.count()).await
            }
            Backend::Postgres(store) => store.count().await,
        }
    }

    /// The stored event with this `source` and `id`, if any.
    ///
    /// # Errors
    ///
    /// When the database fails.
    pub async fn get(&self, source: &str, id: &str) -> Result<Option<StoredEvent>, Error> {
        match &self.backend {
            Backend::Sqlite(store, _) => {
                let (store, source, id) = (store.clone(), source.to_owned(), id.to_owned());
                blocking(move || store.get(&source, &id)).await
            }
            Backend::Postgres(store) => store.get(source, id).await,
        }
    }

    /// Whether the store takes a write now (and, for SQLite, its disk has `min_free_bytes`).
    ///
    /// # Errors
    ///
    /// [`Error::NotReady`] naming the failed check.
    pub async fn ready(&self, min_free_bytes: u64) -> Result<(), Error> {
        match &self.backend {
            Backend::Sqlite(store, _) => {
                let store = store.clone();
                blocking(move || store.ready(min_free_bytes)).await
            }
            Backend::Postgres(store) => store.ready().await,
        }
    }

    /// The statistics of `period` (no queueing or time limit: see `stats::run`).
    ///
    /// # Errors
    ///
    /// When the database fails.
    pub async fn stats(&self, period: Period) -> Result<Stats, Error> {
        match &self.backend {
            Backend::Sqlite(store, _) => {
                let store = store.clone();
                blocking(move || store.stats(&period)).await
            }
            Backend::Postgres(store) => store.stats(&period).await,
        }
    }
}

impl EventStore {
    /// Waits for the turn to run a statistics query (`None` only if turns were closed, which
    /// never happens).
    pub(crate) async fn read_turn(&self) -> Option<OwnedSemaphorePermit> {
        Arc::clone(&self.read_turns).acquire_owned().await.ok()
    }

    /// What stops a statistics query that runs on: SQLite's interrupt handle; PostgreSQL
    /// queries carry a server-side `statement_timeout` instead.
    pub(crate) fn interrupt_handle(&self) -> Option<rusqlite::InterruptHandle> {
        match &self.backend {
            Backend::Sqlite(store, _) => Some(store.reader_interrupt()),
            Backend::Postgres(_) => None,
        }
    }
}

/// Runs `work` on the blocking pool.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Task(e.to_string()))
        .and_then(|result| result)
}

//! The SQLite event store.
//!
//! One table, `events`, keyed by (`source`, `id`): a retried event is recognised and stored
//! once, as CloudEvents allows. Times are RFC 3339 UTC strings with milliseconds, so they sort
//! as text; `data` is the event's data as JSON text.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use riskguard_core::events::Event;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::period::Period;
use crate::stats::{self, Stats};
use crate::Error;

/// The schema, applied on every open; safe to run on an existing database.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS events (
    source      TEXT NOT NULL,
    id          TEXT NOT NULL,
    type        TEXT NOT NULL,
    time        TEXT NOT NULL, -- RFC 3339, UTC, milliseconds
    data        TEXT NOT NULL, -- the event's data as JSON
    received_at TEXT NOT NULL, -- RFC 3339, UTC, milliseconds
    PRIMARY KEY (source, id)
);
CREATE INDEX IF NOT EXISTS events_type_time ON events (type, time);
-- One row, rewritten by each readiness check (`/readyz`) to prove the database takes writes.
CREATE TABLE IF NOT EXISTS health (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at TEXT NOT NULL
);
";

/// How long a statement waits for a lock held by another connection (for example a reader
/// opened by a test or by `sqlite3`) before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What [`Store::insert_all`] did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inserted {
    /// Events written as new rows.
    pub stored: usize,
    /// Events whose (`source`, `id`) was already stored, by an earlier request or earlier in
    /// the same batch; they were not written again.
    pub duplicates: usize,
    /// The ids of those duplicates whose type, time or data differ from the stored event's:
    /// the first version is kept, and the difference is reported rather than hidden.
    pub conflicts: Vec<String>,
}

/// One row of the `events` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    /// The CloudEvents `source`.
    pub source: String,
    /// The CloudEvents `id`.
    pub id: String,
    /// The CloudEvents `type`, for example `riskguard.quiz.completed`.
    pub event_type: String,
    /// When the event happened, RFC 3339 UTC.
    pub time: String,
    /// The event's data as JSON text.
    pub data: String,
    /// When the collector stored it, RFC 3339 UTC.
    pub received_at: String,
}

/// A handle to the event database; cheap to clone, shared by all requests.
///
/// Writes go through one connection; statistics are read through a second, read-only one, so
/// that a long report never holds up ingestion (write-ahead logging lets them run together).
///
/// Methods block on SQLite: call them from `tokio::task::spawn_blocking` in async code.
#[derive(Debug, Clone)]
pub struct Store {
    connection: Arc<Mutex<Connection>>,
    reader: Arc<Mutex<Connection>>,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates) the database at `path`, creating missing parent directories, turns on
    /// write-ahead logging and applies the schema.
    ///
    /// # Errors
    ///
    /// When a directory cannot be created or SQLite cannot open or set up the file.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::CreateDir {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let open_error = |source| Error::Open {
            path: path.clone(),
            source,
        };
        let connection = Connection::open(&path).map_err(open_error)?;
        connection.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        if connection
            .is_readonly(rusqlite::MAIN_DB)
            .map_err(open_error)?
        {
            // A read-only file or file system: statistics can still be served, writes are
            // refused with 503 and `/readyz` reports it, so a load balancer takes this
            // collector out of the pool instead of it refusing to start.
            tracing::warn!(path = %path.display(), "the database is read-only");
        } else {
            connection
                .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
                .map_err(open_error)?;
            connection
                .pragma_update(None, "synchronous", "NORMAL")
                .map_err(open_error)?;
            connection.execute_batch(SCHEMA).map_err(open_error)?;
        }
        let reader = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_error)?;
        reader.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        Ok(Store {
            connection: Arc::new(Mutex::new(connection)),
            reader: Arc::new(Mutex::new(reader)),
            path,
        })
    }

    /// The database file this store was opened on.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores `events` in one transaction: either every new event is written or none is.
    ///
    /// An event whose (`source`, `id`) is already stored is counted as a duplicate and left
    /// unchanged.
    ///
    /// # Errors
    ///
    /// When SQLite fails; then nothing of `events` is stored.
    pub fn insert_all(&self, events: &[Event]) -> Result<Inserted, Error> {
        let received_at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        let mut connection = self.lock();
        let transaction = connection.transaction()?;
        let mut inserted = Inserted::default();
        {
            let mut statement = transaction.prepare_cached(
                "INSERT INTO events (source, id, type, time, data, received_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
                 ON CONFLICT (source, id) DO NOTHING",
            )?;
            for event in events {
                let time = event.time.to_rfc3339_opts(SecondsFormat::Millis, true);
                let data = event.data.to_value().to_string();
                let changed = statement.execute(params![
                    event.source,
                    event.id,
                    event.event_type(),
                    time,
                    data,
                    received_at,
                ])?;
                if changed == 0 {
                    inserted.duplicates += 1;
                    let same: bool = transaction
                        .prepare_cached(
                            "SELECT type = ?3 AND time = ?4 AND data = ?5 FROM events \
                             WHERE source = ?1 AND id = ?2",
                        )?
                        .query_row(
                            params![event.source, event.id, event.event_type(), time, data],
                            |row| row.get(0),
                        )?;
                    if !same {
                        inserted.conflicts.push(event.id.clone());
                    }
                } else {
                    inserted.stored += 1;
                }
            }
        }
        transaction.commit()?;
        Ok(inserted)
    }

    /// The number of stored events.
    ///
    /// # Errors
    ///
    /// When SQLite fails.
    pub fn count(&self) -> Result<u64, Error> {
        let count: i64 = self
            .lock()
            .query_row("SELECT count(*) FROM events", [], |row| row.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// The stored event with this `source` and `id`, if any.
    ///
    /// # Errors
    ///
    /// When SQLite fails.
    pub fn get(&self, source: &str, id: &str) -> Result<Option<StoredEvent>, Error> {
        let event = self
            .lock()
            .query_row(
                "SELECT source, id, type, time, data, received_at FROM events \
                 WHERE source = ?1 AND id = ?2",
                params![source, id],
                |row| {
                    Ok(StoredEvent {
                        source: row.get(0)?,
                        id: row.get(1)?,
                        event_type: row.get(2)?,
                        time: row.get(3)?,
                        data: row.get(4)?,
                        received_at: row.get(5)?,
                    })
                },
            )
            .optional()?;
        Ok(event)
    }

    /// Checks that the database answers a query that reads the `events` table.
    ///
    /// # Errors
    ///
    /// When SQLite fails.
    pub fn ping(&self) -> Result<(), Error> {
        self.lock()
            .query_row("SELECT EXISTS (SELECT 1 FROM events)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Checks that the database can take a write now: a one-row write transaction on the
    /// `health` table, committed (so a read-only database or a full disk fails it), and at
    /// least `min_free_bytes` free on the database's file system.
    ///
    /// # Errors
    ///
    /// [`Error::NotReady`] saying which check failed.
    pub fn ready(&self, min_free_bytes: u64) -> Result<(), Error> {
        let directory = self.path.parent().unwrap_or(Path::new("."));
        let free = fs4::available_space(directory)
            .map_err(|e| Error::NotReady(format!("cannot read the free disk space: {e}")))?;
        if free < min_free_bytes {
            return Err(Error::NotReady(format!(
                "{free} bytes free on the database's disk, less than the {min_free_bytes} required"
            )));
        }
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        self.lock()
            .execute(
                "INSERT INTO health (id, checked_at) VALUES (1, ?1) \
                 ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                params![now],
            )
            .map_err(|e| Error::NotReady(format!("the database cannot be written: {e}")))?;
        Ok(())
    }

    /// The warning and quiz statistics of `period` (see [`Stats`]).
    ///
    /// # Errors
    ///
    /// When SQLite fails.
    pub fn stats(&self, period: &Period) -> Result<Stats, Error> {
        let reader = self
            .reader
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        stats::compute(&reader, period)
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while the lock was held cannot leave a half-written batch behind: every write
        // runs in a `Transaction`, which rolls back when dropped during unwinding. So the
        // connection is still usable and a poisoned lock is taken over rather than turned
        // into a permanent outage.
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

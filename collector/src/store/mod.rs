//! The SQLite event store.
//!
//! One table, `events`, keyed by (`source`, `id`): a retried event is recognised and stored
//! once, as CloudEvents allows. Times are RFC 3339 UTC strings with milliseconds, so they sort
//! as text; `data` is the event's data as JSON text.
//!
//! The code is split by concern: `schema.rs` (the tables and their migrations), `write.rs`
//! (storing batches of events with their rollups), `read.rs` (statistics from the rollups).

mod read;
mod schema;
mod write;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::Error;
use schema::migrate;

/// The writer's page cache: negative means KiB (64 MiB), so that indexes and rollups stay in
/// memory under load.
const CACHE_KIB: i64 = -64 * 1024;

/// The write-ahead log is truncated to this size after checkpoints (`journal_size_limit`).
const WAL_SIZE_LIMIT: i64 = 32 * 1024 * 1024;

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
    /// The write-ahead log file.
    wal_path: PathBuf,
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
        let parent = directory(&path);
        std::fs::create_dir_all(parent).map_err(|source| Error::CreateDir {
            path: parent.to_path_buf(),
            source,
        })?;
        let open_error = |source| Error::Open {
            path: path.clone(),
            source,
        };
        let mut connection = Connection::open(&path).map_err(open_error)?;
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
            connection
                .pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT)
                .map_err(open_error)?;
            // Checkpoints are the writer's (`checkpoint_when_large`): SQLite's automatic one
            // would copy pages back on every commit once the log passes 4 MiB.
            connection
                .pragma_update(None, "wal_autocheckpoint", 0)
                .map_err(open_error)?;
            connection
                .pragma_update(None, "cache_size", CACHE_KIB)
                .map_err(open_error)?;
            migrate(&mut connection).map_err(open_error)?;
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
            wal_path: wal_path(&path),
            path,
        })
    }

    /// The database file this store was opened on.
    pub fn path(&self) -> &Path {
        &self.path
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

    /// Checks that the database can take a write now: a one-row write transaction on the
    /// `health` table, committed (so a read-only database or a full disk fails it), and at
    /// least `min_free_bytes` free on the database's file system.
    ///
    /// # Errors
    ///
    /// [`Error::NotReady`] saying which check failed.
    pub fn ready(&self, min_free_bytes: u64) -> Result<(), Error> {
        let free = fs4::available_space(directory(&self.path))
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

/// The directory of the database file `path`: its parent, or `.` for a bare file name such as
/// `events.sqlite3` (whose parent is the empty path).
fn directory(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The write-ahead log of the database at `path`: its name with `-wal` appended.
fn wal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

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
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};

use crate::period::Period;
use crate::rollup::{sql, BatchRollup, Param, Plan, Statement, Totals};
use crate::stats::Stats;
use crate::Error;

/// The schema's versions, applied in order on open; `PRAGMA user_version` records how many
/// are in. Each is one transaction. Version 1 is the original schema (safe to run on a
/// database made before versions were recorded).
const MIGRATIONS: [&str; 2] = [
    "
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
",
    // Day and hour rollups, so that statistics read rollup rows rather than every event (see
    // `crate::rollup`); filled from the stored events by `backfill_rollups` in the same
    // transaction.
    "
CREATE TABLE warning_rollup (
    bucket TEXT NOT NULL, category TEXT NOT NULL, locale TEXT NOT NULL, exposure TEXT NOT NULL,
    shown INTEGER NOT NULL, cancelled INTEGER NOT NULL, proceeded INTEGER NOT NULL,
    blocked INTEGER NOT NULL,
    PRIMARY KEY (bucket, category, locale, exposure)
) WITHOUT ROWID;
CREATE TABLE quiz_rollup (
    bucket TEXT NOT NULL, category TEXT NOT NULL, locale TEXT NOT NULL,
    started INTEGER NOT NULL, completions INTEGER NOT NULL, retries INTEGER NOT NULL,
    sessions INTEGER NOT NULL, passed INTEGER NOT NULL,
    PRIMARY KEY (bucket, category, locale)
) WITHOUT ROWID;
CREATE TABLE quiz_score_rollup (
    bucket TEXT NOT NULL, category TEXT NOT NULL, locale TEXT NOT NULL,
    score INTEGER NOT NULL, max_score INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (bucket, category, locale, score, max_score)
) WITHOUT ROWID;
CREATE TABLE quiz_sessions (
    session_id TEXT PRIMARY KEY, first_time TEXT NOT NULL,
    category TEXT NOT NULL, locale TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX quiz_sessions_first_time ON quiz_sessions (first_time);
",
];

/// The writer checkpoints the write-ahead log once it is this large (see
/// `Store::checkpoint_when_large`).
const WAL_CHECKPOINT_BYTES: u64 = 32 * 1024 * 1024;

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

    /// Stores `events` in one transaction: either every new event is written or none is.
    ///
    /// An event whose (`source`, `id`) is already stored is counted as a duplicate and left
    /// unchanged.
    ///
    /// # Errors
    ///
    /// When SQLite fails; then nothing of `events` is stored.
    pub fn insert_all(&self, events: &[Event]) -> Result<Inserted, Error> {
        self.insert_batches(&[events])
            .pop()
            .unwrap_or_else(|| Err(Error::Commit("no batch was written".to_owned())))
    }

    /// Stores several batches in one transaction (group commit: one write of the shared pages
    /// for all of them), each batch all or nothing within it (a savepoint). Returns one result
    /// per batch; after a failed commit, every batch fails and nothing is stored.
    pub(crate) fn insert_batches(&self, batches: &[&[Event]]) -> Vec<Result<Inserted, Error>> {
        let received_at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        let mut connection = self.lock();
        let all_fail = |error: &dyn std::fmt::Display| {
            batches
                .iter()
                .map(|_| Err(Error::Commit(error.to_string())))
                .collect()
        };
        let mut transaction = match connection.transaction() {
            Ok(transaction) => transaction,
            Err(error) => return all_fail(&error),
        };
        let mut results = Vec::with_capacity(batches.len());
        let mut rollup = BatchRollup::default();
        for events in batches {
            let result = transaction
                .savepoint()
                .map_err(Error::from)
                .and_then(|savepoint| {
                    let stored = insert_batch(&savepoint, events, &received_at)?;
                    savepoint.commit()?;
                    Ok(stored)
                });
            results.push(result.map(|(inserted, added)| {
                rollup.merge(added);
                inserted
            }));
        }
        // The rollups of every batch stored, summed: one upsert per row touched.
        if let Err(error) = write_rollup(&transaction, rollup) {
            return all_fail(&error);
        }
        if let Err(error) = transaction.commit() {
            return all_fail(&error);
        }
        self.checkpoint_when_large(&connection);
        results
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
        read_stats(&reader, period)
    }

    /// A handle that interrupts the statistics query running now, if any (see
    /// [`rusqlite::InterruptHandle`]): for time limits and clients that leave.
    pub(crate) fn reader_interrupt(&self) -> rusqlite::InterruptHandle {
        self.reader
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get_interrupt_handle()
    }

    /// When the write-ahead log has grown past [`WAL_CHECKPOINT_BYTES`], moves it into the
    /// database and has the next write start it again from the beginning (reusing the file;
    /// `journal_size_limit` trims anything past 32 MiB). SQLite's own checkpoints never rewind the log while readers
    /// keep coming (a dashboard polled without pause let it grow to gigabytes); this one waits
    /// for the readers of the moment, which are short, then starts the log afresh.
    fn checkpoint_when_large(&self, connection: &Connection) {
        let wal = std::fs::metadata(&self.wal_path).map_or(0, |m| m.len());
        if wal < WAL_CHECKPOINT_BYTES {
            return;
        }
        if let Err(error) = connection.query_row("PRAGMA wal_checkpoint(RESTART)", [], |_| Ok(())) {
            tracing::debug!(%error, "checkpoint postponed");
        }
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

/// Writes one batch on `connection` (inside a savepoint); returns what it adds to the rollups.
fn insert_batch(
    connection: &Connection,
    events: &[Event],
    received_at: &str,
) -> Result<(Inserted, BatchRollup), Error> {
    let mut inserted = Inserted::default();
    let mut rollup = BatchRollup::default();
    let mut statement = connection.prepare_cached(
        "INSERT INTO events (source, id, type, time, data, received_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (source, id) DO NOTHING",
    )?;
    for event in events {
        let time = event.time.to_rfc3339_opts(SecondsFormat::Millis, true);
        let value = event.data.to_value();
        let data = value.to_string();
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
            let same: bool = connection
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
            rollup.add(event.event_type(), &time, &value);
        }
    }
    Ok((inserted, rollup))
}

/// Applies the migrations the database does not have yet, each in a transaction.
fn migrate(connection: &mut Connection) -> rusqlite::Result<()> {
    let done: usize = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(done) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(migration)?;
        if index == 1 {
            backfill_rollups(&transaction)?;
        }
        transaction.pragma_update(None, "user_version", index + 1)?;
        transaction.commit()?;
    }
    Ok(())
}

/// Fills the rollups from the events stored before they existed, a thousand at a time.
fn backfill_rollups(transaction: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut statement = transaction.prepare("SELECT type, time, data FROM events")?;
    let mut rows = statement.query([])?;
    let mut rollup = BatchRollup::default();
    let mut pending = 0;
    while let Some(row) = rows.next()? {
        let (event_type, time, data): (String, String, String) =
            (row.get(0)?, row.get(1)?, row.get(2)?);
        // Rows were written by this collector from checked events: their data is JSON.
        let value = serde_json::from_str(&data).unwrap_or_default();
        rollup.add(&event_type, &time, &value);
        pending += 1;
        if pending == 1000 {
            write_rollup(transaction, std::mem::take(&mut rollup))?;
            pending = 0;
        }
    }
    write_rollup(transaction, rollup)
}

/// Adds a batch's rollup rows, in the transaction that stores its events: sessions first
/// (their counts join the batch's), then every rollup row in key order.
fn write_rollup(transaction: &Connection, mut rollup: BatchRollup) -> rusqlite::Result<()> {
    for seen in std::mem::take(&mut rollup.sessions) {
        if execute(transaction, &seen.insert())? == 1 {
            rollup.count_session(&seen.time, &seen.key, 1);
            continue;
        }
        let (first, category, locale): (String, String, String) = transaction
            .prepare_cached(sql::FIND_SESSION)?
            .query_row(params![seen.session_id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?;
        if let Some(moved) = seen.earlier(&first) {
            execute(transaction, &moved)?;
            rollup.count_session(&first, &(category, locale), -1);
            rollup.count_session(&seen.time, &seen.key, 1);
        }
    }
    for statement in rollup.upserts() {
        execute(transaction, &statement)?;
    }
    Ok(())
}

/// Runs a rollup statement.
fn execute(transaction: &Connection, (sql, params): &Statement) -> rusqlite::Result<usize> {
    let values = params.iter().map(|param| match param {
        Param::Text(text) => rusqlite::types::Value::Text(text.clone()),
        Param::Int(n) => rusqlite::types::Value::Integer(*n),
    });
    transaction
        .prepare_cached(sql)?
        .execute(rusqlite::params_from_iter(values))
}

/// The statistics of `period` from the rollups and the raw events of its partial hours.
fn read_stats(connection: &Connection, period: &Period) -> Result<Stats, Error> {
    let plan = Plan::new(period);
    let mut totals = Totals::default();
    for (from, until) in &plan.buckets {
        let range = params![from, until];
        let mut statement = connection.prepare_cached(sql::WARNING_BUCKETS)?;
        let mut rows = statement.query(range)?;
        while let Some(row) = rows.next()? {
            totals.warning(
                (row.get(0)?, row.get(1)?, row.get(2)?),
                [row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?],
            );
        }
        let mut statement = connection.prepare_cached(sql::QUIZ_BUCKETS)?;
        let mut rows = statement.query(range)?;
        while let Some(row) = rows.next()? {
            let counts = [
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
                row.get(6)?,
            ];
            totals.quiz((row.get(0)?, row.get(1)?), counts);
        }
        let mut statement = connection.prepare_cached(sql::SCORE_BUCKETS)?;
        let mut rows = statement.query(range)?;
        while let Some(row) = rows.next()? {
            let (score, max, n) = (row.get(2)?, row.get(3)?, row.get(4)?);
            totals.score((row.get(0)?, row.get(1)?), score, max, n);
        }
    }
    for (from, until) in &plan.raw {
        let mut statement = connection.prepare_cached(sql::RAW_EVENTS)?;
        let mut rows = statement.query(params![from, until])?;
        while let Some(row) = rows.next()? {
            let event_type: String = row.get(0)?;
            let data: String = row.get(1)?;
            totals.event(
                &event_type,
                &serde_json::from_str(&data).unwrap_or_default(),
            );
        }
        let mut statement = connection.prepare_cached(sql::RAW_SESSIONS)?;
        let mut rows = statement.query(params![from, until])?;
        while let Some(row) = rows.next()? {
            totals.quiz((row.get(0)?, row.get(1)?), [0, 0, 0, row.get(2)?, 0]);
        }
    }
    Ok(totals.stats(period))
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

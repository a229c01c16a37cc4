//! The SQLite schema: versioned migrations applied on open, and the backfill of the rollups
//! for events stored before them.

use rusqlite::{Connection, Transaction};

use super::write::write_rollup;
use crate::rollup::BatchRollup;

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

/// Applies the migrations the database does not have yet, each in a transaction.
pub(super) fn migrate(connection: &mut Connection) -> rusqlite::Result<()> {
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

//! Writing events: batches in one transaction (group commit) with their rollups, and the
//! checkpoints that keep the write-ahead log small.

use chrono::{SecondsFormat, Utc};
use riskguard_core::events::Event;
use rusqlite::{params, Connection};

use super::{Inserted, Store};
use crate::rollup::{sql, BatchRollup, Param, Statement};
use crate::Error;

/// The writer checkpoints the write-ahead log once it is this large (see
/// `Store::checkpoint_when_large`).
const WAL_CHECKPOINT_BYTES: u64 = 32 * 1024 * 1024;

impl Store {
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

    /// When the write-ahead log has grown past [`WAL_CHECKPOINT_BYTES`], moves it into the
    /// database and has the next write start it again from the beginning (reusing the file;
    /// `journal_size_limit` trims anything past 32 MiB). SQLite's own checkpoints never rewind
    /// the log while readers keep coming (a dashboard polled without pause let it grow to
    /// gigabytes); this one waits for the readers of the moment, which are short, then starts
    /// the log afresh.
    fn checkpoint_when_large(&self, connection: &Connection) {
        let wal = std::fs::metadata(&self.wal_path).map_or(0, |m| m.len());
        if wal < WAL_CHECKPOINT_BYTES {
            return;
        }
        if let Err(error) = connection.query_row("PRAGMA wal_checkpoint(RESTART)", [], |_| Ok(())) {
            tracing::debug!(%error, "checkpoint postponed");
        }
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

/// Adds a batch's rollup rows, in the transaction that stores its events: sessions first
/// (their counts join the batch's), then every rollup row in key order.
pub(super) fn write_rollup(
    transaction: &Connection,
    mut rollup: BatchRollup,
) -> rusqlite::Result<()> {
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

//! The PostgreSQL event store, for collectors behind a load balancer sharing one database.
//!
//! The same tables and semantics as the SQLite [`Store`](crate::Store): events keyed by
//! (`source`, `id`) and stored once (`ON CONFLICT DO NOTHING`), a batch in one transaction with
//! its rollups (all or nothing; acknowledged = committed), and the same statistics. Rows of a
//! batch and its rollups are written in key order, so collectors racing retries of the same
//! batches wait for each other instead of deadlocking. Versioned migrations are applied at
//! start under an advisory lock, so several collectors may start at once.

use std::collections::{BTreeMap, HashSet};

use chrono::{SecondsFormat, Utc};
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod, Transaction};
use riskguard_core::events::Event;
use tokio_postgres::types::ToSql;
use tokio_postgres::NoTls;

use crate::period::Period;
use crate::rollup::{sql, BatchRollup, Param, Plan, SessionSeen, Statement, Totals};
use crate::stats::{Stats, READ_TIME_LIMIT};
use crate::{Error, Inserted, StoredEvent};

/// The schema's versions, applied in order; `riskguard_migrations` records those applied.
const MIGRATIONS: [&str; 2] = [
    "
CREATE TABLE events (
    source      TEXT NOT NULL,
    id          TEXT NOT NULL,
    type        TEXT NOT NULL,
    time        TEXT NOT NULL, -- RFC 3339, UTC, milliseconds: sorts as text
    data        TEXT NOT NULL, -- the event's data as JSON
    received_at TEXT NOT NULL,
    PRIMARY KEY (source, id)
);
CREATE INDEX events_type_time ON events (type, time);
CREATE TABLE health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL);
",
    "
CREATE TABLE warning_rollup (
    bucket TEXT NOT NULL, category TEXT NOT NULL, locale TEXT NOT NULL, exposure TEXT NOT NULL,
    shown BIGINT NOT NULL, cancelled BIGINT NOT NULL, proceeded BIGINT NOT NULL,
    blocked BIGINT NOT NULL,
    PRIMARY KEY (bucket, category, locale, exposure)
);
CREATE TABLE quiz_rollup (
    bucket TEXT NOT NULL, category TEXT NOT NULL, locale TEXT NOT NULL,
    started BIGINT NOT NULL, completions BIGINT NOT NULL, retries BIGINT NOT NULL,
    sessions BIGINT NOT NULL, passed BIGINT NOT NULL,
    PRIMARY KEY (bucket, category, locale)
);
CREATE TABLE quiz_score_rollup (
    bucket TEXT NOT NULL, category TEXT NOT NULL, locale TEXT NOT NULL,
    score BIGINT NOT NULL, max_score BIGINT NOT NULL, n BIGINT NOT NULL,
    PRIMARY KEY (bucket, category, locale, score, max_score)
);
CREATE TABLE quiz_sessions (
    session_id TEXT PRIMARY KEY, first_time TEXT NOT NULL,
    category TEXT NOT NULL, locale TEXT NOT NULL
);
CREATE INDEX quiz_sessions_first_time ON quiz_sessions (first_time);
",
];

/// Any number, the same in every collector: the advisory lock held while migrating.
const MIGRATION_LOCK: i64 = 0x7269_736b_6775_6172;

/// Connections in the pool of one collector.
const POOL_SIZE: usize = 16;

/// Statistics queries one collector runs at once; the rest of the pool is for ingest.
pub(crate) const READ_TURNS: usize = 4;

/// Inserts a batch (keys unique within it, in key order) and returns the keys inserted.
const INSERT_EVENTS: &str = "
    INSERT INTO events (source, id, type, time, data, received_at)
    SELECT s, i, t, tm, d, $6
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(s, i, t, tm, d)
    ORDER BY s, i
    ON CONFLICT (source, id) DO NOTHING
    RETURNING source, id";

/// Records the sessions of a batch (ids unique, in order) unless known; returns the new ones.
const INSERT_SESSIONS: &str = "
    INSERT INTO quiz_sessions (session_id, first_time, category, locale)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(i, t, c, l)
    ORDER BY i
    ON CONFLICT (session_id) DO NOTHING
    RETURNING session_id";

/// Known sessions' earliest completed attempts and groups, locked in id order.
const FIND_SESSIONS: &str = "
    SELECT session_id, first_time, category, locale FROM quiz_sessions
    WHERE session_id = ANY($1) ORDER BY session_id FOR UPDATE";

/// `sql::UPSERT_WARNING` over arrays, one element per row (see `upsert_all`).
const UPSERT_WARNINGS: &str = "
        INSERT INTO warning_rollup
            (bucket, category, locale, exposure, shown, cancelled, proceeded, blocked)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], \
            $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])
        ON CONFLICT (bucket, category, locale, exposure) DO UPDATE SET
            shown = warning_rollup.shown + excluded.shown,
            cancelled = warning_rollup.cancelled + excluded.cancelled,
            proceeded = warning_rollup.proceeded + excluded.proceeded,
            blocked = warning_rollup.blocked + excluded.blocked";

/// `sql::UPSERT_QUIZ` over arrays, one element per row.
const UPSERT_QUIZZES: &str = "
        INSERT INTO quiz_rollup
            (bucket, category, locale, started, completions, retries, sessions, passed)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], \
            $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])
        ON CONFLICT (bucket, category, locale) DO UPDATE SET
            started = quiz_rollup.started + excluded.started,
            completions = quiz_rollup.completions + excluded.completions,
            retries = quiz_rollup.retries + excluded.retries,
            sessions = quiz_rollup.sessions + excluded.sessions,
            passed = quiz_rollup.passed + excluded.passed";

/// `sql::UPSERT_SCORE` over arrays, one element per row.
const UPSERT_SCORES: &str = "
        INSERT INTO quiz_score_rollup (bucket, category, locale, score, max_score, n)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], \
            $5::bigint[], $6::bigint[])
        ON CONFLICT (bucket, category, locale, score, max_score) DO UPDATE SET
            n = quiz_score_rollup.n + excluded.n";

/// The stored versions of keys that were already there.
const STORED_VERSIONS: &str = "
    SELECT e.source, e.id, e.type, e.time, e.data
    FROM events e JOIN unnest($1::text[], $2::text[]) AS k(s, i) ON e.source = k.s AND e.id = k.i";

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

fn pool_error(error: impl std::fmt::Display) -> Error {
    Error::Postgres(error.to_string())
}

fn pg(error: tokio_postgres::Error) -> Error {
    Error::Postgres(error.to_string())
}

/// One event as the store writes it.
struct Row<'a> {
    event: &'a Event,
    time: String,
    value: serde_json::Value,
    data: String,
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

    async fn client(&self) -> Result<Object, Error> {
        self.pool.get().await.map_err(pool_error)
    }

    async fn migrate(&self) -> Result<(), Error> {
        let mut client = self.client().await?;
        let transaction = client.transaction().await.map_err(pg)?;
        transaction
            .execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await
            .map_err(pg)?;
        transaction
            .batch_execute(
                "CREATE TABLE IF NOT EXISTS riskguard_migrations (
                     version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
            )
            .await
            .map_err(pg)?;
        let done: i64 = transaction
            .query_one("SELECT count(*) FROM riskguard_migrations", &[])
            .await
            .map_err(pg)?
            .get(0);
        for (index, migration) in MIGRATIONS
            .iter()
            .enumerate()
            .skip(usize::try_from(done).unwrap_or(0))
        {
            transaction.batch_execute(migration).await.map_err(pg)?;
            let version = i32::try_from(index + 1).unwrap_or(i32::MAX);
            transaction
                .execute(
                    "INSERT INTO riskguard_migrations (version, applied_at) VALUES ($1, $2)",
                    &[&version, &now()],
                )
                .await
                .map_err(pg)?;
        }
        transaction.commit().await.map_err(pg)
    }

    /// Stores `events` in one transaction: either every new event is written or none is; as
    /// [`Store::insert_all`](crate::Store::insert_all).
    ///
    /// # Errors
    ///
    /// When PostgreSQL fails; then nothing of `events` is stored.
    pub async fn insert_all(&self, events: &[Event]) -> Result<Inserted, Error> {
        let mut inserted = Inserted::default();
        // The first of each (source, id) in the batch, in key order; later ones are duplicates.
        let mut batch: BTreeMap<(&str, &str), Row<'_>> = BTreeMap::new();
        let mut repeats = Vec::new();
        for event in events {
            let value = event.data.to_value();
            let row = Row {
                event,
                time: event.time.to_rfc3339_opts(SecondsFormat::Millis, true),
                data: value.to_string(),
                value,
            };
            match batch.entry((event.source.as_str(), event.id.as_str())) {
                std::collections::btree_map::Entry::Vacant(slot) => {
                    slot.insert(row);
                }
                std::collections::btree_map::Entry::Occupied(first) => {
                    repeats.push((row, first.get().time.clone(), first.get().data.clone()));
                }
            }
        }
        let (mut sources, mut ids, mut types, mut times, mut data) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for row in batch.values() {
            sources.push(row.event.source.as_str());
            ids.push(row.event.id.as_str());
            types.push(row.event.event_type());
            times.push(row.time.as_str());
            data.push(row.data.as_str());
        }

        let mut client = self.client().await?;
        let transaction = client.transaction().await.map_err(pg)?;
        let statement = transaction
            .prepare_cached(INSERT_EVENTS)
            .await
            .map_err(pg)?;
        let written: HashSet<(String, String)> = transaction
            .query(&statement, &[&sources, &ids, &types, &times, &data, &now()])
            .await
            .map_err(pg)?
            .into_iter()
            .map(|row| (row.get(0), row.get(1)))
            .collect();
        let mut rollup = BatchRollup::default();
        let mut known = (Vec::new(), Vec::new());
        for ((source, id), row) in &batch {
            if written.contains(&((*source).to_owned(), (*id).to_owned())) {
                inserted.stored += 1;
                rollup.add(row.event.event_type(), &row.time, &row.value);
            } else {
                known.0.push(*source);
                known.1.push(*id);
            }
        }
        if !known.0.is_empty() {
            let statement = transaction
                .prepare_cached(STORED_VERSIONS)
                .await
                .map_err(pg)?;
            for stored in transaction
                .query(&statement, &[&known.0, &known.1])
                .await
                .map_err(pg)?
            {
                let key: (String, String) = (stored.get(0), stored.get(1));
                let Some(row) = batch.get(&(key.0.as_str(), key.1.as_str())) else {
                    continue;
                };
                inserted.duplicates += 1;
                let same = stored.get::<_, &str>(2) == row.event.event_type()
                    && stored.get::<_, &str>(3) == row.time
                    && stored.get::<_, &str>(4) == row.data;
                if !same {
                    inserted.conflicts.push(key.1);
                }
            }
        }
        for (row, first_time, first_data) in repeats {
            inserted.duplicates += 1;
            if row.time != first_time || row.data != first_data {
                inserted.conflicts.push(row.event.id.clone());
            }
        }
        write_rollup(&transaction, rollup).await?;
        transaction.commit().await.map_err(pg)?;
        Ok(inserted)
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

    /// The statistics of `period`, from the rollups and the raw events of partial hours, in
    /// one read-only snapshot with a server-side time limit.
    ///
    /// # Errors
    ///
    /// When PostgreSQL fails or the time limit passes.
    pub async fn stats(&self, period: &Period) -> Result<Stats, Error> {
        let plan = Plan::new(period);
        let mut client = self.client().await?;
        let transaction = client
            .build_transaction()
            .read_only(true)
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .start()
            .await
            .map_err(pg)?;
        transaction
            .batch_execute(&format!(
                "SET LOCAL statement_timeout = {}",
                READ_TIME_LIMIT.as_millis()
            ))
            .await
            .map_err(pg)?;
        let mut totals = Totals::default();
        for (from, until) in &plan.buckets {
            let range: [&(dyn ToSql + Sync); 2] = [from, until];
            for row in query(&transaction, sql::WARNING_BUCKETS, &range).await? {
                totals.warning(
                    (row.get(0), row.get(1), row.get(2)),
                    [row.get(3), row.get(4), row.get(5), row.get(6)],
                );
            }
            for row in query(&transaction, sql::QUIZ_BUCKETS, &range).await? {
                totals.quiz(
                    (row.get(0), row.get(1)),
                    [row.get(2), row.get(3), row.get(4), row.get(5), row.get(6)],
                );
            }
            for row in query(&transaction, sql::SCORE_BUCKETS, &range).await? {
                totals.score((row.get(0), row.get(1)), row.get(2), row.get(3), row.get(4));
            }
        }
        for (from, until) in &plan.raw {
            let window: [&(dyn ToSql + Sync); 2] = [from, until];
            for row in query(&transaction, sql::RAW_EVENTS, &window).await? {
                let data: &str = row.get(1);
                totals.event(row.get(0), &serde_json::from_str(data).unwrap_or_default());
            }
            for row in query(&transaction, sql::RAW_SESSIONS, &window).await? {
                totals.quiz((row.get(0), row.get(1)), [0, 0, 0, row.get(2), 0]);
            }
        }
        transaction.commit().await.map_err(pg)?;
        Ok(totals.stats(period))
    }
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

async fn query(
    transaction: &Transaction<'_>,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Vec<tokio_postgres::Row>, Error> {
    let statement = transaction.prepare_cached(sql).await.map_err(pg)?;
    transaction.query(&statement, params).await.map_err(pg)
}

/// Runs a rollup statement; returns the rows it changed.
async fn execute(transaction: &Transaction<'_>, (sql, params): &Statement) -> Result<u64, Error> {
    let values: Vec<Box<dyn ToSql + Sync + Send>> = params
        .iter()
        .map(|param| -> Box<dyn ToSql + Sync + Send> {
            match param {
                Param::Text(text) => Box::new(text.clone()),
                Param::Int(n) => Box::new(*n),
            }
        })
        .collect();
    let refs: Vec<&(dyn ToSql + Sync)> = values
        .iter()
        .map(|value| value.as_ref() as &(dyn ToSql + Sync))
        .collect();
    let statement = transaction.prepare_cached(sql).await.map_err(pg)?;
    transaction.execute(&statement, &refs).await.map_err(pg)
}

/// Adds a batch's rollup rows, in the transaction that stores its events: sessions first (new
/// ones inserted at once, known ones locked in id order), then every rollup row in key order.
async fn write_rollup(transaction: &Transaction<'_>, mut rollup: BatchRollup) -> Result<(), Error> {
    // The earliest completed attempt of each session in the batch, in id order.
    let mut earliest: BTreeMap<String, SessionSeen> = BTreeMap::new();
    for seen in std::mem::take(&mut rollup.sessions) {
        match earliest.get(&seen.session_id) {
            Some(known) if known.time <= seen.time => {}
            _ => {
                earliest.insert(seen.session_id.clone(), seen);
            }
        }
    }
    if !earliest.is_empty() {
        let column =
            |pick: fn(&SessionSeen) -> &str| -> Vec<&str> { earliest.values().map(pick).collect() };
        let (ids, times) = (column(|s| &s.session_id), column(|s| &s.time));
        let (categories, locales) = (column(|s| &s.key.0), column(|s| &s.key.1));
        let statement = transaction
            .prepare_cached(INSERT_SESSIONS)
            .await
            .map_err(pg)?;
        let new: HashSet<String> = transaction
            .query(&statement, &[&ids, &times, &categories, &locales])
            .await
            .map_err(pg)?
            .into_iter()
            .map(|row| row.get(0))
            .collect();
        let known: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|id| !new.contains(*id))
            .collect();
        for seen in earliest
            .values()
            .filter(|seen| new.contains(&seen.session_id))
        {
            rollup.count_session(&seen.time, &seen.key, 1);
        }
        if !known.is_empty() {
            let statement = transaction
                .prepare_cached(FIND_SESSIONS)
                .await
                .map_err(pg)?;
            for row in transaction.query(&statement, &[&known]).await.map_err(pg)? {
                let (id, first): (String, String) = (row.get(0), row.get(1));
                let Some(seen) = earliest.get(&id) else {
                    continue;
                };
                if let Some(moved) = seen.earlier(&first) {
                    execute(transaction, &moved).await?;
                    rollup.count_session(&first, &(row.get(2), row.get(3)), -1);
                    rollup.count_session(&seen.time, &seen.key, 1);
                }
            }
        }
    }
    upsert_all(transaction, &rollup).await
}

/// Runs the rows of each rollup table as one upsert over arrays (`unnest`): a round trip per
/// table instead of one per row. Tables and their rows in key order, as `BatchRollup::upserts`.
async fn upsert_all(transaction: &Transaction<'_>, rollup: &BatchRollup) -> Result<(), Error> {
    let warnings = rollup.warnings.iter().map(|((bucket, (c, l, e)), row)| {
        ([bucket.as_str(), c.as_str(), l.as_str(), e.as_str()], *row)
    });
    upsert_rows(transaction, UPSERT_WARNINGS, warnings).await?;
    let quizzes = rollup
        .quizzes
        .iter()
        .map(|((bucket, (c, l)), row)| ([bucket.as_str(), c.as_str(), l.as_str()], *row));
    upsert_rows(transaction, UPSERT_QUIZZES, quizzes).await?;
    let scores = rollup
        .scores
        .iter()
        .map(|((bucket, (c, l), score, max), n)| {
            (
                [bucket.as_str(), c.as_str(), l.as_str()],
                [*score, *max, *n],
            )
        });
    upsert_rows(transaction, UPSERT_SCORES, scores).await
}

/// Runs `sql` once over `rows` (`T` text columns, then `N` counts) passed as column arrays;
/// nothing when there are no rows.
async fn upsert_rows<'a, const T: usize, const N: usize>(
    transaction: &Transaction<'_>,
    sql: &str,
    rows: impl Iterator<Item = ([&'a str; T], [i64; N])>,
) -> Result<(), Error> {
    let mut texts: [Vec<&str>; T] = std::array::from_fn(|_| Vec::new());
    let mut counts: [Vec<i64>; N] = std::array::from_fn(|_| Vec::new());
    for (text, count) in rows {
        for (column, value) in texts.iter_mut().zip(text) {
            column.push(value);
        }
        for (column, value) in counts.iter_mut().zip(count) {
            column.push(value);
        }
    }
    if texts.iter().all(Vec::is_empty) {
        return Ok(());
    }
    let params: Vec<&(dyn ToSql + Sync)> = texts
        .iter()
        .map(|column| column as &(dyn ToSql + Sync))
        .chain(counts.iter().map(|column| column as &(dyn ToSql + Sync)))
        .collect();
    let statement = transaction.prepare_cached(sql).await.map_err(pg)?;
    transaction.execute(&statement, &params).await.map_err(pg)?;
    Ok(())
}

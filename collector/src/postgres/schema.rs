//! The PostgreSQL schema: versioned migrations, applied at start under an advisory lock.

use super::{now, pg, PgStore};
use crate::Error;

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

impl PgStore {
    /// Applies the migrations the database lacks, one collector at a time.
    pub(super) async fn migrate(&self) -> Result<(), Error> {
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
}

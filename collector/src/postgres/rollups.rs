//! Writing a batch's rollups: its quiz sessions, then every rollup table as one upsert over
//! arrays, all in the transaction that stores the batch's events.

use std::collections::{BTreeMap, HashSet};

use deadpool_postgres::Transaction;
use tokio_postgres::types::ToSql;

use super::pg;
use crate::rollup::{BatchRollup, Param, SessionSeen, Statement};
use crate::Error;

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
pub(super) async fn write_rollup(
    transaction: &Transaction<'_>,
    mut rollup: BatchRollup,
) -> Result<(), Error> {
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

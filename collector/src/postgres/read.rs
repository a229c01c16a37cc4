//! Reading statistics: the rollups and raw events a period needs, in one read-only snapshot.

use deadpool_postgres::Transaction;
use tokio_postgres::types::ToSql;

use super::{pg, PgStore};
use crate::period::Period;
use crate::rollup::{sql, Plan, Totals};
use crate::stats::{Stats, READ_TIME_LIMIT};
use crate::Error;

impl PgStore {
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

async fn query(
    transaction: &Transaction<'_>,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Vec<tokio_postgres::Row>, Error> {
    let statement = transaction.prepare_cached(sql).await.map_err(pg)?;
    transaction.query(&statement, params).await.map_err(pg)
}

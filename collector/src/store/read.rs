//! Reading statistics, through the store's read-only connection.

use rusqlite::{params, Connection};

use super::Store;
use crate::period::Period;
use crate::rollup::{sql, Plan, Totals};
use crate::stats::Stats;
use crate::Error;

impl Store {
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

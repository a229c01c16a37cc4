//! Storing a batch of events: the new ones inserted in key order with one statement, the
//! others counted as duplicates (and as conflicts where they differ from what is stored),
//! the rollups written in the same transaction.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashSet};

use chrono::SecondsFormat;
use deadpool_postgres::Transaction;
use riskguard_core::events::Event;

use super::rollups::write_rollup;
use super::{now, pg, PgStore};
use crate::rollup::BatchRollup;
use crate::{Error, Inserted};

/// Inserts a batch (keys unique within it, in key order) and returns the keys inserted.
const INSERT_EVENTS: &str = "
    INSERT INTO events (source, id, type, time, data, received_at)
    SELECT s, i, t, tm, d, $6
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(s, i, t, tm, d)
    ORDER BY s, i
    ON CONFLICT (source, id) DO NOTHING
    RETURNING source, id";

/// The stored versions of keys that were already there.
const STORED_VERSIONS: &str = "
    SELECT e.source, e.id, e.type, e.time, e.data
    FROM events e JOIN unnest($1::text[], $2::text[]) AS k(s, i) ON e.source = k.s AND e.id = k.i";

/// One event as the store writes it.
struct Row<'a> {
    event: &'a Event,
    time: String,
    value: serde_json::Value,
    data: String,
}

impl<'a> Row<'a> {
    fn new(event: &'a Event) -> Self {
        let value = event.data.to_value();
        Row {
            event,
            time: event.time.to_rfc3339_opts(SecondsFormat::Millis, true),
            data: value.to_string(),
            value,
        }
    }
}

/// The first event of each (`source`, `id`) of a batch, in key order.
type Firsts<'a> = BTreeMap<(&'a str, &'a str), Row<'a>>;

/// A later event of a batch under a key seen before in it, with the first one's time and data.
type Repeat<'a> = (Row<'a>, String, String);

/// Source and id columns of keys already stored.
type Known<'a> = (Vec<&'a str>, Vec<&'a str>);

impl PgStore {
    /// Stores `events` in one transaction: either every new event is written or none is; as
    /// [`Store::insert_all`](crate::Store::insert_all).
    ///
    /// # Errors
    ///
    /// When PostgreSQL fails; then nothing of `events` is stored.
    pub async fn insert_all(&self, events: &[Event]) -> Result<Inserted, Error> {
        let mut inserted = Inserted::default();
        // The first of each (source, id) in the batch, in key order; later ones are duplicates.
        let (batch, repeats) = rows(events);
        let mut client = self.client().await?;
        let transaction = client.transaction().await.map_err(pg)?;
        let written = insert_new(&transaction, &batch).await?;
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
        compare_stored(&transaction, &batch, &known, &mut inserted).await?;
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
}

/// The rows of `events`: the first of each key, in key order, and the repeats.
fn rows(events: &[Event]) -> (Firsts<'_>, Vec<Repeat<'_>>) {
    let mut batch = Firsts::new();
    let mut repeats = Vec::new();
    for event in events {
        let row = Row::new(event);
        match batch.entry((event.source.as_str(), event.id.as_str())) {
            Entry::Vacant(slot) => {
                slot.insert(row);
            }
            Entry::Occupied(first) => {
                repeats.push((row, first.get().time.clone(), first.get().data.clone()));
            }
        }
    }
    (batch, repeats)
}

/// Inserts the rows of `batch` whose key is not stored yet; returns those keys.
async fn insert_new(
    transaction: &Transaction<'_>,
    batch: &Firsts<'_>,
) -> Result<HashSet<(String, String)>, Error> {
    let (mut sources, mut ids, mut types, mut times, mut data) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for row in batch.values() {
        sources.push(row.event.source.as_str());
        ids.push(row.event.id.as_str());
        types.push(row.event.event_type());
        times.push(row.time.as_str());
        data.push(row.data.as_str());
    }
    let statement = transaction
        .prepare_cached(INSERT_EVENTS)
        .await
        .map_err(pg)?;
    Ok(transaction
        .query(&statement, &[&sources, &ids, &types, &times, &data, &now()])
        .await
        .map_err(pg)?
        .into_iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect())
}

/// Counts the rows of `batch` whose key was `known` (already stored) as duplicates, and as
/// conflicts those whose type, time or data differ from the stored version.
async fn compare_stored(
    transaction: &Transaction<'_>,
    batch: &Firsts<'_>,
    known: &Known<'_>,
    inserted: &mut Inserted,
) -> Result<(), Error> {
    if known.0.is_empty() {
        return Ok(());
    }
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
    Ok(())
}

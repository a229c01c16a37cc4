//! The outbox's records in localStorage: one key per event, so that tabs never overwrite each
//! other's records, and a tab deletes only the records whose fate it settled.

use std::collections::{HashMap, HashSet};

use riskguard_core::events::outbox::Record;

use crate::web::stored::local_storage;

/// Prefix of each record's key; the event's id follows: `riskguard.outbox.v2.<id>`. The value
/// is the CloudEvent's JSON text, sent as stored.
pub const KEY_PREFIX: &str = "riskguard.outbox.v2.";
/// The earlier format: one key holding a JSON array of CloudEvents. Migrated at mount.
pub const LEGACY_KEY: &str = "riskguard.outbox.v1";

/// The key of the record with `id`.
pub fn key(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

/// Writes `record`; on failure, the name of the browser's error (for example
/// `QuotaExceededError`), never the record.
pub fn write(record: &Record) -> Result<(), String> {
    let storage = local_storage().ok_or("localStorage is not available")?;
    storage
        .set_item(&key(record.id()), record.body())
        .map_err(|e| {
            js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_else(|| "error".to_owned())
        })
}

/// Deletes the record with `id` (nothing happens when it is not there).
pub fn remove(id: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&key(id));
    }
}

/// What storage holds.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The records that could be read.
    pub records: Vec<Record>,
    /// Whether every key could be read (records missing from an incomplete snapshot prove
    /// nothing).
    pub complete: bool,
    /// Entries under the prefix that were not records; they were deleted.
    pub unreadable: usize,
}

/// The records this tab has read or written, by key. A key's value never changes (the key is
/// the event's id, the value that event's JSON), so a record is read once: later reads list the
/// keys, read only the new ones and forget those gone. What the machine gets is the same as
/// reading everything again.
#[derive(Debug, Default)]
pub struct Reader {
    known: HashMap<String, Record>,
}

impl Reader {
    /// `record` was written under its key.
    pub fn remember(&mut self, record: &Record) {
        self.known.insert(key(record.id()), record.clone());
    }

    /// The record with `id` was deleted.
    pub fn forget(&mut self, id: &str) {
        self.known.remove(&key(id));
    }

    /// What storage holds. Entries under the prefix that are not a CloudEvent with the key's
    /// id cannot ever be sent: they are deleted and counted.
    pub fn read(&mut self) -> Snapshot {
        let Some(storage) = local_storage() else {
            return Snapshot::default();
        };
        let Ok(length) = storage.length() else {
            return Snapshot::default();
        };
        let mut snapshot = Snapshot {
            complete: true,
            ..Snapshot::default()
        };
        let mut keys = HashSet::new();
        for index in 0..length {
            match storage.key(index) {
                Ok(Some(key)) if key.starts_with(KEY_PREFIX) => {
                    keys.insert(key);
                }
                Ok(_) => {}
                Err(_) => snapshot.complete = false,
            }
        }
        if snapshot.complete {
            self.known.retain(|key, _| keys.contains(key));
        }
        for key in keys {
            if let Some(record) = self.known.get(&key) {
                snapshot.records.push(record.clone());
                continue;
            }
            let Ok(text) = storage.get_item(&key) else {
                snapshot.complete = false;
                continue;
            };
            let Some(text) = text else { continue };
            match Record::from_json(&text) {
                Ok(record) if key[KEY_PREFIX.len()..] == *record.id() => {
                    self.known.insert(key, record.clone());
                    snapshot.records.push(record);
                }
                _ => {
                    let _ = storage.remove_item(&key);
                    snapshot.unreadable += 1;
                }
            }
        }
        snapshot
    }
}

/// The records under the old single key, or `None` when there is no such key. Elements that
/// are not events are skipped.
pub fn read_legacy() -> Option<Vec<Record>> {
    let text = local_storage()?.get_item(LEGACY_KEY).ok().flatten()?;
    let values: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap_or_default();
    Some(
        values
            .iter()
            .filter_map(|v| Record::from_value(v).ok())
            .collect(),
    )
}

/// Deletes the old single key once its records are safe under their own keys.
pub fn remove_legacy() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(LEGACY_KEY);
    }
}

//! The SQLite store on its own.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use common::warning_shown;
use riskguard_collector::{Inserted, Store};

fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("store-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap()
}

#[test]
fn stores_once_per_source_and_id() {
    let dir = temp_dir();
    let store = Store::open(dir.path().join("nested/dir/events.sqlite3")).unwrap();
    let first = store
        .insert_all(&[warning_shown("a"), warning_shown("b"), warning_shown("a")])
        .unwrap();
    assert_eq!(
        first,
        Inserted {
            stored: 2,
            duplicates: 1,
            conflicts: Vec::new(),
        }
    );
    let again = store.insert_all(&[warning_shown("b")]).unwrap();
    assert_eq!(
        again,
        Inserted {
            stored: 0,
            duplicates: 1,
            conflicts: Vec::new(),
        }
    );
    assert_eq!(store.count().unwrap(), 2);

    let row = store.get("https://pay.example", "a").unwrap().unwrap();
    assert_eq!(row.event_type, "riskguard.warning.shown");
    assert_eq!(row.time, "2025-01-02T03:04:05.000Z");
    assert!(store.get("https://pay.example", "zzz").unwrap().is_none());
    store.ready(0).unwrap();
}

#[test]
fn reopening_keeps_the_events_and_uses_wal() {
    let dir = temp_dir();
    let path = dir.path().join("events.sqlite3");
    Store::open(&path)
        .unwrap()
        .insert_all(&[warning_shown("a")])
        .unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.count().unwrap(), 1);
    assert_eq!(store.path(), path);
    let mode: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn open_reports_the_path_when_it_fails() {
    let dir = temp_dir();
    // A directory cannot be opened as a database file.
    let error = Store::open(dir.path()).unwrap_err().to_string();
    assert!(error.contains("cannot open the database"), "{error}");
    assert!(error.contains(&dir.path().display().to_string()), "{error}");
}

#[test]
fn a_database_from_before_the_rollups_gets_them_filled_on_open() {
    let dir = temp_dir();
    let path = dir.path().join("events.sqlite3");
    let end = chrono::Utc::now();
    let events = riskguard_collector::synthetic::events(7, 300, end);
    let period = riskguard_collector::Period::default();
    let before = {
        let store = Store::open(&path).unwrap();
        store.insert_all(&events).unwrap();
        store.stats(&period).unwrap()
    };
    // Take the database back to schema version 1: events only.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "DROP TABLE warning_rollup; DROP TABLE quiz_rollup; DROP TABLE quiz_score_rollup;
             DROP TABLE quiz_sessions; PRAGMA user_version = 1;",
        )
        .unwrap();
    let after = Store::open(&path).unwrap().stats(&period).unwrap();
    assert!(!after.is_empty());
    assert_eq!(after.warnings, before.warnings);
    assert_eq!(after.quiz, before.quiz);
}

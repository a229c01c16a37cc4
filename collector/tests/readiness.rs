//! `/healthz` and `/readyz` as a load balancer sees them, on a healthy store, a read-only
//! database and a full disk. The last two run the collector binary in a mount namespace of its
//! own (`unshare`, no privileges needed) with its database on a small tmpfs.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use std::path::Path;
use std::process::Command;

use common::process::{collector_args, temp_dir, Running, BIN};
use common::{batch, warning_shown, Collector};
use reqwest::StatusCode;
use riskguard_collector::Store;
use riskguard_core::events::BATCH_CONTENT_TYPE;
use serde_json::Value;

/// Mounts a tmpfs of `$1` on `$2`; copies `$3` there as the database and remounts it read-only
/// when `$3` is not empty; then runs the collector (`$4` and the rest).
const IN_NAMESPACE: &str = r#"set -e
mount -t tmpfs -o size="$1" tmpfs "$2"
if [ -n "$3" ]; then
  cp "$3" "$2/events.sqlite3"
  mount -o remount,ro "$2"
fi
shift 3
exec "$@""#;

/// The collector on a tmpfs of `size` in its own mount namespace.
fn on_tmpfs(size: &str, database: Option<&Path>, extra: &[&str]) -> Running {
    let dir = temp_dir();
    let mount_point = dir.path().join("disk");
    std::fs::create_dir_all(&mount_point).unwrap();
    let mut command = Command::new("unshare");
    command
        .args(["--user", "--map-root-user", "--mount", "sh", "-c"])
        .arg(IN_NAMESPACE)
        .arg("sh")
        .arg(size)
        .arg(&mount_point)
        .arg(
            database
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        )
        .arg(BIN)
        .args(collector_args(
            &mount_point.join("events.sqlite3"),
            &mount_point,
        ))
        .args(extra);
    Running::spawn(command, dir)
}

async fn get(client: &reqwest::Client, base: &str, path: &str) -> (StatusCode, Value) {
    let response = client.get(format!("{base}{path}")).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn a_healthy_collector_is_live_and_ready() {
    let collector = Collector::start().await;
    let (status, body) = get(&collector.client, &collector.base, "/healthz").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("ok"))
    );
    let (status, body) = get(&collector.client, &collector.base, "/readyz").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("ready"))
    );
}

#[tokio::test]
async fn a_database_named_without_a_directory_is_ready() {
    // `--db events.sqlite3`: the database sits in the working directory, and its free disk
    // space is read there.
    let dir = temp_dir();
    let mut command = Command::new(BIN);
    command
        .current_dir(dir.path())
        .args(collector_args(Path::new("events.sqlite3"), dir.path()));
    let running = Running::spawn(command, dir);
    let client = reqwest::Client::new();
    let (status, body) = get(&client, &running.base, "/readyz").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("ready")),
        "{body}"
    );
}

#[tokio::test]
async fn too_little_free_disk_is_not_ready() {
    let collector = Collector::start_with(|config| config.min_free_bytes = u64::MAX).await;
    let (status, body) = get(&collector.client, &collector.base, "/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        body["error"].as_str().unwrap().contains("bytes free"),
        "{body}"
    );
}

#[tokio::test]
async fn a_read_only_database_is_live_but_not_ready() {
    // A database made by the collector, in rollback-journal mode so that it opens on a
    // read-only file system.
    let source = temp_dir();
    let db = source.path().join("events.sqlite3");
    Store::open(&db)
        .unwrap()
        .insert_all(&[warning_shown("a")])
        .unwrap();
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();

    let running = on_tmpfs("4m", Some(&db), &["--min-free-disk-mb", "0"]);
    let client = reqwest::Client::new();
    let (status, _) = get(&client, &running.base, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = get(&client, &running.base, "/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("cannot be written"),
        "{body}"
    );
    let post = client
        .post(format!("{}/v1/events", running.base))
        .header("content-type", BATCH_CONTENT_TYPE)
        .body(batch(&[warning_shown("b")]).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn a_full_disk_is_live_but_not_ready() {
    let running = on_tmpfs("2m", None, &["--min-free-disk-mb", "1"]);
    let client = reqwest::Client::new();
    let (status, _) = get(&client, &running.base, "/readyz").await;
    assert_eq!(status, StatusCode::OK, "ready before the disk fills");
    // Fill the disk with events until the collector refuses them.
    let mut refused = false;
    for round in 0..200 {
        let events: Vec<_> = (0..200)
            .map(|i| warning_shown(&format!("fill-{round}-{i}")))
            .collect();
        let post = client
            .post(format!("{}/v1/events", running.base))
            .header("content-type", BATCH_CONTENT_TYPE)
            .body(batch(&events).to_string())
            .send()
            .await
            .unwrap();
        if post.status() == StatusCode::SERVICE_UNAVAILABLE {
            refused = true;
            break;
        }
        assert_eq!(post.status(), StatusCode::OK);
    }
    assert!(refused, "2 MiB never filled up");
    let (status, _) = get(&client, &running.base, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = get(&client, &running.base, "/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
}

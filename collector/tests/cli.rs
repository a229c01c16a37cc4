//! The `riskguard-collector` binary: flags checked at startup with clear messages, and JSON log
//! lines with request ids that never hold tokens or event data.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use std::process::{Command, Stdio};

use common::process::{temp_dir, Running, BIN};
use common::warning_shown;
use riskguard_core::events::{EventData, SINGLE_CONTENT_TYPE};
use serde_json::Value;

/// Runs the binary with `args` and expects it to refuse to start; returns its stderr.
fn refused(args: &[&str]) -> String {
    let dir = temp_dir();
    let output = Command::new(BIN)
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("events.sqlite3"))
        .args(args)
        .env_remove("RISKGUARD_TOKEN")
        .env_remove("RISKGUARD_ALLOW_ORIGINS")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(!output.status.success(), "{args:?} started");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn bad_flags_are_refused_with_a_clear_message() {
    let error = refused(&["--allow-origin", "https://pay.example/checkout"]);
    assert!(
        error.contains("did you mean `https://pay.example`"),
        "{error}"
    );
    let error = refused(&["--allow-origin", "*"]);
    assert!(error.contains("list each origin"), "{error}");
    let error = refused(&["--token", "has space"]);
    assert!(error.contains("no spaces"), "{error}");
    let error = refused(&["--fail-rate", "1.5"]);
    assert!(error.contains("from 0 to 1"), "{error}");
    let error = refused(&["--fault-seed", "7"]);
    assert!(
        error.contains("--fault-seed needs --fail-rate or --latency-ms"),
        "{error}"
    );
    let error = refused(&["--database-url", "mysql://db.internal/riskguard"]);
    assert!(error.contains("must start with postgres://"), "{error}");
    let error = refused(&["--database-url", "postgres://nobody@127.0.0.1:1/none"]);
    assert!(error.contains("PostgreSQL error"), "{error}");
    let error = refused(&["--log-format", "xml"]);
    assert!(error.contains("json"), "{error}");
}

#[tokio::test]
async fn json_logs_have_request_ids_and_no_secrets_or_event_data() {
    const TOKEN: &str = "S3CRET-token-value";
    let collector = Running::start(&["--token", TOKEN, "--allow-origin", "https://pay.example"]);
    let client = reqwest::Client::new();
    let mut event = warning_shown("log-1");
    if let EventData::WarningShown(data) = &mut event.data {
        data.rules_version = "MARKER-rules-zz".to_owned();
    }
    let mut request_ids = Vec::new();
    for authorization in [
        format!("Bearer {TOKEN}"),
        "Bearer WRONG-token-value".to_owned(),
    ] {
        let response = client
            .post(format!("{}/v1/events?token=QUERY-secret", collector.base))
            .header("content-type", SINGLE_CONTENT_TYPE)
            .header("authorization", authorization)
            .body(event.to_json().to_string())
            .send()
            .await
            .unwrap();
        request_ids.push(
            response.headers()["x-request-id"]
                .to_str()
                .unwrap()
                .to_owned(),
        );
    }
    let stats = client
        .get(format!("{}/v1/stats", collector.base))
        .send()
        .await
        .unwrap();
    assert_eq!(stats.status(), 200);
    request_ids.push(stats.headers()["x-request-id"].to_str().unwrap().to_owned());

    let (text, lines) = collector.logs();
    for secret in [
        TOKEN,
        "WRONG-token",
        "MARKER-rules",
        "QUERY-secret",
        "log-1",
    ] {
        assert!(!text.contains(secret), "`{secret}` in the logs:\n{text}");
    }
    let started = lines
        .iter()
        .find(|l| l["message"] == "collector started")
        .expect("a start line");
    assert_eq!(started["token_required"], true);
    for (id, message, status) in [
        (&request_ids[0], "events accepted", 200),
        (&request_ids[1], "request rejected", 401),
        (&request_ids[2], "request", 200),
    ] {
        let line = lines
            .iter()
            .find(|l| l["span"]["request_id"] == id.as_str())
            .unwrap_or_else(|| panic!("no line for {id}:\n{text}"));
        assert_eq!(line["message"], message);
        assert_eq!(line["status"], status);
        assert!(line["latency_ms"].is_u64());
        assert!(line["path"].as_str().unwrap().starts_with("/v1/"));
    }
}

#[tokio::test]
async fn fault_mode_from_the_command_line_logs_each_fault() {
    let collector = Running::start(&[
        "--fail-rate",
        "1",
        "--fault-seed",
        "7",
        "--latency-ms",
        "10",
    ]);
    let client = reqwest::Client::new();
    for i in 0..6 {
        let response = client
            .post(format!("{}/v1/events", collector.base))
            .header("content-type", SINGLE_CONTENT_TYPE)
            .body(warning_shown(&format!("f-{i}")).to_json().to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 503);
    }
    let (text, lines) = collector.logs();
    let faults: Vec<&Value> = lines
        .iter()
        .filter(|l| l["message"] == "fault injected")
        .collect();
    assert_eq!(faults.len(), 6, "{text}");
    assert!(faults.iter().all(|l| ["refused", "lost_ack", "stalled"]
        .contains(&l["kind"].as_str().unwrap_or_default())
        && l["span"]["request_id"].is_string()));
    let start = lines
        .iter()
        .find(|l| l["seed"] == 7)
        .expect("the fault seed is logged");
    assert_eq!(start["fail_rate"], 1.0);
}

//! The `riskguard` binary end to end: `assess` keeps going past a bad line and says so in its
//! exit code; `eval` prints the backtest; a broken rules file is refused with its position.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn riskguard(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_riskguard"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("riskguard starts");
    let written = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    // A command that refuses its arguments (a broken rules file) exits without reading stdin.
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("riskguard ends")
}

const GOOD: &str = r#"{"id": "a", "amount_minor": 500000, "currency": "CNY", "memo": "USDT承兑", "payee": {"is_new": true, "flags": []}, "initiated_at": "2026-11-21T23:05:00+08:00"}"#;
const BENIGN: &str = r#"{"id": "b", "amount_minor": 500000, "currency": "CNY", "memo": "房租 11月", "payee": {"is_new": true}, "initiated_at": "2026-11-21T14:00:00+08:00"}"#;
const BAD: &str = r#"{"id": "c", "amount_minor": 1, "currency": "CNY", "payee": {"is_new": "yes"}, "initiated_at": "2026-11-21T14:00:00+08:00"}"#;

#[test]
fn assess_writes_one_line_per_input_and_reports_bad_lines() {
    let input = format!("{GOOD}\n\n{BAD}\nnot json\n{BENIGN}\n");
    let out = riskguard(&["assess"], &input);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a bad line makes the exit code 1"
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!(lines[0]["id"], "a");
    assert!(["medium", "high"].contains(&lines[0]["level"].as_str().unwrap_or("")));
    assert_eq!(lines[0]["category"], "otc_trading");
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[1]["id"], "c");
    assert!(lines[1]["error"]
        .as_str()
        .unwrap_or("")
        .contains("payee.is_new"));
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[3]["id"], "b");
    assert!(["none", "low"].contains(&lines[3]["level"].as_str().unwrap_or("")));
}

#[test]
fn assess_exits_0_when_every_line_is_fine() {
    let out = riskguard(&["assess"], &format!("{GOOD}\n{BENIGN}\n"));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_broken_rules_file_is_refused_with_its_position() {
    let dir = std::env::temp_dir().join(format!("riskguard-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("broken.json");
    std::fs::write(
        &path,
        "{\n  \"version\": \"x\",\n  \"keywords\": [\n    {\"id\": 1}\n  ]\n}\n",
    )
    .expect("write");
    let out = riskguard(
        &["assess", "--rules", path.to_str().expect("utf-8 path")],
        GOOD,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(stderr.contains("line 4"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn eval_prints_the_backtest() {
    let out = riskguard(&["eval", "--cases", "tests/corpus/cases.jsonl"], "");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    for needle in [
        "recall",
        "false-positive rate",
        "blocked accuracy",
        "CONFUSION",
        "MISCLASSIFIED",
    ] {
        assert!(stdout.contains(needle), "{needle} missing in\n{stdout}");
    }
    let out = riskguard(
        &[
            "eval",
            "--cases",
            "tests/corpus/cases.jsonl",
            "--json",
            "--min-recall",
            "0.97",
            "--max-fpr",
            "0.02",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON summary");
    assert!(summary["recall"].as_f64().unwrap_or(0.0) >= 0.97);
}

#[test]
fn features_prints_the_model_slots_of_each_line_and_refuses_a_bad_count() {
    let out = riskguard(&["features", "--slots", "256"], "提現 USDT\n提现 usdt\n\n");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<Vec<u32>> = stdout
        .lines()
        .map(|l| {
            l.split_whitespace()
                .map(|s| s.parse().expect("a slot"))
                .collect()
        })
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    // Normalized first: the same memo in two spellings has the same features.
    assert_eq!(lines[0], lines[1]);
    assert!(!lines[0].is_empty() && lines[0].iter().all(|&s| s < 256));
    assert!(
        lines[0].windows(2).all(|w| w[0] < w[1]),
        "distinct, ascending"
    );
    assert!(lines[2].is_empty(), "an empty line has no features");
    let out = riskguard(&["features", "--slots", "300"], "x\n");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        stderr.contains("--slots 300") && stderr.contains("power of two"),
        "{stderr}"
    );
}

//! A real collector on a loopback port with a fresh SQLite database under `target/`.

#![allow(dead_code)]

pub mod pg;
pub mod process;

use std::path::PathBuf;

use chrono::{Duration, TimeZone, Utc};
use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::StatusCode;
use riskguard_collector::{open_store, router_with, serve_with, Config};
use riskguard_core::events::{
    Decision, Event, EventData, QuizCompleted, WarningDecided, WarningShown,
};
use riskguard_core::risk::{Category, Level};
use riskguard_core::warning::Exposure;
use serde_json::Value;
use tempfile::TempDir;

/// The bytes of an empty WebAssembly module.
pub const EMPTY_WASM: &[u8] = b"\0asm\x01\0\0\0";

/// A running collector; stops with the test's runtime.
pub struct Collector {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// The database file.
    pub db: PathBuf,
    pub client: reqwest::Client,
    _dir: TempDir,
}

/// What the collector answered.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    /// The `error` member of the body.
    pub fn error(&self) -> &str {
        self.body["error"]
            .as_str()
            .unwrap_or_else(|| panic!("no error in {}", self.body))
    }

    /// Asserts that the `error` member mentions `needle`.
    #[track_caller]
    pub fn assert_error_mentions(&self, needle: &str) {
        let error = self.error();
        assert!(error.contains(needle), "`{needle}` not in: {error}");
    }
}

/// A `riskguard.warning.shown` event.
pub fn warning_shown(id: &str) -> Event {
    Event {
        id: id.to_owned(),
        source: "https://pay.example".to_owned(),
        time: Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap(),
        data: EventData::WarningShown(WarningShown {
            level: Level::High,
            category: Some(Category::OtcTrading),
            locale: "en-US".to_owned(),
            rules_version: "1".to_owned(),
            exposure: Exposure::First,
        }),
    }
}

impl Collector {
    pub async fn start() -> Collector {
        Collector::start_with(|_| {}).await
    }

    /// A collector whose config `adjust` changes first (token, origins, fault mode).
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> Collector {
        let dir = tempfile::Builder::new()
            .prefix("collector-")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .unwrap();
        let mut config = Config {
            db_path: dir.path().join("data/events.sqlite3"),
            public_dir: dir.path().join("public"),
            pkg_dir: dir.path().join("pkg"),
            style_dir: dir.path().join("style"),
            ..Config::default()
        };
        adjust(&mut config);
        std::fs::create_dir_all(&config.public_dir).unwrap();
        std::fs::create_dir_all(&config.pkg_dir).unwrap();
        std::fs::create_dir_all(&config.style_dir).unwrap();
        std::fs::write(
            config.public_dir.join("index.html"),
            "<!doctype html><title>riskguard demo</title>",
        )
        .unwrap();
        std::fs::write(config.pkg_dir.join("riskguard_bg.wasm"), EMPTY_WASM).unwrap();
        std::fs::write(config.style_dir.join("riskguard.css"), "body { margin: 0 }").unwrap();
        let store = open_store(&config).await.unwrap();
        let app = router_with(&config, store).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(serve_with(
            listener,
            app,
            config.limits,
            std::future::pending(),
        ));
        Collector {
            base: format!("http://{addr}"),
            db: config.db_path,
            client: reqwest::Client::new(),
            _dir: dir,
        }
    }

    /// `POST /v1/events` with this content type (none if `None`) and body.
    pub async fn post(&self, content_type: Option<&str>, body: impl Into<reqwest::Body>) -> Answer {
        let mut request = self
            .client
            .post(format!("{}/v1/events", self.base))
            .body(body);
        if let Some(content_type) = content_type {
            request = request.header(CONTENT_TYPE, content_type);
        }
        answer(request.send().await.unwrap()).await
    }

    /// `POST /v1/events` of a JSON value.
    pub async fn post_json(&self, content_type: &str, body: &Value) -> Answer {
        self.post(Some(content_type), body.to_string()).await
    }

    /// `GET` a path.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    /// `host:port` of the collector.
    pub fn addr(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    /// Sends raw bytes on a new connection and reads until the server closes it or `wait`
    /// passes; returns what was read and whether the server closed the connection.
    pub async fn raw(&self, request: &[u8], wait: std::time::Duration) -> (String, bool) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut stream = tokio::net::TcpStream::connect(self.addr()).await.unwrap();
        stream.write_all(request).await.unwrap();
        let mut response = Vec::new();
        let closed = tokio::time::timeout(wait, async {
            let mut buffer = [0u8; 4096];
            loop {
                match stream.read(&mut buffer).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => response.extend_from_slice(&buffer[..n]),
                }
            }
        })
        .await
        .is_ok();
        (String::from_utf8_lossy(&response).into_owned(), closed)
    }

    /// A connection of the test's own to the collector's database.
    pub fn sqlite(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).unwrap()
    }

    /// Rows in `events`, read directly from SQLite.
    pub fn rows(&self) -> i64 {
        self.sqlite()
            .query_row("SELECT count(*) FROM events", [], |row| row.get(0))
            .unwrap()
    }
}

pub async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("status {status}: body is not JSON ({e}): {text}"));
    Answer {
        status,
        headers,
        body,
    }
}

/// A `riskguard.quiz.completed` event.
pub fn quiz_completed(id: &str) -> Event {
    Event {
        id: id.to_owned(),
        source: "https://pay.example".to_owned(),
        time: Utc.with_ymd_and_hms(2025, 3, 4, 5, 6, 7).unwrap() + Duration::milliseconds(123),
        data: EventData::QuizCompleted(QuizCompleted {
            session_id: "session-1".to_owned(),
            attempt: 1,
            score: 4,
            max_score: 5,
            passed: true,
            duration_ms: 61_000,
            question_ids: vec!["otc-dealer".to_owned(), "unlock-fee".to_owned()],
            locale: "zh-Hans".to_owned(),
            category: Some(Category::OtcTrading),
        }),
    }
}

/// A `riskguard.warning.decided` event.
pub fn warning_decided(id: &str) -> Event {
    Event {
        id: id.to_owned(),
        source: "https://pay.example".to_owned(),
        time: Utc.with_ymd_and_hms(2025, 3, 4, 5, 6, 8).unwrap(),
        data: EventData::WarningDecided(WarningDecided {
            level: Level::High,
            category: Some(Category::UnlockFee),
            locale: "en-US".to_owned(),
            decision: Decision::Cancelled,
            duration_ms: 4_200,
            exposure: Exposure::Repeat,
        }),
    }
}

/// A batch body of these events.
pub fn batch(events: &[Event]) -> Value {
    Value::Array(events.iter().map(Event::to_json).collect())
}

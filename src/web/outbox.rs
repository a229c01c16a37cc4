//! The outbox: every event is written to localStorage before it is sent, and sent again until
//! the collector acknowledges it, across reloads. Retries reuse the event's id, so the
//! collector stores each event once.
//!
//! This is the first, simple policy: batches of up to [`MAX_BATCH`], exponential backoff
//! capped at 30 s, no retry of requests the collector refuses as invalid.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::Request;
use gloo_storage::{LocalStorage, Storage};
use gloo_timers::future::TimeoutFuture;
use riskguard_core::events::{Event, BATCH_CONTENT_TYPE};
use serde_json::Value;

/// localStorage key of the queue (a JSON array of CloudEvents).
pub const STORAGE_KEY: &str = "riskguard.outbox.v1";
/// Most events sent in one request.
pub const MAX_BATCH: usize = 50;
const MAX_BACKOFF_MS: u32 = 30_000;

/// What became of one request.
enum Outcome {
    /// 2xx: stored (or already stored) by the collector.
    Delivered,
    /// The collector refused the batch as invalid; sending it again cannot help.
    Refused(u16),
    /// Network error, timeout, 408, 429 or 5xx: try again later.
    Retry,
}

/// A persisted queue of events for one collector endpoint.
#[derive(Debug)]
pub struct Outbox {
    endpoint: String,
    /// Used instead of localStorage once localStorage refused a write (full, or disabled).
    memory: RefCell<Option<Vec<Value>>>,
    sending: Cell<bool>,
}

impl Outbox {
    /// An outbox that POSTs to `endpoint`.
    pub fn new(endpoint: String) -> Rc<Self> {
        Rc::new(Self {
            endpoint,
            memory: RefCell::new(None),
            sending: Cell::new(false),
        })
    }

    /// Persists `event`, then starts sending.
    pub fn push(self: &Rc<Self>, event: &Event) {
        let mut queue = self.load();
        queue.push(event.to_json());
        self.save(queue);
        self.flush();
    }

    /// How many events are waiting to be acknowledged by the collector.
    pub fn len(&self) -> usize {
        self.load().len()
    }

    /// Whether every event has been acknowledged.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sends whatever is queued (including what an earlier page left), unless a send is
    /// already under way.
    pub fn flush(self: &Rc<Self>) {
        if self.sending.replace(true) {
            return;
        }
        let this = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            this.drain().await;
            this.sending.set(false);
        });
    }

    async fn drain(&self) {
        let mut failures = 0u32;
        loop {
            let batch: Vec<Value> = self.load().into_iter().take(MAX_BATCH).collect();
            if batch.is_empty() {
                return;
            }
            match self.send(&batch).await {
                Outcome::Delivered => {
                    failures = 0;
                    self.remove(&batch);
                }
                Outcome::Refused(status) => {
                    web_sys::console::error_1(
                        &format!(
                            "riskguard: the collector refused {} event(s) with HTTP {status}; \
                             they will not be sent again",
                            batch.len()
                        )
                        .into(),
                    );
                    self.remove(&batch);
                }
                Outcome::Retry => {
                    failures = failures.saturating_add(1);
                    TimeoutFuture::new(backoff_ms(failures)).await;
                }
            }
        }
    }

    async fn send(&self, batch: &[Value]) -> Outcome {
        let body = Value::Array(batch.to_vec()).to_string();
        let request = match Request::post(&self.endpoint)
            .header("Content-Type", BATCH_CONTENT_TYPE)
            .body(body)
        {
            Ok(request) => request,
            Err(_) => return Outcome::Retry,
        };
        match request.send().await {
            Ok(response) => classify(response.status()),
            Err(_) => Outcome::Retry,
        }
    }

    /// The queue as stored now (another tab may have changed it).
    fn load(&self) -> Vec<Value> {
        if let Some(memory) = self.memory.borrow().as_ref() {
            return memory.clone();
        }
        LocalStorage::get(STORAGE_KEY).unwrap_or_default()
    }

    fn save(&self, queue: Vec<Value>) {
        let mut memory = self.memory.borrow_mut();
        if let Some(memory) = memory.as_mut() {
            *memory = queue;
        } else if let Err(e) = LocalStorage::set(STORAGE_KEY, &queue) {
            web_sys::console::warn_1(
                &format!(
                    "riskguard: localStorage refused the event queue ({e}); events are kept in \
                     memory until this page closes"
                )
                .into(),
            );
            *memory = Some(queue);
        }
    }

    /// Removes the events of `batch` (by source and id) from the stored queue.
    fn remove(&self, batch: &[Value]) {
        let sent: Vec<(&Value, &Value)> = batch.iter().map(key).collect();
        let mut queue = self.load();
        queue.retain(|event| !sent.contains(&key(event)));
        self.save(queue);
    }
}

fn key(event: &Value) -> (&Value, &Value) {
    (&event["source"], &event["id"])
}

fn classify(status: u16) -> Outcome {
    match status {
        200..=299 => Outcome::Delivered,
        408 | 429 => Outcome::Retry,
        400..=499 => Outcome::Refused(status),
        _ => Outcome::Retry,
    }
}

/// 500 ms × 2^(failures-1), capped at 30 s.
fn backoff_ms(failures: u32) -> u32 {
    500u32
        .saturating_mul(1 << failures.saturating_sub(1).min(16))
        .min(MAX_BACKOFF_MS)
}

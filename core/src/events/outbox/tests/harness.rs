//! A test double for the browser adapter: a storage map, a clock, the effects carried out.

use std::collections::BTreeMap;

use crate::events::outbox::{Batch, Deletion, Effect, Kind, Limits, Machine, Outcome, Refusal};
use crate::events::outbox::{Reason, Record};

pub const TELEMETRY: &str = "riskguard.warning.shown";
pub const COMPLETION: &str = "riskguard.quiz.completed";

/// A record of exactly `size` bytes (at least the JSON around the id).
pub fn record(id: &str, kind: Kind, time_ms: u64, size: usize) -> Record {
    let event_type = match kind {
        Kind::Telemetry => TELEMETRY,
        Kind::Completion => COMPLETION,
    };
    let bare = format!(r#"{{"id":"{id}","type":"{event_type}","pad":""}}"#);
    let pad = "x".repeat(size.saturating_sub(bare.len()));
    let body = format!(r#"{{"id":"{id}","type":"{event_type}","pad":"{pad}"}}"#);
    Record::new(id, event_type, time_ms, body)
}

/// The ids in a batch body, in order.
pub fn ids(batch: &Batch) -> Vec<String> {
    let events: Vec<serde_json::Value> = serde_json::from_str(&batch.body).expect("a JSON array");
    events
        .iter()
        .map(|e| e["id"].as_str().expect("an id").to_owned())
        .collect()
}

/// The machine, plus what a browser adapter would have done.
pub struct Harness {
    pub machine: Machine,
    pub now: u64,
    /// localStorage: id → record.
    pub storage: BTreeMap<String, Record>,
    /// Whether the next writes succeed.
    pub storage_works: bool,
    pub deletions: Vec<Deletion>,
    pub reports: Vec<Refusal>,
    /// Ids whose write was reported (either way): only these may be sent.
    pub persisted: Vec<String>,
    /// For fresh ids.
    pub counter: u64,
}

impl Harness {
    pub fn new(limits: Limits) -> Self {
        Self {
            machine: Machine::new(limits),
            now: 1_700_000_000_000,
            storage: BTreeMap::new(),
            storage_works: true,
            deletions: Vec::new(),
            reports: Vec::new(),
            persisted: Vec::new(),
            counter: 0,
        }
    }

    /// Enqueues and carries out the effects.
    pub fn push(&mut self, record: Record) {
        self.machine.enqueue(record);
        self.apply();
    }

    /// Carries out every pending effect, in order.
    pub fn apply(&mut self) {
        while let Some(effect) = self.machine.poll_effect() {
            match effect {
                Effect::Persist(record) => {
                    let id = record.id().to_owned();
                    if self.storage_works {
                        self.storage.insert(id.clone(), record);
                    }
                    self.machine.on_persisted(&id, self.storage_works);
                    self.persisted.push(id);
                }
                Effect::Delete(deletion) => {
                    for id in &deletion.ids {
                        self.storage.remove(id);
                    }
                    self.deletions.push(deletion);
                }
                Effect::Report(refusal) => self.reports.push(refusal),
            }
        }
    }

    /// Sends the next regular batch, if any.
    pub fn transmit(&mut self) -> Option<Batch> {
        let batch = self.machine.poll_transmit(self.now);
        self.apply();
        batch
    }

    /// Answers `batch` with `outcome`, jitter 0.
    pub fn answer(&mut self, batch: &Batch, outcome: Outcome) {
        self.answer_with(batch, outcome, 0.0);
    }

    pub fn answer_with(&mut self, batch: &Batch, outcome: Outcome, jitter: f64) {
        self.machine
            .on_response(batch.id, outcome, self.now, jitter);
        self.apply();
    }

    /// Re-reads storage, as before each send. Like the adapter, carries out the effects of the
    /// previous input first: storage never lags behind the machine's decisions.
    pub fn reload(&mut self) {
        self.apply();
        let records = self.storage.values().cloned().collect();
        self.machine.on_storage_loaded(records, true);
        self.apply();
    }

    /// Ids deleted for `reason`.
    pub fn deleted(&self, reason: Reason) -> Vec<String> {
        self.deletions
            .iter()
            .filter(|d| d.reason == reason)
            .flat_map(|d| d.ids.iter().cloned())
            .collect()
    }

    /// Delivers everything with 2xx answers, moving the clock as the machine asks.
    pub fn drain(&mut self) {
        for _ in 0..10_000 {
            match self.machine.poll_timeout() {
                None => return,
                Some(at) => self.now = self.now.max(at),
            }
            if let Some(batch) = self.transmit() {
                self.answer(&batch, Outcome::status(200));
            }
        }
        panic!("the outbox never drained");
    }
}

//! Counters a host can read (`deliveryStats()`), to see whether events get through.

use serde::Serialize;

use super::record::Kind;

/// Events dropped because the outbox was over its bounds, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Drops {
    /// Telemetry (`riskguard.warning.*`, `riskguard.quiz.started`, unknown types).
    pub telemetry: u64,
    /// Completion records (`riskguard.quiz.completed`).
    pub completion: u64,
}

impl Drops {
    /// Counts one more drop of `kind`.
    pub fn add(&mut self, kind: Kind) {
        match kind {
            Kind::Telemetry => self.telemetry += 1,
            Kind::Completion => self.completion += 1,
        }
    }

    /// All drops.
    pub fn total(&self) -> u64 {
        self.telemetry + self.completion
    }
}

/// A snapshot of the outbox. Counters start at zero for each outbox (each `mount()`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Events held: waiting, or in a request whose answer has not come.
    pub pending: usize,
    /// Of those, events in a request right now.
    pub in_flight: usize,
    /// Of those, events that storage refused: they live in this page's memory only.
    pub memory_only: usize,
    /// Events the collector acknowledged.
    pub delivered: u64,
    /// Events the collector refused (each reported through `onDeliveryError`).
    pub refused: u64,
    /// Events dropped because the outbox was over its bounds.
    pub dropped: Drops,
    /// Events that disappeared from storage while queued here: another tab (or an earlier
    /// outbox on this page) delivered, refused or dropped them.
    pub settled_elsewhere: u64,
    /// Requests that failed and will be retried (network errors, timeouts, 408, 429, 5xx…).
    pub failed_attempts: u64,
    /// Failures since the last answer that was not a retryable failure; drives the backoff.
    pub consecutive_failures: u32,
    /// When the next attempt may start (ms since the Unix epoch), while backing off.
    pub next_attempt_at: Option<u64>,
    /// The HTTP status of the last answer, if any came.
    pub last_status: Option<u16>,
    /// `"network"` or `"timeout"` when the last request got no answer.
    pub last_error: Option<&'static str>,
}

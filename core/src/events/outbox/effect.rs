//! What the outbox asks its adapter to do: write, delete, tell the host.

use serde::Serialize;

use super::record::{Kind, Record};

/// One thing the adapter must do, in order. Drain them with
/// [`Machine::poll_effect`](super::Machine::poll_effect) after every input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the record to durable storage, then report whether that worked with
    /// [`Machine::on_persisted`](super::Machine::on_persisted). The record is not sent before.
    Persist(Record),
    /// Delete these records from storage: their fate is settled.
    Delete(Deletion),
    /// Tell the host that events were refused and will never be delivered.
    Report(Refusal),
}

/// Records whose fate is settled, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deletion {
    /// The records' ids.
    pub ids: Vec<String>,
    /// Why they go.
    pub reason: Reason,
}

/// Why records leave the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The collector acknowledged them (2xx).
    Delivered,
    /// The collector refused them with this status; a [`Refusal`] reports them.
    Refused(u16),
    /// The outbox was over its bounds; counted in [`Stats::dropped`](super::Stats::dropped).
    Dropped(Kind),
}

/// Events the collector refused: what the host's `onDeliveryError` receives. Never the events'
/// contents: only how many there were and their types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// The HTTP status of the refusal (413 also for an event too large to ever send).
    pub status: u16,
    /// How many events were refused.
    pub events: usize,
    /// Their CloudEvents types, sorted, each once.
    pub types: Vec<String>,
}

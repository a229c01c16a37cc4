//! The records the outbox holds, its bounds, and which record goes first when it is over them.

use super::batch::BatchId;
use super::record::{Kind, Record};

/// Default [`Limits::max_events`].
pub const DEFAULT_MAX_EVENTS: usize = 200;
/// Default [`Limits::max_bytes`] (256 KiB).
pub const DEFAULT_MAX_BYTES: usize = 256 * 1024;
/// Default [`Limits::batch_events`].
pub const DEFAULT_BATCH_EVENTS: usize = 100;
/// Default [`Limits::batch_bytes`] (32 KiB).
pub const DEFAULT_BATCH_BYTES: usize = 32 * 1024;

/// How much the outbox holds and sends at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most events held (default 200). Over it, events are dropped and counted: telemetry
    /// first, oldest first; completion records only when nothing else is left to drop.
    pub max_events: usize,
    /// Most serialized bytes held (default 256 KiB), with the same drop policy.
    pub max_bytes: usize,
    /// Most events in one regular request (default 100; the collector takes up to 500).
    pub batch_events: usize,
    /// Most body bytes in one regular request (default 32 KiB). Regular requests are
    /// `keepalive` too, so this leaves at least half the 64 KiB keepalive budget to the
    /// pagehide flush.
    pub batch_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_events: DEFAULT_MAX_EVENTS,
            max_bytes: DEFAULT_MAX_BYTES,
            batch_events: DEFAULT_BATCH_EVENTS,
            batch_bytes: DEFAULT_BATCH_BYTES,
        }
    }
}

/// Where a record is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flight {
    /// Waiting to be sent.
    Queued,
    /// In this request; its answer decides.
    InFlight(BatchId),
}

/// Whether a record is safe in storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stored {
    /// Not written yet: it must not be sent before it is.
    Pending,
    /// In storage (written here, or found there).
    Yes,
    /// Storage refused it: it lives in memory for this page only.
    MemoryOnly,
}

/// A record and what the outbox knows about it.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub record: Record,
    /// Arrival order, to break ties between equal times.
    pub seq: u64,
    pub flight: Flight,
    pub stored: Stored,
    /// Set when a batch holding this record was refused as invalid (400/422): the record goes
    /// out only with the others of its group, until the group is small enough to name the
    /// event at fault.
    pub group: Option<u64>,
}

impl Entry {
    /// Sorts oldest first.
    pub fn age(&self) -> (u64, u64) {
        (self.record.time_ms(), self.seq)
    }

    /// Sorts completions first, then oldest first: what to send first when not all fits.
    pub fn send_order(&self) -> (bool, u64, u64) {
        (
            self.record.kind() == Kind::Telemetry,
            self.record.time_ms(),
            self.seq,
        )
    }

    /// Queued and stored (or known to be unstorable).
    pub fn sendable(&self) -> bool {
        self.flight == Flight::Queued && self.stored != Stored::Pending
    }
}

/// The held records, at most one per id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Queue {
    entries: Vec<Entry>,
    next_seq: u64,
    bytes: usize,
}

impl Queue {
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.record.id() == id)
    }

    pub fn get_mut(&mut self, position: usize) -> Option<&mut Entry> {
        self.entries.get_mut(position)
    }

    /// Adds `record` unless one with its id is held already; says whether it was added.
    pub fn insert(&mut self, record: Record, stored: Stored) -> bool {
        if self.position(record.id()).is_some() {
            return false;
        }
        self.bytes += record.size();
        self.entries.push(Entry {
            record,
            seq: self.next_seq,
            flight: Flight::Queued,
            stored,
            group: None,
        });
        self.next_seq += 1;
        true
    }

    /// Removes and returns the entries `remove` picks, in their order.
    pub fn take(&mut self, mut remove: impl FnMut(&Entry) -> bool) -> Vec<Entry> {
        let mut taken = Vec::new();
        let mut kept = Vec::with_capacity(self.entries.len());
        for entry in self.entries.drain(..) {
            if remove(&entry) {
                self.bytes -= entry.record.size();
                taken.push(entry);
            } else {
                kept.push(entry);
            }
        }
        self.entries = kept;
        taken
    }

    /// Whether the records held exceed `limits`.
    pub fn over(&self, limits: &Limits) -> bool {
        self.entries.len() > limits.max_events || self.bytes > limits.max_bytes
    }

    /// The record to drop next: the oldest queued telemetry; the oldest queued completion only
    /// when no telemetry is held at all. Records in flight are never dropped (their answer may
    /// still say "delivered"); while telemetry is in flight, completions wait for its answer
    /// rather than go before it.
    pub fn victim(&self) -> Option<usize> {
        let oldest = |kind| {
            self.entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.flight == Flight::Queued && e.record.kind() == kind)
                .min_by_key(|(_, e)| e.age())
                .map(|(i, _)| i)
        };
        oldest(Kind::Telemetry).or_else(|| {
            let telemetry_held = self
                .entries
                .iter()
                .any(|e| e.record.kind() == Kind::Telemetry);
            if telemetry_held {
                None
            } else {
                oldest(Kind::Completion)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, event_type: &str, time_ms: u64) -> Record {
        Record::new(id, event_type, time_ms, format!("{{\"id\":\"{id}\"}}"))
    }

    #[test]
    fn one_entry_per_id_and_bytes_add_up() {
        let mut q = Queue::default();
        assert!(q.insert(record("a", "t", 1), Stored::Yes));
        assert!(!q.insert(record("a", "t", 1), Stored::Yes));
        assert!(q.insert(record("b", "t", 1), Stored::Yes));
        assert_eq!(q.len(), 2);
        assert_eq!(q.bytes, 20);
        let taken = q.take(|e| e.record.id() == "a");
        assert_eq!(taken.len(), 1);
        assert_eq!(q.bytes, 10);
    }

    #[test]
    fn victims_are_the_oldest_telemetry_then_the_oldest_completion() {
        let mut q = Queue::default();
        q.insert(record("c1", "riskguard.quiz.completed", 1), Stored::Yes);
        q.insert(record("t2", "riskguard.warning.shown", 3), Stored::Yes);
        q.insert(record("t1", "riskguard.warning.shown", 2), Stored::Yes);
        q.insert(record("c0", "riskguard.quiz.completed", 0), Stored::Yes);
        let mut order = Vec::new();
        while let Some(i) = q.victim() {
            let id = q.entries[i].record.id().to_owned();
            q.take(|e| e.record.id() == id);
            order.push(id);
        }
        assert_eq!(order, ["t1", "t2", "c0", "c1"]);
    }

    #[test]
    fn completions_are_not_dropped_while_telemetry_is_in_flight() {
        let mut q = Queue::default();
        q.insert(record("t", "riskguard.warning.shown", 0), Stored::Yes);
        q.insert(record("c", "riskguard.quiz.completed", 1), Stored::Yes);
        q.entries[0].flight = Flight::InFlight(BatchId(1));
        assert_eq!(q.victim(), None);
        q.entries[0].flight = Flight::Queued;
        assert_eq!(q.victim(), Some(0));
    }

    #[test]
    fn records_in_flight_are_never_victims() {
        let mut q = Queue::default();
        q.insert(record("t", "riskguard.warning.shown", 0), Stored::Yes);
        q.entries[0].flight = Flight::InFlight(BatchId(1));
        assert_eq!(q.victim(), None);
    }
}

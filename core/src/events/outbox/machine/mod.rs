//! The outbox's decisions as a deterministic state machine: inputs in (events, storage
//! contents, answers, the time, randomness), decisions out (requests to make, records to write
//! or delete, refusals to report). No I/O, no clock: the adapter in the browser does those.

mod response;
mod send;

use std::collections::{BTreeSet, HashSet, VecDeque};

use super::batch::{self, BatchId, MAX_REQUEST_BYTES, MAX_REQUEST_EVENTS};
use super::effect::{Deletion, Effect, Reason, Refusal};
use super::queue::{Flight, Limits, Queue, Stored};
use super::record::Record;
use super::stats::Stats;

/// What [`Machine::enqueue`] did with a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Held; an [`Effect::Persist`] asks for it to be written.
    Queued,
    /// A record with this id is held already; nothing changed.
    Duplicate,
    /// Larger than any request may be: refused at once, and reported with status 413.
    TooLarge,
}

/// A wait that started at `from` and lasts `ms`. Kept as a length, so that a clock set back
/// restarts the wait instead of stretching it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wait {
    from: u64,
    ms: u64,
}

impl Wait {
    fn until(self) -> u64 {
        self.from.saturating_add(self.ms)
    }

    /// Whether the wait is over at `now`; restarts it when the clock went back.
    fn over(&mut self, now: u64) -> bool {
        if now < self.from {
            self.from = now;
        }
        now >= self.until()
    }
}

/// A request on its way.
#[derive(Debug, Clone, Copy)]
struct InFlight {
    id: BatchId,
    bytes: usize,
    pagehide: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The drain loop: one request at a time, within the regular batch limits.
    Regular,
    /// The page is going away: as much as the keepalive budget still allows, in one request.
    PageHide,
}

/// The outbox state machine. Time is milliseconds since the Unix epoch, passed in.
///
/// The adapter's loop:
/// 1. [`enqueue`](Self::enqueue) new events and [`on_storage_loaded`](Self::on_storage_loaded)
///    what storage holds (also before each send: other tabs and earlier pages leave records);
/// 2. carry out every [`poll_effect`](Self::poll_effect) (write, delete, report);
/// 3. send what [`poll_transmit`](Self::poll_transmit) gives, and pass each answer to
///    [`on_response`](Self::on_response);
/// 4. sleep until [`poll_timeout`](Self::poll_timeout), or until a new input arrives.
///
/// On `pagehide`, send what [`on_pagehide`](Self::on_pagehide) gives.
///
/// A record leaves only with a 2xx answer, a refusal (reported), a drop over the bounds
/// (counted), or when it vanished from storage while queued (another tab settled it).
#[derive(Debug, Clone)]
pub struct Machine {
    limits: Limits,
    queue: Queue,
    in_flight: Vec<InFlight>,
    effects: VecDeque<Effect>,
    stats: Stats,
    next_batch: u64,
    next_group: u64,
    /// No regular request before this wait is over (backoff, or `Retry-After` if longer).
    backoff: Option<Wait>,
    /// What the collector asked for with `Retry-After`; the pagehide flush respects it too.
    retry_after: Option<Wait>,
    /// Lowered by 413 answers: what this collector takes in one request.
    server_events: usize,
    server_bytes: usize,
}

impl Machine {
    /// An empty outbox. Limits of 0 are taken as 1.
    pub fn new(limits: Limits) -> Self {
        let limits = Limits {
            max_events: limits.max_events.max(1),
            max_bytes: limits.max_bytes.max(1),
            batch_events: limits.batch_events.max(1),
            batch_bytes: limits.batch_bytes.max(1),
        };
        Self {
            limits,
            queue: Queue::default(),
            in_flight: Vec::new(),
            effects: VecDeque::new(),
            stats: Stats::default(),
            next_batch: 0,
            next_group: 0,
            backoff: None,
            retry_after: None,
            server_events: MAX_REQUEST_EVENTS,
            server_bytes: MAX_REQUEST_BYTES,
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// A new event. It is written ([`Effect::Persist`]) before it can be sent; the bounds are
    /// enforced at once.
    pub fn enqueue(&mut self, record: Record) -> Admission {
        if self.queue.position(record.id()).is_some() {
            return Admission::Duplicate;
        }
        if batch::body_size(1, record.size()) > MAX_REQUEST_BYTES {
            self.refuse(vec![record], 413);
            return Admission::TooLarge;
        }
        self.queue.insert(record.clone(), Stored::Pending);
        self.effects.push_back(Effect::Persist(record));
        self.enforce_bounds();
        Admission::Queued
    }

    /// Whether writing `id` to storage worked. Unwritten records are sent anyway (kept in
    /// memory for this page), but only after this call.
    pub fn on_persisted(&mut self, id: &str, stored: bool) {
        if let Some(entry) = self.queue.position(id).and_then(|p| self.queue.get_mut(p)) {
            if stored {
                entry.stored = Stored::Yes;
            } else if entry.stored == Stored::Pending {
                entry.stored = Stored::MemoryOnly;
            }
        }
    }

    /// What storage holds now. New records are taken in (each id once). With `complete` (every
    /// stored record could be read), records this outbox stored that are gone from storage and
    /// not in flight are forgotten: another tab settled them.
    pub fn on_storage_loaded(&mut self, records: Vec<Record>, complete: bool) {
        let mut present = HashSet::with_capacity(records.len());
        for record in records {
            present.insert(record.id().to_owned());
            match self.queue.position(record.id()) {
                Some(position) => {
                    if let Some(entry) = self.queue.get_mut(position) {
                        if entry.stored == Stored::MemoryOnly {
                            entry.stored = Stored::Yes;
                        }
                    }
                }
                None if batch::body_size(1, record.size()) > MAX_REQUEST_BYTES => {
                    self.refuse(vec![record], 413);
                }
                None => {
                    self.queue.insert(record, Stored::Yes);
                }
            }
        }
        if complete {
            let gone = self.queue.take(|e| {
                e.stored == Stored::Yes
                    && e.flight == Flight::Queued
                    && !present.contains(e.record.id())
            });
            self.stats.settled_elsewhere += gone.len() as u64;
        }
        self.enforce_bounds();
    }

    /// When [`poll_transmit`](Self::poll_transmit) will have something to send: a time at or
    /// before `now` means "now"; `None` means "not until an input arrives" (a new event, an
    /// answer, storage contents).
    pub fn poll_timeout(&self) -> Option<u64> {
        if self.regular_in_flight() || self.select(Mode::Regular).is_empty() {
            return None;
        }
        Some(self.backoff.map_or(0, Wait::until))
    }

    /// The next thing the adapter must do, in order.
    pub fn poll_effect(&mut self) -> Option<Effect> {
        self.effects.pop_front()
    }

    /// How many events are held (waiting or in flight).
    pub fn pending(&self) -> usize {
        self.queue.len()
    }

    /// Whether a record with `id` is held.
    pub fn holds(&self, id: &str) -> bool {
        self.queue.position(id).is_some()
    }

    /// Counters and the current state.
    pub fn stats(&self) -> Stats {
        let entries = self.queue.entries();
        Stats {
            pending: entries.len(),
            in_flight: entries
                .iter()
                .filter(|e| e.flight != Flight::Queued)
                .count(),
            memory_only: entries
                .iter()
                .filter(|e| e.stored == Stored::MemoryOnly)
                .count(),
            next_attempt_at: self
                .backoff
                .map(Wait::until)
                .filter(|_| !entries.is_empty()),
            ..self.stats.clone()
        }
    }

    /// Bytes of the requests in flight, counted against the keepalive budget.
    pub fn in_flight_bytes(&self) -> usize {
        self.in_flight.iter().map(|f| f.bytes).sum()
    }

    fn regular_in_flight(&self) -> bool {
        self.in_flight.iter().any(|f| !f.pagehide)
    }

    /// Settles `records` as refused with `status`: delete, count, report (types only).
    fn refuse(&mut self, records: Vec<Record>, status: u16) {
        if records.is_empty() {
            return;
        }
        let types: BTreeSet<String> = records.iter().map(|r| r.event_type().to_owned()).collect();
        self.stats.refused += records.len() as u64;
        self.effects.push_back(Effect::Delete(Deletion {
            ids: records.iter().map(|r| r.id().to_owned()).collect(),
            reason: Reason::Refused(status),
        }));
        self.effects.push_back(Effect::Report(Refusal {
            status,
            events: records.len(),
            types: types.into_iter().collect(),
        }));
    }

    /// Drops queued records while over the bounds: telemetry first, oldest first.
    fn enforce_bounds(&mut self) {
        while self.queue.over(&self.limits) {
            let Some(victim) = self.queue.victim() else {
                // Only records in flight are left: their answers decide.
                return;
            };
            let Some(seq) = self.queue.entries().get(victim).map(|e| e.seq) else {
                return;
            };
            for entry in self.queue.take(|e| e.seq == seq) {
                let kind = entry.record.kind();
                self.stats.dropped.add(kind);
                self.effects.push_back(Effect::Delete(Deletion {
                    ids: vec![entry.record.id().to_owned()],
                    reason: Reason::Dropped(kind),
                }));
            }
        }
    }
}

//! Properties over random sequences of events, answers, storage changes and time: nothing is
//! ever lost silently, nothing is held twice, the budgets hold, and the loop never spins.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;

use super::harness::{ids, record, Harness};
use crate::events::outbox::{
    Batch, Deletion, Effect, Kind, Limits, Outcome, Reason, Refusal, RetryAfter, Stats,
    KEEPALIVE_BUDGET_BYTES, MAX_REQUEST_EVENTS,
};

#[derive(Debug, Clone)]
enum Op {
    /// A new event; its write is carried out now or with the next operation.
    Enqueue {
        completion: bool,
        size: usize,
        write_now: bool,
    },
    /// A held event enqueued again.
    Again(usize),
    /// Storage starts or stops accepting writes.
    Storage(bool),
    Advance(u64),
    Transmit,
    PageHide,
    /// An answer to one of the requests in flight.
    Answer {
        pick: usize,
        outcome: Outcome,
        jitter: f64,
    },
    /// Storage is read again.
    Reload,
    /// Another tab stores a new event.
    Foreign {
        completion: bool,
        size: usize,
    },
    /// Another tab settles (removes) a stored event.
    Settle(usize),
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        4 => prop_oneof![Just(200u16), Just(202)].prop_map(Outcome::status),
        1 => prop_oneof![Just(400u16), Just(401), Just(403), Just(410), Just(413), Just(422)]
            .prop_map(Outcome::status),
        3 => prop_oneof![Just(404u16), Just(408), Just(500), Just(503)].prop_map(Outcome::status),
        1 => (0u64..200).prop_map(|s| Outcome::Status {
            code: 429,
            retry_after: Some(RetryAfter::Seconds(s)),
        }),
        1 => (0u64..2_000_000).prop_map(|at| Outcome::Status {
            code: 503,
            retry_after: Some(RetryAfter::At(1_700_000_000_000 + at)),
        }),
        2 => Just(Outcome::NetworkError),
        1 => Just(Outcome::Timeout),
    ]
}

fn size() -> impl Strategy<Value = usize> {
    prop_oneof![8 => 60usize..3000, 2 => 10_000usize..40_000, 1 => 65_000usize..70_000]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (any::<bool>(), size(), any::<bool>()).prop_map(|(completion, size, write_now)| {
            Op::Enqueue { completion, size, write_now }
        }),
        1 => any::<usize>().prop_map(Op::Again),
        1 => prop_oneof![4 => Just(true), 1 => Just(false)].prop_map(Op::Storage),
        3 => prop_oneof![0u64..2000, 0u64..400_000].prop_map(Op::Advance),
        5 => Just(Op::Transmit),
        1 => Just(Op::PageHide),
        5 => (any::<usize>(), outcome(), 0.0f64..=1.0).prop_map(|(pick, outcome, jitter)| {
            Op::Answer { pick, outcome, jitter }
        }),
        1 => Just(Op::Reload),
        1 => (any::<bool>(), size()).prop_map(|(completion, size)| Op::Foreign { completion, size }),
        1 => any::<usize>().prop_map(Op::Settle),
    ]
}

fn limits() -> impl Strategy<Value = Limits> {
    (1usize..30, 500usize..200_000, 1usize..12, 200usize..40_000).prop_map(
        |(max_events, max_bytes, batch_events, batch_bytes)| Limits {
            max_events,
            max_bytes,
            batch_events,
            batch_bytes,
        },
    )
}

/// The world around the machine: every event ever seen, the requests out, what other tabs did.
struct World {
    h: Harness,
    limits: Limits,
    /// id → (kind, size)
    universe: HashMap<String, (Kind, usize)>,
    order: Vec<String>,
    /// Requests out: the batch, its ids.
    out: Vec<(Batch, Vec<String>)>,
    /// Ids in requests answered 2xx.
    acknowledged: HashSet<String>,
    /// Ids another tab removed from storage.
    settled_by_others: HashSet<String>,
    /// Ids known to be written (or found in storage): only these may be sent.
    writable: HashSet<String>,
}

impl World {
    fn new(limits: Limits) -> Self {
        Self {
            h: Harness::new(limits),
            limits,
            universe: HashMap::new(),
            order: Vec::new(),
            out: Vec::new(),
            acknowledged: HashSet::new(),
            settled_by_others: HashSet::new(),
            writable: HashSet::new(),
        }
    }

    fn fresh(&mut self, completion: bool, size: usize) -> crate::events::outbox::Record {
        let kind = if completion {
            Kind::Completion
        } else {
            Kind::Telemetry
        };
        let id = format!("e{}", self.h.counter);
        self.h.counter += 1;
        let r = record(&id, kind, self.h.now, size);
        self.universe.insert(id.clone(), (kind, r.size()));
        self.order.push(id);
        r
    }

    fn in_flight_ids(&self) -> HashSet<String> {
        self.out
            .iter()
            .flat_map(|(_, ids)| ids.iter().cloned())
            .collect()
    }

    fn sent(&mut self, batch: Batch, in_flight_before: usize) -> Result<(), TestCaseError> {
        let batch_ids = ids(&batch);
        prop_assert_eq!(batch_ids.len(), batch.events);
        prop_assert!(!batch_ids.is_empty());
        let out = self.in_flight_ids();
        for id in &batch_ids {
            prop_assert!(!out.contains(id), "{} sent twice at once", id);
            prop_assert!(
                self.writable.contains(id),
                "{} sent before it was written",
                id
            );
        }
        prop_assert!(
            batch.bytes() <= KEEPALIVE_BUDGET_BYTES - in_flight_before,
            "keepalive budget: {} + {}",
            batch.bytes(),
            in_flight_before
        );
        if batch.pagehide {
            prop_assert!(batch.events <= MAX_REQUEST_EVENTS);
        } else {
            prop_assert!(batch.events <= self.limits.batch_events);
            prop_assert!(
                batch.events == 1 || batch.bytes() <= self.limits.batch_bytes,
                "regular batch of {} bytes",
                batch.bytes()
            );
        }
        self.out.push((batch, batch_ids));
        Ok(())
    }

    fn step(&mut self, op: Op) -> Result<(), TestCaseError> {
        let deletions_before = self.settled().0.len();
        match op {
            Op::Enqueue {
                completion,
                size,
                write_now,
            } => {
                let r = self.fresh(completion, size);
                self.h.machine.enqueue(r);
                if write_now {
                    self.h.apply();
                }
            }
            Op::Again(pick) => {
                let held: Vec<String> = self
                    .order
                    .iter()
                    .filter(|id| self.h.machine.holds(id))
                    .cloned()
                    .collect();
                if !held.is_empty() {
                    let id = &held[pick % held.len()];
                    let (kind, size) = self.universe[id];
                    self.h.machine.enqueue(record(id, kind, 0, size));
                    self.h.apply();
                }
            }
            Op::Storage(works) => self.h.storage_works = works,
            Op::Advance(ms) => self.h.now += ms,
            Op::Transmit => {
                let before = self.h.machine.in_flight_bytes();
                if let Some(batch) = self.h.machine.poll_transmit(self.h.now) {
                    self.sent(batch, before)?;
                }
                self.h.apply();
            }
            Op::PageHide => {
                let before = self.h.machine.in_flight_bytes();
                if let Some(batch) = self.h.machine.on_pagehide(self.h.now) {
                    self.sent(batch, before)?;
                }
                self.h.apply();
            }
            Op::Answer {
                pick,
                outcome,
                jitter,
            } => {
                if !self.out.is_empty() {
                    let (batch, batch_ids) = self.out.remove(pick % self.out.len());
                    if matches!(
                        outcome,
                        Outcome::Status {
                            code: 200..=299,
                            ..
                        }
                    ) {
                        self.acknowledged.extend(batch_ids);
                    }
                    self.h.answer_with(&batch, outcome, jitter);
                }
            }
            Op::Reload => self.reload(),
            Op::Foreign { completion, size } => {
                let r = self.fresh(completion, size);
                self.h.storage.insert(r.id().to_owned(), r);
            }
            Op::Settle(pick) => {
                let stored: Vec<String> = self.h.storage.keys().cloned().collect();
                if !stored.is_empty() {
                    let id = stored[pick % stored.len()].clone();
                    self.h.storage.remove(&id);
                    self.settled_by_others.insert(id);
                }
            }
        }
        self.h.writable_from(&mut self.writable);
        self.check(deletions_before)
    }

    fn reload(&mut self) {
        self.writable.extend(self.h.storage.keys().cloned());
        self.h.reload();
    }

    /// Deletions and reports, counting effects not carried out yet (the adapter carries them
    /// out right after each input).
    fn settled(&self) -> (Vec<Deletion>, Vec<Refusal>) {
        let mut deletions = self.h.deletions.clone();
        let mut reports = self.h.reports.clone();
        let mut probe = self.h.machine.clone();
        while let Some(effect) = probe.poll_effect() {
            match effect {
                Effect::Delete(d) => deletions.push(d),
                Effect::Report(r) => reports.push(r),
                Effect::Persist(_) => {}
            }
        }
        (deletions, reports)
    }

    fn check(&self, deletions_before: usize) -> Result<(), TestCaseError> {
        let stats = self.h.machine.stats();
        let (deletions, reports) = self.settled();
        self.check_places(&deletions, &stats)?;
        check_counters(&deletions, &reports, &stats)?;
        // Only acknowledged events count as delivered.
        for d in deletions.iter().filter(|d| d.reason == Reason::Delivered) {
            for id in &d.ids {
                prop_assert!(
                    self.acknowledged.contains(id),
                    "{} delivered unacknowledged",
                    id
                );
            }
        }
        self.check_bounds(&deletions, deletions_before)?;
        // The loop never spins: "now" from poll_timeout means poll_transmit has a batch.
        if let Some(at) = self.h.machine.poll_timeout() {
            if at <= self.h.now {
                let mut probe = self.h.machine.clone();
                prop_assert!(probe.poll_transmit(self.h.now).is_some(), "spin at {}", at);
            }
        }
        Ok(())
    }

    /// Every event is in exactly one place: held, or settled once with a reason; `pending` and
    /// `settled_elsewhere` count them.
    fn check_places(&self, deletions: &[Deletion], stats: &Stats) -> Result<(), TestCaseError> {
        let machine = &self.h.machine;
        let mut deleted: HashMap<&str, usize> = HashMap::new();
        for d in deletions {
            for id in &d.ids {
                *deleted.entry(id.as_str()).or_default() += 1;
            }
        }
        let mut forgotten = 0;
        for id in &self.order {
            let times = deleted.get(id.as_str()).copied().unwrap_or(0);
            if machine.holds(id) {
                prop_assert_eq!(times, 0, "{} held and settled", id);
            } else if times == 0 {
                let never_seen = !self.h.persisted.contains(id) && !self.writable.contains(id);
                prop_assert!(
                    self.settled_by_others.contains(id) || never_seen,
                    "{} vanished without a reason",
                    id
                );
                if !never_seen {
                    forgotten += 1;
                }
            } else {
                prop_assert_eq!(times, 1, "{} settled twice", id);
            }
        }
        prop_assert_eq!(stats.settled_elsewhere, forgotten);
        prop_assert_eq!(
            stats.pending,
            self.order.iter().filter(|id| machine.holds(id)).count(),
            "pending counts exactly the events held"
        );
        Ok(())
    }

    /// Completions are dropped only when no telemetry is held, and the queue is over the bounds
    /// only by what waits for an answer.
    fn check_bounds(
        &self,
        deletions: &[Deletion],
        deletions_before: usize,
    ) -> Result<(), TestCaseError> {
        let machine = &self.h.machine;
        // Completions are dropped only when no telemetry is held.
        let held: Vec<&String> = self.order.iter().filter(|id| machine.holds(id)).collect();
        let telemetry_held = held
            .iter()
            .any(|id| self.universe[id.as_str()].0 == Kind::Telemetry);
        let completion_dropped = deletions[deletions_before.min(deletions.len())..]
            .iter()
            .any(|d| d.reason == Reason::Dropped(Kind::Completion));
        prop_assert!(!(completion_dropped && telemetry_held));
        // Over the bounds only by what waits for an answer.
        let bytes: usize = held.iter().map(|id| self.universe[id.as_str()].1).sum();
        if held.len() > self.limits.max_events || bytes > self.limits.max_bytes {
            let out = self.in_flight_ids();
            let queued_telemetry = held
                .iter()
                .any(|id| !out.contains(*id) && self.universe[id.as_str()].0 == Kind::Telemetry);
            let telemetry_out = out
                .iter()
                .any(|id| self.universe[id.as_str()].0 == Kind::Telemetry);
            let all_out = held.iter().all(|id| out.contains(*id));
            prop_assert!(!queued_telemetry, "over the bounds with telemetry to drop");
            prop_assert!(
                telemetry_out || all_out,
                "over the bounds with completions to drop"
            );
        }
        Ok(())
    }

    /// Answers everything 2xx and drains; afterwards every event has a known fate.
    fn finish(&mut self) -> Result<(), TestCaseError> {
        let deletions_before = self.settled().0.len();
        self.h.storage_works = true;
        self.h.apply();
        self.h.writable_from(&mut self.writable);
        while let Some((batch, batch_ids)) = self.out.pop() {
            self.acknowledged.extend(batch_ids);
            self.h.answer(&batch, Outcome::status(200));
        }
        for _ in 0..10_000 {
            let Some(at) = self.h.machine.poll_timeout() else {
                break;
            };
            self.h.now = self.h.now.max(at);
            let before = self.h.machine.in_flight_bytes();
            if let Some(batch) = self.h.transmit() {
                self.sent(batch, before)?;
                if let Some((batch, batch_ids)) = self.out.pop() {
                    self.acknowledged.extend(batch_ids);
                    self.h.answer(&batch, Outcome::status(200));
                }
            }
        }
        prop_assert_eq!(self.h.machine.pending(), 0, "everything settles");
        self.check(deletions_before)
    }
}

/// The counters match what was deleted and reported.
fn check_counters(
    deletions: &[Deletion],
    reports: &[Refusal],
    stats: &Stats,
) -> Result<(), TestCaseError> {
    let by_reason = |f: &dyn Fn(Reason) -> bool| {
        deletions
            .iter()
            .filter(|d| f(d.reason))
            .map(|d| d.ids.len() as u64)
            .sum::<u64>()
    };
    prop_assert_eq!(stats.delivered, by_reason(&|r| r == Reason::Delivered));
    prop_assert_eq!(
        stats.refused,
        by_reason(&|r| matches!(r, Reason::Refused(_)))
    );
    prop_assert_eq!(
        stats.refused,
        reports.iter().map(|r| r.events as u64).sum::<u64>()
    );
    prop_assert_eq!(
        stats.dropped.total(),
        by_reason(&|r| matches!(r, Reason::Dropped(_)))
    );
    Ok(())
}

impl Harness {
    /// Adds the ids whose write has been carried out.
    fn writable_from(&self, writable: &mut HashSet<String>) {
        writable.extend(self.persisted.iter().cloned());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn no_event_is_lost_silently_or_held_twice(
        limits in limits(),
        ops in proptest::collection::vec(op(), 1..80),
    ) {
        let mut world = World::new(limits);
        for op in ops {
            world.step(op)?;
        }
        world.finish()?;
        // Every completion ever written: delivered, refused and reported, dropped and counted,
        // or settled by another tab.
        let (deletions, _) = world.settled();
        for id in &world.order {
            let written = world.h.persisted.contains(id) || world.writable.contains(id);
            if world.universe[id.as_str()].0 == Kind::Completion && written {
                let deleted = deletions.iter().any(|d| d.ids.contains(id));
                prop_assert!(
                    deleted || world.settled_by_others.contains(id),
                    "{} has no known fate",
                    id
                );
            }
        }
    }
}

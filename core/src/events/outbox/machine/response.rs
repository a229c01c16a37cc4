//! Answers: what [`Machine::on_response`] does with each verdict — delete what was delivered,
//! split a refused batch, refuse, or back off.

use std::collections::HashSet;

use super::{InFlight, Machine, Wait};
use crate::events::outbox::batch::BatchId;
use crate::events::outbox::effect::{Deletion, Effect, Reason};
use crate::events::outbox::queue::{Entry, Flight};
use crate::events::outbox::retry::{backoff_ms, verdict, Outcome, Verdict};

impl Machine {
    /// The answer to `batch` (see [`verdict`] for what each status does).
    /// `jitter` in [0, 1] (`Math.random()`) spreads the retry time. Unknown batches are ignored.
    pub fn on_response(&mut self, batch: BatchId, outcome: Outcome, now: u64, jitter: f64) {
        let Some(index) = self.in_flight.iter().position(|f| f.id == batch) else {
            return;
        };
        let flight = self.in_flight.remove(index);
        let ids = self.requeue_members(batch);
        // The status reported with refusals; 0 when there was no answer.
        let code = self.note_outcome(outcome);
        match verdict(outcome) {
            Verdict::Delivered => {
                self.answered();
                self.delivered(&ids);
            }
            Verdict::RefusedContent | Verdict::TooLarge if ids.len() > 1 => {
                self.answered();
                self.split(&ids, &flight, outcome);
            }
            // The whole batch is at fault (401/403/410), or the one event in it is.
            Verdict::Refused | Verdict::RefusedContent | Verdict::TooLarge => {
                self.answered();
                let refused = self.take_ids(&ids);
                self.refuse(refused.into_iter().map(|e| e.record).collect(), code);
            }
            Verdict::Retry => {
                self.schedule_retry(outcome, now, jitter);
            }
        }
        self.enforce_bounds();
    }

    /// The collector answered (whatever it said): the backoff starts over.
    fn answered(&mut self) {
        self.stats.consecutive_failures = 0;
        self.backoff = None;
        self.retry_after = None;
    }

    /// Removes the records with these ids, in the order of `ids`.
    fn take_ids(&mut self, ids: &[String]) -> Vec<Entry> {
        let wanted: HashSet<&str> = ids.iter().map(String::as_str).collect();
        let mut taken = self.queue.take(|e| wanted.contains(e.record.id()));
        // The order `on_response` sorted the batch in (`send_order` is unique per entry).
        taken.sort_by_key(Entry::send_order);
        taken
    }

    /// Puts the records of `batch` back in the queue and returns their ids in the order they
    /// were sent.
    fn requeue_members(&mut self, batch: BatchId) -> Vec<String> {
        let mut members: Vec<(bool, u64, u64, String)> = Vec::new();
        for position in 0..self.queue.len() {
            if let Some(entry) = self.queue.get_mut(position) {
                if entry.flight == Flight::InFlight(batch) {
                    entry.flight = Flight::Queued;
                    let (telemetry, time, seq) = entry.send_order();
                    members.push((telemetry, time, seq, entry.record.id().to_owned()));
                }
            }
        }
        members.sort();
        members.into_iter().map(|(.., id)| id).collect()
    }

    /// Records the last status or error; the status to report with refusals, 0 when there was
    /// no answer.
    fn note_outcome(&mut self, outcome: Outcome) -> u16 {
        match outcome {
            Outcome::Status { code, .. } => {
                self.stats.last_status = Some(code);
                self.stats.last_error = None;
                code
            }
            Outcome::NetworkError => {
                self.stats.last_error = Some("network");
                0
            }
            Outcome::Timeout => {
                self.stats.last_error = Some("timeout");
                0
            }
        }
    }

    /// A 2xx answer: the batch's records are delivered and deleted.
    fn delivered(&mut self, ids: &[String]) {
        let delivered = self.take_ids(ids);
        self.stats.delivered += delivered.len() as u64;
        self.effects.push_back(Effect::Delete(Deletion {
            ids: delivered
                .into_iter()
                .map(|e| e.record.id().to_owned())
                .collect(),
            reason: Reason::Delivered,
        }));
    }

    /// A 400/422/413 answer to a batch of several: it is split in two groups, sent one after
    /// the other; a 413 also lowers what this collector is taken to accept in one request.
    fn split(&mut self, ids: &[String], flight: &InFlight, outcome: Outcome) {
        if verdict(outcome) == Verdict::TooLarge {
            self.server_events = self.server_events.min(ids.len() / 2).max(1);
            self.server_bytes = self.server_bytes.min(flight.bytes.div_ceil(2)).max(1);
        }
        let half = ids.len().div_ceil(2);
        for (n, id) in ids.iter().enumerate() {
            let group = self.next_group + u64::from(n >= half);
            if let Some(entry) = self.queue.position(id).and_then(|p| self.queue.get_mut(p)) {
                entry.group = Some(group);
            }
        }
        self.next_group += 2;
    }

    /// No answer, or one asking to retry: back off, at least as long as `Retry-After` says.
    fn schedule_retry(&mut self, outcome: Outcome, now: u64, jitter: f64) {
        self.stats.failed_attempts += 1;
        self.stats.consecutive_failures = self.stats.consecutive_failures.saturating_add(1);
        let mut delay = backoff_ms(self.stats.consecutive_failures, jitter);
        if let Outcome::Status {
            retry_after: Some(retry_after),
            ..
        } = outcome
        {
            let asked = retry_after.delay_ms(now);
            self.retry_after = Some(Wait {
                from: now,
                ms: asked,
            });
            delay = delay.max(asked);
        }
        self.backoff = Some(Wait {
            from: now,
            ms: delay,
        });
    }
}

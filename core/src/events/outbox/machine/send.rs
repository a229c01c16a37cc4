//! Sending: which records the next request holds, and the request itself — regular sends
//! ([`Machine::poll_transmit`]) and the last one as the page goes away
//! ([`Machine::on_pagehide`]).

use super::{InFlight, Machine, Mode};
use crate::events::outbox::batch::{
    self, Batch, BatchId, Budget, KEEPALIVE_BUDGET_BYTES, MAX_REQUEST_BYTES,
};
use crate::events::outbox::queue::Flight;

impl Machine {
    /// The next regular request, if one may start at `now`: one at a time, not while backing
    /// off, within the batch limits and what the keepalive budget has left.
    pub fn poll_transmit(&mut self, now: u64) -> Option<Batch> {
        if self.regular_in_flight() {
            return None;
        }
        if let Some(wait) = self.backoff.as_mut() {
            if !wait.over(now) {
                return None;
            }
            self.backoff = None;
        }
        let chosen = self.select(Mode::Regular);
        (!chosen.is_empty()).then(|| self.transmit(&chosen, false))
    }

    /// The page is going away: one last request with what fits in the keepalive budget left by
    /// the requests in flight (at most 500 events), completion records first. Backoff is
    /// ignored (this is the last chance), a `Retry-After` is not. Records in a group being
    /// split after a 400/422 wait for the next page.
    pub fn on_pagehide(&mut self, now: u64) -> Option<Batch> {
        if let Some(wait) = self.retry_after.as_mut() {
            if !wait.over(now) {
                return None;
            }
            self.retry_after = None;
        }
        let chosen = self.select(Mode::PageHide);
        (!chosen.is_empty()).then(|| self.transmit(&chosen, true))
    }

    /// Positions of the records the next request in `mode` would hold, in sending order.
    pub(super) fn select(&self, mode: Mode) -> Vec<usize> {
        let remaining = KEEPALIVE_BUDGET_BYTES.saturating_sub(self.in_flight_bytes());
        let hard = remaining.min(MAX_REQUEST_BYTES);
        let budget = match mode {
            Mode::Regular => Budget {
                events: self.limits.batch_events.min(self.server_events),
                bytes: self.limits.batch_bytes.min(self.server_bytes).min(hard),
                first_bytes: hard,
            },
            Mode::PageHide => Budget {
                events: self.server_events,
                bytes: self.server_bytes.min(hard),
                first_bytes: hard,
            },
        };
        let entries = self.queue.entries();
        // Regular sends finish splitting a refused batch before anything else goes out.
        let group = match mode {
            Mode::Regular => entries
                .iter()
                .filter(|e| e.sendable())
                .filter_map(|e| e.group)
                .min(),
            Mode::PageHide => None,
        };
        let mut candidates: Vec<usize> = (0..entries.len())
            .filter(|&i| entries[i].sendable() && entries[i].group == group)
            .collect();
        candidates.sort_by_key(|&i| entries[i].send_order());
        batch::choose(
            candidates
                .into_iter()
                .map(|i| (i, entries[i].record.size())),
            budget,
        )
    }

    /// Marks the chosen records in flight and builds their request.
    fn transmit(&mut self, chosen: &[usize], pagehide: bool) -> Batch {
        let id = BatchId(self.next_batch);
        self.next_batch += 1;
        let mut body = String::from("[");
        for (n, &position) in chosen.iter().enumerate() {
            if let Some(entry) = self.queue.get_mut(position) {
                if n > 0 {
                    body.push(',');
                }
                body.push_str(entry.record.body());
                entry.flight = Flight::InFlight(id);
            }
        }
        body.push(']');
        self.in_flight.push(InFlight {
            id,
            bytes: body.len(),
            pagehide,
        });
        Batch {
            id,
            body,
            events: chosen.len(),
            pagehide,
        }
    }
}

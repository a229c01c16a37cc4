//! Choosing what goes into one request, within a byte and an event budget.

/// Bytes that all `keepalive` requests of a page may have in flight together (the Fetch
/// standard's 64 KiB, shared with `sendBeacon`); a request over it fails at once.
pub const KEEPALIVE_BUDGET_BYTES: usize = 64 * 1024;
/// Largest request body the collector accepts (it answers 413 above it).
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;
/// Most events the collector accepts in one batch (it answers 413 above it).
pub const MAX_REQUEST_EVENTS: usize = 500;

/// Names one request, so its answer can be matched to its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BatchId(pub u64);

/// One request to make: a JSON array of CloudEvents (`application/cloudevents-batch+json`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// Pass it back with the request's outcome.
    pub id: BatchId,
    /// The request body.
    pub body: String,
    /// How many events the body holds.
    pub events: usize,
    /// Sent while the page is going away: nobody may read its answer.
    pub pagehide: bool,
}

impl Batch {
    /// Body size in bytes, as counted against the keepalive budget.
    pub fn bytes(&self) -> usize {
        self.body.len()
    }
}

/// Size of a JSON array holding `count` bodies of `sum` bytes in total: `[a,b,c]`.
pub fn body_size(count: usize, sum: usize) -> usize {
    sum + count.saturating_sub(1) + 2
}

/// What a batch may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Budget {
    /// Most events.
    pub events: usize,
    /// Most body bytes once the batch holds one event.
    pub bytes: usize,
    /// Most body bytes for the first event: a record larger than `bytes` still goes out, alone,
    /// when it fits this (otherwise it would wait forever).
    pub first_bytes: usize,
}

/// Picks, from `candidates` (position and size, in the order they should go), those that fit
/// `budget`: first fit, so one large record does not hold back smaller ones behind it.
pub(crate) fn choose(
    candidates: impl IntoIterator<Item = (usize, usize)>,
    budget: Budget,
) -> Vec<usize> {
    let mut chosen = Vec::new();
    let mut total = 0;
    for (position, size) in candidates {
        if chosen.len() >= budget.events {
            break;
        }
        let (next, limit) = if chosen.is_empty() {
            (body_size(1, size), budget.first_bytes)
        } else {
            (total + 1 + size, budget.bytes)
        };
        if next <= limit {
            total = next;
            chosen.push(position);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(events: usize, bytes: usize) -> Budget {
        Budget {
            events,
            bytes,
            first_bytes: bytes,
        }
    }

    #[test]
    fn the_body_is_a_json_array() {
        assert_eq!(body_size(1, 10), 12);
        assert_eq!(body_size(3, 30), 34);
        assert_eq!(body_size(0, 0), 2);
    }

    #[test]
    fn stops_at_the_event_budget() {
        let sizes = (0..10).map(|i| (i, 5));
        assert_eq!(choose(sizes, budget(3, 1000)), [0, 1, 2]);
    }

    #[test]
    fn fills_the_byte_budget_exactly_and_skips_what_does_not_fit() {
        // [aaaa,bbbb] = 11 bytes; a 20-byte record is skipped, a 2-byte one still fits in 14.
        let chosen = choose([(0, 4), (1, 4), (2, 20), (3, 2)], budget(10, 14));
        assert_eq!(chosen, [0, 1, 3]);
        assert_eq!(choose([(0, 4), (1, 4)], budget(10, 11)), [0, 1]);
        assert_eq!(choose([(0, 4), (1, 4)], budget(10, 10)), [0]);
    }

    #[test]
    fn a_large_first_record_may_use_the_first_budget() {
        let b = Budget {
            events: 10,
            bytes: 10,
            first_bytes: 100,
        };
        assert_eq!(choose([(0, 50), (1, 4)], b), [0]);
        assert_eq!(choose([(0, 500), (1, 3), (2, 3)], b), [1, 2]);
    }
}

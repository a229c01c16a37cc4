//! What a user or an operator would notice, one scenario at a time.

use super::harness::{ids, record, Harness, COMPLETION, TELEMETRY};
use crate::events::outbox::retry::{BACKOFF_CAP_MS, RETRY_AFTER_CAP_MS};
use crate::events::outbox::{
    Admission, Drops, Kind, Limits, Outcome, Reason, Refusal, RetryAfter, KEEPALIVE_BUDGET_BYTES,
    MAX_REQUEST_BYTES,
};

fn big() -> Limits {
    Limits {
        max_events: 10_000,
        max_bytes: 100 << 20,
        ..Limits::default()
    }
}

/// Pushes `n` fresh records, each newer than the last.
fn fill(h: &mut Harness, n: usize, kind: Kind, size: usize) {
    for _ in 0..n {
        let id = format!("{kind:?}-{}", h.counter);
        h.push(record(&id, kind, h.counter, size));
        h.counter += 1;
    }
}

// --- persistence before sending ---------------------------------------------------------------

#[test]
fn an_event_is_not_sent_before_it_is_written() {
    let mut h = Harness::new(Limits::default());
    assert_eq!(
        h.machine.enqueue(record("a", Kind::Completion, 0, 100)),
        Admission::Queued
    );
    assert_eq!(h.machine.poll_timeout(), None);
    assert!(h.machine.poll_transmit(h.now).is_none(), "not written yet");
    h.apply();
    assert!(h.storage.contains_key("a"));
    let batch = h.transmit().expect("sent once written");
    assert_eq!(ids(&batch), ["a"]);
}

#[test]
fn when_storage_refuses_events_live_in_memory_and_are_still_sent() {
    let mut h = Harness::new(Limits::default());
    h.storage_works = false;
    fill(&mut h, 2, Kind::Telemetry, 100);
    assert!(h.storage.is_empty());
    assert_eq!(h.machine.stats().memory_only, 2);
    h.reload();
    assert_eq!(
        h.machine.pending(),
        2,
        "memory-only records survive re-reads"
    );
    let batch = h.transmit().expect("sent from memory");
    assert_eq!(batch.events, 2);
    h.answer(&batch, Outcome::status(200));
    assert_eq!(h.machine.pending(), 0);
}

// --- batching ---------------------------------------------------------------------------------

#[test]
fn batches_hold_at_most_the_batch_event_limit() {
    let mut h = Harness::new(big());
    fill(&mut h, 250, Kind::Telemetry, 100);
    let mut sizes = Vec::new();
    while let Some(batch) = h.transmit() {
        assert!(h.transmit().is_none(), "one regular request at a time");
        sizes.push(batch.events);
        h.answer(&batch, Outcome::status(200));
    }
    assert_eq!(sizes, [100, 100, 50]);
    assert_eq!(h.machine.stats().delivered, 250);
    assert!(h.storage.is_empty());
}

#[test]
fn batches_stay_within_the_byte_limit() {
    let mut h = Harness::new(big());
    fill(&mut h, 100, Kind::Telemetry, 1000);
    let batch = h.transmit().expect("a batch");
    // 32 × 1000 bytes + 31 commas + 2 brackets = 32 033 ≤ 32 768 < 33 034.
    assert_eq!(batch.events, 32);
    assert!(batch.bytes() <= Limits::default().batch_bytes);
    assert_eq!(batch.bytes(), 32_033);
    let body: serde_json::Value = serde_json::from_str(&batch.body).expect("valid JSON");
    assert_eq!(body.as_array().map(Vec::len), Some(32));
}

#[test]
fn completions_go_first_then_the_oldest() {
    let mut h = Harness::new(Limits {
        batch_events: 2,
        ..Limits::default()
    });
    h.push(record("t-old", Kind::Telemetry, 1, 100));
    h.push(record("c-new", Kind::Completion, 9, 100));
    h.push(record("t-older", Kind::Telemetry, 0, 100));
    let batch = h.transmit().expect("a batch");
    assert_eq!(ids(&batch), ["c-new", "t-older"]);
}

#[test]
fn a_record_larger_than_the_batch_limit_still_goes_alone() {
    let mut h = Harness::new(Limits {
        batch_bytes: 1000,
        ..Limits::default()
    });
    h.push(record("big", Kind::Telemetry, 0, 5000));
    h.push(record("small", Kind::Telemetry, 1, 100));
    let batch = h.transmit().expect("a batch");
    assert_eq!(ids(&batch), ["big"]);
}

#[test]
fn an_event_larger_than_any_request_is_refused_at_once_and_reported() {
    let mut h = Harness::new(Limits::default());
    let admission = h
        .machine
        .enqueue(record("huge", Kind::Completion, 0, MAX_REQUEST_BYTES));
    h.apply();
    assert_eq!(admission, Admission::TooLarge);
    assert_eq!(
        h.reports,
        [Refusal {
            status: 413,
            events: 1,
            types: vec![COMPLETION.to_owned()]
        }]
    );
    assert_eq!(h.machine.pending(), 0);
    assert_eq!(h.machine.stats().refused, 1);
}

// --- pagehide ---------------------------------------------------------------------------------

#[test]
fn pagehide_sends_what_fits_in_the_keepalive_budget_left_by_requests_in_flight() {
    let mut h = Harness::new(big());
    fill(&mut h, 150, Kind::Telemetry, 1000);
    let regular = h.transmit().expect("a regular batch");
    assert_eq!(h.machine.in_flight_bytes(), regular.bytes());
    let last = h.machine.on_pagehide(h.now).expect("a pagehide batch");
    assert!(last.pagehide);
    assert!(last.bytes() <= KEEPALIVE_BUDGET_BYTES - regular.bytes());
    // 33 records take 33 034 of the 33 503 bytes left; 34 would take 34 035.
    assert_eq!(last.events, 33);
    let overlap: Vec<String> = ids(&last)
        .into_iter()
        .filter(|id| ids(&regular).contains(id))
        .collect();
    assert!(overlap.is_empty(), "nothing is sent twice at once");
    // Nothing fits any more.
    assert!(h.machine.on_pagehide(h.now).is_none());
    assert!(h.machine.in_flight_bytes() <= KEEPALIVE_BUDGET_BYTES);
}

#[test]
fn pagehide_without_requests_in_flight_uses_the_whole_budget_completions_first() {
    let mut h = Harness::new(big());
    fill(&mut h, 80, Kind::Telemetry, 1000);
    fill(&mut h, 3, Kind::Completion, 1000);
    let last = h.machine.on_pagehide(h.now).expect("a pagehide batch");
    assert!(last.bytes() <= KEEPALIVE_BUDGET_BYTES);
    assert_eq!(last.events, 65);
    assert!(ids(&last)[..3]
        .iter()
        .all(|id| id.starts_with("Completion")));
}

#[test]
fn pagehide_ignores_the_backoff_but_not_retry_after() {
    let mut h = Harness::new(Limits::default());
    fill(&mut h, 1, Kind::Completion, 100);
    let first = h.transmit().expect("sent");
    h.answer(&first, Outcome::status(503));
    assert!(h.transmit().is_none(), "backing off");
    let flushed = h.machine.on_pagehide(h.now).expect("flushed anyway");
    h.answer(&flushed, Outcome::NetworkError);

    let mut h = Harness::new(Limits::default());
    fill(&mut h, 1, Kind::Completion, 100);
    let first = h.transmit().expect("sent");
    h.answer(
        &first,
        Outcome::Status {
            code: 429,
            retry_after: Some(RetryAfter::Seconds(60)),
        },
    );
    assert!(h.machine.on_pagehide(h.now + 59_999).is_none());
    assert!(h.machine.on_pagehide(h.now + 60_000).is_some());
}

// --- retries ----------------------------------------------------------------------------------

/// Fails `n` times in a row with `outcome` and `jitter`; returns the waits the machine chose.
fn waits(outcome: Outcome, n: usize, jitter: f64) -> Vec<u64> {
    let mut h = Harness::new(Limits::default());
    fill(&mut h, 3, Kind::Telemetry, 100);
    let mut waits = Vec::new();
    for _ in 0..n {
        let batch = h.transmit().expect("an attempt");
        h.answer_with(&batch, outcome, jitter);
        assert_eq!(h.machine.pending(), 3, "kept after {outcome:?}");
        let at = h.machine.poll_timeout().expect("a retry time");
        assert!(h.machine.poll_transmit(at - 1).is_none(), "not before");
        waits.push(at - h.now);
        h.now = at;
    }
    waits
}

#[test]
fn every_retryable_answer_retries_with_growing_capped_jittered_delays() {
    let mut retryable: Vec<Outcome> = [408, 429, 500, 502, 503, 504, 404, 415, 409]
        .into_iter()
        .map(Outcome::status)
        .collect();
    retryable.extend([Outcome::NetworkError, Outcome::Timeout]);
    for outcome in retryable {
        assert_eq!(
            waits(outcome, 9, 0.0),
            [500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000],
            "{outcome:?}"
        );
        assert_eq!(
            waits(outcome, 6, 1.0),
            [1000, 2000, 4000, 8000, 16_000, 30_000],
            "{outcome:?}"
        );
        let half = waits(outcome, 3, 0.5);
        assert_eq!(half, [750, 1500, 3000], "{outcome:?}");
    }
    assert!(waits(Outcome::NetworkError, 50, 1.0)
        .iter()
        .all(|&w| w <= BACKOFF_CAP_MS));
}

#[test]
fn a_success_starts_the_backoff_over() {
    let mut h = Harness::new(Limits::default());
    fill(&mut h, 1, Kind::Telemetry, 100);
    for _ in 0..4 {
        let b = h.transmit().expect("attempt");
        h.answer(&b, Outcome::NetworkError);
        h.now = h.machine.poll_timeout().expect("retry");
    }
    let b = h.transmit().expect("attempt");
    h.answer(&b, Outcome::status(200));
    assert_eq!(h.machine.stats().consecutive_failures, 0);
    fill(&mut h, 1, Kind::Telemetry, 100);
    let b = h.transmit().expect("sent at once");
    h.answer(&b, Outcome::status(503));
    assert_eq!(h.machine.poll_timeout(), Some(h.now + 500));
}

#[test]
fn retry_after_in_seconds_is_honoured_and_capped() {
    let retry = |value: &str, failures_before: usize| {
        let mut h = Harness::new(Limits::default());
        fill(&mut h, 1, Kind::Telemetry, 100);
        for _ in 0..failures_before {
            let b = h.transmit().expect("attempt");
            h.answer(&b, Outcome::NetworkError);
            h.now = h.machine.poll_timeout().expect("retry");
        }
        let b = h.transmit().expect("attempt");
        let retry_after = RetryAfter::parse(value);
        h.answer(
            &b,
            Outcome::Status {
                code: 429,
                retry_after,
            },
        );
        h.machine.poll_timeout().expect("retry") - h.now
    };
    assert_eq!(retry("120", 0), 120_000);
    assert_eq!(retry("0", 0), 500, "never sooner than the backoff");
    assert_eq!(retry("1", 6), 30_000, "the backoff wins when longer");
    assert_eq!(retry("86400", 0), RETRY_AFTER_CAP_MS);
}

#[test]
fn retry_after_as_an_http_date_is_honoured() {
    let mut h = Harness::new(Limits::default());
    // Sun, 06 Nov 1994 08:49:37 GMT, 45 s from "now".
    h.now = 784_111_777_000 - 45_000;
    fill(&mut h, 1, Kind::Telemetry, 100);
    let b = h.transmit().expect("attempt");
    h.answer(
        &b,
        Outcome::Status {
            code: 503,
            retry_after: RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT"),
        },
    );
    assert_eq!(h.machine.poll_timeout(), Some(784_111_777_000));
    assert_eq!(h.machine.stats().next_attempt_at, Some(784_111_777_000));
}

#[test]
fn a_clock_set_back_never_stretches_the_wait_beyond_the_cap() {
    let mut h = Harness::new(Limits::default());
    fill(&mut h, 1, Kind::Telemetry, 100);
    let b = h.transmit().expect("attempt");
    h.answer(&b, Outcome::NetworkError);
    let earlier = h.now - 3_600_000;
    assert!(h.machine.poll_transmit(earlier).is_none());
    assert_eq!(
        h.machine.poll_timeout(),
        Some(earlier + 500),
        "the wait restarts"
    );
    let mut h2 = Harness::new(Limits::default());
    fill(&mut h2, 1, Kind::Telemetry, 100);
    let b = h2.transmit().expect("attempt");
    h2.answer(
        &b,
        Outcome::Status {
            code: 429,
            retry_after: Some(RetryAfter::Seconds(300)),
        },
    );
    let back = h2.now - 3_600_000;
    assert!(h2.machine.poll_transmit(back).is_none());
    assert_eq!(h2.machine.poll_timeout(), Some(back + RETRY_AFTER_CAP_MS));
}

// --- refusals ---------------------------------------------------------------------------------

#[test]
fn refusals_of_the_whole_page_remove_the_batch_and_report_it() {
    for status in [401, 403, 410] {
        let mut h = Harness::new(Limits::default());
        h.push(record("t1", Kind::Telemetry, 0, 100));
        h.push(record("c1", Kind::Completion, 1, 100));
        h.push(record("t2", Kind::Telemetry, 2, 100));
        let batch = h.transmit().expect("a batch");
        h.answer(&batch, Outcome::status(status));
        assert_eq!(h.machine.pending(), 0, "{status}");
        assert!(h.storage.is_empty(), "{status}");
        assert_eq!(
            h.reports,
            [Refusal {
                status,
                events: 3,
                types: vec![COMPLETION.to_owned(), TELEMETRY.to_owned()],
            }]
        );
        assert_eq!(h.deleted(Reason::Refused(status)).len(), 3);
        assert!(h.transmit().is_none(), "never sent again");
        assert_eq!(h.machine.stats().refused, 3);
        assert_eq!(h.machine.stats().consecutive_failures, 0);
    }
}

/// A collector that refuses a whole batch with `status` when it holds `bad`.
fn serve_refusing(h: &mut Harness, bad: &str, status: u16) -> usize {
    let mut requests = 0;
    while let Some(batch) = h.transmit() {
        requests += 1;
        let code = if ids(&batch).iter().any(|id| id == bad) {
            status
        } else {
            200
        };
        h.answer(&batch, Outcome::status(code));
    }
    requests
}

#[test]
fn one_invalid_event_is_isolated_and_refused_alone() {
    for status in [400, 422] {
        let mut h = Harness::new(Limits::default());
        for i in 0..16 {
            h.push(record(&format!("e{i}"), Kind::Telemetry, i, 100));
        }
        let requests = serve_refusing(&mut h, "e5", status);
        assert_eq!(h.machine.pending(), 0);
        assert_eq!(h.deleted(Reason::Refused(status)), ["e5"]);
        assert_eq!(h.deleted(Reason::Delivered).len(), 15);
        assert_eq!(
            h.reports,
            [Refusal {
                status,
                events: 1,
                types: vec![TELEMETRY.to_owned()]
            }]
        );
        // 1 + 2 per halving (16 → 8 → 4 → 2 → 1).
        assert_eq!(requests, 9, "{status}");
    }
}

#[test]
fn a_single_invalid_event_is_refused_at_once() {
    for status in [400, 422] {
        let mut h = Harness::new(Limits::default());
        h.push(record("bad", Kind::Completion, 0, 100));
        let batch = h.transmit().expect("a batch");
        h.answer(&batch, Outcome::status(status));
        assert_eq!(h.machine.pending(), 0);
        assert_eq!(h.reports.len(), 1);
        assert_eq!(h.reports[0].status, status);
    }
}

#[test]
fn new_events_wait_while_a_refused_batch_is_split() {
    let mut h = Harness::new(Limits::default());
    for i in 0..4 {
        h.push(record(&format!("old{i}"), Kind::Telemetry, i, 100));
    }
    let batch = h.transmit().expect("a batch");
    h.answer(&batch, Outcome::status(422));
    h.push(record("new", Kind::Completion, 9, 100));
    let half = h.transmit().expect("half");
    assert_eq!(ids(&half), ["old0", "old1"]);
    let pagehide = h.machine.on_pagehide(h.now).expect("pagehide");
    assert_eq!(
        ids(&pagehide),
        ["new"],
        "suspect records are not mixed into the last request"
    );
}

#[test]
fn too_large_batches_are_split_and_later_batches_stay_smaller() {
    let mut h = Harness::new(big());
    fill(&mut h, 100, Kind::Telemetry, 300);
    let first = h.transmit().expect("a batch");
    assert_eq!(first.events, 100);
    h.answer(&first, Outcome::status(413));
    assert_eq!(h.machine.pending(), 100, "nothing is lost to a 413");
    let half = h.transmit().expect("half");
    assert_eq!(half.events, 50);
    h.answer(&half, Outcome::status(200));
    fill(&mut h, 100, Kind::Telemetry, 300);
    let mut sizes = Vec::new();
    while let Some(b) = h.transmit() {
        sizes.push(b.events);
        h.answer(&b, Outcome::status(200));
    }
    assert!(sizes.iter().all(|&n| n <= 50), "{sizes:?}");
    assert_eq!(h.machine.stats().delivered, 200);
}

#[test]
fn after_a_413_for_bytes_later_requests_stay_under_half_that_size() {
    let mut h = Harness::new(Limits {
        batch_bytes: 64 * 1024,
        ..big()
    });
    fill(&mut h, 10, Kind::Telemetry, 5000);
    let first = h.transmit().expect("a batch");
    assert_eq!(first.events, 10);
    h.answer(&first, Outcome::status(413));
    let limit = first.bytes().div_ceil(2);
    fill(&mut h, 20, Kind::Telemetry, 6000);
    let mut sent = 0;
    while let Some(b) = h.transmit() {
        assert!(b.bytes() <= limit, "{} > {limit}", b.bytes());
        sent += b.events;
        h.answer(&b, Outcome::status(200));
    }
    assert_eq!(sent, 30);
}

#[test]
fn a_group_being_split_stays_together_through_retries() {
    let mut h = Harness::new(Limits::default());
    for i in 0..4 {
        h.push(record(&format!("old{i}"), Kind::Telemetry, i, 100));
    }
    let batch = h.transmit().expect("a batch");
    h.answer(&batch, Outcome::status(400));
    let half = h.transmit().expect("half");
    assert_eq!(ids(&half), ["old0", "old1"]);
    h.answer(&half, Outcome::status(503));
    h.push(record("new", Kind::Telemetry, 9, 100));
    h.now = h.machine.poll_timeout().expect("a retry");
    let again = h.transmit().expect("the same half again");
    assert_eq!(ids(&again), ["old0", "old1"], "not mixed with new events");
}

#[test]
fn a_single_event_too_large_for_the_collector_is_refused() {
    let mut h = Harness::new(Limits::default());
    h.push(record("big", Kind::Completion, 0, 20_000));
    let b = h.transmit().expect("a batch");
    h.answer(&b, Outcome::status(413));
    assert_eq!(h.reports[0].status, 413);
    assert_eq!(h.machine.pending(), 0);
}

#[test]
fn an_answer_to_an_unknown_batch_changes_nothing() {
    let mut h = Harness::new(Limits::default());
    fill(&mut h, 1, Kind::Telemetry, 100);
    let b = h.transmit().expect("a batch");
    h.answer(&b, Outcome::status(200));
    h.answer(&b, Outcome::status(401));
    assert!(h.reports.is_empty());
    assert_eq!(h.machine.stats().delivered, 1);
}

// --- bounds -----------------------------------------------------------------------------------

#[test]
fn over_the_event_bound_telemetry_goes_first_oldest_first() {
    let mut h = Harness::new(Limits {
        max_events: 4,
        ..Limits::default()
    });
    h.push(record("t0", Kind::Telemetry, 0, 100));
    h.push(record("c0", Kind::Completion, 1, 100));
    h.push(record("t1", Kind::Telemetry, 2, 100));
    h.push(record("c1", Kind::Completion, 3, 100));
    h.push(record("c2", Kind::Completion, 4, 100));
    h.push(record("t2", Kind::Telemetry, 5, 100));
    assert_eq!(h.deleted(Reason::Dropped(Kind::Telemetry)), ["t0", "t1"]);
    // Only completions and the newest telemetry are left; the next telemetry goes first.
    h.push(record("c3", Kind::Completion, 6, 100));
    assert_eq!(
        h.deleted(Reason::Dropped(Kind::Telemetry)),
        ["t0", "t1", "t2"]
    );
    assert!(h.deleted(Reason::Dropped(Kind::Completion)).is_empty());
    // Only completions left: the oldest completion goes.
    h.push(record("c4", Kind::Completion, 7, 100));
    assert_eq!(h.deleted(Reason::Dropped(Kind::Completion)), ["c0"]);
    assert_eq!(
        h.machine.stats().dropped,
        Drops {
            telemetry: 3,
            completion: 1
        }
    );
    assert_eq!(h.machine.pending(), 4);
    assert_eq!(
        h.storage.keys().cloned().collect::<Vec<_>>(),
        ["c1", "c2", "c3", "c4"]
    );
}

#[test]
fn over_the_byte_bound_telemetry_goes_first() {
    let mut h = Harness::new(Limits {
        max_bytes: 3000,
        ..Limits::default()
    });
    h.push(record("c0", Kind::Completion, 0, 1000));
    h.push(record("t0", Kind::Telemetry, 1, 1000));
    h.push(record("t1", Kind::Telemetry, 2, 500));
    h.push(record("c1", Kind::Completion, 3, 1000));
    assert_eq!(h.deleted(Reason::Dropped(Kind::Telemetry)), ["t0"]);
    assert_eq!(h.machine.pending(), 3);
    h.push(record("c2", Kind::Completion, 4, 1000));
    assert_eq!(h.deleted(Reason::Dropped(Kind::Telemetry)), ["t0", "t1"]);
    assert!(h.deleted(Reason::Dropped(Kind::Completion)).is_empty());
    h.push(record("c3", Kind::Completion, 5, 1000));
    assert_eq!(h.deleted(Reason::Dropped(Kind::Completion)), ["c0"]);
    assert_eq!(h.machine.pending(), 3);
}

#[test]
fn the_default_bounds_are_200_events_and_256_kib() {
    let mut h = Harness::new(Limits::default());
    fill(&mut h, 10, Kind::Completion, 100);
    fill(&mut h, 250, Kind::Telemetry, 100);
    assert_eq!(h.machine.pending(), 200);
    assert_eq!(h.machine.stats().dropped.telemetry, 60);
    let mut h = Harness::new(Limits::default());
    fill(&mut h, 100, Kind::Completion, 3000);
    assert_eq!(h.machine.pending(), 87, "87 × 3000 ≤ 262 144 < 88 × 3000");
    assert_eq!(h.machine.stats().dropped.completion, 13);
}

#[test]
fn records_in_flight_are_not_dropped_and_bounds_apply_after_their_answer() {
    let mut h = Harness::new(Limits {
        max_events: 2,
        ..Limits::default()
    });
    h.push(record("a", Kind::Telemetry, 0, 100));
    h.push(record("b", Kind::Telemetry, 1, 100));
    let batch = h.transmit().expect("a batch");
    h.push(record("c", Kind::Telemetry, 2, 100));
    assert_eq!(h.deleted(Reason::Dropped(Kind::Telemetry)), ["c"]);
    h.push(record("d", Kind::Completion, 3, 100));
    assert_eq!(h.machine.pending(), 3, "over only by what is in flight");
    h.answer(&batch, Outcome::NetworkError);
    assert_eq!(h.deleted(Reason::Dropped(Kind::Telemetry)), ["c", "a"]);
    assert_eq!(h.machine.pending(), 2);
}

// --- duplicates, storage and other tabs --------------------------------------------------------

#[test]
fn the_same_event_is_held_once() {
    let mut h = Harness::new(Limits::default());
    h.push(record("a", Kind::Completion, 0, 100));
    assert_eq!(
        h.machine.enqueue(record("a", Kind::Completion, 0, 100)),
        Admission::Duplicate
    );
    h.reload();
    h.reload();
    let twice = vec![
        record("b", Kind::Telemetry, 1, 100),
        record("b", Kind::Telemetry, 1, 100),
    ];
    h.machine.on_storage_loaded(twice.clone(), false);
    h.machine.on_storage_loaded(twice, false);
    h.apply();
    assert_eq!(h.machine.pending(), 2);
    let batch = h.transmit().expect("a batch");
    assert_eq!(ids(&batch), ["a", "b"]);
}

#[test]
fn records_left_by_earlier_pages_or_other_tabs_are_picked_up() {
    let mut h = Harness::new(Limits::default());
    h.storage
        .insert("old".into(), record("old", Kind::Completion, 0, 100));
    h.reload();
    let batch = h.transmit().expect("a batch");
    assert_eq!(ids(&batch), ["old"]);
    h.answer(&batch, Outcome::status(200));
    assert!(h.storage.is_empty(), "removed once acknowledged");
}

#[test]
fn records_another_tab_settled_are_forgotten_but_only_when_storage_was_read_whole() {
    let mut h = Harness::new(Limits::default());
    fill(&mut h, 3, Kind::Telemetry, 100);
    h.storage.remove("Telemetry-0");
    h.machine
        .on_storage_loaded(h.storage.values().cloned().collect(), false);
    assert_eq!(h.machine.pending(), 3, "a partial read proves nothing");
    h.reload();
    assert_eq!(h.machine.pending(), 2);
    assert_eq!(h.machine.stats().settled_elsewhere, 1);
    assert!(
        h.deletions.is_empty(),
        "this tab deletes nothing it did not settle"
    );
}

#[test]
fn a_record_in_flight_is_kept_even_if_another_tab_settles_it() {
    let mut h = Harness::new(Limits::default());
    fill(&mut h, 1, Kind::Telemetry, 100);
    let batch = h.transmit().expect("a batch");
    h.storage.clear();
    h.reload();
    assert_eq!(h.machine.pending(), 1);
    h.answer(&batch, Outcome::status(200));
    assert_eq!(h.machine.stats().delivered, 1);
}

// --- the loop ---------------------------------------------------------------------------------

#[test]
fn the_loop_sleeps_when_idle_and_while_a_request_is_out() {
    let mut h = Harness::new(Limits::default());
    assert_eq!(h.machine.poll_timeout(), None, "nothing to do");
    fill(&mut h, 1, Kind::Telemetry, 100);
    assert!(h.machine.poll_timeout().is_some_and(|t| t <= h.now));
    let batch = h.transmit().expect("a batch");
    assert_eq!(h.machine.poll_timeout(), None, "waits for the answer");
    fill(&mut h, 1, Kind::Telemetry, 100);
    assert_eq!(
        h.machine.poll_timeout(),
        None,
        "still one request at a time"
    );
    h.answer(&batch, Outcome::status(200));
    assert!(h.machine.poll_timeout().is_some_and(|t| t <= h.now));
    h.drain();
    assert_eq!(h.machine.poll_timeout(), None);
}

#[test]
fn stats_add_up() {
    let mut h = Harness::new(Limits::default());
    fill(&mut h, 3, Kind::Telemetry, 100);
    let b = h.transmit().expect("a batch");
    let s = h.machine.stats();
    assert_eq!((s.pending, s.in_flight), (3, 3));
    h.answer(&b, Outcome::Timeout);
    let s = h.machine.stats();
    assert_eq!(s.failed_attempts, 1);
    assert_eq!(s.last_error, Some("timeout"));
    assert_eq!(s.next_attempt_at, Some(h.now + 500));
    h.drain();
    let s = h.machine.stats();
    assert_eq!(
        (s.pending, s.delivered, s.last_status, s.last_error),
        (0, 3, Some(200), None)
    );
    assert_eq!(s.next_attempt_at, None);
    let json = serde_json::to_value(&s).expect("serializable");
    for key in [
        "pending",
        "inFlight",
        "memoryOnly",
        "delivered",
        "refused",
        "dropped",
        "settledElsewhere",
        "failedAttempts",
        "consecutiveFailures",
        "nextAttemptAt",
        "lastStatus",
        "lastError",
    ] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
    assert_eq!(
        json["dropped"],
        serde_json::json!({"telemetry": 0, "completion": 0})
    );
}

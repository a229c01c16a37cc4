//! The outbox: getting every event to the collector without losing it, as a deterministic
//! state machine with time and randomness as inputs (the browser adapter is
//! `riskguard::web::Outbox`).
//!
//! - [`record`]: one event as stored and sent; telemetry or a completion record.
//! - [`queue`]: the bounds (200 events, 256 KiB by default) and the drop policy.
//! - [`batch`]: what goes into one request (count, bytes, the 64 KiB keepalive budget).
//! - [`retry`]: what each answer means, backoff with jitter, `Retry-After`.
//! - [`machine`]: the state machine tying them together ([`Machine`]).
//! - [`effect`], [`stats`]: what it asks the adapter to do, and what it counts.

pub mod batch;
pub mod effect;
pub mod machine;
pub mod queue;
pub mod record;
pub mod retry;
pub mod stats;

#[cfg(test)]
mod tests;

pub use batch::{Batch, BatchId, KEEPALIVE_BUDGET_BYTES, MAX_REQUEST_BYTES, MAX_REQUEST_EVENTS};
pub use effect::{Deletion, Effect, Reason, Refusal};
pub use machine::{Admission, Machine};
pub use queue::Limits;
pub use record::{Kind, Record, RecordError};
pub use retry::{backoff_ms, verdict, Outcome, RetryAfter, Verdict};
pub use stats::{Drops, Stats};

//! Events the component sends to the backend, as CloudEvents 1.0 (structured JSON mode).
//!
//! The collector parses requests with [`parse_request`], so the component and the backend can
//! never disagree about what an event looks like.

mod data;
mod envelope;
pub mod outbox;
mod parse;

pub use data::{
    Decision, EventData, Interaction, QuizCompleted, QuizStarted, WarningDecided,
    WarningInteracted, WarningReported, WarningShown,
};
pub use envelope::{Event, SPEC_VERSION};
pub use parse::{parse_request, EventError, BATCH_CONTENT_TYPE, SINGLE_CONTENT_TYPE};

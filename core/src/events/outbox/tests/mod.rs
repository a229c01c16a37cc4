//! Native tests of the outbox state machine: scenarios a user or an operator would notice, and
//! properties over random sequences of events, answers and time.

mod harness;
mod properties;
mod scenarios;

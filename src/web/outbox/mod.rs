//! The browser adapter of the outbox (the decisions are the core's
//! [`riskguard_core::events::outbox::Machine`]): localStorage, `fetch` with `keepalive`,
//! timers and `pagehide`.

mod alarm;
mod config;
mod driver;
mod storage;
mod transport;

pub use config::{Headers, OutboxConfig, OutboxOptions};
pub use driver::Outbox;

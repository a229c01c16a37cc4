//! The pure core of riskguard: values in, decisions out, no I/O.
//!
//! Nothing in this crate touches the DOM, the network, storage or the clock: time is passed in
//! as a value. That is what lets the same code run natively (tests, the `riskguard` command,
//! the collector) and in the browser (the Leptos component in the `riskguard` crate).
//!
//! - [`risk`]: the transfer a host hands in, the rules, and [`risk::assess`].
//! - [`quiz`]: the question bank and the quiz session state machine.
//! - [`events`]: CloudEvents 1.0 envelopes and their typed data, shared with the collector.
//! - [`warning`]: warning policy — habituation (exposure history) and the purpose question.
//! - [`i18n`]: the compiled-in Fluent catalogs, locale negotiation and money formatting.

pub mod events;
pub mod i18n;
pub mod quiz;
pub mod random;
pub mod risk;
pub mod warning;

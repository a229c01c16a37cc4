//! riskguard: contextual crypto-scam warnings and an educational quiz for payment apps.
//!
//! - [`core`] (the `riskguard-core` crate): the pure logic — assessment, quiz, events, text.
//! - [`ui`]: Leptos components (`<RiskWarning>`, `<Quiz>`, `<Guard>`) for Leptos hosts.
//! - [`web`]: the browser adapters and the JS API (`mount(element, options)`), for any page.
//!
//! Data flows one way: a transfer goes through [`core::risk::assess`], the assessment is shown
//! by the UI, and the user's [`core::events::Decision`] goes back to the host, while events go
//! to the backend through the outbox.

pub use riskguard_core as core;

pub mod ui;
pub mod web;

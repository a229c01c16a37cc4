//! The only part of riskguard that touches the browser: the JS API, storage and the network.

mod js_value;
mod mount;
mod options;
mod outbox;

pub use mount::{mount, RiskGuard};
pub use options::MountOptions;
pub use outbox::Outbox;

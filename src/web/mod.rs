//! The only part of riskguard that touches the browser: the JS API, storage and the network.

mod host_hooks;
mod js_contract;
mod js_value;
mod mount;
mod options;
mod outbox;
mod overrides;
mod preview;
mod session;
mod stored;

pub use mount::{mount, RiskGuard};
pub use options::MountOptions;
pub use outbox::Outbox;
pub use preview::{preview, Preview};

//! `<RiskWarning>`: what stands between the user and a risky transfer.
//!
//! CSS: the `rg-interstitial` block in `style/riskguard.css`.

mod blocked;
mod details;
mod interstitial;
mod topic;
mod warning;

pub use warning::RiskWarning;

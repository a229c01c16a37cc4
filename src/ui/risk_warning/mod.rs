//! `<RiskWarning>`: what stands between the user and a risky transfer.
//!
//! CSS: the `rg-interstitial` block in `style/riskguard.css`.

mod blocked;
mod details;
mod hint;
mod interstitial;
mod purpose;
mod report;
mod topic;
mod warning;

pub use hint::Hint;
pub use warning::RiskWarning;

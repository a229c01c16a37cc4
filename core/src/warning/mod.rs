//! Warning policy: what the interstitial should do beyond the assessment itself — when a check
//! interrupts and how it ends ([`Check`]), fight habituation ([`ExposureLog`]) and read the
//! answer to the purpose question ([`PurposeAnswer`]). Pure: time is passed in, persistence
//! belongs to the web adapter.

mod check;
mod exposure;
mod purpose;

pub use check::{Check, Ended, Opening, Report};
pub use exposure::{payee_key, Exposure, ExposureLog, VARIANTS};
pub use purpose::{Purpose, PurposeAnswer};

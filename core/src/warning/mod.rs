//! Warning policy: what the interstitial should do beyond the assessment itself —
//! fight habituation ([`ExposureLog`]) and read the answer to the purpose question
//! ([`PurposeAnswer`]). Pure: time is passed in, persistence belongs to the web adapter.

mod exposure;
mod purpose;

pub use exposure::{payee_key, Exposure, ExposureLog, VARIANTS};
pub use purpose::{Purpose, PurposeAnswer};

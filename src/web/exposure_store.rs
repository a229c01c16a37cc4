//! The device's warning history ([`ExposureLog`]) kept in localStorage.

use gloo_storage::{LocalStorage, Storage};
use riskguard_core::warning::ExposureLog;

/// localStorage key of the exposure log.
pub const STORAGE_KEY: &str = "riskguard.exposure.v1";

/// Reads the log; a missing or unreadable entry starts a new one (it only tunes presentation).
pub fn load() -> ExposureLog {
    LocalStorage::get(STORAGE_KEY).unwrap_or_default()
}

/// Writes the log. When storage refuses (full, disabled), the log lives on in memory for this
/// page and a warning says so.
pub fn save(log: &ExposureLog) {
    if let Err(e) = LocalStorage::set(STORAGE_KEY, log) {
        web_sys::console::warn_1(
            &format!("riskguard: localStorage refused the warning history ({e}); kept in memory")
                .into(),
        );
    }
}

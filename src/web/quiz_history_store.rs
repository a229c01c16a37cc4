//! The quiz history ([`QuizHistory`]: the last completion) kept in localStorage, for boosters.

use gloo_storage::{LocalStorage, Storage};
use riskguard_core::quiz::QuizHistory;
use wasm_bindgen::JsCast;

/// localStorage key of the quiz history.
pub const STORAGE_KEY: &str = "riskguard.quiz.v1";

/// Reads the history. Nothing stored means the quiz was never completed on this device; an
/// unreadable entry is reported and treated the same way (a refresher is then due, the safe
/// side for education).
pub fn load() -> Option<QuizHistory> {
    let text = LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten()?;
    match QuizHistory::from_json(&text) {
        Ok(history) => Some(history),
        Err(e) => {
            web_sys::console::warn_1(
                &format!("riskguard: {e}; the quiz counts as never completed on this device")
                    .into(),
            );
            None
        }
    }
}

/// Writes the history. When storage refuses (full, disabled), the history lives on in memory
/// for this page and a warning says so.
pub fn save(history: &QuizHistory) {
    if let Err(e) = LocalStorage::raw().set_item(STORAGE_KEY, &history.to_json()) {
        let reason = e.dyn_ref::<js_sys::Error>().map_or_else(
            || "storage refused the write".to_owned(),
            |e| e.message().into(),
        );
        web_sys::console::warn_1(
            &format!("riskguard: localStorage refused the quiz history ({reason}); kept in memory")
                .into(),
        );
    }
}

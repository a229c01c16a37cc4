//! Values this device keeps in localStorage between visits: the warning history
//! ([`ExposureLog`]) and the quiz history ([`QuizHistory`]). One way to read and write them:
//! an unreadable entry is reported and read as nothing (each type says what that means), and a
//! refused write (storage full or disabled) is reported while the value lives on in memory for
//! this page.

use riskguard_core::quiz::QuizHistory;
use riskguard_core::warning::ExposureLog;
use wasm_bindgen::JsCast;

/// A value kept under one localStorage key.
pub trait Stored: Sized {
    /// Its localStorage key (versioned: a new format gets a new key).
    const KEY: &'static str;
    /// What it is, in the console warnings (`the warning history`).
    const WHAT: &'static str;
    /// What reading nothing means, in the console warning for an unreadable entry.
    const IF_UNREADABLE: &'static str;
    /// The text to store.
    fn encode(&self) -> String;
    /// Reads stored text, naming what is wrong.
    fn decode(text: &str) -> Result<Self, String>;
}

impl Stored for ExposureLog {
    const KEY: &'static str = "riskguard.exposure.v1";
    const WHAT: &'static str = "the warning history";
    const IF_UNREADABLE: &'static str = "warnings count as never seen on this device";

    fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn decode(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("stored warning history is invalid: {e}"))
    }
}

impl Stored for QuizHistory {
    const KEY: &'static str = "riskguard.quiz.v1";
    const WHAT: &'static str = "the quiz history";
    // A refresher is then due: the safe side for education.
    const IF_UNREADABLE: &'static str = "the quiz counts as never completed on this device";

    fn encode(&self) -> String {
        self.to_json()
    }

    fn decode(text: &str) -> Result<Self, String> {
        QuizHistory::from_json(text)
    }
}

/// The page's localStorage; `None` without a window or when the browser denies it.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the value; `None` when nothing is stored or the entry is unreadable (reported).
pub fn load<T: Stored>() -> Option<T> {
    let storage = local_storage()?;
    let text = storage.get_item(T::KEY).ok().flatten()?;
    match T::decode(&text) {
        Ok(value) => Some(value),
        Err(e) => {
            warn(&format!("riskguard: {e}; {}", T::IF_UNREADABLE));
            None
        }
    }
}

/// Writes the value. When storage refuses, it lives on in memory and a warning says so.
pub fn save<T: Stored>(value: &T) {
    let written = local_storage()
        .ok_or_else(|| "localStorage is not available".to_owned())
        .and_then(|storage| {
            storage.set_item(T::KEY, &value.encode()).map_err(|e| {
                e.dyn_ref::<js_sys::Error>().map_or_else(
                    || "storage refused the write".to_owned(),
                    |e| e.message().into(),
                )
            })
        });
    if let Err(reason) = written {
        warn(&format!(
            "riskguard: localStorage refused {} ({reason}); kept in memory",
            T::WHAT
        ));
    }
}

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

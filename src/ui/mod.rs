//! Leptos components. They render what the core decided and report what the user did; they
//! never assess, store or send anything themselves.

pub(crate) mod dom;
mod focus_trap;
mod guard;
mod i18n;
mod modal_dialog;
mod quiz;
mod risk_warning;

pub use guard::{Guard, GuardEvents, PendingCheck};
pub use i18n::{provide_i18n, provide_i18n_with, use_i18n, I18n};
pub use modal_dialog::ModalDialog;
pub use quiz::{AttemptStarted, Quiz};
pub use risk_warning::{Hint, RiskWarning};

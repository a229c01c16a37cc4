use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use riskguard_core::events::Decision;
use riskguard_core::risk::{Assessment, Level, TransferContext};

use super::blocked::Blocked;
use super::interstitial::Interstitial;

/// The warning for one assessed transfer: an interstitial for `medium` and `high`, a dialog
/// without a way to proceed for `blocked`, nothing below `medium`.
///
/// The safe action ("Cancel transfer", or the acknowledgement when blocked) is primary and
/// focused on open; Escape takes it too.
#[component]
pub fn RiskWarning(
    /// The transfer being checked. Its payee name is shown, always as text.
    transfer: TransferContext,
    /// What `assess()` concluded about it.
    assessment: Assessment,
    /// Called once with what the user chose.
    on_decide: UnsyncCallback<Decision>,
    /// When given, the warning offers the quiz and calls this when the user asks for it.
    #[prop(optional)]
    on_learn: Option<UnsyncCallback<()>>,
) -> impl IntoView {
    match assessment.level {
        Level::Blocked => view! { <Blocked transfer on_decide /> }.into_any(),
        level if level.interrupts() => {
            view! { <Interstitial transfer assessment on_decide on_learn /> }.into_any()
        }
        _ => ().into_any(),
    }
}

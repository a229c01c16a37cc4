use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use riskguard_core::events::{Decision, Interaction};
use riskguard_core::risk::{Assessment, Level, TransferContext};

use super::blocked::Blocked;
use super::hint::Hint;
use super::interstitial::Interstitial;

/// The warning for one assessed transfer, with friction in proportion to the level:
/// `low` an inline hint (no interruption), `medium` the interstitial, `high` the interstitial
/// plus a purpose question before a way to proceed is offered, `blocked` a dialog without a
/// way to proceed. Nothing for `none`.
///
/// The safe action is primary and focused on open; Escape takes it too.
#[component]
pub fn RiskWarning(
    /// The transfer being checked. Its payee name is shown, always as text.
    transfer: TransferContext,
    /// What `assess()` concluded about it.
    assessment: Assessment,
    /// Called once with what the user chose (`Allowed` when a hint is dismissed).
    on_decide: UnsyncCallback<Decision>,
    /// Which presentation to use (0, 1, 2): change it for repeat exposures so the warning does
    /// not become wallpaper (see `riskguard_core::warning::ExposureLog::variant`).
    #[prop(optional)]
    variant: u32,
    /// When given, the warning offers the quiz and calls this when the user asks for it.
    #[prop(optional)]
    on_learn: Option<UnsyncCallback<()>>,
    /// When given, the warning offers "This warning is wrong" and calls this on use.
    #[prop(optional)]
    on_report: Option<UnsyncCallback<()>>,
    /// Told about interactions inside the warning (details opened, purpose answered…).
    #[prop(optional)]
    on_interaction: Option<UnsyncCallback<Interaction>>,
    /// The host's help or appeal page, linked from the blocked dialog (http, https or a path).
    #[prop(default = None)]
    help_url: Option<String>,
) -> impl IntoView {
    match assessment.level {
        Level::None => ().into_any(),
        Level::Low => view! { <Hint assessment on_dismiss=on_decide /> }.into_any(),
        Level::Blocked => view! { <Blocked transfer on_decide help_url /> }.into_any(),
        Level::Medium | Level::High => view! {
            <Interstitial
                transfer
                assessment
                variant
                on_decide
                on_learn
                on_report
                on_interaction
            />
        }
        .into_any(),
    }
}

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use riskguard_core::events::Decision;
use riskguard_core::quiz::QuizResult;
use riskguard_core::risk::{Assessment, TransferContext};

use crate::ui::{Quiz, RiskWarning};

/// A transfer waiting for the user's decision, with its assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingCheck {
    /// The transfer as the host described it.
    pub transfer: TransferContext,
    /// What `assess()` concluded.
    pub assessment: Assessment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Warning,
    Quiz,
}

/// Shows the warning for `pending` over the page, and the quiz when the user asks for it.
/// Shows nothing while no check is pending.
#[component]
pub fn Guard(
    /// The check waiting for a decision, if any.
    #[prop(into)]
    pending: Signal<Option<PendingCheck>>,
    /// Called with the user's decision on the pending check.
    on_decide: UnsyncCallback<Decision>,
    /// Called when the user finishes a quiz.
    on_quiz_complete: UnsyncCallback<QuizResult>,
) -> impl IntoView {
    let screen = RwSignal::new(Screen::Warning);
    let on_decide = StoredValue::new_local(on_decide);
    let on_quiz_complete = StoredValue::new_local(on_quiz_complete);

    move || {
        let check = pending.get()?;
        let view = move || {
            let check = check.clone();
            match screen.get() {
                Screen::Warning => view! {
                    <RiskWarning
                        transfer=check.transfer
                        assessment=check.assessment
                        on_decide=UnsyncCallback::new(move |decision| {
                            screen.set(Screen::Warning);
                            on_decide.with_value(|cb| cb.run(decision));
                        })
                        on_learn=UnsyncCallback::new(move |()| screen.set(Screen::Quiz))
                    />
                }
                .into_any(),
                Screen::Quiz => view! {
                    <Quiz
                        category=check.assessment.category
                        on_complete=UnsyncCallback::new(move |result| {
                            on_quiz_complete.with_value(|cb| cb.run(result))
                        })
                        on_close=UnsyncCallback::new(move |()| screen.set(Screen::Warning))
                    />
                }
                .into_any(),
            }
        };
        Some(view! { <div class="rg-overlay" data-rg="overlay">{view}</div> })
    }
}

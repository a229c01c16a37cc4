use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use riskguard_core::events::{Decision, Interaction};
use riskguard_core::quiz::{QuizConfig, QuizResult};
use riskguard_core::risk::{Assessment, TransferContext};

use crate::ui::{use_i18n, AttemptStarted, Hint, Quiz, RiskWarning};

/// A transfer waiting for the user's decision, with its assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingCheck {
    /// The transfer as the host described it.
    pub transfer: TransferContext,
    /// What `assess()` concluded.
    pub assessment: Assessment,
    /// The presentation to use (see `riskguard_core::warning::ExposureLog::variant`).
    pub variant: u32,
    /// The quiz the warning offers (its category is the assessment's).
    pub quiz: QuizConfig,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Warning,
    Quiz,
}

/// Everything a host mounts once: the warning (and the quiz reached from it) over the page for
/// whichever check is waiting, the quiz on its own when the host starts one, and the inline
/// hint for `low` assessments.
#[component]
pub fn Guard(
    /// The check waiting for a decision, if any.
    #[prop(into)]
    pending: Signal<Option<PendingCheck>>,
    /// The `low` assessment whose hint is showing, if any; cleared when dismissed.
    hint: RwSignal<Option<Assessment>>,
    /// Called with the user's decision on the pending check.
    on_decide: UnsyncCallback<Decision>,
    /// A quiz started on its own (not from a warning), while it is open.
    quiz: RwSignal<Option<QuizConfig>>,
    /// Called when a quiz attempt begins.
    on_quiz_start: UnsyncCallback<AttemptStarted>,
    /// Called when the user finishes a quiz attempt.
    on_quiz_complete: UnsyncCallback<QuizResult>,
    /// Called when the user leaves a quiz started on its own.
    on_quiz_close: UnsyncCallback<()>,
    /// Called when the user reports a warning as wrong.
    on_report: UnsyncCallback<()>,
    /// Told about interactions inside the warning, including starting the quiz.
    on_interaction: UnsyncCallback<Interaction>,
    /// The host's help or appeal page for blocked transfers.
    #[prop(default = None)]
    help_url: Option<String>,
) -> impl IntoView {
    let screen = RwSignal::new(Screen::Warning);
    // The component's language may differ from the host page's: say so, for screen readers'
    // voices and for hyphenation and fonts.
    let i18n = use_i18n();
    let lang = move || i18n.locale().tag();
    let hooks = StoredValue::new_local((on_decide, on_quiz_complete, on_report, on_interaction));
    let quiz_hooks = StoredValue::new_local((on_quiz_start, on_quiz_complete, on_quiz_close));
    let help_url = StoredValue::new(help_url);

    let standalone = move || {
        let config = quiz.get()?;
        let (on_start, on_complete, on_close) = quiz_hooks.get_value();
        Some(view! {
            <div class="rg-overlay" data-rg="overlay" lang=lang>
                <Quiz config standalone=true on_start on_complete on_close />
            </div>
        })
    };
    let overlay = move || {
        let check = pending.get()?;
        let view = move || {
            let check = check.clone();
            let (on_decide, on_quiz_complete, on_report, on_interaction) = hooks.get_value();
            match screen.get() {
                Screen::Warning => {
                    let learn_interaction = on_interaction;
                    view! {
                        <RiskWarning
                            transfer=check.transfer
                            assessment=check.assessment
                            variant=check.variant
                            on_decide=UnsyncCallback::new(move |decision| {
                                screen.set(Screen::Warning);
                                on_decide.run(decision);
                            })
                            on_learn=UnsyncCallback::new(move |()| {
                                learn_interaction.run(Interaction::QuizStarted);
                                screen.set(Screen::Quiz);
                            })
                            on_report
                            on_interaction
                            help_url=help_url.get_value()
                        />
                    }
                    .into_any()
                }
                Screen::Quiz => view! {
                    <Quiz
                        config=check.quiz
                        on_start=quiz_hooks.with_value(|(on_start, _, _)| *on_start)
                        on_complete=on_quiz_complete
                        on_close=UnsyncCallback::new(move |()| screen.set(Screen::Warning))
                    />
                }
                .into_any(),
            }
        };
        Some(view! { <div class="rg-overlay" data-rg="overlay" lang=lang>{view}</div> })
    };
    let inline_hint = move || {
        hint.get().map(|assessment| {
            view! {
                <div class="rg-inline" lang=lang>
                    <Hint assessment on_dismiss=UnsyncCallback::new(move |_| hint.set(None)) />
                </div>
            }
        })
    };
    view! {
        {inline_hint}
        {overlay}
        {standalone}
    }
}

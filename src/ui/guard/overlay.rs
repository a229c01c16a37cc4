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

/// What the user does in the guard, as the host's session hears it. Callbacks are `Copy`, so
/// the whole set is too.
#[derive(Clone, Copy)]
pub struct GuardEvents {
    /// The user's decision on the pending check.
    pub on_decide: UnsyncCallback<Decision>,
    /// A quiz attempt began.
    pub on_quiz_start: UnsyncCallback<AttemptStarted>,
    /// The user finished a quiz attempt.
    pub on_quiz_complete: UnsyncCallback<QuizResult>,
    /// The user left a quiz started on its own.
    pub on_quiz_close: UnsyncCallback<()>,
    /// The user reported a warning as wrong.
    pub on_report: UnsyncCallback<()>,
    /// Interactions inside the warning, including starting the quiz from it.
    pub on_interaction: UnsyncCallback<Interaction>,
    /// The user dismissed the inline hint (the host clears `hint`).
    pub on_hint_dismiss: UnsyncCallback<()>,
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
    /// The `low` assessment whose hint is showing, if any (dismissing it calls
    /// `events.on_hint_dismiss`).
    #[prop(into)]
    hint: Signal<Option<Assessment>>,
    /// A quiz started on its own (not from a warning), while it is open.
    #[prop(into)]
    quiz: Signal<Option<QuizConfig>>,
    /// Where what the user does goes.
    events: GuardEvents,
    /// The host's help or appeal page for blocked transfers.
    #[prop(default = None)]
    help_url: Option<String>,
) -> impl IntoView {
    // The component's language may differ from the host page's: say so, for screen readers'
    // voices and for hyphenation and fonts.
    let i18n = use_i18n();
    let lang = move || i18n.locale().tag();
    let help_url = StoredValue::new(help_url);

    let standalone = move || {
        let config = quiz.get()?;
        Some(view! {
            <div class="rg-overlay" data-rg="overlay" lang=lang>
                <Quiz
                    config
                    standalone=true
                    on_start=events.on_quiz_start
                    on_complete=events.on_quiz_complete
                    on_close=events.on_quiz_close
                />
            </div>
        })
    };
    let overlay = move || {
        let check = pending.get()?;
        Some(view! {
            <div class="rg-overlay" data-rg="overlay" lang=lang>
                <CheckDialogs check events help_url=help_url.get_value() />
            </div>
        })
    };
    let inline_hint = move || {
        hint.get().map(|assessment| {
            view! {
                <div class="rg-inline" lang=lang>
                    <Hint assessment on_dismiss=UnsyncCallback::new(move |_| events.on_hint_dismiss.run(())) />
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

/// The dialogs of one check: its warning, or the quiz reached from it until the user leaves
/// the quiz.
#[component]
fn CheckDialogs(
    check: PendingCheck,
    events: GuardEvents,
    help_url: Option<String>,
) -> impl IntoView {
    let screen = RwSignal::new(Screen::Warning);
    let help_url = StoredValue::new(help_url);
    let GuardEvents {
        on_decide,
        on_report,
        on_interaction,
        ..
    } = events;
    move || {
        let check = check.clone();
        match screen.get() {
            Screen::Warning => view! {
                <RiskWarning
                    transfer=check.transfer
                    assessment=check.assessment
                    variant=check.variant
                    on_decide=UnsyncCallback::new(move |decision| {
                        screen.set(Screen::Warning);
                        on_decide.run(decision);
                    })
                    on_learn=UnsyncCallback::new(move |()| {
                        on_interaction.run(Interaction::QuizStarted);
                        screen.set(Screen::Quiz);
                    })
                    on_report
                    on_interaction
                    help_url=help_url.get_value()
                />
            }
            .into_any(),
            Screen::Quiz => view! {
                <Quiz
                    config=check.quiz
                    on_start=events.on_quiz_start
                    on_complete=events.on_quiz_complete
                    on_close=UnsyncCallback::new(move |()| screen.set(Screen::Warning))
                />
            }
            .into_any(),
        }
    }
}

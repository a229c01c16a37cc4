use chrono::Utc;
use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use riskguard_core::quiz::{Presented, QuestionId, QuizConfig, QuizResult, QuizSession};
use riskguard_core::risk::Category;

use super::question::QuestionCard;
use super::summary::Summary;
use crate::ui::dom::unique_id;
use crate::ui::{use_i18n, ModalDialog};

/// An attempt has begun: its first question is on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptStarted {
    /// 1 for the first run, 2 for the first retry of the missed questions, and so on.
    pub attempt: u32,
    /// The questions this attempt asks, in order.
    pub question_ids: Vec<QuestionId>,
    /// The warning category that led to the quiz, if any.
    pub category: Option<Category>,
}

/// A quiz session from the first question to the summary, with retries of missed questions.
/// The logic is the core's [`QuizSession`]; this component only shows it and feeds it the
/// user's answers and the time.
#[component]
pub fn Quiz(
    /// The session's settings: the warning category whose questions make at least half of it,
    /// its length, its pass mark and the seed that chooses and orders the questions.
    config: QuizConfig,
    /// Started on its own rather than from a warning: the summary says "Done" instead of
    /// "Back to the transfer".
    #[prop(default = false)]
    standalone: bool,
    /// Called when an attempt begins (the first run and each retry).
    #[prop(default = UnsyncCallback::new(|_| {}))]
    on_start: UnsyncCallback<AttemptStarted>,
    /// Called when the last question of an attempt has been answered.
    on_complete: UnsyncCallback<QuizResult>,
    /// Called when the user leaves the quiz (the button on the summary, or Escape).
    on_close: UnsyncCallback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title_id = unique_id();
    let labelled_by = title_id.clone();
    let now = Utc::now();
    // A host's settings are checked at mount; should they still be out of range, the defaults
    // are the safe choice.
    let first = QuizSession::new(config, now)
        .unwrap_or_else(|_| QuizSession::start(config.category, config.seed, now));
    let session = RwSignal::new(first);
    let current = Memo::new(move |_| session.with(|s| s.current().cloned()));
    let close = move || on_close.run(());
    let started = move || on_start.run(session.with_untracked(attempt_started));
    started();

    let advance = move || {
        session.update(|s| {
            let _ = s.advance();
        });
        if let Some(result) = session.with_untracked(QuizSession::result) {
            on_complete.run(result);
        }
    };
    let retry = move || {
        let next = session.with_untracked(next_attempt);
        if let Some(next) = next {
            session.set(next);
            started();
        }
    };

    view! {
        <ModalDialog
            role="dialog"
            class="rg-quiz"
            labelled_by
            on_escape={on_close}
            {..}
            data-rg="quiz"
        >
            <h2 id=title_id class="rg-quiz__title" tabindex="-1">
                {move || i18n.t("quiz-title")}
            </h2>
            {move || match current.get() {
                Some(presented) => question_card(session, presented, advance),
                None => {
                    let result = session.with_untracked(QuizSession::result);
                    view! { <Summary result standalone on_retry=retry on_close=close /> }
                        .into_any()
                }
            }}
        </ModalDialog>
    }
}

/// What an attempt's `on_start` hears.
fn attempt_started(session: &QuizSession) -> AttemptStarted {
    AttemptStarted {
        attempt: session.attempt(),
        question_ids: session.question_ids(),
        category: session.config().category,
    }
}

/// The next attempt, with the missed questions (`None` when none were missed).
fn next_attempt(session: &QuizSession) -> Option<QuizSession> {
    // Each attempt reshuffles the options with a seed derived from the session's.
    let seed = session
        .config()
        .seed
        .wrapping_add(0x9E37_79B9_7F4A_7C15_u64.wrapping_mul(u64::from(session.attempt())));
    session.retry_missed(seed, Utc::now())
}

/// The question on screen; answers go to `session`, "Next" calls `advance`.
fn question_card(
    session: RwSignal<QuizSession>,
    presented: Presented,
    advance: impl Fn() + 'static,
) -> AnyView {
    let Presented { question, order } = presented;
    let (index, total) = session.with_untracked(QuizSession::progress);
    let attempt = session.with_untracked(QuizSession::attempt);
    view! {
        <QuestionCard
            question
            order
            index
            total
            attempt
            on_answer=move |option| {
                session.update(|s| {
                    let _ = s.answer(option, Utc::now());
                });
                session.with_untracked(QuizSession::feedback)
            }
            on_next=advance
        />
    }
    .into_any()
}

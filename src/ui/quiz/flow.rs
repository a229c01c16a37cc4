use chrono::Utc;
use leptos::callback::UnsyncCallback;
use leptos::html;
use leptos::prelude::*;
use riskguard_core::quiz::{QuizResult, QuizSession};
use riskguard_core::risk::Category;

use super::question::QuestionCard;
use super::summary::Summary;
use crate::ui::dom::unique_id;
use crate::ui::focus_trap::modal_keys;
use crate::ui::use_i18n;

/// A quiz session from first question to summary. The logic is the core's
/// [`QuizSession`]; this component only shows it and feeds it answers and the time.
#[component]
pub fn Quiz(
    /// The warning category that led here: its questions come first.
    #[prop(default = None)]
    category: Option<Category>,
    /// Called once, when the last question has been answered.
    on_complete: UnsyncCallback<QuizResult>,
    /// Called when the user leaves the quiz (the button on the summary, or Escape).
    on_close: UnsyncCallback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title_id = unique_id();
    let labelled_by = title_id.clone();
    let session = RwSignal::new(QuizSession::new(category, Utc::now()));
    let current = Memo::new(move |_| session.with(|s| s.current().copied()));
    let dialog = NodeRef::<html::Div>::new();
    let on_complete = StoredValue::new_local(on_complete);
    let on_close = StoredValue::new_local(on_close);
    let close = move || on_close.with_value(|cb| cb.run(()));

    let advance = move || {
        session.update(|s| {
            let _ = s.advance();
        });
        if let Some(result) = session.with_untracked(QuizSession::result) {
            on_complete.with_value(|cb| cb.run(result));
        }
    };

    view! {
        <div
            class="rg-quiz"
            role="dialog"
            aria-modal="true"
            aria-labelledby=labelled_by
            data-rg="quiz"
            node_ref=dialog
            on:keydown=modal_keys(dialog, close)
        >
            <h2 id=title_id class="rg-quiz__title" tabindex="-1">
                {move || i18n.t("quiz-title")}
            </h2>
            {move || match current.get() {
                Some(question) => {
                    let (index, total) = session.with_untracked(QuizSession::progress);
                    view! {
                        <QuestionCard
                            question
                            index
                            total
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
                None => {
                    let result = session.with_untracked(QuizSession::result);
                    view! { <Summary result on_close=close /> }.into_any()
                }
            }}
        </div>
    }
}

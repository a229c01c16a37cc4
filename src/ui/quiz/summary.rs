use leptos::html;
use leptos::prelude::*;
use riskguard_core::quiz::QuizResult;

use crate::ui::dom::focus_on_mount;
use crate::ui::use_i18n;

/// The end of a session: the score, whether it passed, and the way back.
#[component]
pub fn Summary(
    /// The finished session's result.
    result: Option<QuizResult>,
    /// Leaves the quiz.
    on_close: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let back = NodeRef::<html::Button>::new();
    focus_on_mount(back);
    let (score, total, passed) = result.map_or((0, 0, false), |r| (r.score, r.max_score, r.passed));
    view! {
        <div class="rg-quiz__summary" role="status" data-rg="quiz-summary" data-rg-passed=passed.to_string()>
            <p class="rg-quiz__score">
                {move || {
                    i18n.t_args("quiz-score", &[("score", score.into()), ("total", total.into())])
                }}
            </p>
            <p>{move || i18n.t(if passed { "quiz-passed" } else { "quiz-failed" })}</p>
        </div>
        <div class="rg-quiz__actions">
            <button
                type="button"
                class="rg-button rg-button--primary"
                data-rg="quiz-back"
                node_ref=back
                on:click=move |_| on_close()
            >
                {move || i18n.t("quiz-back")}
            </button>
        </div>
    }
}

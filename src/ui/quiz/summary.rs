use leptos::html;
use leptos::prelude::*;
use riskguard_core::quiz::{QuizResult, Technique};

use crate::ui::dom::focus_on_mount;
use crate::ui::use_i18n;

/// The end of an attempt: the score against the pass mark, the techniques the session taught,
/// a retry of the missed questions, and the way out.
#[component]
pub fn Summary(
    /// The finished attempt's result.
    result: Option<QuizResult>,
    /// The quiz was started on its own (the way out says "Done").
    standalone: bool,
    /// Starts the next attempt with the missed questions.
    on_retry: impl Fn() + 'static,
    /// Leaves the quiz.
    on_close: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<html::P>::new();
    focus_on_mount(heading);
    let Some(result) = result else {
        return ().into_any();
    };
    let (score, total, passed) = (result.score, result.max_score, result.passed);
    let missed = result.missed.len();
    let pass_percent = result.pass_percent;
    let close_label = if standalone { "quiz-done" } else { "quiz-back" };
    // With missed questions, retrying is the primary action.
    let close_class = if missed > 0 {
        "rg-button rg-button--secondary"
    } else {
        "rg-button rg-button--primary"
    };
    view! {
        <div
            class="rg-quiz__summary"
            data-rg="quiz-summary"
            data-rg-passed=passed.to_string()
            data-rg-attempt=result.attempt.to_string()
        >
            <p class="rg-quiz__score" tabindex="-1" node_ref=heading>
                {move || {
                    i18n.t_args("quiz-score", &[("score", score.into()), ("total", total.into())])
                }}
            </p>
            <p class="rg-quiz__verdict">
                {move || i18n.t(if passed { "quiz-passed" } else { "quiz-failed" })}
            </p>
            <p class="rg-quiz__pass-mark">
                {move || i18n.t_args("quiz-pass-mark", &[("percent", pass_percent.into())])}
            </p>
            <h3 class="rg-quiz__learned-title">{move || i18n.t("quiz-learned-title")}</h3>
            <Techniques techniques=result.techniques />
        </div>
        <div class="rg-quiz__actions">
            {(missed > 0)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="rg-button rg-button--primary"
                            data-rg="quiz-retry"
                            on:click=move |_| on_retry()
                        >
                            {move || i18n.t_args("quiz-retry", &[("count", missed.into())])}
                        </button>
                    }
                })}
            <button
                type="button"
                class=close_class
                data-rg="quiz-close"
                on:click=move |_| on_close()
            >
                {move || i18n.t(close_label)}
            </button>
        </div>
    }
    .into_any()
}

/// "Tricks you can now spot": each technique's name and lesson.
#[component]
fn Techniques(techniques: Vec<Technique>) -> impl IntoView {
    let i18n = use_i18n();
    let items = techniques
        .iter()
        .map(|technique| {
            let (name, lesson) = (technique.name_id(), technique.lesson_id());
            view! {
                <li class="rg-quiz__technique" data-rg-technique=technique.code()>
                    <strong class="rg-quiz__technique-name">{move || i18n.t(&name)}</strong>
                    " "
                    <span>{move || i18n.t(&lesson)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="rg-quiz__techniques">{items}</ul> }
}

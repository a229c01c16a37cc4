use leptos::html;
use leptos::prelude::*;
use riskguard_core::quiz::{Feedback, Question};

use crate::ui::dom::{focus_first_on_mount, focus_on_mount, unique_id};
use crate::ui::use_i18n;

/// One question: its kind, the fake ad or chat message for "spot the red flag", native radio
/// buttons in a fieldset (so screen readers announce a radio group with the prompt as its
/// name), a check button, then feedback in a live region and the way on.
#[component]
pub fn QuestionCard(
    /// The question on screen.
    question: Question,
    /// Its options' original indices, in display order.
    order: Vec<usize>,
    /// Its 0-based position.
    index: usize,
    /// How many questions the attempt has.
    total: usize,
    /// 1 for the first run; from 2 on the progress line names the attempt.
    attempt: u32,
    /// Records the chosen option (original index); returns the feedback to show.
    on_answer: impl Fn(usize) -> Option<Feedback> + 'static,
    /// Moves on to the next question or the summary.
    on_next: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let group = unique_id();
    let scenario_id = unique_id();
    let selected = RwSignal::new(None::<usize>);
    let feedback = RwSignal::new(None::<Feedback>);
    let fieldset = NodeRef::<html::Fieldset>::new();
    focus_first_on_mount(fieldset, "input");
    let is_last = index + 1 == total;
    let on_answer = StoredValue::new_local(on_answer);
    let kind_label = question.kind.label_id();

    let options = order
        .into_iter()
        .map(|option| {
            let label_id = question.option_id(option);
            view! { <Choice option label_id group=group.clone() selected feedback /> }
        })
        .collect_view();

    let check = move || {
        if let Some(option) = selected.get_untracked() {
            feedback.set(on_answer.with_value(|answer| answer(option)));
        }
    };

    // The fake message is read before the options: the radio group is described by it.
    let scenario = question.scenario_id().map(|message| {
        view! { <Scenario message id=scenario_id.clone() /> }
    });
    let described_by = question.scenario_id().map(|_| scenario_id);

    view! {
        <Progress index total attempt />
        <p class="rg-quiz__kind" data-rg="quiz-kind" data-rg-kind=question.kind.code()>
            {move || i18n.t(&kind_label)}
        </p>
        {scenario}
        <fieldset
            class="rg-quiz__options"
            node_ref=fieldset
            aria-describedby=described_by
            data-rg-question=question.id
        >
            <legend class="rg-quiz__prompt">{move || i18n.t(&question.prompt_id())}</legend>
            {options}
        </fieldset>
        <Verdict feedback explain_id=question.explain_id() />
        <Actions selected feedback is_last on_check=check on_next />
    }
}

/// "Check" until the answer is checked, then "Next" (or "Finish" after the last question),
/// which takes the focus.
#[component]
fn Actions(
    selected: RwSignal<Option<usize>>,
    feedback: RwSignal<Option<Feedback>>,
    is_last: bool,
    on_check: impl Fn() + 'static,
    on_next: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let next_button = NodeRef::<html::Button>::new();
    focus_on_mount(next_button);
    let on_check = StoredValue::new_local(on_check);
    let on_next = StoredValue::new_local(on_next);
    view! {
        <div class="rg-quiz__actions">
            <Show
                when=move || feedback.get().is_some()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="rg-button rg-button--primary"
                            data-rg="quiz-check"
                            disabled=move || selected.get().is_none()
                            on:click=move |_| on_check.with_value(|check| check())
                        >
                            {move || i18n.t("quiz-check")}
                        </button>
                    }
                }
            >
                <button
                    type="button"
                    class="rg-button rg-button--primary"
                    data-rg="quiz-next"
                    node_ref=next_button
                    on:click=move |_| on_next.with_value(|next| next())
                >
                    {move || i18n.t(if is_last { "quiz-finish" } else { "quiz-next" })}
                </button>
            </Show>
        </div>
    }
}

/// Whether the answer was right, and why, in a live region (`explain_id` is the explanation's
/// message id).
#[component]
fn Verdict(feedback: RwSignal<Option<Feedback>>, explain_id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="rg-quiz__feedback" role="status" aria-live="polite" data-rg="feedback">
            {move || {
                feedback
                    .get()
                    .map(|f| {
                        let verdict = if f.correct { "quiz-correct" } else { "quiz-incorrect" };
                        view! {
                            <p class="rg-quiz__verdict" data-rg-correct=f.correct.to_string()>
                                {i18n.t(verdict)}
                            </p>
                            <p class="rg-quiz__explain">{i18n.t(&explain_id)}</p>
                        }
                    })
            }}
        </div>
    }
}

/// "Question 2 of 6" (with the attempt from the second on) and its bar.
#[component]
fn Progress(index: usize, total: usize, attempt: u32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="rg-quiz__progress">
            {move || {
                let progress = i18n
                    .t_args(
                        "quiz-progress",
                        &[("current", (index + 1).into()), ("total", total.into())],
                    );
                if attempt > 1 {
                    format!(
                        "{} · {}",
                        i18n.t_args("quiz-attempt", &[("attempt", attempt.into())]),
                        progress,
                    )
                } else {
                    progress
                }
            }}
        </p>
        <progress class="rg-quiz__bar" max=total value=index + 1 aria-hidden="true"></progress>
    }
}

/// The fake ad or chat message of a "spot the red flag" question (`message` is its text's id).
#[component]
fn Scenario(message: String, id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <figure class="rg-quiz__scenario" data-rg="quiz-scenario">
            <figcaption class="rg-quiz__scenario-label">
                {move || i18n.t("quiz-scenario-label")}
            </figcaption>
            <blockquote class="rg-quiz__scenario-text" id=id>
                {move || i18n.t(&message)}
            </blockquote>
        </figure>
    }
}

/// One option (its original index `option`, its text's id `label_id`) as a radio button in
/// `group`; once answered, marked correct, or wrong when it was the one chosen.
#[component]
fn Choice(
    option: usize,
    label_id: String,
    group: String,
    selected: RwSignal<Option<usize>>,
    feedback: RwSignal<Option<Feedback>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let marked = move |correct: bool| {
        feedback.get().is_some_and(|f| {
            (f.correct_option == option) == correct && (correct || selected.get() == Some(option))
        })
    };
    view! {
        <label
            class="rg-quiz__option"
            class=("rg-quiz__option--correct", move || marked(true))
            class=("rg-quiz__option--wrong", move || marked(false))
        >
            <input
                type="radio"
                class="rg-quiz__radio"
                name=group
                data-rg-option=option
                prop:checked=move || selected.get() == Some(option)
                disabled=move || feedback.get().is_some()
                on:change=move |_| selected.set(Some(option))
            />
            <span>{move || i18n.t(&label_id)}</span>
        </label>
    }
}

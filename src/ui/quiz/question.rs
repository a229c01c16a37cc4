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
    let next_button = NodeRef::<html::Button>::new();
    focus_first_on_mount(fieldset, "input");
    focus_on_mount(next_button);
    let is_last = index + 1 == total;
    let on_answer = StoredValue::new_local(on_answer);
    let on_next = StoredValue::new_local(on_next);
    let kind_label = question.kind.label_id();

    let options = order
        .into_iter()
        .map(|option| {
            let group = group.clone();
            let marked = move |correct: bool| {
                feedback.get().is_some_and(|f| {
                    (f.correct_option == option) == correct
                        && (correct || selected.get() == Some(option))
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
                    <span>{move || i18n.t(&question.option_id(option))}</span>
                </label>
            }
        })
        .collect_view();

    let check = move |_| {
        if let Some(option) = selected.get_untracked() {
            feedback.set(on_answer.with_value(|answer| answer(option)));
        }
    };

    // The fake message is read before the options: the radio group is described by it.
    let scenario = question.scenario_id().map(|message| {
        let id = scenario_id.clone();
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
    });
    let described_by = question.scenario_id().map(|_| scenario_id);

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
                            <p class="rg-quiz__explain">{i18n.t(&question.explain_id())}</p>
                        }
                    })
            }}
        </div>
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
                            on:click=check
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

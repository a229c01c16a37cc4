use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use riskguard_core::warning::{Purpose, PurposeAnswer};

use crate::ui::dom::unique_id;
use crate::ui::use_i18n;

/// "What is this payment for? Is someone guiding you?" — asked before a `high` warning
/// offers a way to proceed. Native radio groups, so screen readers announce them as such.
#[component]
pub fn PurposeCheck(
    /// Called with the answers once both are given and confirmed.
    on_answer: impl Fn(PurposeAnswer) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let (purpose_group, guided_group) = (unique_id(), unique_id());
    let purpose = RwSignal::new(None::<Purpose>);
    let guided = RwSignal::new(None::<bool>);
    let on_answer = StoredValue::new_local(on_answer);

    let purposes = radio_group(
        purpose_group,
        "data-rg-purpose",
        purpose,
        Purpose::ALL.map(|option| {
            let code = option.code();
            (option, code.to_owned(), format!("purpose-{code}"))
        }),
    );
    let yes_no = radio_group(
        guided_group,
        "data-rg-guided",
        guided,
        [(false, "guided-no"), (true, "guided-yes")]
            .map(|(value, label)| (value, value.to_string(), label.to_owned())),
    );

    view! {
        <div class="rg-purpose" data-rg="purpose">
            <fieldset class="rg-purpose__group">
                <legend class="rg-purpose__question">{move || i18n.t("purpose-question")}</legend>
                {purposes}
            </fieldset>
            <fieldset class="rg-purpose__group">
                <legend class="rg-purpose__question">{move || i18n.t("guided-question")}</legend>
                {yes_no}
            </fieldset>
            <button
                type="button"
                class="rg-button rg-button--secondary"
                data-rg="purpose-submit"
                disabled=move || purpose.get().is_none() || guided.get().is_none()
                on:click=move |_| {
                    if let (Some(purpose), Some(guided)) = (purpose.get(), guided.get()) {
                        on_answer.with_value(|cb| cb(PurposeAnswer { purpose, guided }));
                    }
                }
            >
                {move || i18n.t("purpose-continue")}
            </button>
        </div>
    }
}

/// One native radio group named `name`: an option per `(value, data, label)`, marked with the
/// attribute `attribute` = `data` (what tests and host analytics select on) and labelled by
/// the message `label`; choosing it sets `selected`.
fn radio_group<T: Copy + Send + Sync + 'static>(
    name: String,
    attribute: &'static str,
    selected: RwSignal<Option<T>>,
    options: impl IntoIterator<Item = (T, String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    options
        .into_iter()
        .map(|(value, data, label)| {
            view! {
                <label class="rg-choice">
                    <input
                        type="radio"
                        class="rg-choice__radio"
                        name=name.clone()
                        {..custom_attribute(attribute, data)}
                        on:change=move |_| selected.set(Some(value))
                    />
                    <span>{move || i18n.t(&label)}</span>
                </label>
            }
        })
        .collect_view()
}

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use riskguard_core::events::Decision;
use riskguard_core::risk::Assessment;

use super::topic::{message, topic};
use crate::ui::use_i18n;

/// The `low` level: a hint beside the host's form, announced politely, never in the way.
#[component]
pub fn Hint(
    /// The `low` assessment; its category picks the text.
    assessment: Assessment,
    /// Called with `Allowed` when the user dismisses the hint.
    on_dismiss: UnsyncCallback<Decision>,
) -> impl IntoView {
    let i18n = use_i18n();
    let topic = topic(assessment.category);
    let (technique, explain) = (message(topic, "technique"), message(topic, "explain"));
    view! {
        <div class="rg-hint" role="status" data-rg="hint" data-rg-category=topic>
            <span class="rg-hint__icon" aria-hidden="true">"i"</span>
            <div class="rg-hint__text">
                <p class="rg-hint__title">{move || i18n.t("hint-title")}</p>
                <p>
                    <strong>{move || i18n.t(&technique)}</strong>
                    " "
                    {move || i18n.t(&explain)}
                </p>
            </div>
            <button
                type="button"
                class="rg-button rg-button--quiet rg-hint__dismiss"
                data-rg="hint-dismiss"
                on:click=move |_| on_dismiss.run(Decision::Allowed)
            >
                {move || i18n.t("hint-dismiss")}
            </button>
        </div>
    }
}

use leptos::callback::UnsyncCallback;
use leptos::html;
use leptos::prelude::*;
use riskguard_core::events::Decision;
use riskguard_core::risk::{Assessment, TransferContext};

use super::details::TransferDetails;
use super::topic::topic;
use crate::ui::dom::{focus_on_mount, now_ms, unique_id};
use crate::ui::focus_trap::modal_keys;
use crate::ui::use_i18n;

/// Clicks on "Send anyway" are ignored this long after the dialog appears, so that a click
/// aimed at the page below cannot land on it (Chromium's `PROCEED_CLICKJACKING_DELAY`).
const PROCEED_DELAY_MS: f64 = 500.0;

/// The `medium`/`high` interstitial: the safe choice is easy, the risky one deliberate.
#[component]
pub fn Interstitial(
    transfer: TransferContext,
    assessment: Assessment,
    on_decide: UnsyncCallback<Decision>,
    on_learn: Option<UnsyncCallback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (title_id, body_id, panel_id) = (unique_id(), unique_id(), unique_id());
    let topic = topic(assessment.category);
    let (title_msg, body_msg) = (
        format!("warning-title-{topic}"),
        format!("warning-body-{topic}"),
    );
    let controls = panel_id.clone();
    let disclosed = RwSignal::new(false);
    let shown_at = now_ms();
    let (labelled_by, described_by) = (title_id.clone(), body_id.clone());
    let dialog = NodeRef::<html::Div>::new();
    let cancel = NodeRef::<html::Button>::new();
    focus_on_mount(cancel);

    let decide = StoredValue::new_local(on_decide);
    let decide = move |d: Decision| decide.with_value(|cb| cb.run(d));
    let learn_button = on_learn.map(|learn| {
        view! {
            <button
                type="button"
                class="rg-button rg-button--link"
                data-rg="learn"
                on:click=move |_| learn.run(())
            >
                {move || i18n.t("warning-learn")}
            </button>
        }
    });

    view! {
        <div
            class="rg-interstitial"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            data-rg="interstitial"
            data-rg-level=serde_code(&assessment.level)
            data-rg-category=topic
            node_ref=dialog
            on:keydown=modal_keys(dialog, move || decide(Decision::Cancelled))
        >
            <div class="rg-interstitial__icon" aria-hidden="true">"!"</div>
            <h2 id=title_id class="rg-interstitial__title">{move || i18n.t(&title_msg)}</h2>
            <p id=body_id class="rg-interstitial__body">{move || i18n.t(&body_msg)}</p>
            <TransferDetails transfer />
            <div class="rg-interstitial__actions">
                <button
                    type="button"
                    class="rg-button rg-button--primary"
                    data-rg="cancel"
                    node_ref=cancel
                    on:click=move |_| decide(Decision::Cancelled)
                >
                    {move || i18n.t("warning-cancel")}
                </button>
                {learn_button}
            </div>
            <div class="rg-disclosure">
                <button
                    type="button"
                    class="rg-button rg-button--quiet"
                    data-rg="disclose"
                    aria-expanded=move || disclosed.get().to_string()
                    aria-controls=controls
                    on:click=move |_| disclosed.update(|open| *open = !*open)
                >
                    {move || i18n.t("warning-understand")}
                </button>
                <div id=panel_id class="rg-disclosure__panel" hidden=move || !disclosed.get()>
                    <p class="rg-disclosure__hint">{move || i18n.t("warning-proceed-hint")}</p>
                    <button
                        type="button"
                        class="rg-button rg-button--danger"
                        data-rg="proceed"
                        on:click=move |_| {
                            if now_ms() - shown_at >= PROCEED_DELAY_MS {
                                decide(Decision::Proceeded);
                            }
                        }
                    >
                        {move || i18n.t("warning-proceed")}
                    </button>
                </div>
            </div>
        </div>
    }
}

/// The snake_case code serde gives a unit enum variant, for `data-` attributes.
fn serde_code<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

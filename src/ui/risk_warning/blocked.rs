use leptos::callback::UnsyncCallback;
use leptos::html;
use leptos::prelude::*;
use riskguard_core::events::Decision;
use riskguard_core::risk::TransferContext;

use super::details::TransferDetails;
use crate::ui::dom::unique_id;
use crate::ui::{use_i18n, ModalDialog};

/// The payee is restricted: the transfer cannot be made; the user can only acknowledge.
#[component]
pub fn Blocked(
    transfer: TransferContext,
    on_decide: UnsyncCallback<Decision>,
    help_url: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (title_id, body_id) = (unique_id(), unique_id());
    let (labelled_by, described_by) = (title_id.clone(), body_id.clone());
    let acknowledge = NodeRef::<html::Button>::new();
    let help = help_url.map(|href| {
        view! {
            <a
                class="rg-button rg-button--secondary"
                href=href
                target="_blank"
                rel="noopener noreferrer"
                data-rg="help"
            >
                {move || i18n.t("blocked-help")}
            </a>
        }
    });
    let done = move || on_decide.run(Decision::Blocked);

    view! {
        <ModalDialog
            role="alertdialog"
            class="rg-interstitial rg-interstitial--blocked"
            labelled_by
            described_by
            on_escape=UnsyncCallback::new(move |()| done())
            initial_focus=acknowledge
            paint_mark=true
            {..}
            data-rg="interstitial"
            data-rg-level="blocked"
        >
            <div class="rg-interstitial__icon" aria-hidden="true"></div>
            <h2 id=title_id class="rg-interstitial__title">{move || i18n.t("blocked-title")}</h2>
            <p id=body_id class="rg-interstitial__body">{move || i18n.t("blocked-body")}</p>
            <TransferDetails transfer />
            <div class="rg-interstitial__actions">
                <button
                    type="button"
                    class="rg-button rg-button--primary"
                    data-rg="acknowledge"
                    node_ref=acknowledge
                    on:click=move |_| done()
                >
                    {move || i18n.t("blocked-acknowledge")}
                </button>
                {help}
            </div>
        </ModalDialog>
    }
}

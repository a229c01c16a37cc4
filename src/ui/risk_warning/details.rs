use leptos::prelude::*;
use riskguard_core::i18n::{format_amount, format_datetime};
use riskguard_core::risk::TransferContext;

use crate::ui::use_i18n;

/// Payee and amount of the transfer. The payee name is untrusted: it is only ever a text node.
#[component]
pub fn TransferDetails(transfer: TransferContext) -> impl IntoView {
    let i18n = use_i18n();
    let payee = transfer.payee.display_name.filter(|n| !n.trim().is_empty());
    let (amount, currency, at) = (
        transfer.amount_minor,
        transfer.currency,
        transfer.initiated_at,
    );
    view! {
        <dl class="rg-details">
            <div class="rg-details__row">
                <dt class="rg-details__label">{move || i18n.t("warning-payee-label")}</dt>
                <dd class="rg-details__value" data-rg="payee">
                    {move || payee.clone().unwrap_or_else(|| i18n.t("warning-payee-unknown"))}
                </dd>
            </div>
            <div class="rg-details__row">
                <dt class="rg-details__label">{move || i18n.t("warning-amount-label")}</dt>
                <dd class="rg-details__value" data-rg="amount">
                    {move || format_amount(amount, &currency, i18n.locale())}
                </dd>
            </div>
            <div class="rg-details__row">
                <dt class="rg-details__label">{move || i18n.t("warning-time-label")}</dt>
                <dd class="rg-details__value" data-rg="time">
                    {move || format_datetime(&at, i18n.locale())}
                </dd>
            </div>
        </dl>
    }
}

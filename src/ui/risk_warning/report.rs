use leptos::callback::UnsyncCallback;
use leptos::prelude::*;

use crate::ui::use_i18n;

/// "This warning is wrong": false alarms teach people to ignore warnings, so users can say so.
/// After use it thanks the user; the warning stays open for the decision.
#[component]
pub fn ReportLink(on_report: UnsyncCallback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let reported = RwSignal::new(false);
    view! {
        <div class="rg-report">
            <Show
                when=move || reported.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="rg-button rg-button--quiet"
                            data-rg="report"
                            on:click=move |_| {
                                reported.set(true);
                                on_report.run(());
                            }
                        >
                            {move || i18n.t("report-wrong")}
                        </button>
                    }
                }
            >
                <p class="rg-report__thanks" role="status" data-rg="report-thanks">
                    {move || i18n.t("report-thanks")}
                </p>
            </Show>
        </div>
    }
}

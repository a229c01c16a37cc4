use leptos::callback::UnsyncCallback;
use leptos::html;
use leptos::prelude::*;
use riskguard_core::events::{Decision, Interaction};
use riskguard_core::risk::{Assessment, Level, TransferContext};

use super::details::TransferDetails;
use super::purpose::PurposeCheck;
use super::report::ReportLink;
use super::topic::{message, topic};
use crate::ui::dom::{now_ms, unique_id};
use crate::ui::{use_i18n, ModalDialog};

/// Clicks on "Send anyway" are ignored this long after the dialog appears or the window
/// regains focus, so a click aimed at something else cannot land on it (Chromium's
/// `PROCEED_CLICKJACKING_DELAY`).
const PROCEED_DELAY_MS: f64 = 500.0;

/// Where the way to proceed stands, behind "I understand the risks".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    /// `high`: the purpose question comes first.
    AskPurpose,
    /// The purpose answer matched a scam pattern: no way to proceed.
    Escalated,
    /// Proceeding is offered.
    Open,
}

/// The `medium`/`high` interstitial: says what is probably happening and how likely it is,
/// names the technique, gives questions to ask, says what going on costs; the safe choice is
/// easy and the risky one deliberate.
#[component]
pub fn Interstitial(
    transfer: TransferContext,
    assessment: Assessment,
    variant: u32,
    on_decide: UnsyncCallback<Decision>,
    on_learn: Option<UnsyncCallback<()>>,
    on_report: Option<UnsyncCallback<()>>,
    on_interaction: Option<UnsyncCallback<Interaction>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (title_id, body_id) = (unique_id(), unique_id());
    let (labelled_by, described_by) = (title_id.clone(), body_id.clone());
    let topic = topic(assessment.category);
    let level = assessment.level;
    let ask_purpose = level == Level::High;
    let cancel = NodeRef::<html::Button>::new();
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
    let report = on_report.map(|on_report| view! { <ReportLink on_report /> });

    view! {
        <ModalDialog
            role="alertdialog"
            class=format!(
                "rg-interstitial rg-interstitial--{} rg-interstitial--variant-{variant}",
                level.code(),
            )
            labelled_by
            described_by
            on_escape=UnsyncCallback::new(move |()| on_decide.run(Decision::Cancelled))
            initial_focus=cancel
            paint_mark=true
            {..}
            data-rg="interstitial"
            data-rg-level=level.code()
            data-rg-category=topic
            data-rg-variant=variant
        >
            <Explanation topic level title_id body_id />
            <TransferDetails transfer />
            <div class="rg-interstitial__actions">
                <button
                    type="button"
                    class="rg-button rg-button--primary"
                    data-rg="cancel"
                    node_ref=cancel
                    on:click=move |_| on_decide.run(Decision::Cancelled)
                >
                    {move || i18n.t("warning-cancel")}
                </button>
                {learn_button}
            </div>
            <ProceedGate ask_purpose on_decide on_interaction />
            {report}
        </ModalDialog>
    }
}

/// What the interstitial says about `topic`: what is probably happening and how likely it is,
/// the technique, the questions to ask and what going on costs.
#[component]
fn Explanation(
    topic: &'static str,
    level: Level,
    title_id: String,
    body_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move |part: &str| i18n.t(&message(topic, part));
    let likelihood = match level {
        Level::High => "warning-likelihood-high",
        _ => "warning-likelihood-medium",
    };
    view! {
        <div class="rg-interstitial__head">
            <div class="rg-interstitial__icon" aria-hidden="true"></div>
            <p class="rg-interstitial__likelihood">{move || i18n.t(likelihood)}</p>
            <h2 id=title_id class="rg-interstitial__title">{move || text("title")}</h2>
        </div>
        <div id=body_id class="rg-interstitial__body">
            <p class="rg-interstitial__technique">
                <strong>{move || i18n.t("warning-technique-label")}</strong>
                " "
                {move || text("technique")}
            </p>
            <p>{move || text("explain")}</p>
        </div>
        <section class="rg-interstitial__ask">
            <h3 class="rg-interstitial__subtitle">{move || i18n.t("warning-ask-label")}</h3>
            <ul class="rg-interstitial__questions">
                <li>{move || text("ask-1")}</li>
                <li>{move || text("ask-2")}</li>
                <li>{move || text("ask-3")}</li>
            </ul>
        </section>
        <p class="rg-interstitial__consequence">
            <strong>{move || i18n.t("warning-consequence-label")}</strong>
            " "
            {move || text("consequence")}
        </p>
    }
}

/// The deliberate way to proceed, behind "I understand the risks": first the purpose question
/// when `ask_purpose` (`high`), and no way on when its answer matches a scam pattern.
#[component]
fn ProceedGate(
    ask_purpose: bool,
    on_decide: UnsyncCallback<Decision>,
    on_interaction: Option<UnsyncCallback<Interaction>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let panel_id = unique_id();
    let controls = panel_id.clone();
    let disclosed = RwSignal::new(false);
    let gate = RwSignal::new(if ask_purpose {
        Gate::AskPurpose
    } else {
        Gate::Open
    });
    let armed_at = StoredValue::new(now_ms());
    let focus_listener = window_event_listener(leptos::ev::focus, move |_| {
        armed_at.set_value(now_ms());
    });
    on_cleanup(move || focus_listener.remove());
    let interact = move |i: Interaction| {
        if let Some(cb) = on_interaction {
            cb.run(i);
        }
    };
    let panel = move || match gate.get() {
        Gate::AskPurpose => view! {
            <PurposeCheck on_answer=move |answer| {
                let escalated = answer.escalates();
                interact(if escalated {
                    Interaction::PurposeEscalated
                } else {
                    Interaction::PurposeAnswered
                });
                gate.set(if escalated { Gate::Escalated } else { Gate::Open });
            } />
        }
        .into_any(),
        Gate::Escalated => view! { <Escalation /> }.into_any(),
        Gate::Open => view! { <Proceed armed_at on_decide /> }.into_any(),
    };
    view! {
        <div class="rg-disclosure">
            <button
                type="button"
                class="rg-button rg-button--quiet"
                data-rg="disclose"
                aria-expanded=move || disclosed.get().to_string()
                aria-controls=controls
                on:click=move |_| {
                    if !disclosed.get_untracked() {
                        interact(Interaction::DetailsOpened);
                    }
                    disclosed.update(|open| *open = !*open);
                }
            >
                {move || i18n.t("warning-understand")}
            </button>
            <div id=panel_id class="rg-disclosure__panel" hidden=move || !disclosed.get()>
                {panel}
            </div>
        </div>
    }
}

/// The purpose answer matched a scam pattern: no way to proceed.
#[component]
fn Escalation() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="rg-escalation" role="alert" data-rg="escalated">
            <p class="rg-escalation__title">{move || i18n.t("escalated-title")}</p>
            <p>{move || i18n.t("escalated-body")}</p>
        </div>
    }
}

/// "Send anyway", which ignores clicks until [`PROCEED_DELAY_MS`] after `armed_at`.
#[component]
fn Proceed(armed_at: StoredValue<f64>, on_decide: UnsyncCallback<Decision>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="rg-disclosure__hint">{move || i18n.t("warning-proceed-hint")}</p>
        <button
            type="button"
            class="rg-button rg-button--danger"
            data-rg="proceed"
            on:click=move |_| {
                if now_ms() - armed_at.get_value() >= PROCEED_DELAY_MS {
                    on_decide.run(Decision::Proceeded);
                }
            }
        >
            {move || i18n.t("warning-proceed")}
        </button>
    }
}

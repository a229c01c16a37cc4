//! Browser tests of the Leptos components with explicit assessments, so each level's
//! behaviour is tested independently of the rules. The real stylesheet is loaded, so layout
//! assertions (order of content, overflow) hold for what users see.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use riskguard::core::events::{Decision, Interaction};
use riskguard::core::i18n::Locale;
use riskguard::core::risk::{Assessment, Category, Level, TransferContext};
use riskguard::ui::{provide_i18n, RiskWarning};
use wasm_bindgen_test::*;

use common::{click, document, find, fresh_host, text};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn load_stylesheet() {
    if document().get_element_by_id("rg-test-style").is_none() {
        let style = document().create_element("style").expect("style");
        style.set_id("rg-test-style");
        style.set_text_content(Some(include_str!("../style/riskguard.css")));
        document()
            .head()
            .expect("head")
            .append_child(&style)
            .expect("append");
    }
}

fn transfer(payee: &str) -> TransferContext {
    let json = serde_json::json!({
        "amount_minor": 123_450, "currency": "CNY", "memo": "x",
        "payee": { "display_name": payee, "is_new": true },
        "initiated_at": "2026-11-21T14:00:00+08:00",
    });
    TransferContext::from_json(&json.to_string()).expect("valid")
}

fn assessment(level: Level, category: Category) -> Assessment {
    Assessment {
        id: None,
        level,
        category: Some(category),
        reasons: vec![],
        rules_version: "test".to_owned(),
    }
}

/// What the component reported back.
#[derive(Default)]
struct Seen {
    decisions: Vec<Decision>,
    interactions: Vec<Interaction>,
    reports: usize,
}

struct Mounted {
    root: HtmlElement,
    seen: Rc<RefCell<Seen>>,
    _handle: Box<dyn std::any::Any>,
}

fn show(level: Level, category: Category, variant: u32, payee: &str, locale: Locale) -> Mounted {
    load_stylesheet();
    let root = fresh_host();
    let seen = Rc::new(RefCell::new(Seen::default()));
    let (s1, s2, s3) = (seen.clone(), seen.clone(), seen.clone());
    let (transfer, assessment) = (transfer(payee), assessment(level, category));
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n(locale);
        view! {
            <div class="rg-overlay">
                <RiskWarning
                    transfer
                    assessment
                    variant
                    on_decide=UnsyncCallback::new(move |d| s1.borrow_mut().decisions.push(d))
                    on_interaction=UnsyncCallback::new(move |i| {
                        s2.borrow_mut().interactions.push(i)
                    })
                    on_report=UnsyncCallback::new(move |()| s3.borrow_mut().reports += 1)
                    on_learn=UnsyncCallback::new(|()| {})
                    help_url=Some("https://help.example/appeal".to_owned())
                />
            </div>
        }
    });
    Mounted {
        root,
        seen,
        _handle: Box::new(handle),
    }
}

fn absent(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).ok().flatten().is_none()
}

async fn tick() {
    TimeoutFuture::new(20).await;
}

#[wasm_bindgen_test]
async fn every_category_has_its_own_warning_in_every_language() {
    let categories = Category::ALL;
    for locale in Locale::ALL {
        let mut titles = std::collections::HashSet::new();
        for category in categories {
            let m = show(Level::Medium, category, 0, "P", locale);
            let dialog = find(&m.root, "[data-rg=interstitial]").await;
            let title = text(&find(&dialog, ".rg-interstitial__title").await);
            let questions = dialog
                .query_selector_all(".rg-interstitial__questions li")
                .expect("li");
            assert_eq!(questions.length(), 3, "{category:?}");
            for part in [
                ".rg-interstitial__likelihood",
                ".rg-interstitial__technique",
                ".rg-interstitial__consequence",
            ] {
                assert!(
                    !text(&find(&dialog, part).await).trim().is_empty(),
                    "{category:?} {part}"
                );
            }
            assert!(
                !text(&dialog).contains("warning-"),
                "no message id leaks: {}",
                text(&dialog)
            );
            assert!(
                titles.insert(title.clone()),
                "{category:?} reuses the title {title}"
            );
            m.root.remove();
        }
    }
}

#[wasm_bindgen_test]
async fn medium_offers_proceed_behind_the_disclosure_and_reports_it() {
    let m = show(Level::Medium, Category::OtcTrading, 0, "P", Locale::EnUs);
    let disclose = find(&m.root, "[data-rg=disclose]").await;
    click(&disclose);
    tick().await;
    assert!(!absent(&m.root, "[data-rg=proceed]"));
    assert!(
        absent(&m.root, "[data-rg=purpose]"),
        "medium asks no purpose question"
    );
    assert_eq!(
        m.seen.borrow().interactions,
        vec![Interaction::DetailsOpened]
    );
    m.root.remove();
}

#[wasm_bindgen_test]
async fn high_asks_the_purpose_first_and_a_benign_answer_opens_the_way() {
    let m = show(Level::High, Category::OtcTrading, 0, "P", Locale::EnUs);
    let dialog = find(&m.root, "[data-rg=interstitial]").await;
    assert_eq!(
        dialog.get_attribute("data-rg-level").as_deref(),
        Some("high")
    );
    click(&find(&m.root, "[data-rg=disclose]").await);
    find(&m.root, "[data-rg=purpose]").await;
    assert!(
        absent(&m.root, "[data-rg=proceed]"),
        "no way to proceed before answering"
    );
    let submit = find(&m.root, "[data-rg=purpose-submit]").await;
    assert!(submit.has_attribute("disabled"));
    click(&find(&m.root, "input[data-rg-purpose=goods-services]").await);
    click(&find(&m.root, "input[data-rg-guided=false]").await);
    tick().await;
    assert!(!submit.has_attribute("disabled"));
    click(&submit);
    let proceed = find(&m.root, "[data-rg=proceed]").await;
    TimeoutFuture::new(500).await;
    click(&proceed);
    tick().await;
    let seen = m.seen.borrow();
    assert_eq!(seen.decisions, vec![Decision::Proceeded]);
    assert!(seen.interactions.contains(&Interaction::PurposeAnswered));
    drop(seen);
    m.root.remove();
}

#[wasm_bindgen_test]
async fn high_escalates_when_someone_is_guiding_the_user() {
    let m = show(Level::High, Category::UnlockFee, 0, "P", Locale::ZhHans);
    click(&find(&m.root, "[data-rg=disclose]").await);
    click(&find(&m.root, "input[data-rg-purpose=family-friends]").await);
    click(&find(&m.root, "input[data-rg-guided=true]").await);
    tick().await;
    click(&find(&m.root, "[data-rg=purpose-submit]").await);
    let escalated = find(&m.root, "[data-rg=escalated]").await;
    assert_eq!(escalated.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&escalated).contains("请停下"), "{}", text(&escalated));
    assert!(
        absent(&m.root, "[data-rg=proceed]"),
        "escalation leaves no way to proceed"
    );
    assert!(m
        .seen
        .borrow()
        .interactions
        .contains(&Interaction::PurposeEscalated));
    m.root.remove();
}

#[wasm_bindgen_test]
async fn low_is_an_inline_hint_without_interruption() {
    let m = show(Level::Low, Category::UnusualPattern, 0, "P", Locale::EnUs);
    let hint = find(&m.root, "[data-rg=hint]").await;
    assert_eq!(hint.get_attribute("role").as_deref(), Some("status"));
    assert!(absent(&m.root, "[role=alertdialog]"));
    click(&find(&m.root, "[data-rg=hint-dismiss]").await);
    tick().await;
    assert_eq!(m.seen.borrow().decisions, vec![Decision::Allowed]);
    m.root.remove();
}

#[wasm_bindgen_test]
async fn blocked_links_the_hosts_help_page_and_offers_no_proceed() {
    let m = show(Level::Blocked, Category::FlaggedPayee, 0, "P", Locale::EnUs);
    let help = find(&m.root, "a[data-rg=help]").await;
    assert_eq!(
        help.get_attribute("href").as_deref(),
        Some("https://help.example/appeal")
    );
    assert_eq!(
        help.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(absent(&m.root, "[data-rg=proceed]") && absent(&m.root, "[data-rg=disclose]"));
    m.root.remove();
}

#[wasm_bindgen_test]
async fn report_thanks_the_user_and_tells_the_host() {
    let m = show(Level::Medium, Category::MiningScheme, 0, "P", Locale::EnUs);
    click(&find(&m.root, "[data-rg=report]").await);
    let thanks = find(&m.root, "[data-rg=report-thanks]").await;
    assert_eq!(thanks.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(m.seen.borrow().reports, 1);
    assert!(
        m.seen.borrow().decisions.is_empty(),
        "reporting does not decide"
    );
    m.root.remove();
}

#[wasm_bindgen_test]
async fn proceed_is_ignored_for_500_ms_after_the_window_regains_focus() {
    let m = show(Level::Medium, Category::OtcTrading, 0, "P", Locale::EnUs);
    click(&find(&m.root, "[data-rg=disclose]").await);
    let proceed = find(&m.root, "[data-rg=proceed]").await;
    TimeoutFuture::new(550).await;
    let window = web_sys::window().expect("window");
    window
        .dispatch_event(&web_sys::Event::new("focus").expect("event"))
        .expect("dispatch");
    click(&proceed);
    tick().await;
    assert!(
        m.seen.borrow().decisions.is_empty(),
        "ignored right after focus returns"
    );
    TimeoutFuture::new(520).await;
    click(&proceed);
    tick().await;
    assert_eq!(m.seen.borrow().decisions, vec![Decision::Proceeded]);
    m.root.remove();
}

#[wasm_bindgen_test]
async fn repeat_variants_reorder_the_content_but_keep_it() {
    let order_of = |dialog: &Element, selector: &str| -> i32 {
        let el = dialog
            .query_selector(selector)
            .ok()
            .flatten()
            .expect("part");
        let style = web_sys::window()
            .and_then(|w| w.get_computed_style(&el).ok().flatten())
            .expect("style");
        style
            .get_property_value("order")
            .ok()
            .and_then(|o| o.parse().ok())
            .unwrap_or(0)
    };
    let mut layouts = Vec::new();
    for variant in 0..3 {
        let m = show(
            Level::Medium,
            Category::FalseReturns,
            variant,
            "P",
            Locale::EnUs,
        );
        let dialog = find(&m.root, "[data-rg=interstitial]").await;
        assert_eq!(
            dialog.get_attribute("data-rg-variant"),
            Some(variant.to_string())
        );
        let layout: Vec<i32> = [
            ".rg-interstitial__ask",
            ".rg-details",
            ".rg-interstitial__body",
        ]
        .iter()
        .map(|s| order_of(&dialog, s))
        .collect();
        assert!(
            !absent(&dialog, "[data-rg=cancel]"),
            "still the same warning"
        );
        layouts.push(layout);
        m.root.remove();
    }
    assert_ne!(layouts[0], layouts[1]);
    assert_ne!(layouts[1], layouts[2]);
    assert_ne!(layouts[0], layouts[2]);
}

#[wasm_bindgen_test]
async fn a_10_kb_hostile_payee_name_stays_inside_the_dialog() {
    let hostile = format!("<img src=x onerror=alert(1)>\u{202E}{}", "W".repeat(10_000));
    let m = show(
        Level::Medium,
        Category::OtcTrading,
        0,
        &hostile,
        Locale::EnUs,
    );
    let dialog = find(&m.root, "[data-rg=interstitial]").await;
    let payee = find(&dialog, "[data-rg=payee]").await;
    assert_eq!(text(&payee), hostile);
    assert!(absent(&dialog, "img"));
    let (scroll, client) = (dialog.scroll_width(), dialog.client_width());
    assert!(scroll <= client, "horizontal overflow: {scroll} > {client}");
    let rect = payee.get_bounding_client_rect();
    let dialog_rect = dialog.get_bounding_client_rect();
    assert!(
        rect.right() <= dialog_rect.right() + 0.5,
        "payee sticks out of the dialog"
    );
    m.root.remove();
}

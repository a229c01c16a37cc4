//! Browser tests: the real component in headless Chromium, driven through its JS API
//! (`mount`, `check`) and the DOM, as a host page and a user would.
//!
//! Run with `cargo xtask test` (stage `browser`).
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use riskguard::web::{mount, RiskGuard};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const NOWHERE: &str = "http://127.0.0.1:9/v1/events";

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// A fresh mount point, and riskguard mounted in it with `locale`.
fn setup(locale: &str) -> (HtmlElement, RiskGuard) {
    let _ = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(|s| s.clear());
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let options = json(&format!(
        r#"{{"locale":"{locale}","endpoint":"{NOWHERE}","source":"test"}}"#
    ));
    let guard = mount(host.clone(), options).expect("mounts");
    (host, guard)
}

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("valid JSON")
}

fn transfer(memo: &str, payee: &str, flags: &[&str]) -> JsValue {
    let value = serde_json::json!({
        "amount_minor": 500_000, "currency": "CNY", "memo": memo,
        "payee": { "display_name": payee, "is_new": true, "flags": flags },
        "initiated_at": "2026-11-21T14:00:00+08:00",
    });
    json(&value.to_string())
}

/// Waits (up to 2 s) until `selector` matches inside `root`.
async fn find(root: &Element, selector: &str) -> Element {
    for _ in 0..200 {
        if let Ok(Some(found)) = root.query_selector(selector) {
            return found;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("{selector} did not appear");
}

async fn gone(root: &Element, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).ok().flatten().is_none() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("{selector} did not go away");
}

fn click(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}

fn press(key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    let target = document().active_element().expect("something has focus");
    target.dispatch_event(&event).expect("dispatch");
}

async fn decision(promise: js_sys::Promise) -> String {
    JsFuture::from(promise)
        .await
        .expect("resolves")
        .as_string()
        .expect("a string")
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn risky_memo_opens_accessible_dialog_and_escape_cancels() {
    let (host, guard) = setup("en-US");
    let opener: HtmlElement = document()
        .create_element("button")
        .expect("button")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&opener)
        .expect("append");
    opener.focus().expect("focus");

    let pending = guard.check(transfer("USDT承兑", "Wang Lei", &[]));
    let dialog = find(&host, "[data-rg=interstitial]").await;
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("alertdialog"));
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title_id = dialog.get_attribute("aria-labelledby").expect("labelled");
    let title = document()
        .get_element_by_id(&title_id)
        .expect("title element");
    assert!(text(&title).contains("crypto"), "{}", text(&title));
    let body_id = dialog.get_attribute("aria-describedby").expect("described");
    assert!(document().get_element_by_id(&body_id).is_some());
    assert!(text(&dialog).contains("CN¥5,000.00"), "{}", text(&dialog));

    let cancel = find(&host, "[data-rg=cancel]").await;
    TimeoutFuture::new(20).await;
    assert_eq!(
        document().active_element(),
        Some(cancel),
        "Cancel has initial focus"
    );

    press("Escape");
    assert_eq!(decision(pending).await, "cancelled");
    gone(&host, "[data-rg=interstitial]").await;
    assert_eq!(
        document().active_element(),
        Some(opener.unchecked_into()),
        "focus returns"
    );
    guard.unmount();
}

#[wasm_bindgen_test]
async fn benign_memo_is_allowed_without_a_dialog() {
    let (host, guard) = setup("zh-CN");
    assert_eq!(
        decision(guard.check(transfer("房租 11月", "房东", &[]))).await,
        "allowed"
    );
    TimeoutFuture::new(50).await;
    assert!(host
        .query_selector("[data-rg=interstitial]")
        .ok()
        .flatten()
        .is_none());
    guard.unmount();
}

#[wasm_bindgen_test]
async fn proceeding_is_deliberate_and_ignored_for_the_first_500_ms() {
    let (host, guard) = setup("en-US");
    let pending = guard.check(transfer("buy btc", "Dealer", &[]));
    let disclose = find(&host, "[data-rg=disclose]").await;
    let proceed = find(&host, "[data-rg=proceed]").await;
    assert!(
        proceed.closest("[hidden]").ok().flatten().is_some(),
        "hidden until disclosed"
    );
    assert_eq!(
        disclose.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    click(&disclose);
    TimeoutFuture::new(20).await;
    assert_eq!(
        disclose.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    click(&proceed); // too soon after the dialog appeared: ignored
    TimeoutFuture::new(50).await;
    assert!(host
        .query_selector("[data-rg=interstitial]")
        .ok()
        .flatten()
        .is_some());
    TimeoutFuture::new(500).await;
    click(&proceed);
    assert_eq!(decision(pending).await, "proceeded");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn restricted_payee_is_blocked_with_no_way_to_proceed() {
    let (host, guard) = setup("en-US");
    let pending = guard.check(transfer("房租", "Landlord", &["collection_restricted"]));
    let dialog = find(&host, "[data-rg=interstitial]").await;
    assert_eq!(
        dialog.get_attribute("data-rg-level").as_deref(),
        Some("blocked")
    );
    assert!(host
        .query_selector("[data-rg=proceed]")
        .ok()
        .flatten()
        .is_none());
    click(&find(&host, "[data-rg=acknowledge]").await);
    assert_eq!(decision(pending).await, "blocked");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn hostile_payee_name_is_rendered_as_inert_text() {
    let (host, guard) = setup("en-US");
    let hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>\u{202E}evil";
    let pending = guard.check(transfer("USDT", hostile, &[]));
    let payee = find(&host, "[data-rg=payee]").await;
    assert_eq!(text(&payee), hostile);
    assert_eq!(
        payee.child_element_count(),
        0,
        "no elements were created from the name"
    );
    assert!(host.query_selector("img, script").ok().flatten().is_none());
    press("Escape");
    assert_eq!(decision(pending).await, "cancelled");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn malformed_transfer_rejects_naming_the_field() {
    let (_host, guard) = setup("en-US");
    let bad = json(
        r#"{"amount_minor": 1, "currency": "CNY", "payee": {"is_new": "yes"}, "initiated_at": "2026-11-21T14:00:00+08:00"}"#,
    );
    let error = JsFuture::from(guard.check(bad)).await.expect_err("rejects");
    let message = error
        .unchecked_into::<js_sys::Error>()
        .message()
        .as_string()
        .unwrap_or_default();
    assert!(message.contains("payee.is_new"), "{message}");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn chinese_text_and_switching_language() {
    let (host, guard) = setup("zh-CN");
    let pending = guard.check(transfer("USDT承兑", "王磊", &[]));
    let cancel = find(&host, "[data-rg=cancel]").await;
    assert_eq!(text(&cancel), "取消转账");
    assert!(text(&find(&host, "[data-rg=amount]").await).contains("¥5,000.00"));
    guard
        .set_locale(JsValue::from_str("en"))
        .expect("valid tag");
    TimeoutFuture::new(20).await;
    assert_eq!(text(&cancel), "Cancel transfer");
    press("Escape");
    assert_eq!(decision(pending).await, "cancelled");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn quiz_from_the_warning_persists_its_completion_event_before_sending() {
    let (host, guard) = setup("en-US");
    let pending = guard.check(transfer("USDT", "Dealer", &[]));
    click(&find(&host, "[data-rg=learn]").await);
    let quiz = find(&host, "[data-rg=quiz]").await;
    for _ in 0..10 {
        if quiz
            .query_selector("[data-rg=quiz-summary]")
            .ok()
            .flatten()
            .is_some()
        {
            break;
        }
        click(&find(&quiz, "input[data-rg-option='0']").await);
        TimeoutFuture::new(10).await;
        click(&find(&quiz, "[data-rg=quiz-check]").await);
        let feedback = find(&quiz, ".rg-quiz__verdict").await;
        assert!(!text(&feedback).is_empty());
        click(&find(&quiz, "[data-rg=quiz-next]").await);
        TimeoutFuture::new(10).await;
    }
    let summary = find(&quiz, "[data-rg=quiz-summary]").await;
    assert!(text(&summary).contains("of 4"), "{}", text(&summary));

    // The collector is unreachable, so the event must be waiting in localStorage.
    let stored = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item("riskguard.outbox.v1").ok().flatten())
        .unwrap_or_default();
    assert!(stored.contains("riskguard.quiz.completed"), "{stored}");
    assert!(!stored.contains("Dealer"), "payee names never enter events");

    click(&find(&host, "[data-rg=quiz-back]").await);
    find(&host, "[data-rg=interstitial]").await;
    press("Escape");
    assert_eq!(decision(pending).await, "cancelled");
    guard.unmount();
}

/// Fills localStorage until the browser refuses even one more character; returns the items.
fn fill_local_storage() -> u32 {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage");
    let mut items = 0;
    for size in [256 * 1024, 16 * 1024, 1024, 64, 1] {
        let chunk = "x".repeat(size);
        while storage.set_item(&format!("f{items}"), &chunk).is_ok() {
            items += 1;
            assert!(items < 10_000, "localStorage never filled up");
        }
    }
    items
}

#[wasm_bindgen_test]
async fn full_local_storage_warns_and_keeps_events_in_memory() {
    let (host, guard) = setup("en-US");
    // Capture console.warn to see the message a developer would see.
    let warnings = js_sys::Array::new();
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).expect("console");
    let original_warn = js_sys::Reflect::get(&console, &"warn".into()).expect("warn");
    let sink = warnings.clone();
    let capture = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |m: JsValue| {
        sink.push(&m);
    });
    js_sys::Reflect::set(&console, &"warn".into(), capture.as_ref()).expect("replace warn");
    assert!(fill_local_storage() > 0);

    let pending = guard.check(transfer("USDT承兑", "Dealer", &[]));
    find(&host, "[data-rg=interstitial]").await;
    press("Escape");
    assert_eq!(decision(pending).await, "cancelled");

    js_sys::Reflect::set(&console, &"warn".into(), &original_warn).expect("restore warn");
    let _ = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(|s| s.clear());
    let messages: Vec<String> = warnings.iter().filter_map(|m| m.as_string()).collect();
    assert!(
        messages.iter().any(|m| m.contains("localStorage refused")),
        "{messages:?}"
    );
    // warning.shown and warning.decided are still queued (the collector is unreachable).
    assert_eq!(guard.pending_events(), 2);
    guard.unmount();
}

#[wasm_bindgen_test]
async fn a_handle_used_after_unmount_rejects_instead_of_crashing() {
    let (host, guard) = setup("zh-CN");
    let pending = guard.check(transfer("USDT", "Dealer", &[]));
    find(&host, "[data-rg=interstitial]").await;
    guard.unmount();
    assert_eq!(
        decision(pending).await,
        "cancelled",
        "a waiting check resolves safely"
    );
    gone(&host, "[data-rg=interstitial]").await;
    let error = JsFuture::from(guard.check(transfer("USDT", "Dealer", &[])))
        .await
        .expect_err("rejects");
    let message = error
        .unchecked_into::<js_sys::Error>()
        .message()
        .as_string()
        .unwrap_or_default();
    assert!(message.contains("unmounted"), "{message}");
    assert!(guard.set_locale(JsValue::from_str("en")).is_err());
    assert!(!guard.locale().is_empty(), "reading the locale still works");
}

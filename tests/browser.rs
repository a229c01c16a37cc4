//! Browser tests: the real component in headless Chromium, driven through its JS API
//! (`mount`, `check`) and the DOM, as a host page and a user would.
//!
//! Run with `cargo xtask test` (stage `browser`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use gloo_timers::future::TimeoutFuture;
use riskguard::web::RiskGuard;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

use common::{click, document, fill_local_storage, find, mount_with, text, ConsoleWarnings};
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh mount point, and riskguard mounted in it with `locale`.
fn setup(locale: &str) -> (HtmlElement, RiskGuard) {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"locale".into(), &locale.into()).expect("set");
    mount_with(&options)
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

async fn gone(root: &Element, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).ok().flatten().is_none() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("{selector} did not go away");
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

/// A memo the rules in force rate `medium` for a new payee named `payee` (levels are the
/// engine's business; these tests are about what the UI does at a level).
fn medium_memo(guard: &RiskGuard, payee: &str) -> &'static str {
    ["USDT承兑", "buy btc", "比特币", "稳赚不赔", "收U"]
        .into_iter()
        .find(|memo| {
            let a = guard.assess(transfer(memo, payee, &[])).expect("assesses");
            js_sys::Reflect::get(&a, &"level".into())
                .ok()
                .and_then(|l| l.as_string())
                .as_deref()
                == Some("medium")
        })
        .expect("some memo is rated medium")
}

#[wasm_bindgen_test]
async fn proceeding_is_deliberate_and_ignored_for_the_first_500_ms() {
    let (host, guard) = setup("en-US");
    let pending = guard.check(transfer(medium_memo(&guard, "Dealer"), "Dealer", &[]));
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
    assert!(text(&summary).contains("of 6"), "{}", text(&summary));

    // The collector is unreachable, so the event must be waiting in localStorage.
    let stored = common::stored_outbox()
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(stored.contains("riskguard.quiz.completed"), "{stored}");
    assert!(!stored.contains("Dealer"), "payee names never enter events");

    click(&find(&host, "[data-rg=quiz-close]").await);
    find(&host, "[data-rg=interstitial]").await;
    press("Escape");
    assert_eq!(decision(pending).await, "cancelled");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn full_local_storage_warns_and_keeps_events_in_memory() {
    let (host, guard) = setup("en-US");
    let console = ConsoleWarnings::capture();
    assert!(fill_local_storage() > 0);

    let pending = guard.check(transfer("USDT承兑", "Dealer", &[]));
    find(&host, "[data-rg=interstitial]").await;
    press("Escape");
    assert_eq!(decision(pending).await, "cancelled");

    let messages = console.messages();
    drop(console);
    let _ = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(|s| s.clear());
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

fn stored_events() -> Vec<serde_json::Value> {
    common::stored_events()
}

#[wasm_bindgen_test]
async fn host_rules_replace_the_builtin_ones_and_broken_rules_keep_them() {
    let (_host, guard) = setup("en-US");
    let builtin = guard.rules_version();
    let error = guard
        .set_rules(JsValue::from_str("{\n  \"version\": \"x\",\n  oops\n}"))
        .expect_err("malformed");
    let message = error
        .unchecked_into::<js_sys::Error>()
        .message()
        .as_string()
        .unwrap_or_default();
    assert!(message.contains("line 3"), "{message}");
    assert_eq!(guard.rules_version(), builtin, "the rules in force stay");

    let mut file: serde_json::Value =
        serde_json::from_str(include_str!("../rules/default.json")).expect("built-in rules");
    file["version"] = "host-2026-12".into();
    guard
        .set_rules(JsValue::from_str(&file.to_string()))
        .expect("valid rules");
    assert_eq!(guard.rules_version(), "host-2026-12");
    let assessment = guard
        .assess(transfer("USDT承兑", "Dealer", &[]))
        .expect("assesses");
    let version = js_sys::Reflect::get(&assessment, &"rules_version".into()).expect("field");
    assert_eq!(version.as_string().as_deref(), Some("host-2026-12"));
    guard.unmount();
}

#[wasm_bindgen_test]
async fn a_repeat_warning_looks_different_and_says_repeat() {
    let (host, guard) = setup("en-US");
    let mut variants = Vec::new();
    for _ in 0..2 {
        let pending = guard.check(transfer("USDT承兑", "Dealer", &[]));
        let dialog = find(&host, "[data-rg=interstitial]").await;
        variants.push(dialog.get_attribute("data-rg-variant"));
        press("Escape");
        assert_eq!(decision(pending).await, "cancelled");
        gone(&host, "[data-rg=interstitial]").await;
    }
    assert_ne!(variants[0], variants[1]);
    let exposures: Vec<String> = stored_events()
        .iter()
        .filter(|e| e["type"] == "riskguard.warning.shown")
        .map(|e| {
            e["data"]["exposure"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(exposures, ["first", "repeat"]);
    guard.unmount();
}

#[wasm_bindgen_test]
async fn a_confirmed_payee_is_not_warned_again_for_a_smaller_amount() {
    let (host, guard) = setup("en-US");
    // A transfer the rules in force rate `medium` (the only level confirmations apply to).
    let level_of = |memo: &str| {
        let a = guard
            .assess(transfer(memo, "Old Friend", &[]))
            .expect("assesses");
        js_sys::Reflect::get(&a, &"level".into())
            .ok()
            .and_then(|l| l.as_string())
    };
    let memo = ["buy btc", "USDT承兑", "比特币", "稳赚不赔"]
        .into_iter()
        .find(|m| level_of(m).as_deref() == Some("medium"))
        .expect("some memo is rated medium");
    let with_amount = |amount: u64| {
        let value = serde_json::json!({
            "amount_minor": amount, "currency": "CNY", "memo": memo,
            "payee": { "display_name": "Old Friend", "is_new": false },
            "initiated_at": "2026-11-21T14:00:00+08:00",
        });
        json(&value.to_string())
    };
    let pending = guard.check(with_amount(100_000));
    click(&find(&host, "[data-rg=disclose]").await);
    let proceed = find(&host, "[data-rg=proceed]").await;
    TimeoutFuture::new(550).await;
    click(&proceed);
    assert_eq!(decision(pending).await, "proceeded");

    assert_eq!(
        decision(guard.check(with_amount(90_000))).await,
        "allowed",
        "smaller: no warning"
    );
    let pending = guard.check(with_amount(200_000));
    find(&host, "[data-rg=interstitial]").await;
    press("Escape");
    assert_eq!(decision(pending).await, "cancelled", "larger: warned again");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn report_and_event_hooks_reach_the_host_without_private_data() {
    let reports = js_sys::Array::new();
    let events = js_sys::Array::new();
    let (r, e) = (reports.clone(), events.clone());
    let on_report = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
        r.push(&v);
    });
    let on_event = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
        e.push(&v);
    });
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"onReport".into(), on_report.as_ref()).expect("set");
    js_sys::Reflect::set(&options, &"onEvent".into(), on_event.as_ref()).expect("set");
    let (host, guard) = mount_with(&options);

    let pending = guard.check(transfer("USDT承兑", "Secret Name", &[]));
    click(&find(&host, "[data-rg=report]").await);
    find(&host, "[data-rg=report-thanks]").await;
    press("Escape");
    assert_eq!(decision(pending).await, "cancelled");

    assert_eq!(reports.length(), 1);
    let report = js_sys::JSON::stringify(&reports.get(0))
        .ok()
        .and_then(|s| s.as_string());
    let report = report.unwrap_or_default();
    assert!(report.contains("otc_trading"), "{report}");
    let types: Vec<String> = events
        .iter()
        .filter_map(|e| js_sys::Reflect::get(&e, &"type".into()).ok()?.as_string())
        .collect();
    assert_eq!(
        types,
        [
            "riskguard.warning.shown",
            "riskguard.warning.reported",
            "riskguard.warning.decided"
        ]
    );
    let all = js_sys::JSON::stringify(&events.into())
        .ok()
        .and_then(|s| s.as_string());
    assert!(
        !all.unwrap_or_default().contains("Secret Name"),
        "no payee names in events"
    );
    guard.unmount();
}

#[wasm_bindgen_test]
async fn negotiated_locales_pick_the_right_script_and_switching_changes_every_text() {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (tag, cancel) in [
        ("zh-HK", "取消轉帳"),
        ("zh-TW", "取消轉帳"),
        ("zh-SG", "取消转账"),
        ("zh-CN", "取消转账"),
        ("fr", "Cancel transfer"),
    ] {
        let (host, guard) = setup(tag);
        let pending = guard.check(transfer("USDT承兑", "P", &[]));
        let dialog = find(&host, "[data-rg=interstitial]").await;
        assert_eq!(
            text(&find(&host, "[data-rg=cancel]").await),
            cancel,
            "{tag}"
        );
        guard
            .set_locale(JsValue::from_str("en"))
            .expect("valid tag");
        TimeoutFuture::new(30).await;
        let english = text(&dialog);
        assert!(!han(&english), "{tag} → en left Chinese text: {english}");
        guard.set_locale(JsValue::from_str(tag)).expect("valid tag");
        TimeoutFuture::new(30).await;
        assert_eq!(
            text(&find(&host, "[data-rg=cancel]").await),
            cancel,
            "{tag} again"
        );
        press("Escape");
        assert_eq!(decision(pending).await, "cancelled");
        guard.unmount();
    }
}

#[wasm_bindgen_test]
async fn text_overrides_apply_live_and_broken_ones_keep_the_built_in_text() {
    let (host, guard) = setup("zh-CN");
    let pending = guard.check(transfer("USDT承兑", "P", &[]));
    let cancel = find(&host, "[data-rg=cancel]").await;
    assert_eq!(text(&cancel), "取消转账");

    guard
        .set_messages(
            "zh-Hans",
            "warning-cancel = 不转了\n",
            Some("zh-Hans/live.ftl".into()),
        )
        .expect("valid override");
    TimeoutFuture::new(30).await;
    assert_eq!(text(&cancel), "不转了", "the open dialog updates");

    let error = guard
        .set_messages(
            "zh-Hans",
            "warning-cancel = 好\n\n坏 = x\n",
            Some("zh-Hans/live.ftl".into()),
        )
        .expect_err("broken");
    let message = error
        .unchecked_into::<js_sys::Error>()
        .message()
        .as_string()
        .unwrap_or_default();
    assert!(message.contains("zh-Hans/live.ftl:3:1"), "{message}");
    TimeoutFuture::new(30).await;
    assert_eq!(text(&cancel), "不转了", "the text in force stays");

    assert!(
        guard
            .set_messages("zh-Hnas", "warning-cancel = x\n", None)
            .is_err(),
        "typo"
    );
    press("Escape");
    assert_eq!(decision(pending).await, "cancelled");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn messages_passed_at_mount_override_text_and_broken_ones_are_skipped() {
    let options = js_sys::Object::new();
    let messages = js_sys::Object::new();
    js_sys::Reflect::set(
        &messages,
        &"en-US".into(),
        &"warning-cancel = Stop it\n".into(),
    )
    .expect("set");
    js_sys::Reflect::set(
        &messages,
        &"zh-Hans".into(),
        &"warning-cancel = 好\n坏 = x\n".into(),
    )
    .expect("set");
    js_sys::Reflect::set(&options, &"messages".into(), &messages).expect("set");
    let (host, guard) = mount_with(&options);
    let pending = guard.check(transfer("USDT承兑", "P", &[]));
    assert_eq!(text(&find(&host, "[data-rg=cancel]").await), "Stop it");
    guard
        .set_locale(JsValue::from_str("zh-CN"))
        .expect("valid tag");
    TimeoutFuture::new(30).await;
    assert_eq!(
        text(&find(&host, "[data-rg=cancel]").await),
        "取消转账",
        "broken file skipped"
    );
    press("Escape");
    assert_eq!(decision(pending).await, "cancelled");
    guard.unmount();
}

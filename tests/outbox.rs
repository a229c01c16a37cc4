//! Browser tests of the event outbox: the real component in headless Chromium, with `fetch`
//! replaced by a scripted fake collector (wasm-bindgen-test has no server), observed the way a
//! host or an operator would: localStorage, the requests made, `deliveryStats()`,
//! `onDeliveryError`. End-to-end delivery to the real collector is tested separately.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use gloo_timers::future::TimeoutFuture;
use riskguard::web::{mount, RiskGuard};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use common::{
    click, fill_local_storage, find, fresh_host, stored_outbox, ConsoleWarnings, OUTBOX_PREFIX,
};

wasm_bindgen_test_configure!(run_in_browser);

const ENDPOINT: &str = "/fake-collector/v1/events";

/// `window.fetch` replaced by a fake collector answering from a script: each element is
/// `"network"` (the request fails) or `{ "status": 503, "headers": { … } }`; the last one
/// repeats. Every call is recorded with what localStorage held at that moment. Restored on drop.
struct FakeCollector {
    calls: js_sys::Array,
    restore: js_sys::Function,
}

const FAKE_FETCH: &str = r#"
const script = JSON.parse(scriptJson);
const calls = [];
const original = window.fetch;
window.fetch = function (url, init) {
    init = init || {};
    let ids = [];
    try { ids = JSON.parse(init.body).map(e => e.id); } catch (e) {}
    const headers = {};
    new Headers(init.headers).forEach((value, name) => { headers[name] = value; });
    calls.push({
        url: String(url),
        at: Date.now(),
        ids,
        bytes: new TextEncoder().encode(init.body || "").length,
        keepalive: init.keepalive === true,
        signal: !!init.signal,
        method: init.method,
        headers,
        storedBefore: ids.every(id => localStorage.getItem("riskguard.outbox.v2." + id) !== null),
    });
    const next = script.length > 1 ? script.shift() : script[0];
    if (next === "network") {
        return Promise.reject(new TypeError("Failed to fetch"));
    }
    return Promise.resolve(new Response(null, { status: next.status, headers: next.headers || {} }));
};
return { calls, restore: () => { window.fetch = original; } };
"#;

impl FakeCollector {
    fn install(script: Value) -> Self {
        let install = js_sys::Function::new_with_args("scriptJson", FAKE_FETCH);
        let fake = install
            .call1(&JsValue::NULL, &script.to_string().into())
            .expect("installs");
        let get = |name: &str| js_sys::Reflect::get(&fake, &name.into()).expect(name);
        Self {
            calls: get("calls").unchecked_into(),
            restore: get("restore").unchecked_into(),
        }
    }

    /// The requests so far.
    fn calls(&self) -> Vec<Value> {
        self.calls.iter().map(|call| to_value(&call)).collect()
    }

    /// Waits (up to `ms`) until at least `n` requests were made.
    async fn wait_for(&self, n: usize, ms: u32) -> Vec<Value> {
        until(&format!("{n} request(s)"), ms, || {
            self.calls.length() as usize >= n
        })
        .await;
        self.calls()
    }
}

impl Drop for FakeCollector {
    fn drop(&mut self) {
        let _ = self.restore.call0(&JsValue::NULL);
    }
}

fn to_value(value: &JsValue) -> Value {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

/// Waits (up to `ms`) until `done()`.
async fn until(what: &str, ms: u32, done: impl Fn() -> bool) {
    for _ in 0..ms / 20 {
        if done() {
            return;
        }
        TimeoutFuture::new(20).await;
    }
    assert!(done(), "timed out waiting for {what}");
}

/// Mounts with `extra` options (a JSON object) on top of the fake endpoint and a fixed source.
/// Does not touch localStorage.
fn mount_at(extra: Value) -> Result<(HtmlElement, RiskGuard), String> {
    let mut options = json!({ "endpoint": ENDPOINT, "source": "test", "locale": "en-US" });
    if let (Some(options), Some(extra)) = (options.as_object_mut(), extra.as_object()) {
        options.extend(extra.clone());
    }
    let options = js_sys::JSON::parse(&options.to_string()).expect("JSON");
    mount_js(options)
}

fn mount_js(options: JsValue) -> Result<(HtmlElement, RiskGuard), String> {
    let host = fresh_host();
    mount(host.clone(), options)
        .map(|guard| (host, guard))
        .map_err(|e| {
            e.unchecked_into::<js_sys::Error>()
                .message()
                .as_string()
                .unwrap_or_default()
        })
}

/// A risky transfer: the warning opens, the user cancels. Two events: `warning.shown` and
/// `warning.decided`.
async fn warn_and_cancel(host: &HtmlElement, guard: &RiskGuard) {
    let transfer = json!({
        "amount_minor": 500_000, "currency": "CNY", "memo": "USDT承兑",
        "payee": { "display_name": "Dealer", "is_new": true, "flags": [] },
        "initiated_at": "2026-11-21T14:00:00+08:00",
    });
    let pending = guard.check(js_sys::JSON::parse(&transfer.to_string()).expect("JSON"));
    find(host, "[data-rg=interstitial]").await;
    click(&find(host, "[data-rg=cancel]").await);
    let decision = JsFuture::from(pending).await.expect("resolves");
    assert_eq!(decision.as_string().as_deref(), Some("cancelled"));
}

fn stats(guard: &RiskGuard) -> Value {
    to_value(&guard.delivery_stats().expect("stats"))
}

/// Every id the requests carried, in order, each once.
fn sent_ids(calls: &[Value]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for id in calls
        .iter()
        .flat_map(|c| c["ids"].as_array().cloned().unwrap_or_default())
    {
        let id = id.as_str().unwrap_or_default().to_owned();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

#[wasm_bindgen_test]
async fn every_event_is_stored_before_its_request_which_carries_the_hosts_headers() {
    storage().clear().expect("clear");
    let fake = FakeCollector::install(json!([{ "status": 200 }]));
    let (host, guard) =
        mount_at(json!({ "headers": { "Authorization": "Bearer test-token" } })).expect("mounts");
    warn_and_cancel(&host, &guard).await;

    until("both events acknowledged", 3000, || {
        guard.pending_events() == 0
    })
    .await;
    let calls = fake.calls();
    assert_eq!(sent_ids(&calls).len(), 2, "{calls:?}");
    for call in &calls {
        assert_eq!(
            call["storedBefore"], true,
            "stored before the request: {call}"
        );
        assert_eq!(call["keepalive"], true, "{call}");
        assert_eq!(call["signal"], true, "abortable (timeout): {call}");
        assert_eq!(call["method"], "POST");
        assert!(
            call["url"].as_str().unwrap_or_default().ends_with(ENDPOINT),
            "{call}"
        );
        assert_eq!(
            call["headers"]["content-type"],
            "application/cloudevents-batch+json"
        );
        assert_eq!(call["headers"]["authorization"], "Bearer test-token");
    }
    assert!(
        stored_outbox().is_empty(),
        "acknowledged events are removed"
    );
    let stats = stats(&guard);
    assert_eq!(stats["delivered"], 2, "{stats}");
    assert_eq!(stats["pending"], 0, "{stats}");
    assert_eq!(stats["lastStatus"], 200, "{stats}");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn set_headers_replaces_the_token_for_the_next_requests_and_names_bad_headers() {
    storage().clear().expect("clear");
    let fake = FakeCollector::install(json!([{ "status": 200 }]));
    let (host, guard) =
        mount_at(json!({ "headers": { "Authorization": "Bearer old" } })).expect("mounts");
    warn_and_cancel(&host, &guard).await;
    until("the first events acknowledged", 3000, || {
        guard.pending_events() == 0
    })
    .await;
    let before = fake.calls().len();
    assert!(before > 0);

    let refreshed = js_sys::JSON::parse(r#"{"Authorization": "Bearer new"}"#).expect("JSON");
    guard.set_headers(refreshed).expect("valid headers");
    let refused = |json: &str| {
        let value = js_sys::JSON::parse(json).expect("JSON");
        let error = guard.set_headers(value).expect_err("refused");
        String::from(error.unchecked_ref::<js_sys::Error>().message())
    };
    let message = refused(r#"{"Authorization": 42}"#);
    assert!(message.contains("`headers.Authorization`"), "{message}");
    let message = refused(r#"{"X-A": "a\r\nInjected: 1"}"#);
    assert!(
        message.contains("setHeaders()") && message.contains("single line"),
        "{message}"
    );
    let message = refused(r#""Bearer x""#);
    assert!(message.contains("object"), "{message}");

    warn_and_cancel(&host, &guard).await;
    until("the next events acknowledged", 3000, || {
        guard.pending_events() == 0
    })
    .await;
    let calls = fake.calls();
    assert!(calls.len() > before, "{calls:?}");
    for call in &calls[..before] {
        assert_eq!(call["headers"]["authorization"], "Bearer old", "{call}");
    }
    for call in &calls[before..] {
        assert_eq!(
            call["headers"]["authorization"], "Bearer new",
            "the refused headers did not replace the good ones: {call}"
        );
    }
    guard.unmount();
}

#[wasm_bindgen_test]
async fn a_network_error_keeps_events_stored_one_key_each_and_retries_with_growing_delays() {
    storage().clear().expect("clear");
    let fake = FakeCollector::install(json!(["network"]));
    let (host, guard) = mount_at(json!({})).expect("mounts");
    warn_and_cancel(&host, &guard).await;

    let calls = fake.wait_for(3, 6000).await;
    let at: Vec<f64> = calls.iter().filter_map(|c| c["at"].as_f64()).collect();
    let (first, second) = (at[1] - at[0], at[2] - at[1]);
    assert!(first >= 450.0, "first retry after 0.5–1 s, not {first} ms");
    assert!(second >= 950.0, "second retry after 1–2 s, not {second} ms");

    let stored = stored_outbox();
    assert_eq!(stored.len(), 2, "both events still stored");
    for (key, text) in &stored {
        let event: Value = serde_json::from_str(text).expect("a CloudEvent");
        assert_eq!(
            key,
            &format!("{OUTBOX_PREFIX}{}", event["id"].as_str().unwrap_or(""))
        );
        assert_eq!(event["specversion"], "1.0");
        assert_eq!(event["source"], "test");
        assert!(!text.contains("Dealer"), "payee names never enter events");
    }
    assert!(storage()
        .get_item("riskguard.outbox.v1")
        .expect("read")
        .is_none());

    let stats = stats(&guard);
    let mut keys: Vec<&str> = stats
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "consecutiveFailures",
            "delivered",
            "dropped",
            "failedAttempts",
            "inFlight",
            "lastError",
            "lastStatus",
            "memoryOnly",
            "nextAttemptAt",
            "pending",
            "refused",
            "settledElsewhere"
        ]
    );
    assert_eq!(stats["pending"], 2, "{stats}");
    assert_eq!(stats["delivered"], 0, "{stats}");
    assert_eq!(stats["dropped"], json!({ "telemetry": 0, "completion": 0 }));
    assert!(stats["failedAttempts"].as_u64() >= Some(2), "{stats}");
    assert_eq!(guard.pending_events(), 2);
    guard.unmount();
}

#[wasm_bindgen_test]
async fn retry_after_from_the_collector_is_honoured() {
    storage().clear().expect("clear");
    let fake = FakeCollector::install(json!([
        { "status": 503, "headers": { "Retry-After": "2" } },
        { "status": 200 }
    ]));
    let (host, guard) = mount_at(json!({})).expect("mounts");
    warn_and_cancel(&host, &guard).await;
    let calls = fake.wait_for(2, 6000).await;
    let gap = calls[1]["at"].as_f64().unwrap_or(0.0) - calls[0]["at"].as_f64().unwrap_or(0.0);
    assert!(gap >= 1950.0, "waited {gap} ms, not the 2 s asked for");
    until("delivered", 3000, || guard.pending_events() == 0).await;
    assert_eq!(stats(&guard)["delivered"], 2);
    guard.unmount();
}

#[wasm_bindgen_test]
async fn refused_events_are_removed_and_reported_to_the_host_without_their_contents() {
    storage().clear().expect("clear");
    let _fake = FakeCollector::install(json!([{ "status": 401 }]));
    let reports = js_sys::Array::new();
    let sink = reports.clone();
    let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |r: JsValue| {
        sink.push(&r);
    });
    let options = js_sys::JSON::parse(
        &json!({ "endpoint": ENDPOINT, "source": "test", "locale": "en-US" }).to_string(),
    )
    .expect("JSON");
    js_sys::Reflect::set(&options, &"onDeliveryError".into(), on_error.as_ref()).expect("set");
    let (host, guard) = mount_js(options).expect("mounts");
    warn_and_cancel(&host, &guard).await;

    until("both events refused", 3000, || guard.pending_events() == 0).await;
    let reports: Vec<Value> = reports.iter().map(|r| to_value(&r)).collect();
    let mut refused = 0;
    for report in &reports {
        let mut keys: Vec<&String> = report.as_object().expect("an object").keys().collect();
        keys.sort_unstable();
        assert_eq!(keys, ["events", "status", "types"], "only these: {report}");
        assert_eq!(report["status"], 401);
        for t in report["types"].as_array().expect("types") {
            assert!(
                t.as_str().unwrap_or("").starts_with("riskguard.warning."),
                "{t}"
            );
        }
        refused += report["events"].as_u64().unwrap_or(0);
    }
    assert_eq!(refused, 2, "{reports:?}");
    assert!(stored_outbox().is_empty(), "refused events are not kept");
    assert_eq!(stats(&guard)["refused"], 2);
    guard.unmount();
}

#[wasm_bindgen_test]
async fn bad_delivery_options_are_refused_at_mount_naming_the_option() {
    let cases = [
        (
            json!({ "headers": { "Authorization": 5 } }),
            "`headers.Authorization`",
        ),
        (json!({ "headers": ["Authorization", "x"] }), "`headers`"),
        (json!({ "headers": { "Bad Name": "x" } }), "Bad Name"),
        (
            json!({ "headers": { "X-A": "a\r\nX-B: b" } }),
            "`headers.X-A`",
        ),
        (
            json!({ "outbox": { "maxEvents": 0 } }),
            "`outbox.maxEvents`",
        ),
    ];
    for (options, named) in cases {
        let message = mount_at(options.clone())
            .map(|(_, guard)| guard.unmount())
            .expect_err("refused");
        assert!(message.contains(named), "{options}: {message}");
        assert!(message.starts_with("riskguard: "), "{message}");
    }
    let options = js_sys::JSON::parse(r#"{"onDeliveryError": "alert"}"#).expect("JSON");
    let message = mount_js(options)
        .map(|(_, g)| g.unmount())
        .expect_err("refused");
    assert!(
        message.contains("`onDeliveryError` must be a function"),
        "{message}"
    );
}

#[wasm_bindgen_test]
async fn the_old_single_key_queue_is_moved_to_one_key_per_event_and_sent() {
    storage().clear().expect("clear");
    let legacy = json!([
        {
            "specversion": "1.0", "id": "legacy-1", "source": "test",
            "type": "riskguard.warning.shown", "time": "2026-01-01T00:00:00.000Z",
            "datacontenttype": "application/json", "data": {}
        },
        {
            "specversion": "1.0", "id": "legacy-2", "source": "test",
            "type": "riskguard.quiz.completed", "time": "2026-01-01T00:00:01.000Z",
            "datacontenttype": "application/json", "data": {}
        },
        "not an event"
    ]);
    storage()
        .set_item("riskguard.outbox.v1", &legacy.to_string())
        .expect("set");
    let fake = FakeCollector::install(json!(["network"]));
    let (_host, guard) = mount_at(json!({})).expect("mounts");

    assert!(storage()
        .get_item("riskguard.outbox.v1")
        .expect("read")
        .is_none());
    let keys: Vec<String> = stored_outbox().into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        keys,
        [
            format!("{OUTBOX_PREFIX}legacy-1"),
            format!("{OUTBOX_PREFIX}legacy-2")
        ]
    );
    assert_eq!(guard.pending_events(), 2);
    let calls = fake.wait_for(1, 3000).await;
    assert_eq!(
        calls[0]["ids"],
        json!(["legacy-2", "legacy-1"]),
        "completion records go first"
    );
    guard.unmount();
}

/// Stores a `warning.shown` event with `id` as another tab (or an earlier page) would.
fn store_foreign_record(id: &str) {
    let foreign = json!({
        "specversion": "1.0", "id": id, "source": "test",
        "type": "riskguard.warning.shown", "time": "2026-01-01T00:00:00.000Z",
        "datacontenttype": "application/json", "data": {}
    });
    storage()
        .set_item(&format!("{OUTBOX_PREFIX}{id}"), &foreign.to_string())
        .expect("set");
}

#[wasm_bindgen_test]
async fn records_another_tab_left_are_sent_along() {
    storage().clear().expect("clear");
    let fake = FakeCollector::install(json!([{ "status": 200 }]));
    let (host, guard) = mount_at(json!({})).expect("mounts");
    // Another tab (or an earlier page) stored an event and went away before sending it.
    store_foreign_record("other-tab-1");
    warn_and_cancel(&host, &guard).await;
    until("everything acknowledged", 3000, || {
        guard.pending_events() == 0 && stored_outbox().is_empty()
    })
    .await;
    let ids = sent_ids(&fake.calls());
    assert!(ids.contains(&"other-tab-1".to_owned()), "{ids:?}");
    assert_eq!(ids.len(), 3, "{ids:?}");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn records_another_tab_settles_or_adds_between_sends_are_seen_before_the_next_one() {
    storage().clear().expect("clear");
    let fake = FakeCollector::install(json!(["network", { "status": 200 }]));
    let (host, guard) = mount_at(json!({})).expect("mounts");
    warn_and_cancel(&host, &guard).await;
    fake.wait_for(1, 3000).await;
    until("the failed request answered", 3000, || {
        stats(&guard)["inFlight"] == 0
    })
    .await;
    // While this tab backs off, another one delivers one of its records and leaves one of its own.
    let stored = stored_outbox();
    assert_eq!(stored.len(), 2, "both events stored");
    let settled = stored[0].0[OUTBOX_PREFIX.len()..].to_owned();
    storage().remove_item(&stored[0].0).expect("remove");
    store_foreign_record("other-tab-2");
    until("everything acknowledged", 5000, || {
        guard.pending_events() == 0 && stored_outbox().is_empty()
    })
    .await;
    let calls = fake.calls();
    let later = sent_ids(&calls[1..]);
    assert!(!later.contains(&settled), "{settled} sent again: {later:?}");
    assert!(later.contains(&"other-tab-2".to_owned()), "{later:?}");
    assert_eq!(later.len(), 2, "{later:?}");
    assert_eq!(stats(&guard)["settledElsewhere"], 1);
    guard.unmount();
}

#[wasm_bindgen_test]
async fn pagehide_sends_at_once_within_the_keepalive_budget_despite_the_backoff() {
    storage().clear().expect("clear");
    let fake = FakeCollector::install(json!(["network"]));
    let (host, guard) = mount_at(json!({})).expect("mounts");
    warn_and_cancel(&host, &guard).await;
    fake.wait_for(1, 3000).await;
    // Wait for the first failure to be taken in: the outbox is now backing off.
    until("a failed attempt", 3000, || {
        stats(&guard)["failedAttempts"].as_u64() >= Some(1) && stats(&guard)["inFlight"] == 0
    })
    .await;
    let before = fake.calls().len();
    let event = web_sys::Event::new("pagehide").expect("event");
    web_sys::window()
        .expect("window")
        .dispatch_event(&event)
        .expect("dispatch");
    let calls = fake.calls();
    assert_eq!(
        calls.len(),
        before + 1,
        "fetch is called inside the pagehide handler"
    );
    let last = &calls[before];
    assert_eq!(last["keepalive"], true);
    assert!(last["bytes"].as_u64() <= Some(64 * 1024), "{last}");
    assert_eq!(last["ids"].as_array().map(Vec::len), Some(2), "{last}");
    guard.unmount();
}

#[wasm_bindgen_test]
async fn unmount_stops_the_drain_loop() {
    storage().clear().expect("clear");
    let fake = FakeCollector::install(json!(["network"]));
    let (host, guard) = mount_at(json!({})).expect("mounts");
    warn_and_cancel(&host, &guard).await;
    fake.wait_for(1, 3000).await;
    guard.unmount();
    // unmount() makes one last keepalive request at once (like pagehide), then nothing more.
    TimeoutFuture::new(50).await;
    let after_unmount = fake.calls().len();
    TimeoutFuture::new(3500).await;
    let pagehide = web_sys::Event::new("pagehide").expect("event");
    web_sys::window()
        .expect("window")
        .dispatch_event(&pagehide)
        .expect("dispatch");
    assert_eq!(
        fake.calls().len(),
        after_unmount,
        "no retries and no pagehide flush after unmount"
    );
    assert_eq!(
        stored_outbox().len(),
        2,
        "the events wait for the next page"
    );
}

#[wasm_bindgen_test]
async fn over_its_bounds_the_outbox_drops_telemetry_and_counts_it() {
    storage().clear().expect("clear");
    let _fake = FakeCollector::install(json!(["network"]));
    let (host, guard) = mount_at(json!({ "outbox": { "maxEvents": 1 } })).expect("mounts");
    warn_and_cancel(&host, &guard).await;
    until("a failed attempt", 3000, || {
        stats(&guard)["failedAttempts"].as_u64() >= Some(1)
    })
    .await;
    let stats = stats(&guard);
    assert_eq!(stats["pending"], 1, "{stats}");
    assert_eq!(
        stats["dropped"],
        json!({ "telemetry": 1, "completion": 0 }),
        "{stats}"
    );
    assert_eq!(stored_outbox().len(), 1);
    guard.unmount();
}

/// Fills localStorage until it refuses even one more character.
#[wasm_bindgen_test]
async fn with_local_storage_full_events_live_in_memory_and_are_still_sent() {
    storage().clear().expect("clear");
    let fake = FakeCollector::install(json!(["network"]));
    let (host, guard) = mount_at(json!({})).expect("mounts");
    let console = ConsoleWarnings::capture();
    fill_local_storage();

    warn_and_cancel(&host, &guard).await;
    let stats_now = stats(&guard);
    let calls = fake.wait_for(2, 4000).await;

    let warnings = console.messages();
    drop(console);
    storage().clear().expect("clear");
    assert!(
        warnings
            .iter()
            .any(|m| m.starts_with("riskguard: localStorage refused an event")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().all(|m| !m.contains("Dealer")),
        "no event contents in the console"
    );
    assert_eq!(stats_now["memoryOnly"], 2, "{stats_now}");
    assert_eq!(sent_ids(&calls).len(), 2, "sent from memory: {calls:?}");
    // Storage works again, but these events live in memory: still held, still retried.
    TimeoutFuture::new(100).await;
    assert_eq!(guard.pending_events(), 2);
    guard.unmount();
}

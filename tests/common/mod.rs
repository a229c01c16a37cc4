//! DOM helpers shared by the browser test files (`tests/browser.rs`, `tests/components.rs`,
//! `tests/outbox.rs`, `tests/quiz.rs`, `tests/rules_limits.rs`); not every file uses every
//! helper.
#![allow(dead_code)]

use gloo_timers::future::TimeoutFuture;
use riskguard::web::{mount, RiskGuard};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// An endpoint nothing listens on: events stay in the outbox.
pub const NOWHERE: &str = "http://127.0.0.1:9/v1/events";

/// Mounts with `options` built in JS (so functions can be passed) on a clean localStorage, with
/// events going `NOWHERE` and English unless `options` names a locale.
pub fn mount_with(options: &js_sys::Object) -> (HtmlElement, RiskGuard) {
    let _ = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(|s| s.clear());
    let host = fresh_host();
    for (key, value) in [("endpoint", NOWHERE), ("source", "test")] {
        js_sys::Reflect::set(options, &key.into(), &value.into()).expect("set");
    }
    if !js_sys::Reflect::has(options, &"locale".into()).unwrap_or(false) {
        js_sys::Reflect::set(options, &"locale".into(), &"en-US".into()).expect("set");
    }
    let guard = mount(host.clone(), options.into()).expect("mounts");
    (host, guard)
}

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// A fresh element appended to the body, to mount into.
pub fn fresh_host() -> HtmlElement {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

/// Waits (up to 2 s) until `selector` matches inside `root`.
pub async fn find(root: &Element, selector: &str) -> Element {
    for _ in 0..200 {
        if let Ok(Some(found)) = root.query_selector(selector) {
            return found;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("{selector} did not appear");
}

/// Clicks like a user (a real `click()` on the element).
pub fn click(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}

/// The element's text content.
pub fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// Prefix of the outbox's localStorage keys: `riskguard.outbox.v2.<event id>`.
pub const OUTBOX_PREFIX: &str = "riskguard.outbox.v2.";

/// The outbox's records in localStorage as (key, text), sorted by the events' `time`.
pub fn stored_outbox() -> Vec<(String, String)> {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return Vec::new();
    };
    let length = storage.length().unwrap_or(0);
    let mut records: Vec<(String, String)> = (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(OUTBOX_PREFIX))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some((key, text))
        })
        .collect();
    let time = |text: &str| {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v["time"].as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    records.sort_by_key(|(_, text)| time(text));
    records
}

/// The events the outbox holds in localStorage, oldest first.
pub fn stored_events() -> Vec<serde_json::Value> {
    stored_outbox()
        .iter()
        .map(|(_, text)| serde_json::from_str(text).expect("each record is a CloudEvent"))
        .collect()
}

/// Fills localStorage until the browser refuses even one more character; returns the items
/// written. Callers clear storage afterwards.
pub fn fill_local_storage() -> u32 {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage");
    let mut items = 0;
    for size in [256 * 1024, 16 * 1024, 1024, 64, 1] {
        let chunk = "x".repeat(size);
        while storage.set_item(&format!("fill{items}"), &chunk).is_ok() {
            items += 1;
            assert!(items < 10_000, "localStorage never filled up");
        }
    }
    items
}

/// What `console.warn` printed while this is alive (it replaces `console.warn`, and puts the
/// original back when dropped): the messages a developer would see.
pub struct ConsoleWarnings {
    messages: js_sys::Array,
    console: wasm_bindgen::JsValue,
    original: wasm_bindgen::JsValue,
    _capture: wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)>,
}

impl ConsoleWarnings {
    /// Starts capturing.
    pub fn capture() -> Self {
        let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).expect("console");
        let original = js_sys::Reflect::get(&console, &"warn".into()).expect("warn");
        let messages = js_sys::Array::new();
        let sink = messages.clone();
        let capture = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(
            move |m: wasm_bindgen::JsValue| {
                sink.push(&m);
            },
        );
        js_sys::Reflect::set(&console, &"warn".into(), capture.as_ref()).expect("replace warn");
        Self {
            messages,
            console,
            original,
            _capture: capture,
        }
    }

    /// The text messages so far.
    pub fn messages(&self) -> Vec<String> {
        self.messages.iter().filter_map(|m| m.as_string()).collect()
    }
}

impl Drop for ConsoleWarnings {
    fn drop(&mut self) {
        let _ = js_sys::Reflect::set(&self.console, &"warn".into(), &self.original);
    }
}

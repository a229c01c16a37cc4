//! DOM helpers shared by the browser test files (`tests/browser.rs`, `tests/components.rs`).

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

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
#[allow(dead_code)]
pub const OUTBOX_PREFIX: &str = "riskguard.outbox.v2.";

/// The outbox's records in localStorage as (key, text), sorted by the events' `time`.
#[allow(dead_code)]
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
#[allow(dead_code)]
pub fn stored_events() -> Vec<serde_json::Value> {
    stored_outbox()
        .iter()
        .map(|(_, text)| serde_json::from_str(text).expect("each record is a CloudEvent"))
        .collect()
}

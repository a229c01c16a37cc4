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

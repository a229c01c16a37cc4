//! Small DOM helpers shared by the components.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::html::ElementType;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// An element id unique on the page, so several mounted components never share ids.
pub fn unique_id() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("rg-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Milliseconds from `performance.now()`; 0 where there is no window (native tests).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Focuses the element behind `node` as soon as it is in the document.
pub fn focus_on_mount<E>(node: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

/// Focuses the first element matching `selector` inside `node` once it is in the document.
pub fn focus_first_on_mount<E>(node: NodeRef<E>, selector: &'static str)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let first = node
            .get()
            .and_then(|root| {
                root.unchecked_ref::<web_sys::Element>()
                    .query_selector(selector)
                    .ok()
            })
            .flatten();
        if let Some(element) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}

/// Performance mark set by the JS API when `check()` starts.
pub const CHECK_MARK: &str = "riskguard:check";
/// Performance measure from [`CHECK_MARK`] to the first frame with the dialog painted.
pub const PAINT_MEASURE: &str = "riskguard:check-to-paint";

/// Once the element behind `node` is in the document, waits for the next frame and records
/// [`PAINT_MEASURE`] (from [`CHECK_MARK`], when a `check()` set it) for the browser's
/// performance timeline.
pub fn mark_painted<E>(node: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || node.get().is_none() {
            return done.unwrap_or(false);
        }
        // The frame's paint follows its animation-frame callbacks; a task queued from one runs
        // after that paint.
        request_animation_frame(|| {
            set_timeout(
                || {
                    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                        let _ = performance.measure_with_start_mark(PAINT_MEASURE, CHECK_MARK);
                    }
                },
                std::time::Duration::ZERO,
            );
        });
        true
    });
}

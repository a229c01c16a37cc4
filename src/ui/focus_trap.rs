//! Keyboard handling of a modal dialog: Escape takes the safe way out, and Tab and Shift+Tab
//! wrap around inside the dialog.

use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// The `keydown` handler for a modal `dialog`: Escape calls `on_escape`; Tab stays inside.
pub fn modal_keys(
    dialog: NodeRef<html::Div>,
    on_escape: impl Fn() + 'static,
) -> impl FnMut(KeyboardEvent) + 'static {
    move |event| {
        if event.key() == "Escape" {
            event.prevent_default();
            on_escape();
        } else if let Some(root) = dialog.get_untracked() {
            wrap_tab(&root, &event);
        }
    }
}

/// Handles Tab inside `dialog`: from the last focusable element to the first and back.
fn wrap_tab(dialog: &Element, event: &KeyboardEvent) {
    if event.key() != "Tab" {
        return;
    }
    let Ok(nodes) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let visible: Vec<HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|e| e.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (visible.first(), visible.last()) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let is = |e: &HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == e.unchecked_ref::<Element>())
    };
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    if event.shift_key() && (is(first) || !inside) {
        event.prevent_default();
        let _ = last.focus();
    } else if !event.shift_key() && (is(last) || !inside) {
        event.prevent_default();
        let _ = first.focus();
    }
}

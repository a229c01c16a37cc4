//! The size baseline for `cargo xtask bench`: the smallest Leptos CSR app, built with the same
//! profile as the component, so the component's size can be reported as a ratio to it.

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts "Hello, world!" to the body.
#[wasm_bindgen(start)]
pub fn start() {
    mount_to_body(|| view! { <p>"Hello, world!"</p> });
}

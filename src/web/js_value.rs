//! Reading host-supplied JS values through JSON, so errors name the field at fault.

use wasm_bindgen::JsValue;

/// `JSON.stringify(value)`, or `None` for `undefined`/`null` and values JSON cannot hold.
pub fn to_json(value: &JsValue) -> Option<String> {
    if value.is_undefined() || value.is_null() {
        return None;
    }
    js_sys::JSON::stringify(value).ok()?.as_string()
}

/// A JS `Error` with riskguard's prefix, for rejected promises and thrown exceptions.
pub fn error(message: &str) -> JsValue {
    js_sys::Error::new(&format!("riskguard: {message}")).into()
}

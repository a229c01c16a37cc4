//! Reading host-supplied JS values through JSON, so errors name the field at fault.

use wasm_bindgen::JsValue;

/// `JSON.stringify(value)`, or `None` for `undefined`/`null` and values JSON cannot hold.
pub fn to_json(value: &JsValue) -> Option<String> {
    if value.is_undefined() || value.is_null() {
        return None;
    }
    js_sys::JSON::stringify(value).ok()?.as_string()
}

/// A plain JS value (object, array, string…) holding `value`, through JSON; an `Error` if it
/// cannot be serialized.
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| error(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// A JS `Error` with riskguard's prefix, for rejected promises and thrown exceptions.
pub fn error(message: &str) -> JsValue {
    js_sys::Error::new(&format!("riskguard: {message}")).into()
}

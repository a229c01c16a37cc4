//! Functions the host passes in `mount()` options. JSON cannot carry functions, so they are read
//! from the options object directly.

use wasm_bindgen::{JsCast, JsValue};

/// The host's callbacks, each optional.
#[derive(Debug, Default, Clone)]
pub struct HostHooks {
    /// `onReport({ category, level, rulesVersion, transferId })`: "This warning is wrong".
    pub on_report: Option<js_sys::Function>,
    /// `onEvent(event)`: every CloudEvent as it is queued for the backend.
    pub on_event: Option<js_sys::Function>,
    /// `onDeliveryError({ status, events, types })`: the collector refused events for good
    /// (never their contents: the status, how many, and their types).
    pub on_delivery_error: Option<js_sys::Function>,
}

impl HostHooks {
    /// Reads `onReport`, `onEvent` and `onDeliveryError` from `options`; anything that is not a
    /// function is an error.
    pub fn from_options(options: &JsValue) -> Result<Self, String> {
        if options.is_undefined() || options.is_null() {
            return Ok(Self::default());
        }
        Ok(Self {
            on_report: function(options, "onReport")?,
            on_event: function(options, "onEvent")?,
            on_delivery_error: function(options, "onDeliveryError")?,
        })
    }

    /// Calls `hook` with `argument`, reporting (never propagating) an exception thrown by the host.
    pub fn call(hook: Option<&js_sys::Function>, argument: &JsValue) {
        if let Some(hook) = hook {
            if let Err(error) = hook.call1(&JsValue::NULL, argument) {
                web_sys::console::error_2(&"riskguard: a host callback threw".into(), &error);
            }
        }
    }
}

fn function(options: &JsValue, name: &str) -> Result<Option<js_sys::Function>, String> {
    let value = js_sys::Reflect::get(options, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .dyn_into::<js_sys::Function>()
        .map(Some)
        .map_err(|_| format!("invalid mount options: `{name}` must be a function"))
}

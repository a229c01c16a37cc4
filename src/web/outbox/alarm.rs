//! A sleep that ends at a time or when something happens, whichever comes first: the drain
//! loop sleeps on it instead of polling.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// One sleeper at a time.
#[derive(Debug, Default)]
pub struct Alarm {
    resolve: RefCell<Option<js_sys::Function>>,
    timer: Cell<Option<i32>>,
}

impl Alarm {
    /// A future that resolves after `ms` (never, with `None`) or at the next [`wake`](Self::wake).
    pub fn sleep(&self, ms: Option<u32>) -> JsFuture {
        self.wake();
        let mut slot = None;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| slot = Some(resolve));
        if let Some(resolve) = slot {
            if let (Some(ms), Some(window)) = (ms, web_sys::window()) {
                let ms = i32::try_from(ms).unwrap_or(i32::MAX);
                if let Ok(handle) =
                    window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                {
                    self.timer.set(Some(handle));
                }
            }
            *self.resolve.borrow_mut() = Some(resolve);
        }
        JsFuture::from(promise)
    }

    /// Ends the current sleep now, if there is one.
    pub fn wake(&self) {
        if let (Some(handle), Some(window)) = (self.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(handle);
        }
        let resolve = self.resolve.borrow_mut().take();
        if let Some(resolve) = resolve {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }
}

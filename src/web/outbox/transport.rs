//! One request to the collector: `fetch` with `keepalive` (so it survives the page going
//! away), the host's headers, and an abort after [`REQUEST_TIMEOUT_MS`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use riskguard_core::events::outbox::{Outcome, RetryAfter};
use riskguard_core::events::BATCH_CONTENT_TYPE;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::config::Headers;

/// A request without an answer after this long is aborted and counts as a timeout.
pub const REQUEST_TIMEOUT_MS: u32 = 10_000;

/// Where and how requests go.
#[derive(Debug, Clone)]
pub struct Transport {
    endpoint: String,
    headers: RefCell<Headers>,
}

/// A request on its way.
#[derive(Debug)]
pub struct Request {
    promise: js_sys::Promise,
    timed_out: Rc<Cell<bool>>,
    timer: Option<Timeout>,
}

impl Transport {
    /// Requests to `endpoint` with `headers` added.
    pub fn new(endpoint: String, headers: Headers) -> Self {
        Self {
            endpoint,
            headers: RefCell::new(headers),
        }
    }

    /// Replaces the host's headers for the requests from now on (say, a refreshed token).
    pub fn set_headers(&self, headers: Headers) {
        *self.headers.borrow_mut() = headers;
    }

    /// The collector's URL.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Starts a POST of `body` (a JSON array of CloudEvents). `fetch` is called before this
    /// returns, which matters in a `pagehide` handler. An error is the outcome to report.
    pub fn start(&self, body: &str) -> Result<Request, Outcome> {
        let window = web_sys::window().ok_or(Outcome::NetworkError)?;
        let headers = web_sys::Headers::new().map_err(|_| Outcome::NetworkError)?;
        for (name, value) in self.headers.borrow().iter() {
            headers
                .set(name, value)
                .map_err(|_| Outcome::NetworkError)?;
        }
        headers
            .set("Content-Type", BATCH_CONTENT_TYPE)
            .map_err(|_| Outcome::NetworkError)?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&JsValue::from_str(body));
        init.set_headers(&headers);
        // web-sys has no setter for `keepalive` yet.
        let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &JsValue::TRUE);
        let timed_out = Rc::new(Cell::new(false));
        let timer = web_sys::AbortController::new().ok().map(|controller| {
            init.set_signal(Some(&controller.signal()));
            let flag = Rc::clone(&timed_out);
            Timeout::new(REQUEST_TIMEOUT_MS, move || {
                flag.set(true);
                controller.abort();
            })
        });
        let promise = window.fetch_with_str_and_init(&self.endpoint, &init);
        Ok(Request {
            promise,
            timed_out,
            timer,
        })
    }
}

impl Request {
    /// Waits for the answer: its status and `Retry-After` (readable cross-origin only when the
    /// collector lists it in `Access-Control-Expose-Headers`), a timeout, or a network error.
    /// The body is read to its end and ignored.
    pub async fn outcome(self) -> Outcome {
        let Request {
            promise,
            timed_out,
            timer,
        } = self;
        let result = JsFuture::from(promise).await;
        let outcome = match result {
            Ok(value) => match value.dyn_into::<web_sys::Response>() {
                Ok(response) => {
                    // Read the (small) body to its end: until then Chromium counts the request
                    // as in flight against the 64 KiB keepalive budget, and once the budget is
                    // full every keepalive `fetch` fails at once as a network error.
                    if let Ok(body) = response.array_buffer() {
                        let _ = JsFuture::from(body).await;
                    }
                    Outcome::Status {
                        code: response.status(),
                        retry_after: response
                            .headers()
                            .get("Retry-After")
                            .ok()
                            .flatten()
                            .and_then(|v| RetryAfter::parse(&v)),
                    }
                }
                Err(_) => Outcome::NetworkError,
            },
            Err(_) if timed_out.get() => Outcome::Timeout,
            Err(_) => Outcome::NetworkError,
        };
        drop(timer);
        outcome
    }
}

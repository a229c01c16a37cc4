//! `mount(element, options)`: the JS entry point, so any page can use riskguard without Rust.

use std::rc::{Rc, Weak};

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use riskguard_core::i18n::Locale;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::host_hooks::HostHooks;
use super::js_value::{error, to_js, to_json};
use super::options::{set_headers_argument, start_quiz_category, LocaleRequest, MountOptions};
use super::outbox::{Outbox, OutboxConfig};
use super::overrides;
use super::session::{read_transfer, Session};
use crate::ui::{provide_i18n_with, Guard, GuardEvents};

/// A mounted riskguard. Returned by [`mount`].
#[wasm_bindgen]
pub struct RiskGuard {
    session: Rc<Session>,
}

thread_local! {
    /// Every mounted session. A mounted component stays on the page until `unmount()`, even
    /// when the host drops its handle and the JS garbage collector frees it.
    static MOUNTED: std::cell::RefCell<Vec<Rc<Session>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Mounts riskguard into `element`. See [`MountOptions`] for `options` (may be omitted);
/// `onReport` and `onEvent` may be functions.
///
/// Throws an `Error` naming the option at fault when `options` is malformed.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> Result<RiskGuard, JsValue> {
    let hooks = HostHooks::from_options(&options).map_err(|e| error(&e))?;
    let options = MountOptions::from_json(to_json(&options).as_deref()).map_err(|e| error(&e))?;
    let window = web_sys::window().ok_or_else(|| error("mount() needs a browser window"))?;
    let locale = options
        .locale
        .as_ref()
        .map_or_else(|| browser_locale(&window), LocaleRequest::negotiate);
    let source = options
        .source
        .or_else(|| window.location().origin().ok())
        .filter(|s| !s.is_empty() && s != "null")
        .unwrap_or_else(|| "riskguard".to_owned());
    let outbox = Outbox::new(OutboxConfig {
        endpoint: options.endpoint,
        headers: options.headers,
        limits: options.outbox,
        on_delivery_error: hooks.on_delivery_error.clone(),
    });
    let session = Rc::new(Session::new(
        locale,
        source,
        outbox,
        hooks,
        options.confirmed_payee_window,
        options.quiz,
    ));
    show(&session, element, options.help_url);
    session.outbox().flush();
    MOUNTED.with(|mounted| mounted.borrow_mut().push(Rc::clone(&session)));
    overrides::apply_rules(&session, options.rules, options.rules_url);
    overrides::apply_messages(&session, options.messages, options.messages_url);
    Ok(RiskGuard { session })
}

/// Puts the view on the page: `<Guard>` reading the session's signals, its events going to
/// the session.
fn show(session: &Rc<Session>, element: HtmlElement, help_url: Option<String>) {
    // The view holds callbacks into the session and the session holds the view: the callbacks
    // hold weak references so that `unmount()` frees both.
    let weak = Rc::downgrade(session);
    let events = GuardEvents {
        on_decide: forward(&weak, Session::decide),
        on_quiz_start: forward(&weak, Session::quiz_started),
        on_quiz_complete: forward(&weak, Session::quiz_completed),
        on_quiz_close: forward(&weak, |s, ()| s.quiz_closed()),
        on_report: forward(&weak, |s, ()| s.reported()),
        on_interaction: forward(&weak, Session::interacted),
        on_hint_dismiss: forward(&weak, |s, ()| s.hint_dismissed()),
    };
    let (locale, catalog) = (session.locale(), session.catalog());
    let (pending, hint, quiz) = (session.pending(), session.hint(), session.standalone_quiz());
    session.attach_view(|| {
        leptos::mount::mount_to(element, move || {
            provide_i18n_with(locale, catalog.into());
            view! {
                <Guard pending hint quiz events help_url />
            }
        })
    });
}

/// A view callback that calls `method` on the session while it is alive (the view holds only
/// a weak reference, so that `unmount()` frees both).
fn forward<T: 'static>(weak: &Weak<Session>, method: fn(&Session, T)) -> UnsyncCallback<T> {
    let weak = weak.clone();
    UnsyncCallback::new(move |value| {
        if let Some(session) = weak.upgrade() {
            method(&session, value);
        }
    })
}

#[wasm_bindgen]
impl RiskGuard {
    /// Checks a transfer (`TransferContext` as a plain object). Resolves with `"allowed"` at
    /// once when no interruption is needed (a `low` assessment shows an inline hint);
    /// otherwise shows the warning and resolves with the user's decision: `"cancelled"`,
    /// `"proceeded"` or `"blocked"`.
    ///
    /// Rejects with an `Error` naming the field when the transfer is malformed, and when
    /// another check is still waiting for the user.
    pub fn check(&self, transfer: JsValue) -> js_sys::Promise {
        match self.session.start_check(&transfer) {
            Ok(promise) => promise,
            Err(message) => js_sys::Promise::reject(&error(&message)),
        }
    }

    /// The assessment of a transfer with the rules in force, without showing anything.
    pub fn assess(&self, transfer: JsValue) -> Result<JsValue, JsValue> {
        let context = read_transfer(&transfer).map_err(|e| error(&e))?;
        let assessment = self.session.assess(&context);
        to_js(&assessment)
    }

    /// Replaces the rules: a rules file as an object or JSON text. Throws an `Error` naming the
    /// line and column or the field when it is malformed; the rules in force then stay.
    #[wasm_bindgen(js_name = setRules)]
    pub fn set_rules(&self, rules: JsValue) -> Result<(), JsValue> {
        let json = match rules.as_string() {
            Some(text) => text,
            None => to_json(&rules).ok_or_else(|| error("setRules() needs a rules file"))?,
        };
        self.session.set_rules(&json).map_err(|e| error(&e))
    }

    /// Merges Fluent text over the compiled-in text of one locale (`"en-US"`, `"zh-Hans"`,
    /// `"zh-Hant"`): messages with the same id are replaced, live. `file` names the source in
    /// errors (a later call with the same `file` replaces the earlier one). A file with syntax
    /// errors is refused whole with an `Error` naming `file:line:column`, and is also logged;
    /// the text in force stays.
    #[wasm_bindgen(js_name = setMessages)]
    pub fn set_messages(
        &self,
        locale: &str,
        source: &str,
        file: Option<String>,
    ) -> Result<(), JsValue> {
        let file = file.unwrap_or_else(|| format!("{locale}/overrides.ftl"));
        self.session
            .set_messages(locale, &file, source)
            .map_err(|e| {
                overrides::text_refused(&e);
                error(&e)
            })
    }

    /// The version of the rules in force (the built-in ones until the host replaces them).
    #[wasm_bindgen(getter, js_name = rulesVersion)]
    pub fn rules_version(&self) -> String {
        self.session.rules_version()
    }

    /// Switches the language: one tag or a list, for example `"zh-CN"` or `navigator.languages`.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: JsValue) -> Result<(), JsValue> {
        let json = to_json(&locale).ok_or_else(|| error("setLocale() needs a language tag"))?;
        let request: LocaleRequest = serde_json::from_str(&json)
            .map_err(|_| error("setLocale() needs a language tag or a list of tags"))?;
        self.session
            .switch_locale(request.negotiate())
            .map_err(|e| error(&e))
    }

    /// The locale in use, for example `"zh-Hans"`.
    #[wasm_bindgen(getter)]
    pub fn locale(&self) -> String {
        self.session.locale_tag()
    }

    /// Replaces the request headers sent with events from now on (the `headers` mount option),
    /// for example when the host has refreshed a bearer token: `{ Authorization: "Bearer …" }`.
    /// Throws an `Error` naming the header at fault; the headers in force then stay.
    #[wasm_bindgen(js_name = setHeaders)]
    pub fn set_headers(&self, headers: JsValue) -> Result<(), JsValue> {
        let json = to_json(&headers).ok_or_else(|| error("setHeaders() needs an object"))?;
        let headers = set_headers_argument(&json).map_err(|e| error(&e))?;
        self.session.outbox().set_headers(headers);
        Ok(())
    }

    /// Events persisted but not yet acknowledged by the collector (they are re-sent, also
    /// after a reload, until they are).
    #[wasm_bindgen(getter, js_name = pendingEvents)]
    pub fn pending_events(&self) -> u32 {
        self.session.outbox().len() as u32
    }

    /// How event delivery is going: `{ pending, inFlight, memoryOnly, delivered, refused,
    /// dropped: { telemetry, completion }, settledElsewhere, failedAttempts,
    /// consecutiveFailures, nextAttemptAt, lastStatus, lastError }`. Counters start at 0 at
    /// each mount; `nextAttemptAt` is milliseconds since the Unix epoch (or `null`),
    /// `lastError` is `"network"`, `"timeout"` or `null`. Never the events themselves.
    #[wasm_bindgen(js_name = deliveryStats)]
    pub fn delivery_stats(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.outbox().stats())
    }

    /// Opens the educational quiz on its own, for example from a "learn the tricks" link or
    /// when [`refresherDue`](Self::refresher_due) says it is time. `options.category` (for
    /// example `"otc_trading"`) makes at least half the questions about that category.
    ///
    /// Resolves when the user leaves the quiz: with `{ score, maxScore, passed, passPercent,
    /// attempts, techniques }` of the last finished attempt, or `null` if they left before
    /// finishing one. Rejects while a check waits for the user or the quiz is already open.
    #[wasm_bindgen(js_name = startQuiz)]
    pub fn start_quiz(&self, options: JsValue) -> js_sys::Promise {
        let category = match start_quiz_category(&options) {
            Ok(category) => category,
            Err(message) => return js_sys::Promise::reject(&error(&message)),
        };
        match self.session.start_quiz(category) {
            Ok(promise) => promise,
            Err(message) => js_sys::Promise::reject(&error(&message)),
        }
    }

    /// Whether a refresher quiz is due on this device: `{ due, dueAt, lastCompletedAt,
    /// lastPassed, completions }` (times as RFC 3339; `lastCompletedAt` is `null` and `due` is
    /// `true` when the quiz was never completed here). The interval is the `refresherDays`
    /// mount option, 30 days by default.
    #[wasm_bindgen(js_name = refresherDue)]
    pub fn refresher_due(&self) -> JsValue {
        to_js(&self.session.refresher()).unwrap_or(JsValue::NULL)
    }

    /// Removes riskguard from the page. A waiting check resolves `"cancelled"`; an open quiz
    /// closes as if the user had left it.
    pub fn unmount(&self) {
        self.session.unmount();
        MOUNTED.with(|mounted| {
            mounted
                .borrow_mut()
                .retain(|s| !Rc::ptr_eq(s, &self.session))
        });
    }
}

fn browser_locale(window: &web_sys::Window) -> Locale {
    let tags: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    Locale::negotiate(&tags)
}

//! `mount(element, options)`: the JS entry point, so any page can use riskguard without Rust.

use std::any::Any;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use chrono::{DateTime, Utc};
use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use riskguard_core::events::{
    Decision, Event, EventData, QuizCompleted, WarningDecided, WarningShown,
};
use riskguard_core::i18n::Locale;
use riskguard_core::quiz::QuizResult;
use riskguard_core::risk::{assess, Assessment, Rules, TransferContext};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::js_value::{error, to_json};
use super::options::{LocaleRequest, MountOptions};
use super::outbox::Outbox;
use crate::ui::{provide_i18n, Guard, PendingCheck};

/// A mounted riskguard. Returned by [`mount`].
#[wasm_bindgen]
pub struct RiskGuard {
    inner: Rc<Inner>,
}

struct Inner {
    /// Owns the signals below and the mounted view; cleaned up on `unmount()`.
    owner: Owner,
    locale: RwSignal<Locale>,
    pending: RwSignal<Option<PendingCheck>>,
    waiting: RefCell<Option<Waiting>>,
    outbox: Rc<Outbox>,
    source: String,
    /// The Leptos mount; dropping it removes the component from the page.
    view: RefCell<Option<Box<dyn Any>>>,
}

/// A `check()` whose promise waits for the user.
struct Waiting {
    resolve: js_sys::Function,
    assessment: Assessment,
    shown_at: DateTime<Utc>,
    /// Had focus before the warning opened; gets it back afterwards.
    opener: Option<HtmlElement>,
}

/// Mounts riskguard into `element`. See [`MountOptions`] for `options` (may be omitted).
///
/// Throws an `Error` naming the option at fault when `options` is malformed.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> Result<RiskGuard, JsValue> {
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
    let endpoint = options.endpoint.unwrap_or_else(|| "/v1/events".to_owned());

    let owner = Owner::new();
    let (locale, pending) = owner.with(|| (RwSignal::new(locale), RwSignal::new(None)));
    let inner = Rc::new(Inner {
        owner,
        locale,
        pending,
        waiting: RefCell::new(None),
        outbox: Outbox::new(endpoint),
        source,
        view: RefCell::new(None),
    });

    // The view holds callbacks into `inner` and `inner` holds the view: the callbacks hold
    // weak references so that `unmount()` frees both.
    let weak = Rc::downgrade(&inner);
    let on_decide = {
        let weak = Weak::clone(&weak);
        UnsyncCallback::new(move |decision| {
            if let Some(inner) = weak.upgrade() {
                inner.decide(decision);
            }
        })
    };
    let on_quiz_complete = UnsyncCallback::new(move |result| {
        if let Some(inner) = weak.upgrade() {
            inner.quiz_completed(result);
        }
    });
    let handle = inner.owner.with(|| {
        leptos::mount::mount_to(element, move || {
            provide_i18n(locale);
            view! { <Guard pending on_decide on_quiz_complete /> }
        })
    });
    *inner.view.borrow_mut() = Some(Box::new(handle));
    inner.outbox.flush();
    Ok(RiskGuard { inner })
}

#[wasm_bindgen]
impl RiskGuard {
    /// Checks a transfer (`TransferContext` as a plain object). Resolves with `"allowed"` at
    /// once when no warning is needed; otherwise shows the warning and resolves with the
    /// user's decision: `"cancelled"`, `"proceeded"` or `"blocked"`.
    ///
    /// Rejects with an `Error` naming the field when the transfer is malformed, and when
    /// another check is still waiting for the user.
    pub fn check(&self, transfer: JsValue) -> js_sys::Promise {
        match self.inner.start_check(&transfer) {
            Ok(promise) => promise,
            Err(message) => js_sys::Promise::reject(&error(&message)),
        }
    }

    /// The assessment of a transfer, without showing anything.
    pub fn assess(&self, transfer: JsValue) -> Result<JsValue, JsValue> {
        let context = read_transfer(&transfer).map_err(|e| error(&e))?;
        let assessment = assess(&context, Rules::builtin());
        let json = serde_json::to_string(&assessment).map_err(|e| error(&e.to_string()))?;
        js_sys::JSON::parse(&json)
    }

    /// Switches the language: one tag or a list, for example `"zh-CN"` or `navigator.languages`.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: JsValue) -> Result<(), JsValue> {
        let json = to_json(&locale).ok_or_else(|| error("setLocale() needs a language tag"))?;
        let request: LocaleRequest = serde_json::from_str(&json)
            .map_err(|_| error("setLocale() needs a language tag or a list of tags"))?;
        match self.inner.locale.try_set(request.negotiate()) {
            None => Ok(()),
            Some(_) => Err(error("riskguard was unmounted")),
        }
    }

    /// The locale in use, for example `"zh-Hans"`.
    #[wasm_bindgen(getter)]
    pub fn locale(&self) -> String {
        self.inner.locale_tag()
    }

    /// Events persisted but not yet acknowledged by the collector (they are re-sent, also
    /// after a reload, until they are).
    #[wasm_bindgen(getter, js_name = pendingEvents)]
    pub fn pending_events(&self) -> u32 {
        self.inner.outbox.len() as u32
    }

    /// Removes riskguard from the page. A waiting check resolves `"cancelled"`.
    pub fn unmount(&self) {
        if self.inner.waiting.borrow().is_some() {
            self.inner.decide(Decision::Cancelled);
        }
        self.inner.view.borrow_mut().take();
        self.inner.owner.cleanup();
    }
}

impl Inner {
    fn start_check(&self, transfer: &JsValue) -> Result<js_sys::Promise, String> {
        if self.view.borrow().is_none() {
            return Err("riskguard was unmounted; mount() it again".to_owned());
        }
        let context = read_transfer(transfer)?;
        let assessment = assess(&context, Rules::builtin());
        if !assessment.level.interrupts() {
            return Ok(js_sys::Promise::resolve(&JsValue::from_str(
                Decision::Allowed.as_str(),
            )));
        }
        if self.waiting.borrow().is_some() {
            return Err("a check is already waiting for the user's decision".to_owned());
        }
        let opener = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        let mut resolve_fn = None;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| resolve_fn = Some(resolve));
        let resolve = resolve_fn.ok_or("the browser did not start the promise")?;
        self.emit(EventData::WarningShown(WarningShown {
            level: assessment.level,
            category: assessment.category,
            locale: self.locale_tag(),
            rules_version: assessment.rules_version.clone(),
        }));
        *self.waiting.borrow_mut() = Some(Waiting {
            resolve,
            assessment: assessment.clone(),
            shown_at: Utc::now(),
            opener,
        });
        self.pending.set(Some(PendingCheck {
            transfer: context,
            assessment,
        }));
        Ok(promise)
    }

    fn decide(&self, decision: Decision) {
        let Some(waiting) = self.waiting.borrow_mut().take() else {
            return;
        };
        self.pending.try_set(None);
        let _ = waiting
            .resolve
            .call1(&JsValue::NULL, &decision.as_str().into());
        if let Some(opener) = waiting.opener {
            let _ = opener.focus();
        }
        let duration = (Utc::now() - waiting.shown_at).num_milliseconds().max(0);
        self.emit(EventData::WarningDecided(WarningDecided {
            level: waiting.assessment.level,
            category: waiting.assessment.category,
            locale: self.locale_tag(),
            decision,
            duration_ms: duration as u64,
        }));
    }

    fn quiz_completed(&self, result: QuizResult) {
        let category = self
            .waiting
            .borrow()
            .as_ref()
            .and_then(|w| w.assessment.category);
        self.emit(EventData::QuizCompleted(QuizCompleted {
            session_id: uuid::Uuid::new_v4().to_string(),
            score: result.score,
            max_score: result.max_score,
            passed: result.passed,
            duration_ms: result.duration_ms,
            question_ids: result.question_ids,
            locale: self.locale_tag(),
            category,
        }));
    }

    fn emit(&self, data: EventData) {
        let event = Event {
            id: uuid::Uuid::new_v4().to_string(),
            source: self.source.clone(),
            time: Utc::now(),
            data,
        };
        self.outbox.push(&event);
    }

    fn locale_tag(&self) -> String {
        let locale = self.locale.try_get_untracked().unwrap_or_default();
        locale.tag().to_owned()
    }
}

fn read_transfer(transfer: &JsValue) -> Result<TransferContext, String> {
    let json = to_json(transfer).ok_or("check() needs a transfer object")?;
    TransferContext::from_json(&json).map_err(|e| e.to_string())
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

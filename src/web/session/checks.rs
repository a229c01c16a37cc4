//! The session's part in a check: read the transfer, let the core's [`Check`] decide, and carry
//! out what it returns (the promise, focus, storage, events, the view's signals).

use chrono::Utc;
use leptos::prelude::*;
use riskguard_core::events::{Decision, EventData, Interaction};
use riskguard_core::warning::{Check, Opening};
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

use crate::ui::dom::CHECK_MARK;
use crate::ui::PendingCheck;
use crate::web::host_hooks::HostHooks;
use crate::web::js_value::to_js;
use crate::web::stored;

use super::{focused_element, read_transfer, Session};

/// A `check()` whose promise waits for the user.
pub(super) struct Waiting {
    resolve: js_sys::Function,
    check: Box<Check>,
    /// Had focus before the warning opened; gets it back afterwards.
    opener: Option<HtmlElement>,
}

impl Session {
    /// Starts a check: resolves at once when no interruption is needed, otherwise shows the
    /// warning and resolves when the user decides.
    pub fn start_check(&self, transfer: &JsValue) -> Result<js_sys::Promise, String> {
        if !self.is_mounted() {
            return Err("riskguard was unmounted; mount() it again".to_owned());
        }
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark(CHECK_MARK);
        }
        let context = read_transfer(transfer)?;
        let assessment = self.assess(&context);
        // While a dialog is open a warning cannot be shown: the machine refuses such a check
        // without recording the showing.
        let busy = if self.waiting.borrow().is_some() {
            Some("a check is already waiting for the user's decision")
        } else if self.quiz_waiting.borrow().is_some() {
            Some("the quiz is open; check() again once the user has left it")
        } else {
            None
        };
        let locale = self.locale_tag();
        let opening = Check::open(
            context,
            assessment,
            &mut self.exposure.borrow_mut(),
            &locale,
            Utc::now(),
            self.confirmed_window,
            busy.is_some(),
        );
        let (check, shown, variant) = match opening {
            Opening::Allowed { hint } => {
                if hint.is_some() {
                    self.hint.try_set(hint);
                }
                return Ok(js_sys::Promise::resolve(&JsValue::from_str(
                    Decision::Allowed.as_str(),
                )));
            }
            Opening::Busy => {
                return Err(busy.unwrap_or("another dialog is open").to_owned());
            }
            Opening::Warn {
                check,
                shown,
                variant,
            } => (check, shown, variant),
        };
        stored::save(&*self.exposure.borrow());
        let opener = focused_element();
        let mut resolve_fn = None;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| resolve_fn = Some(resolve));
        let resolve = resolve_fn.ok_or("the browser did not start the promise")?;
        self.emit(EventData::WarningShown(shown));
        let pending = PendingCheck {
            transfer: check.transfer().clone(),
            assessment: check.assessment().clone(),
            variant,
            quiz: self.quiz_config(check.assessment().category),
        };
        *self.waiting.borrow_mut() = Some(Waiting {
            resolve,
            check,
            opener,
        });
        self.hint.try_set(None);
        self.pending.try_set(Some(pending));
        Ok(promise)
    }

    /// The user decided: resolve the promise, give focus back, remember, report.
    pub fn decide(&self, decision: Decision) {
        let Some(Waiting {
            resolve,
            check,
            opener,
        }) = self.waiting.borrow_mut().take()
        else {
            return;
        };
        let ended = {
            let mut log = self.exposure.borrow_mut();
            let ended = check.decide(decision, &mut log, &self.locale_tag(), Utc::now());
            if ended.log_changed {
                stored::save(&*log);
            }
            ended
        };
        self.pending.try_set(None);
        let _ = resolve.call1(&JsValue::NULL, &decision.as_str().into());
        if let Some(opener) = &opener {
            let _ = opener.focus();
        }
        self.emit(EventData::WarningDecided(ended.event));
    }

    /// An interaction inside the open warning.
    pub fn interacted(&self, interaction: Interaction) {
        let event = match self.waiting.borrow().as_ref() {
            Some(w) => w.check.interacted(interaction, &self.locale_tag()),
            None => return,
        };
        self.emit(EventData::WarningInteracted(event));
    }

    /// "This warning is wrong": an event for the risk team and the host's `onReport`.
    pub fn reported(&self) {
        let (event, report) = match self.waiting.borrow().as_ref() {
            Some(w) => w.check.report(&self.locale_tag()),
            None => return,
        };
        self.emit(EventData::WarningReported(event));
        let argument = to_js(&report).unwrap_or(JsValue::NULL);
        HostHooks::call(self.hooks.on_report.as_ref(), &argument);
    }

    /// Whether a check is waiting for the user.
    pub fn is_waiting(&self) -> bool {
        self.waiting.borrow().is_some()
    }
}

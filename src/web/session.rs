//! What a mounted riskguard knows between calls: the pending check, the locale, the warning
//! history, the outbox. The JS surface in `mount.rs` is a thin layer over this.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use riskguard_core::events::{
    Decision, Event, EventData, Interaction, QuizCompleted, WarningDecided, WarningInteracted,
    WarningReported, WarningShown,
};
use riskguard_core::i18n::{Catalog, Locale};
use riskguard_core::quiz::QuizResult;
use riskguard_core::risk::{assess, Assessment, Level, Rules, TransferContext};
use riskguard_core::warning::{payee_key, Exposure, ExposureLog};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

use super::exposure_store;
use super::host_hooks::HostHooks;
use super::js_value::to_json;
use super::outbox::Outbox;
use crate::ui::dom::CHECK_MARK;
use crate::ui::PendingCheck;

/// State behind one `mount()`.
pub struct Session {
    /// Owns the signals below and the mounted view; cleaned up on unmount.
    pub owner: Owner,
    /// The language of the text.
    pub locale: RwSignal<Locale>,
    /// The check shown in the overlay.
    pub pending: RwSignal<Option<PendingCheck>>,
    /// The `low` assessment whose inline hint is showing.
    pub hint: RwSignal<Option<Assessment>>,
    /// The text: compiled in, with the host's overrides merged over it.
    pub catalog: RwSignal<Arc<Catalog>>,
    /// The Leptos mount; dropping it removes the component from the page.
    pub view: RefCell<Option<Box<dyn std::any::Any>>>,
    waiting: RefCell<Option<Waiting>>,
    exposure: RefCell<ExposureLog>,
    outbox: Rc<Outbox>,
    hooks: HostHooks,
    source: String,
    confirmed_window: Duration,
    /// The host's rules; `None` means the built-in ones.
    rules: RefCell<Option<Rc<Rules>>>,
}

/// A `check()` whose promise waits for the user.
struct Waiting {
    resolve: js_sys::Function,
    transfer: TransferContext,
    assessment: Assessment,
    exposure: Exposure,
    shown_at: DateTime<Utc>,
    /// Had focus before the warning opened; gets it back afterwards.
    opener: Option<HtmlElement>,
}

impl Session {
    /// A session posting events to `endpoint` as `source`.
    pub fn new(
        locale: Locale,
        source: String,
        endpoint: String,
        hooks: HostHooks,
        confirmed_window_days: u32,
    ) -> Self {
        let owner = Owner::new();
        let (locale, pending, hint, catalog) = owner.with(|| {
            (
                RwSignal::new(locale),
                RwSignal::new(None),
                RwSignal::new(None),
                RwSignal::new(Arc::clone(Catalog::builtin())),
            )
        });
        Self {
            owner,
            locale,
            pending,
            hint,
            catalog,
            view: RefCell::new(None),
            waiting: RefCell::new(None),
            exposure: RefCell::new(exposure_store::load()),
            outbox: Outbox::new(endpoint),
            hooks,
            source,
            confirmed_window: Duration::days(i64::from(confirmed_window_days)),
            rules: RefCell::new(None),
        }
    }

    /// Assesses with the rules in force.
    pub fn assess(&self, context: &TransferContext) -> Assessment {
        match self.rules.borrow().as_deref() {
            Some(rules) => assess(context, rules),
            None => assess(context, Rules::builtin()),
        }
    }

    /// Replaces the rules with a rules file's JSON text. On error the rules in force stay, and
    /// the error names the line and column or the field.
    pub fn set_rules(&self, json: &str) -> Result<(), String> {
        let rules = Rules::from_json(json).map_err(|e| e.to_string())?;
        *self.rules.borrow_mut() = Some(Rc::new(rules));
        Ok(())
    }

    /// Merges Fluent text (named `file`) over the text in force for the locale `tag`. A file with
    /// syntax errors is refused whole; the errors name `file:line:column`.
    pub fn set_messages(&self, tag: &str, file: &str, source: &str) -> Result<(), String> {
        let locale = Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
            .ok_or_else(|| {
                let tags: Vec<&str> = Locale::ALL.iter().map(|l| l.tag()).collect();
                format!("unknown locale `{tag}`: use one of {}", tags.join(", "))
            })?;
        let current = self
            .catalog
            .try_get_untracked()
            .ok_or("riskguard was unmounted")?;
        match current.with_override(locale, file, source) {
            Ok(catalog) => {
                self.catalog.try_set(Arc::new(catalog));
                Ok(())
            }
            Err(errors) => Err(errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")),
        }
    }

    /// The version of the rules in force.
    pub fn rules_version(&self) -> String {
        match self.rules.borrow().as_deref() {
            Some(rules) => rules.version().to_owned(),
            None => Rules::builtin().version().to_owned(),
        }
    }

    /// The outbox, for flushing and counting.
    pub fn outbox(&self) -> &Rc<Outbox> {
        &self.outbox
    }

    /// Starts a check: resolves at once when no interruption is needed, otherwise shows the
    /// warning and resolves when the user decides.
    pub fn start_check(&self, transfer: &JsValue) -> Result<js_sys::Promise, String> {
        if self.view.borrow().is_none() {
            return Err("riskguard was unmounted; mount() it again".to_owned());
        }
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark(CHECK_MARK);
        }
        let context = read_transfer(transfer)?;
        let assessment = self.assess(&context);
        let allowed = || {
            Ok(js_sys::Promise::resolve(&JsValue::from_str(
                Decision::Allowed.as_str(),
            )))
        };
        if assessment.level == Level::Low {
            self.hint.try_set(Some(assessment));
            return allowed();
        }
        if !assessment.level.interrupts() || self.already_confirmed(&context, &assessment) {
            return allowed();
        }
        if self.waiting.borrow().is_some() {
            return Err("a check is already waiting for the user's decision".to_owned());
        }

        let now = Utc::now();
        let (exposure, variant) = {
            let mut log = self.exposure.borrow_mut();
            let seen = (
                log.exposure(assessment.category),
                log.variant(assessment.category),
            );
            log.record_shown(assessment.category, now);
            exposure_store::save(&log);
            seen
        };
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
            exposure,
        }));
        *self.waiting.borrow_mut() = Some(Waiting {
            resolve,
            transfer: context.clone(),
            assessment: assessment.clone(),
            exposure,
            shown_at: now,
            opener,
        });
        self.hint.try_set(None);
        self.pending.try_set(Some(PendingCheck {
            transfer: context,
            assessment,
            variant,
        }));
        Ok(promise)
    }

    fn already_confirmed(&self, context: &TransferContext, assessment: &Assessment) -> bool {
        payee_key(&context.payee).is_some_and(|key| {
            self.exposure.borrow().already_confirmed(
                assessment.level,
                &key,
                &context.currency,
                context.amount_minor,
                Utc::now(),
                self.confirmed_window,
            )
        })
    }

    /// The user decided: resolve the promise, give focus back, remember, report.
    pub fn decide(&self, decision: Decision) {
        let Some(waiting) = self.waiting.borrow_mut().take() else {
            return;
        };
        self.pending.try_set(None);
        let _ = waiting
            .resolve
            .call1(&JsValue::NULL, &decision.as_str().into());
        if let Some(opener) = &waiting.opener {
            let _ = opener.focus();
        }
        let now = Utc::now();
        if decision == Decision::Proceeded {
            if let Some(key) = payee_key(&waiting.transfer.payee) {
                let mut log = self.exposure.borrow_mut();
                log.record_confirmation(
                    waiting.assessment.level,
                    &key,
                    &waiting.transfer.currency,
                    waiting.transfer.amount_minor,
                    now,
                );
                exposure_store::save(&log);
            }
        }
        self.emit(EventData::WarningDecided(WarningDecided {
            level: waiting.assessment.level,
            category: waiting.assessment.category,
            locale: self.locale_tag(),
            decision,
            duration_ms: (now - waiting.shown_at).num_milliseconds().max(0) as u64,
            exposure: waiting.exposure,
        }));
    }

    /// An interaction inside the open warning.
    pub fn interacted(&self, interaction: Interaction) {
        let Some((level, category, exposure)) = self.waiting_summary() else {
            return;
        };
        self.emit(EventData::WarningInteracted(WarningInteracted {
            level,
            category,
            locale: self.locale_tag(),
            interaction,
            exposure,
        }));
    }

    /// "This warning is wrong": an event for the risk team and the host's `onReport`.
    pub fn reported(&self) {
        let Some(report) = self.waiting.borrow().as_ref().map(|w| {
            let host = serde_json::json!({
                "category": w.assessment.category,
                "level": w.assessment.level,
                "rulesVersion": w.assessment.rules_version,
                "transferId": w.transfer.id,
            });
            let event = WarningReported {
                level: w.assessment.level,
                category: w.assessment.category,
                locale: self.locale_tag(),
                rule_ids: w
                    .assessment
                    .reasons
                    .iter()
                    .map(|r| r.rule_id.clone())
                    .collect(),
                rules_version: w.assessment.rules_version.clone(),
                exposure: w.exposure,
            };
            (host, event)
        }) else {
            return;
        };
        let (host, event) = report;
        self.emit(EventData::WarningReported(event));
        let argument = js_sys::JSON::parse(&host.to_string()).unwrap_or(JsValue::NULL);
        HostHooks::call(self.hooks.on_report.as_ref(), &argument);
    }

    /// A quiz session reached its end.
    pub fn quiz_completed(&self, result: QuizResult) {
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

    /// Whether a check is waiting for the user.
    pub fn is_waiting(&self) -> bool {
        self.waiting.borrow().is_some()
    }

    /// The locale tag in use; English once unmounted.
    pub fn locale_tag(&self) -> String {
        let locale = self.locale.try_get_untracked().unwrap_or_default();
        locale.tag().to_owned()
    }

    fn waiting_summary(&self) -> Option<(Level, Option<riskguard_core::risk::Category>, Exposure)> {
        let waiting = self.waiting.borrow();
        let w = waiting.as_ref()?;
        Some((w.assessment.level, w.assessment.category, w.exposure))
    }

    fn emit(&self, data: EventData) {
        let event = Event {
            id: uuid::Uuid::new_v4().to_string(),
            source: self.source.clone(),
            time: Utc::now(),
            data,
        };
        self.outbox.push(&event);
        if self.hooks.on_event.is_some() {
            let json = js_sys::JSON::parse(&event.to_json().to_string()).unwrap_or(JsValue::NULL);
            HostHooks::call(self.hooks.on_event.as_ref(), &json);
        }
    }
}

/// Reads a host transfer object, naming the field at fault.
pub fn read_transfer(transfer: &JsValue) -> Result<TransferContext, String> {
    let json = to_json(transfer).ok_or("check() needs a transfer object")?;
    TransferContext::from_json(&json).map_err(|e| e.to_string())
}

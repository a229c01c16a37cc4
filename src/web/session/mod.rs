//! What a mounted riskguard knows between calls: the locale, the rules and text in force, the
//! warning history, the outbox. The JS surface in `mount.rs` is a thin layer over this; the
//! check lifecycle (`checks.rs`) and the quiz (`quiz.rs`) are the session's two activities.

mod checks;
mod quiz;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use chrono::{Duration, Utc};
use leptos::prelude::*;
use riskguard_core::events::{Event, EventData};
use riskguard_core::i18n::{Catalog, Locale};
use riskguard_core::quiz::{QuizConfig, QuizHistory};
use riskguard_core::risk::{assess, Assessment, Rules, TransferContext};
use riskguard_core::warning::ExposureLog;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

use super::host_hooks::HostHooks;
use super::js_value::{to_js, to_json};
use super::outbox::Outbox;
use super::stored;
use crate::ui::PendingCheck;

use checks::Waiting;
use quiz::{QuizRun, QuizWaiting};

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
    /// The quiz started on its own with `startQuiz()`, while it is open.
    pub standalone_quiz: RwSignal<Option<QuizConfig>>,
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
    /// The host's quiz settings (length and pass mark; category and seed are per session).
    quiz_settings: QuizConfig,
    /// Days between a quiz completion and the refresher.
    refresher_days: u32,
    /// The quiz session in progress, for its events.
    quiz_run: RefCell<Option<QuizRun>>,
    /// A `startQuiz()` whose promise waits for the user to leave the quiz.
    quiz_waiting: RefCell<Option<QuizWaiting>>,
    /// The last completion on this device, for boosters.
    quiz_history: RefCell<Option<QuizHistory>>,
}

impl Session {
    /// A session posting events through `outbox` as `source`.
    pub fn new(
        locale: Locale,
        source: String,
        outbox: Rc<Outbox>,
        hooks: HostHooks,
        confirmed_window_days: u32,
        quiz: QuizSettings,
    ) -> Self {
        let owner = Owner::new();
        let (locale, pending, hint, catalog, standalone_quiz) = owner.with(|| {
            (
                RwSignal::new(locale),
                RwSignal::new(None),
                RwSignal::new(None),
                RwSignal::new(Arc::clone(Catalog::builtin())),
                RwSignal::new(None),
            )
        });
        Self {
            owner,
            locale,
            pending,
            hint,
            catalog,
            standalone_quiz,
            view: RefCell::new(None),
            waiting: RefCell::new(None),
            exposure: RefCell::new(stored::load().unwrap_or_default()),
            outbox,
            hooks,
            source,
            confirmed_window: Duration::days(i64::from(confirmed_window_days)),
            rules: RefCell::new(None),
            quiz_settings: quiz.config,
            refresher_days: quiz.refresher_days,
            quiz_run: RefCell::new(None),
            quiz_waiting: RefCell::new(None),
            quiz_history: RefCell::new(stored::load()),
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

    /// The locale tag in use; English once unmounted.
    pub fn locale_tag(&self) -> String {
        let locale = self.locale.try_get_untracked().unwrap_or_default();
        locale.tag().to_owned()
    }

    pub(super) fn emit(&self, data: EventData) {
        let event = Event {
            id: uuid::Uuid::new_v4().to_string(),
            source: self.source.clone(),
            time: Utc::now(),
            data,
        };
        self.outbox.push(&event);
        if self.hooks.on_event.is_some() {
            let json = to_js(&event.to_json()).unwrap_or(JsValue::NULL);
            HostHooks::call(self.hooks.on_event.as_ref(), &json);
        }
    }
}

/// The quiz settings a host chose at mount.
#[derive(Debug, Clone, Copy)]
pub struct QuizSettings {
    /// Length and pass mark (category and seed are chosen per session).
    pub config: QuizConfig,
    /// Days between a completion and the refresher.
    pub refresher_days: u32,
}

/// The element that has focus, to give it back when a dialog closes.
pub(super) fn focused_element() -> Option<HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// Reads a host transfer object, naming the field at fault.
pub fn read_transfer(transfer: &JsValue) -> Result<TransferContext, String> {
    let json = to_json(transfer).ok_or("check() needs a transfer object")?;
    TransferContext::from_json(&json).map_err(|e| e.to_string())
}

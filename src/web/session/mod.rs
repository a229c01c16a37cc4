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
use super::options::QuizSettings;
use super::outbox::Outbox;
use super::stored;
use crate::ui::PendingCheck;

use checks::Waiting;
use quiz::{QuizRun, QuizWaiting};

/// State behind one `mount()`.
pub struct Session {
    /// Owns the signals below and the mounted view; cleaned up on unmount.
    owner: Owner,
    /// The language of the text.
    locale: RwSignal<Locale>,
    /// The check shown in the overlay.
    pending: RwSignal<Option<PendingCheck>>,
    /// The `low` assessment whose inline hint is showing.
    hint: RwSignal<Option<Assessment>>,
    /// The text: compiled in, with the host's overrides merged over it.
    catalog: RwSignal<Arc<Catalog>>,
    /// The quiz started on its own with `startQuiz()`, while it is open.
    standalone_quiz: RwSignal<Option<QuizConfig>>,
    /// The Leptos mount; dropping it removes the component from the page.
    view: RefCell<Option<Box<dyn std::any::Any>>>,
    waiting: RefCell<Option<Waiting>>,
    exposure: RefCell<ExposureLog>,
    outbox: Rc<Outbox>,
    hooks: HostHooks,
    source: String,
    confirmed_window: Duration,
    /// The host's rules; `None` means the built-in ones.
    rules: RefCell<Option<Rc<Rules>>>,
    /// The host's quiz settings (length, pass mark, refresher interval).
    quiz_settings: QuizSettings,
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
        confirmed_window: Duration,
        quiz_settings: QuizSettings,
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
            confirmed_window,
            rules: RefCell::new(None),
            quiz_settings,
            quiz_run: RefCell::new(None),
            quiz_waiting: RefCell::new(None),
            quiz_history: RefCell::new(stored::load()),
        }
    }

    /// Builds the view with `build` under the session's owner and keeps it on the page until
    /// [`unmount`](Self::unmount).
    pub fn attach_view<H: 'static>(&self, build: impl FnOnce() -> H) {
        let handle = self.owner.with(build);
        *self.view.borrow_mut() = Some(Box::new(handle));
    }

    /// Whether the view is on the page (`mount()` and no `unmount()` since).
    fn is_mounted(&self) -> bool {
        self.view.borrow().is_some()
    }

    /// Takes riskguard off the page: a waiting check ends `cancelled`, an open quiz closes as
    /// if the user had left it, and the outbox makes its last request.
    pub fn unmount(&self) {
        if self.is_waiting() {
            self.decide(riskguard_core::events::Decision::Cancelled);
        }
        self.quiz_closed();
        self.view.borrow_mut().take();
        self.owner.cleanup();
        // One last request with what is queued, then no more: the rest waits in storage.
        self.outbox.close();
    }

    /// The language of the text, for the view.
    pub fn locale(&self) -> ReadSignal<Locale> {
        self.locale.read_only()
    }

    /// The text in force, for the view.
    pub fn catalog(&self) -> ReadSignal<Arc<Catalog>> {
        self.catalog.read_only()
    }

    /// The check waiting for the user, for the overlay.
    pub fn pending(&self) -> ReadSignal<Option<PendingCheck>> {
        self.pending.read_only()
    }

    /// The `low` assessment whose inline hint shows, for the view.
    pub fn hint(&self) -> ReadSignal<Option<Assessment>> {
        self.hint.read_only()
    }

    /// The quiz started with `startQuiz()`, while it is open, for the view.
    pub fn standalone_quiz(&self) -> ReadSignal<Option<QuizConfig>> {
        self.standalone_quiz.read_only()
    }

    /// The user dismissed the inline hint.
    pub fn hint_dismissed(&self) {
        self.hint.try_set(None);
    }

    /// Switches the text to `locale`; an error once unmounted.
    pub fn switch_locale(&self, locale: Locale) -> Result<(), String> {
        match self.locale.try_set(locale) {
            None => Ok(()),
            Some(_) => Err("riskguard was unmounted".to_owned()),
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

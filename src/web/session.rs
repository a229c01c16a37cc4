//! What a mounted riskguard knows between calls: the pending check, the locale, the warning
//! history, the outbox. The JS surface in `mount.rs` is a thin layer over this.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use chrono::{Duration, Utc};
use leptos::prelude::*;
use riskguard_core::events::{Decision, Event, EventData, Interaction, QuizCompleted, QuizStarted};
use riskguard_core::i18n::{Catalog, Locale};
use riskguard_core::quiz::{QuizConfig, QuizHistory, QuizResult};
use riskguard_core::risk::{assess, Assessment, Category, Rules, TransferContext};
use riskguard_core::warning::{Check, ExposureLog, Opening};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

use super::host_hooks::HostHooks;
use super::js_contract::{QuizOutcome, RefresherStatus};
use super::js_value::{to_js, to_json};
use super::outbox::Outbox;
use super::stored;
use crate::ui::dom::CHECK_MARK;
use crate::ui::{AttemptStarted, PendingCheck};

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

/// The quiz session in progress: what its events share.
struct QuizRun {
    session_id: String,
    category: Option<Category>,
}

/// A `startQuiz()` waiting for the user to leave the quiz.
struct QuizWaiting {
    resolve: js_sys::Function,
    opener: Option<HtmlElement>,
    /// The latest finished attempt, if any.
    result: Option<QuizResult>,
}

/// A `check()` whose promise waits for the user.
struct Waiting {
    resolve: js_sys::Function,
    check: Box<Check>,
    /// Had focus before the warning opened; gets it back afterwards.
    opener: Option<HtmlElement>,
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
        // The machine decides on a copy of the log: a check refused below leaves it untouched.
        let mut log = self.exposure.borrow().clone();
        let opening = Check::open(
            context,
            assessment,
            &mut log,
            &self.locale_tag(),
            Utc::now(),
            self.confirmed_window,
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
            Opening::Warn {
                check,
                shown,
                variant,
            } => (check, shown, variant),
        };
        if self.waiting.borrow().is_some() {
            return Err("a check is already waiting for the user's decision".to_owned());
        }
        if self.quiz_waiting.borrow().is_some() {
            return Err("the quiz is open; check() again once the user has left it".to_owned());
        }
        stored::save(&log);
        *self.exposure.borrow_mut() = log;
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
        let _ = resolve.call1(&JsValue::NULL, &ended.decision.as_str().into());
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

    /// The settings of a new quiz session about `category`, with a fresh seed.
    fn quiz_config(&self, category: Option<Category>) -> QuizConfig {
        // 53 random bits from the browser and the clock: sessions differ, and a test can still
        // reproduce one from the seed the core reports in its config.
        let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        QuizConfig {
            category,
            seed: random ^ Utc::now().timestamp_millis().unsigned_abs().rotate_left(32),
            ..self.quiz_settings
        }
    }

    /// A quiz attempt began: attempt 1 opens a new quiz session (a new `session_id`), later
    /// attempts (retries of missed questions) continue it.
    pub fn quiz_started(&self, started: AttemptStarted) {
        let mut run = self.quiz_run.borrow_mut();
        if started.attempt <= 1 || run.is_none() {
            *run = Some(QuizRun {
                session_id: uuid::Uuid::new_v4().to_string(),
                category: started.category,
            });
        }
        let Some(QuizRun {
            session_id,
            category,
        }) = run.as_ref()
        else {
            return;
        };
        let data = QuizStarted {
            session_id: session_id.clone(),
            attempt: started.attempt,
            question_ids: started.question_ids,
            locale: self.locale_tag(),
            category: *category,
        };
        drop(run);
        self.emit(EventData::QuizStarted(data));
    }

    /// A quiz attempt reached its end: report it, and remember it for boosters.
    pub fn quiz_completed(&self, result: QuizResult) {
        let now = Utc::now();
        let (session_id, category) = match self.quiz_run.borrow().as_ref() {
            Some(run) => (run.session_id.clone(), run.category),
            None => (uuid::Uuid::new_v4().to_string(), None),
        };
        {
            let mut history = self.quiz_history.borrow_mut();
            match history.as_mut() {
                Some(history) => history.record(&result, now),
                None => *history = Some(QuizHistory::from_result(&result, now)),
            }
            if let Some(history) = history.as_ref() {
                stored::save(history);
            }
        }
        if let Some(waiting) = self.quiz_waiting.borrow_mut().as_mut() {
            waiting.result = Some(result.clone());
        }
        self.emit(EventData::QuizCompleted(QuizCompleted {
            session_id,
            attempt: result.attempt,
            score: result.score,
            max_score: result.max_score,
            passed: result.passed,
            duration_ms: result.duration_ms,
            question_ids: result.question_ids,
            locale: self.locale_tag(),
            category,
        }));
    }

    /// Opens the quiz on its own (not from a warning), its questions about `category` if given.
    /// The promise resolves when the user leaves it (see [`Session::quiz_closed`]).
    pub fn start_quiz(&self, category: Option<Category>) -> Result<js_sys::Promise, String> {
        if self.view.borrow().is_none() {
            return Err("riskguard was unmounted; mount() it again".to_owned());
        }
        if self.waiting.borrow().is_some() {
            return Err(
                "a check is waiting for the user's decision; startQuiz() after it".to_owned(),
            );
        }
        if self.quiz_waiting.borrow().is_some() {
            return Err("the quiz is already open".to_owned());
        }
        let mut resolve_fn = None;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| resolve_fn = Some(resolve));
        let resolve = resolve_fn.ok_or("the browser did not start the promise")?;
        *self.quiz_waiting.borrow_mut() = Some(QuizWaiting {
            resolve,
            opener: focused_element(),
            result: None,
        });
        self.hint.try_set(None);
        self.standalone_quiz
            .try_set(Some(self.quiz_config(category)));
        Ok(promise)
    }

    /// The user left a quiz started with `startQuiz()`: resolve its promise with the latest
    /// result (`null` when no attempt was finished) and give focus back.
    pub fn quiz_closed(&self) {
        self.standalone_quiz.try_set(None);
        let Some(waiting) = self.quiz_waiting.borrow_mut().take() else {
            return;
        };
        let outcome = waiting
            .result
            .as_ref()
            .and_then(|r| to_js(&QuizOutcome::from(r)).ok())
            .unwrap_or(JsValue::NULL);
        let _ = waiting.resolve.call1(&JsValue::NULL, &outcome);
        if let Some(opener) = &waiting.opener {
            let _ = opener.focus();
        }
    }

    /// Whether a refresher quiz is due on this device, and when it is or was due.
    pub fn refresher(&self) -> RefresherStatus {
        RefresherStatus::at(*self.quiz_history.borrow(), Utc::now(), self.refresher_days)
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

    fn emit(&self, data: EventData) {
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
fn focused_element() -> Option<HtmlElement> {
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

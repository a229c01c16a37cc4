//! The session's part in the quiz: its events, the device's quiz history, `startQuiz()` and
//! the refresher.

use chrono::Utc;
use leptos::prelude::*;
use riskguard_core::events::{EventData, QuizCompleted, QuizStarted};
use riskguard_core::quiz::{QuizConfig, QuizHistory, QuizResult};
use riskguard_core::risk::Category;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

use crate::ui::AttemptStarted;
use crate::web::js_contract::{QuizOutcome, RefresherStatus};
use crate::web::js_value::to_js;
use crate::web::stored;

use super::{focused_element, Session};

/// The quiz session in progress: what its events share.
pub(super) struct QuizRun {
    session_id: String,
    category: Option<Category>,
}

/// A `startQuiz()` waiting for the user to leave the quiz.
pub(super) struct QuizWaiting {
    resolve: js_sys::Function,
    opener: Option<HtmlElement>,
    /// The latest finished attempt, if any.
    result: Option<QuizResult>,
}

impl Session {
    /// The settings of a new quiz session about `category`, with a fresh seed.
    pub(super) fn quiz_config(&self, category: Option<Category>) -> QuizConfig {
        // 53 random bits from the browser and the clock: sessions differ, and a test can still
        // reproduce one from the seed the core reports in its config.
        let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        let seed = random ^ Utc::now().timestamp_millis().unsigned_abs().rotate_left(32);
        self.quiz_settings.config(category, seed)
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
        if !self.is_mounted() {
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
        RefresherStatus::at(
            *self.quiz_history.borrow(),
            Utc::now(),
            self.quiz_settings.refresher_days(),
        )
    }
}

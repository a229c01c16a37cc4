//! The quiz options: `quizLength`, `quizPassPercent` and `refresherDays` at mount, `category`
//! for `startQuiz()`.

use riskguard_core::quiz::{QuizConfig, QuizError, MAX_LENGTH, MIN_LENGTH};
use riskguard_core::risk::Category;
use wasm_bindgen::JsValue;

use super::ORIGIN;
use crate::web::js_value::to_json;

/// The quiz settings a host chose at mount, checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuizSettings {
    /// Length and pass mark (category and seed are chosen per session).
    config: QuizConfig,
    /// Days between a completion and the refresher.
    refresher_days: u32,
}

impl Default for QuizSettings {
    /// What no quiz options give.
    fn default() -> Self {
        Self {
            config: QuizConfig::default(),
            refresher_days: riskguard_core::quiz::DEFAULT_REFRESHER_DAYS,
        }
    }
}

impl QuizSettings {
    /// The settings, or an error naming `quizLength` or `quizPassPercent`.
    pub(super) fn checked(
        length: usize,
        pass_percent: u32,
        refresher_days: u32,
    ) -> Result<Self, String> {
        let config = QuizConfig {
            length,
            pass_percent,
            ..QuizConfig::default()
        };
        match config.validate() {
            Err(QuizError::InvalidLength(n)) => Err(format!(
                "{ORIGIN}: `quizLength` must be {MIN_LENGTH} to {MAX_LENGTH}, not {n}"
            )),
            Err(QuizError::InvalidPassPercent(n)) => Err(format!(
                "{ORIGIN}: `quizPassPercent` must be 1 to 100, not {n}"
            )),
            _ => Ok(Self {
                config,
                refresher_days,
            }),
        }
    }

    /// The settings of a quiz session about `category`, with `seed`.
    pub fn config(&self, category: Option<Category>, seed: u64) -> QuizConfig {
        QuizConfig {
            category,
            seed,
            ..self.config
        }
    }

    /// Days between a quiz completion and the refresher.
    pub fn refresher_days(&self) -> u32 {
        self.refresher_days
    }
}

/// Reads `{ category }` from `startQuiz()` options (which may be omitted).
pub fn start_quiz_category(options: &JsValue) -> Result<Option<Category>, String> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let category = js_sys::Reflect::get(options, &"category".into()).unwrap_or(JsValue::UNDEFINED);
    if category.is_undefined() || category.is_null() {
        return Ok(None);
    }
    let json = to_json(&category).unwrap_or_default();
    serde_json::from_str(&json).map(Some).map_err(|_| {
        format!(
            "startQuiz(): `category` must be a category code such as \"otc_trading\", not {json}"
        )
    })
}

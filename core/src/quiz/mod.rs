//! The educational quiz: a question bank, a deterministic session state machine and the
//! booster schedule.
//!
//! Question text lives in the Fluent catalogs (`locales/*/quiz.ftl`); this module only knows
//! ids, answers and scores. Time and randomness are inputs: the same seed and times give the
//! same session.

mod bank;
mod booster;
mod compose;
mod config;
mod error;
mod session;
mod technique;

pub use bank::{Question, QuestionId, BANK};
pub use booster::{QuizHistory, Refresher, DEFAULT_REFRESHER_DAYS};
pub use config::{QuizConfig, DEFAULT_LENGTH, DEFAULT_PASS_PERCENT, MAX_LENGTH, MIN_LENGTH};
pub use error::QuizError;
pub use session::{Feedback, Presented, QuizResult, QuizSession};
pub use technique::{QuestionKind, Technique};

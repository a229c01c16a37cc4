//! The educational quiz: a question bank and a deterministic session state machine.
//!
//! Question text lives in the Fluent catalogs; this module only knows ids, answers and scores.

mod bank;
mod session;

pub use bank::{Question, Technique, BANK};
pub use session::{Feedback, QuizError, QuizResult, QuizSession, DEFAULT_PASS_PERCENT};

/// A question's stable id, as reported in events (for example `guaranteed-returns`).
pub type QuestionId = String;

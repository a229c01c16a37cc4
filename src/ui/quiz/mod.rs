//! `<Quiz>`: a short, technique-focused quiz with feedback after every answer.
//!
//! CSS: the `rg-quiz` block in `style/riskguard.css`.

mod flow;
mod question;
mod summary;

pub use flow::{AttemptStarted, Quiz};

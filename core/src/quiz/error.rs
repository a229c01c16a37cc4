//! What can go wrong when configuring or driving a quiz session.

use std::fmt;

use super::{MAX_LENGTH, MIN_LENGTH};

/// A configuration that is out of range, or a call that does not fit the session's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizError {
    /// The current question was already answered: answers are final.
    AlreadyAnswered,
    /// The current question has not been answered yet: questions cannot be skipped.
    NotAnswered,
    /// The option index is out of range for the current question.
    NoSuchOption,
    /// The session is over.
    Finished,
    /// A session's length must be within [`MIN_LENGTH`]`..=`[`MAX_LENGTH`].
    InvalidLength(usize),
    /// The pass threshold must be a percentage from 1 to 100.
    InvalidPassPercent(u32),
}

impl fmt::Display for QuizError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuizError::AlreadyAnswered => f.write_str("this question was already answered"),
            QuizError::NotAnswered => f.write_str("answer the current question first"),
            QuizError::NoSuchOption => f.write_str("no such option"),
            QuizError::Finished => f.write_str("the quiz is over"),
            QuizError::InvalidLength(length) => write!(
                f,
                "a quiz has {MIN_LENGTH} to {MAX_LENGTH} questions, not {length}"
            ),
            QuizError::InvalidPassPercent(percent) => write!(
                f,
                "the pass mark is a percentage from 1 to 100, not {percent}"
            ),
        }
    }
}

impl std::error::Error for QuizError {}

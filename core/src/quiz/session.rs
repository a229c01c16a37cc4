//! A quiz session as a state machine: questions in, answers in, a result out. Time is an input.

use std::fmt;

use chrono::{DateTime, Utc};

use super::{Question, QuestionId, BANK};
use crate::risk::Category;

/// The score, in percent, a session must reach to pass unless configured otherwise.
pub const DEFAULT_PASS_PERCENT: u32 = 80;

/// What the user learns right after answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feedback {
    /// Whether the chosen option was right.
    pub correct: bool,
    /// The option that was right (0-based).
    pub correct_option: usize,
}

/// The outcome of a finished session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizResult {
    /// Correct answers.
    pub score: u32,
    /// Questions asked.
    pub max_score: u32,
    /// `score / max_score` reached the pass threshold.
    pub passed: bool,
    /// From the session's start to its last answer.
    pub duration_ms: u64,
    /// The questions asked, in order.
    pub question_ids: Vec<QuestionId>,
}

/// A call that does not fit the session's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizError {
    /// The current question was already answered.
    AlreadyAnswered,
    /// The current question has not been answered yet.
    NotAnswered,
    /// The option index is out of range.
    NoSuchOption,
    /// The session is over.
    Finished,
}

impl fmt::Display for QuizError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            QuizError::AlreadyAnswered => "this question was already answered",
            QuizError::NotAnswered => "answer the current question first",
            QuizError::NoSuchOption => "no such option",
            QuizError::Finished => "the quiz is over",
        })
    }
}

impl std::error::Error for QuizError {}

/// One run through a few questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizSession {
    questions: Vec<Question>,
    /// The chosen option for each question answered so far.
    answers: Vec<usize>,
    /// Index of the question on screen; equals `questions.len()` when finished.
    current: usize,
    started_at: DateTime<Utc>,
    last_answer_at: DateTime<Utc>,
    pass_percent: u32,
}

impl QuizSession {
    /// Starts a session at `now`, putting questions about `category` first.
    pub fn new(category: Option<Category>, now: DateTime<Utc>) -> Self {
        let mut questions: Vec<Question> = BANK.to_vec();
        // Stable sort: relevant questions first, each group in bank order.
        questions.sort_by_key(|q| Some(q.category) != category);
        Self {
            questions,
            answers: Vec::new(),
            current: 0,
            started_at: now,
            last_answer_at: now,
            pass_percent: DEFAULT_PASS_PERCENT,
        }
    }

    /// The question on screen, or `None` when the session is over.
    pub fn current(&self) -> Option<&Question> {
        self.questions.get(self.current)
    }

    /// 0-based position of the question on screen, and the number of questions.
    pub fn progress(&self) -> (usize, usize) {
        (self.current, self.questions.len())
    }

    /// The feedback for the question on screen, once it is answered.
    pub fn feedback(&self) -> Option<Feedback> {
        let question = self.current()?;
        let chosen = *self.answers.get(self.current)?;
        Some(Feedback {
            correct: chosen == question.correct,
            correct_option: question.correct,
        })
    }

    /// Records the answer to the question on screen at `now`.
    pub fn answer(&mut self, option: usize, now: DateTime<Utc>) -> Result<Feedback, QuizError> {
        let question = self.current().ok_or(QuizError::Finished)?;
        if option >= question.options {
            return Err(QuizError::NoSuchOption);
        }
        if self.answers.len() > self.current {
            return Err(QuizError::AlreadyAnswered);
        }
        self.answers.push(option);
        self.last_answer_at = now;
        self.feedback().ok_or(QuizError::Finished)
    }

    /// Moves past an answered question; after the last one the session is over.
    pub fn advance(&mut self) -> Result<(), QuizError> {
        if self.is_finished() {
            return Err(QuizError::Finished);
        }
        if self.answers.len() <= self.current {
            return Err(QuizError::NotAnswered);
        }
        self.current += 1;
        Ok(())
    }

    /// Whether every question has been answered and passed.
    pub fn is_finished(&self) -> bool {
        self.current >= self.questions.len()
    }

    /// The result, once the session is over.
    pub fn result(&self) -> Option<QuizResult> {
        if !self.is_finished() {
            return None;
        }
        let score = self
            .questions
            .iter()
            .zip(&self.answers)
            .filter(|(q, &a)| q.correct == a)
            .count() as u32;
        let max_score = self.questions.len() as u32;
        let duration_ms = (self.last_answer_at - self.started_at)
            .num_milliseconds()
            .max(0) as u64;
        Some(QuizResult {
            score,
            max_score,
            passed: score * 100 >= self.pass_percent * max_score,
            duration_ms,
            question_ids: self.questions.iter().map(|q| q.id.to_owned()).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_700_000_000 + seconds, 0)
            .single()
            .expect("valid time")
    }

    fn run(session: &mut QuizSession, pick: impl Fn(&Question) -> usize) {
        let mut t = 0;
        while let Some(q) = session.current().copied() {
            t += 5;
            session.answer(pick(&q), at(t)).expect("answer");
            session.advance().expect("advance");
        }
    }

    #[test]
    fn all_correct_passes_with_duration_from_start_to_last_answer() {
        let mut s = QuizSession::new(Some(Category::OtcTrading), at(0));
        run(&mut s, |q| q.correct);
        let r = s.result().expect("finished");
        assert_eq!((r.score, r.max_score, r.passed), (4, 4, true));
        assert_eq!(r.duration_ms, 20_000);
        assert_eq!(r.question_ids.len(), 4);
    }

    #[test]
    fn one_wrong_of_four_is_75_percent_and_fails() {
        let mut s = QuizSession::new(None, at(0));
        let first = s.current().map(|q| q.id).expect("a question");
        run(&mut s, |q| {
            if q.id == first {
                (q.correct + 1) % q.options
            } else {
                q.correct
            }
        });
        let r = s.result().expect("finished");
        assert_eq!((r.score, r.passed), (3, false));
    }

    #[test]
    fn category_questions_come_first() {
        let s = QuizSession::new(Some(Category::UnlockFee), at(0));
        assert_eq!(s.current().map(|q| q.category), Some(Category::UnlockFee));
    }

    #[test]
    fn feedback_is_immediate_and_answers_are_final() {
        let mut s = QuizSession::new(None, at(0));
        let q = *s.current().expect("a question");
        let wrong = (q.correct + 1) % q.options;
        let f = s.answer(wrong, at(1)).expect("answer");
        assert_eq!(
            f,
            Feedback {
                correct: false,
                correct_option: q.correct
            }
        );
        assert_eq!(s.answer(q.correct, at(2)), Err(QuizError::AlreadyAnswered));
        assert_eq!(s.answer(99, at(2)), Err(QuizError::NoSuchOption));
    }

    #[test]
    fn cannot_skip_a_question() {
        let mut s = QuizSession::new(None, at(0));
        assert_eq!(s.advance(), Err(QuizError::NotAnswered));
        assert!(s.result().is_none());
    }
}

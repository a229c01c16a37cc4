//! A quiz session as a state machine: questions in, answers in, a result out. Time and
//! randomness are inputs (`now`, the seed), so the same inputs always give the same session.
//!
//! Option indices in this API are always **original** indices (the order of
//! `quiz-<id>-option-<n>`): [`Presented::order`] says in which order to display them, the UI
//! passes the original index of the chosen option to [`QuizSession::answer`], and
//! [`Feedback::correct_option`] is an original index too.

use chrono::{DateTime, Utc};

use super::compose::compose;
use super::{Question, QuestionId, QuestionKind, QuizConfig, QuizError, Technique};
use crate::random::SplitMix64;
use crate::risk::Category;

/// A question as the user sees it: the question and the display order of its options.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Presented {
    /// The question.
    pub question: Question,
    /// Original option indices in display order (a permutation of `0..question.options`).
    /// True/false questions always show True, then False (`[0, 1]`).
    pub order: Vec<usize>,
}

impl Presented {
    fn new(question: Question, rng: &mut SplitMix64) -> Self {
        let mut order: Vec<usize> = (0..question.options).collect();
        if question.kind != QuestionKind::TrueFalse {
            rng.shuffle(&mut order);
        }
        Self { question, order }
    }
}

/// What the user learns right after answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feedback {
    /// Whether the chosen option was right.
    pub correct: bool,
    /// The option that was right (original index, 0-based).
    pub correct_option: usize,
}

/// The outcome of a finished attempt.
///
/// A session is attempt 1 and any retries of its missed questions
/// ([`QuizSession::retry_missed`]). The score is *mastery* of the session's questions: in
/// attempt 1 it is simply the questions answered correctly out of those asked; from attempt 2
/// on, `score` counts the session's questions answered correctly in any attempt so far and
/// `max_score` stays the number of distinct questions of the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizResult {
    /// Distinct questions of the session answered correctly in this or an earlier attempt.
    pub score: u32,
    /// Distinct questions of the session (the length of attempt 1).
    pub max_score: u32,
    /// `score * 100 >= pass_percent * max_score`.
    pub passed: bool,
    /// The pass mark in force, in percent.
    pub pass_percent: u32,
    /// From this attempt's start to its last answer.
    pub duration_ms: u64,
    /// The questions asked in this attempt, in order.
    pub question_ids: Vec<QuestionId>,
    /// 1 for the first run, 2 for the first retry of the missed questions, and so on.
    pub attempt: u32,
    /// The questions answered wrongly in this attempt, in the order asked.
    pub missed: Vec<QuestionId>,
    /// The distinct techniques the whole session covers, in the order first asked: the
    /// summary's "tricks you can now spot".
    pub techniques: Vec<Technique>,
}

/// One attempt at a few questions, from the first question to its result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizSession {
    config: QuizConfig,
    /// 1-based.
    attempt: u32,
    /// The questions of this attempt, in order, with their option order.
    presented: Vec<Presented>,
    /// The chosen original option for each question answered so far.
    answers: Vec<usize>,
    /// Index of the question on screen; equals `presented.len()` when finished.
    current: usize,
    started_at: DateTime<Utc>,
    last_answer_at: DateTime<Utc>,
    /// Every question of the session (attempt 1's, in its order).
    session_questions: Vec<Question>,
    /// Ids of the session's questions answered correctly in earlier attempts.
    mastered: Vec<&'static str>,
}

impl QuizSession {
    /// Starts attempt 1 at `now` with the questions `config` chooses, or says which setting is
    /// out of range.
    pub fn new(config: QuizConfig, now: DateTime<Utc>) -> Result<Self, QuizError> {
        config.validate()?;
        Ok(Self::build(config, now))
    }

    /// Starts attempt 1 at `now` with the default length and pass mark (always valid).
    pub fn start(category: Option<Category>, seed: u64, now: DateTime<Utc>) -> Self {
        Self::build(QuizConfig::new(category, seed), now)
    }

    fn build(config: QuizConfig, now: DateTime<Utc>) -> Self {
        let mut rng = SplitMix64::new(config.seed);
        let questions = compose(&config, &mut rng);
        let presented = questions
            .iter()
            .map(|q| Presented::new(*q, &mut rng))
            .collect();
        Self {
            config,
            attempt: 1,
            presented,
            answers: Vec::new(),
            current: 0,
            started_at: now,
            last_answer_at: now,
            session_questions: questions,
            mastered: Vec::new(),
        }
    }

    /// The settings it was started with (the seed is the current attempt's).
    pub fn config(&self) -> &QuizConfig {
        &self.config
    }

    /// 1 for the first run, 2 for the first retry of the missed questions, and so on.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// The questions this attempt asks, in order (for a "quiz started" event).
    pub fn question_ids(&self) -> Vec<QuestionId> {
        self.presented
            .iter()
            .map(|p| p.question.id.to_owned())
            .collect()
    }

    /// The question on screen with its option order, or `None` when the attempt is over.
    pub fn current(&self) -> Option<&Presented> {
        self.presented.get(self.current)
    }

    /// 0-based position of the question on screen, and the number of questions in this
    /// attempt. When finished, the position equals the number.
    pub fn progress(&self) -> (usize, usize) {
        (self.current, self.presented.len())
    }

    /// The feedback for the question on screen, once it is answered.
    pub fn feedback(&self) -> Option<Feedback> {
        let question = self.current()?.question;
        let chosen = *self.answers.get(self.current)?;
        Some(Feedback {
            correct: chosen == question.correct,
            correct_option: question.correct,
        })
    }

    /// Records the answer (an **original** option index) to the question on screen at `now`,
    /// and returns the feedback. Answers are final.
    pub fn answer(&mut self, option: usize, now: DateTime<Utc>) -> Result<Feedback, QuizError> {
        let question = self.current().ok_or(QuizError::Finished)?.question;
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

    /// Moves past an answered question; after the last one the attempt is over.
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

    /// Whether every question of this attempt has been answered and moved past.
    pub fn is_finished(&self) -> bool {
        self.current >= self.presented.len()
    }

    /// The result, once the attempt is over (see [`QuizResult`] for what the score means).
    pub fn result(&self) -> Option<QuizResult> {
        if !self.is_finished() {
            return None;
        }
        let missed: Vec<QuestionId> = self
            .asked_and_answered()
            .filter(|(q, a)| q.correct != *a)
            .map(|(q, _)| q.id.to_owned())
            .collect();
        let score = self
            .session_questions
            .iter()
            .filter(|q| self.mastered.contains(&q.id) || self.answered_correctly(q.id))
            .count() as u32;
        let max_score = self.session_questions.len() as u32;
        let duration_ms = (self.last_answer_at - self.started_at)
            .num_milliseconds()
            .max(0) as u64;
        let mut techniques: Vec<Technique> = Vec::new();
        for q in &self.session_questions {
            if !techniques.contains(&q.technique) {
                techniques.push(q.technique);
            }
        }
        Some(QuizResult {
            score,
            max_score,
            passed: u64::from(score) * 100
                >= u64::from(self.config.pass_percent) * u64::from(max_score),
            pass_percent: self.config.pass_percent,
            duration_ms,
            question_ids: self.question_ids(),
            attempt: self.attempt,
            missed,
            techniques,
        })
    }

    /// The next attempt, started at `now`, asking only the questions missed in this one (in
    /// the order they were asked, options reshuffled by `seed`). `None` until this attempt is
    /// finished, and when nothing was missed.
    pub fn retry_missed(&self, seed: u64, now: DateTime<Utc>) -> Option<QuizSession> {
        if !self.is_finished() {
            return None;
        }
        let mut mastered = self.mastered.clone();
        let mut missed = Vec::new();
        for (q, a) in self.asked_and_answered() {
            if q.correct == a {
                if !mastered.contains(&q.id) {
                    mastered.push(q.id);
                }
            } else {
                missed.push(q);
            }
        }
        if missed.is_empty() {
            return None;
        }
        let mut rng = SplitMix64::new(seed);
        Some(QuizSession {
            config: QuizConfig {
                seed,
                ..self.config
            },
            attempt: self.attempt.saturating_add(1),
            presented: missed
                .into_iter()
                .map(|q| Presented::new(q, &mut rng))
                .collect(),
            answers: Vec::new(),
            current: 0,
            started_at: now,
            last_answer_at: now,
            session_questions: self.session_questions.clone(),
            mastered,
        })
    }

    /// This attempt's questions paired with their answers, as far as answered.
    fn asked_and_answered(&self) -> impl Iterator<Item = (Question, usize)> + '_ {
        self.presented
            .iter()
            .zip(&self.answers)
            .map(|(p, &a)| (p.question, a))
    }

    fn answered_correctly(&self, id: &str) -> bool {
        self.asked_and_answered()
            .any(|(q, a)| q.id == id && q.correct == a)
    }
}

#[cfg(test)]
mod tests;

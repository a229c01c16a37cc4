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
mod tests {
    use std::collections::HashSet;

    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;
    use crate::quiz::{MAX_LENGTH, MIN_LENGTH};

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_700_000_000 + seconds, 0)
            .single()
            .expect("valid time")
    }

    fn session(length: usize, pass_percent: u32) -> QuizSession {
        let config = QuizConfig {
            category: Some(Category::OtcTrading),
            length,
            pass_percent,
            seed: 42,
        };
        QuizSession::new(config, at(0)).expect("valid config")
    }

    fn wrong(q: &Question) -> usize {
        (q.correct + 1) % q.options
    }

    /// Answers every question, 5 s apart from the attempt's start, with `pick`, moving on
    /// after each.
    fn run(session: &mut QuizSession, pick: impl Fn(usize, &Question) -> usize) {
        let mut t = (session.started_at - at(0)).num_seconds();
        while let Some(p) = session.current().cloned() {
            t += 5;
            let (index, _) = session.progress();
            session
                .answer(pick(index, &p.question), at(t))
                .expect("answer");
            session.advance().expect("advance");
        }
    }

    #[test]
    fn all_correct_passes_with_duration_from_start_to_last_answer() {
        let mut s = QuizSession::start(Some(Category::OtcTrading), 1, at(0));
        assert_eq!(s.progress(), (0, 6));
        run(&mut s, |_, q| q.correct);
        let r = s.result().expect("finished");
        assert_eq!((r.score, r.max_score, r.passed), (6, 6, true));
        assert_eq!(r.duration_ms, 30_000);
        assert_eq!(r.question_ids.len(), 6);
        assert_eq!((r.attempt, r.pass_percent), (1, 80));
        assert!(r.missed.is_empty());
        assert_eq!(s.progress(), (6, 6));
        assert_eq!(s.retry_missed(2, at(60)), None, "nothing to retry");
    }

    #[test]
    fn the_pass_mark_is_inclusive_and_configurable() {
        // 80 % by default: 4 of 5 passes, 3 of 5 fails.
        for (misses, passed) in [(1, true), (2, false)] {
            let mut s = session(5, DEFAULT_PASS);
            run(&mut s, |i, q| if i < misses { wrong(q) } else { q.correct });
            let r = s.result().expect("finished");
            assert_eq!(
                (r.score, r.max_score, r.passed),
                (5 - misses as u32, 5, passed)
            );
        }
        // 60 %: 3 of 5 passes, 2 of 5 fails.
        for (misses, passed) in [(2, true), (3, false)] {
            let mut s = session(5, 60);
            run(&mut s, |i, q| if i < misses { wrong(q) } else { q.correct });
            assert_eq!(
                s.result().map(|r| r.passed),
                Some(passed),
                "{misses} missed"
            );
        }
        // 100 %: one miss fails.
        let mut s = session(7, 100);
        run(&mut s, |i, q| if i == 6 { wrong(q) } else { q.correct });
        assert_eq!(s.result().map(|r| (r.score, r.passed)), Some((6, false)));
    }

    const DEFAULT_PASS: u32 = crate::quiz::DEFAULT_PASS_PERCENT;

    #[test]
    fn invalid_settings_are_refused() {
        let config = QuizConfig {
            length: 8,
            ..QuizConfig::default()
        };
        assert_eq!(
            QuizSession::new(config, at(0)),
            Err(QuizError::InvalidLength(8))
        );
        let config = QuizConfig {
            pass_percent: 0,
            ..QuizConfig::default()
        };
        assert_eq!(
            QuizSession::new(config, at(0)),
            Err(QuizError::InvalidPassPercent(0))
        );
    }

    #[test]
    fn feedback_is_immediate_in_original_indices_and_answers_are_final() {
        let mut s = session(5, DEFAULT_PASS);
        let p = s.current().cloned().expect("a question");
        assert_eq!(s.feedback(), None);
        let f = s.answer(wrong(&p.question), at(1)).expect("answer");
        assert_eq!(
            f,
            Feedback {
                correct: false,
                correct_option: p.question.correct
            }
        );
        assert_eq!(s.feedback(), Some(f));
        assert_eq!(
            s.answer(p.question.correct, at(2)),
            Err(QuizError::AlreadyAnswered)
        );
        assert_eq!(s.answer(99, at(2)), Err(QuizError::NoSuchOption));
        assert_eq!(
            s.answer(p.question.options, at(2)),
            Err(QuizError::NoSuchOption)
        );
        s.advance().expect("answered");
        let next = s.current().cloned().expect("a second question");
        let f = s.answer(next.question.correct, at(3)).expect("answer");
        assert!(f.correct);
        assert_eq!(f.correct_option, next.question.correct);
    }

    #[test]
    fn cannot_skip_a_question_or_go_past_the_end() {
        let mut s = session(5, DEFAULT_PASS);
        assert_eq!(s.advance(), Err(QuizError::NotAnswered));
        assert!(s.result().is_none());
        assert_eq!(s.retry_missed(1, at(1)), None, "not finished");
        run(&mut s, |_, q| q.correct);
        assert_eq!(s.advance(), Err(QuizError::Finished));
        assert_eq!(s.answer(0, at(99)), Err(QuizError::Finished));
        assert!(s.current().is_none());
        assert_eq!(s.feedback(), None);
    }

    #[test]
    fn options_are_shuffled_but_true_false_stays_true_then_false() {
        let mut shuffled = false;
        for seed in 0..20 {
            let s = QuizSession::start(None, seed, at(0));
            for p in &s.presented {
                let mut sorted = p.order.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..p.question.options).collect::<Vec<_>>());
                if p.question.kind == QuestionKind::TrueFalse {
                    assert_eq!(p.order, [0, 1]);
                } else if p.order != (0..p.question.options).collect::<Vec<_>>() {
                    shuffled = true;
                }
            }
        }
        assert!(
            shuffled,
            "some options are shown out of their original order"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_quiz_and_other_seeds_differ() {
        let quiz = |seed| {
            QuizSession::start(Some(Category::FalseReturns), seed, at(0))
                .presented
                .clone()
        };
        assert_eq!(quiz(7), quiz(7));
        let different = (0..20).filter(|&seed| quiz(seed) != quiz(7)).count();
        assert!(different >= 18, "only {different} of 20 seeds differ");
        // Not only the option order: the questions and their order change too.
        let ids = |seed| -> Vec<&str> { quiz(seed).iter().map(|p| p.question.id).collect() };
        let orders: HashSet<Vec<&str>> = (0..20).map(ids).collect();
        assert!(
            orders.len() >= 15,
            "{} distinct question lists",
            orders.len()
        );
    }

    #[test]
    fn retry_asks_only_the_missed_questions_and_scores_mastery() {
        let mut first = session(5, DEFAULT_PASS);
        // Miss the 2nd, 3rd and 5th questions: 2 of 5.
        run(&mut first, |i, q| {
            if [1, 2, 4].contains(&i) {
                wrong(q)
            } else {
                q.correct
            }
        });
        let r1 = first.result().expect("finished");
        assert_eq!(
            (r1.score, r1.max_score, r1.passed, r1.attempt),
            (2, 5, false, 1)
        );
        let asked = r1.question_ids.clone();
        assert_eq!(
            r1.missed,
            [asked[1].clone(), asked[2].clone(), asked[4].clone()]
        );

        let mut second = first.retry_missed(99, at(100)).expect("three missed");
        assert_eq!(second.attempt(), 2);
        assert_eq!(second.progress(), (0, 3));
        assert_eq!(second.question_ids(), r1.missed);
        // Miss two of them again: mastery is 3 of 5 (60 %), below the 80 % pass mark.
        run(&mut second, |i, q| if i < 2 { wrong(q) } else { q.correct });
        let r2 = second.result().expect("finished");
        assert_eq!(
            (r2.score, r2.max_score, r2.passed, r2.attempt),
            (3, 5, false, 2)
        );
        assert_eq!(r2.question_ids, r1.missed);
        assert_eq!(r2.missed, [asked[1].clone(), asked[2].clone()]);
        assert_eq!(
            r2.duration_ms, 15_000,
            "from the retry's start to its last answer"
        );
        assert_eq!(
            r2.techniques, r1.techniques,
            "the whole session's techniques"
        );

        // Attempt 3: one more right is 4 of 5, exactly 80 %: passed.
        let mut third = second.retry_missed(5, at(200)).expect("two missed");
        assert_eq!(third.question_ids(), r2.missed);
        run(&mut third, |i, q| if i == 0 { wrong(q) } else { q.correct });
        let r3 = third.result().expect("finished");
        assert_eq!(
            (r3.score, r3.max_score, r3.passed, r3.attempt),
            (4, 5, true, 3)
        );
        assert_eq!(r3.missed, [asked[1].clone()]);

        // Attempt 4 masters everything; then there is nothing left to retry.
        let mut fourth = third.retry_missed(6, at(300)).expect("one missed");
        run(&mut fourth, |_, q| q.correct);
        let r4 = fourth.result().expect("finished");
        assert_eq!((r4.score, r4.max_score, r4.attempt), (5, 5, 4));
        assert!(r4.missed.is_empty());
        assert_eq!(fourth.retry_missed(7, at(400)), None);
    }

    #[test]
    fn a_retry_reshuffles_the_options_by_its_seed() {
        let mut first = QuizSession::start(None, 3, at(0));
        run(&mut first, |_, q| wrong(q));
        let orders = |seed| -> Vec<Vec<usize>> {
            first
                .retry_missed(seed, at(50))
                .expect("all missed")
                .presented
                .iter()
                .map(|p| p.order.clone())
                .collect()
        };
        assert_eq!(orders(10), orders(10));
        assert!((11..20).any(|seed| orders(seed) != orders(10)));
    }

    #[test]
    fn techniques_are_distinct_in_first_asked_order() {
        let mut s = QuizSession::start(Some(Category::MoneyMule), 11, at(0));
        let mut expected: Vec<Technique> = Vec::new();
        for p in &s.presented {
            if !expected.contains(&p.question.technique) {
                expected.push(p.question.technique);
            }
        }
        run(&mut s, |_, q| q.correct);
        assert_eq!(s.result().map(|r| r.techniques), Some(expected));
    }

    proptest! {
        #[test]
        fn any_seed_category_and_length_gives_a_valid_session(
            seed in any::<u64>(),
            category in proptest::option::of(0..Category::ALL.len()),
            length in MIN_LENGTH..=MAX_LENGTH,
        ) {
            let category = category.map(|i| Category::ALL[i]);
            let config = QuizConfig { category, length, seed, ..QuizConfig::default() };
            let mut s = QuizSession::new(config, at(0)).expect("valid");
            prop_assert_eq!(s.progress(), (0, length));
            let ids: HashSet<&str> = s.presented.iter().map(|p| p.question.id).collect();
            prop_assert_eq!(ids.len(), length);
            if let Some(category) = category {
                let about = s.presented.iter().filter(|p| p.question.is_about(category)).count();
                prop_assert!(about * 2 >= length);
            }
            for p in &s.presented {
                let mut sorted = p.order.clone();
                sorted.sort_unstable();
                prop_assert_eq!(sorted, (0..p.question.options).collect::<Vec<_>>());
            }
            run(&mut s, |_, q| q.correct);
            let r = s.result().expect("finished");
            prop_assert_eq!((r.score, r.max_score, r.passed), (length as u32, length as u32, true));
        }
    }
}

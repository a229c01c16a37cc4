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

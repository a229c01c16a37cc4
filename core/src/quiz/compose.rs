//! Choosing a session's questions from the bank.

use super::{Question, QuizConfig, BANK};
use crate::random::SplitMix64;

/// The questions of a session, in the order they are asked.
///
/// With a category, at least `ceil(length / 2)` questions are about it (fewer only if the bank
/// had fewer) and the first question asked is one of them; the rest spread across other
/// techniques. Within each step the choice prefers techniques, then kinds, that were chosen
/// least so far, so a session teaches as many different techniques as it can and mixes
/// single-choice, true/false and spot-the-red-flag questions. Ties are broken by `rng`.
pub(crate) fn compose(config: &QuizConfig, rng: &mut SplitMix64) -> Vec<Question> {
    let length = config.length.min(BANK.len());
    let mut pool: Vec<Question> = BANK.to_vec();
    rng.shuffle(&mut pool);
    let mut chosen: Vec<Question> = Vec::with_capacity(length);

    if let Some(category) = config.category {
        let (mut relevant, rest): (Vec<Question>, Vec<Question>) =
            pool.into_iter().partition(|q| q.is_about(category));
        pick(&mut relevant, length.div_ceil(2), &mut chosen);
        pool = rest;
        pool.extend(relevant);
    }
    pick(&mut pool, length - chosen.len(), &mut chosen);

    rng.shuffle(&mut chosen);
    if let Some(category) = config.category {
        if let Some(first) = chosen.iter().position(|q| q.is_about(category)) {
            chosen.swap(0, first);
        }
    }
    chosen
}

/// Moves up to `count` questions from `candidates` to `chosen`, each time the first candidate
/// whose technique, then kind, is least represented in `chosen`.
fn pick(candidates: &mut Vec<Question>, count: usize, chosen: &mut Vec<Question>) {
    for _ in 0..count {
        let best = candidates
            .iter()
            .enumerate()
            .min_by_key(|(_, q)| {
                let same_technique = chosen.iter().filter(|c| c.technique == q.technique);
                let same_kind = chosen.iter().filter(|c| c.kind == q.kind);
                (same_technique.count(), same_kind.count())
            })
            .map(|(i, _)| i);
        match best {
            Some(i) => chosen.push(candidates.remove(i)),
            None => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::quiz::{Technique, MAX_LENGTH, MIN_LENGTH};
    use crate::risk::Category;

    fn composed(category: Option<Category>, length: usize, seed: u64) -> Vec<Question> {
        let config = QuizConfig {
            category,
            length,
            seed,
            ..QuizConfig::default()
        };
        compose(&config, &mut SplitMix64::new(seed))
    }

    #[test]
    fn at_least_half_is_about_the_category_for_every_category_and_length() {
        for category in Category::ALL {
            for length in MIN_LENGTH..=MAX_LENGTH {
                for seed in 0..50 {
                    let qs = composed(Some(category), length, seed);
                    assert_eq!(qs.len(), length);
                    let about = qs.iter().filter(|q| q.is_about(category)).count();
                    assert!(
                        about * 2 >= length,
                        "{category:?}, {length} questions, seed {seed}: {about} about it"
                    );
                    assert!(qs[0].is_about(category), "the first question is about it");
                    let ids: HashSet<_> = qs.iter().map(|q| q.id).collect();
                    assert_eq!(ids.len(), length, "no question twice");
                }
            }
        }
    }

    #[test]
    fn without_a_category_every_question_teaches_a_different_technique() {
        for length in MIN_LENGTH..=MAX_LENGTH {
            for seed in 0..50 {
                let qs = composed(None, length, seed);
                let techniques: HashSet<Technique> = qs.iter().map(|q| q.technique).collect();
                assert_eq!(techniques.len(), length, "seed {seed}");
            }
        }
    }

    #[test]
    fn category_questions_still_prefer_different_techniques() {
        // OTC trading has related questions in three techniques: a 6-question session asks
        // about all three rather than three questions on one.
        for seed in 0..50 {
            let qs = composed(Some(Category::OtcTrading), 6, seed);
            let techniques: HashSet<Technique> = qs
                .iter()
                .filter(|q| q.is_about(Category::OtcTrading))
                .map(|q| q.technique)
                .collect();
            assert_eq!(techniques.len(), 3, "seed {seed}: {qs:?}");
        }
    }

    #[test]
    fn kinds_are_mixed() {
        for seed in 0..50 {
            let qs = composed(None, 6, seed);
            for kind in crate::quiz::QuestionKind::ALL {
                assert_eq!(
                    qs.iter().filter(|q| q.kind == kind).count(),
                    2,
                    "seed {seed}: {kind:?}"
                );
            }
        }
    }
}

use std::collections::HashSet;

use super::*;
use crate::i18n::{Catalog, Locale};

#[test]
fn the_bank_is_big_and_varied_enough() {
    assert!(BANK.len() >= 24, "{} questions", BANK.len());
    for technique in Technique::ALL {
        let n = BANK.iter().filter(|q| q.technique == technique).count();
        assert!(n >= 2, "{technique:?} has {n} questions");
    }
    for kind in QuestionKind::ALL {
        let n = BANK.iter().filter(|q| q.kind == kind).count();
        assert!(n >= 6, "{kind:?} appears {n} times");
    }
    // A 7-question session can be at least half about any category.
    for category in Category::ALL {
        let n = BANK.iter().filter(|q| q.is_about(category)).count();
        assert!(n >= 4, "{category:?} has {n} related questions");
    }
}

#[test]
fn every_question_is_well_formed() {
    let mut ids = HashSet::new();
    for q in BANK {
        assert!(ids.insert(q.id), "{} twice", q.id);
        assert!(
            !q.id.is_empty()
                && q.id.split('-').all(|w| !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
            "{} is not kebab-case",
            q.id
        );
        assert!(q.correct < q.options, "{}", q.id);
        assert!(!q.categories.is_empty(), "{}", q.id);
        match q.kind {
            QuestionKind::TrueFalse => assert_eq!(q.options, 2, "{}", q.id),
            _ => assert!((3..=4).contains(&q.options), "{}", q.id),
        }
        assert_eq!(
            q.scenario_id().is_some(),
            q.kind == QuestionKind::SpotTheRedFlag
        );
        assert_eq!(Question::by_id(q.id), Some(q));
    }
    for kept in [
        "otc-frozen-card",
        "guaranteed-returns",
        "act-now",
        "withdrawal-tax",
    ] {
        assert!(ids.contains(kept), "{kept} must keep its id");
    }
}

#[test]
fn true_false_questions_share_the_answer_messages() {
    let q = Question::by_id("withdrawal-tax").expect("in the bank");
    assert_eq!(q.option_id(0), "quiz-answer-true");
    assert_eq!(q.option_id(1), "quiz-answer-false");
    assert_eq!(q.scenario_id(), None);
    let q = Question::by_id("rent-account").expect("in the bank");
    assert_eq!(q.option_id(0), "quiz-rent-account-option-1");
    assert_eq!(
        q.scenario_id().as_deref(),
        Some("quiz-rent-account-scenario")
    );
}

#[test]
fn every_message_the_quiz_needs_exists_in_every_locale() {
    let catalog = Catalog::builtin();
    let mut needed: Vec<String> = [
        "quiz-title",
        "quiz-progress",
        "quiz-check",
        "quiz-next",
        "quiz-finish",
        "quiz-correct",
        "quiz-incorrect",
        "quiz-score",
        "quiz-passed",
        "quiz-failed",
        "quiz-back",
        "quiz-scenario-label",
        "quiz-retry",
        "quiz-learned-title",
        "quiz-pass-mark",
        "quiz-done",
        "quiz-attempt",
    ]
    .map(str::to_owned)
    .to_vec();
    needed.extend(QuestionKind::ALL.map(QuestionKind::label_id));
    for t in Technique::ALL {
        needed.push(t.name_id());
        needed.push(t.lesson_id());
    }
    for q in BANK {
        needed.extend(q.message_ids());
    }
    for locale in Locale::ALL {
        let missing: Vec<&String> = needed
            .iter()
            .filter(|id| !catalog.has(locale, id))
            .collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
    }
}

#[test]
fn question_text_is_plain_text_and_differs_per_locale() {
    let catalog = Catalog::builtin();
    for q in BANK {
        for id in q.message_ids() {
            let en = catalog.format(Locale::EnUs, &id, &[]);
            let hans = catalog.format(Locale::ZhHans, &id, &[]);
            let hant = catalog.format(Locale::ZhHant, &id, &[]);
            for text in [&en, &hans, &hant] {
                assert!(!text.contains('<') && !text.contains('>'), "{id}: {text}");
            }
            if !id.starts_with("quiz-answer-") {
                assert_ne!(en, hans, "{id} is not translated");
            }
            // Chinese text must be converted to Traditional characters, not copied.
            if hans.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                assert_ne!(hans, hant, "{id} is not converted to Traditional");
            }
        }
    }
}

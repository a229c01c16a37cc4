//! The question bank. Each question's text is in `locales/*/quiz.ftl`:
//!
//! - `quiz-<id>-prompt`: the question (for true/false, the statement to judge);
//! - `quiz-<id>-scenario`: the fake ad or chat message, for spot-the-red-flag questions only;
//! - `quiz-<id>-option-<n>` (1-based, in original order): the options, except for true/false
//!   questions, which share `quiz-answer-true` and `quiz-answer-false`;
//! - `quiz-<id>-explain`: one or two sentences shown after answering, teaching the technique.

use super::{QuestionKind, Technique};
use crate::risk::Category;

/// A question's stable id, as reported in events (for example `guaranteed-returns`).
pub type QuestionId = String;

/// One question: its id, what it teaches, how it asks, and which option is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Question {
    /// Stable kebab-case id; also the stem of its Fluent message ids and what events report.
    pub id: &'static str,
    /// How it asks.
    pub kind: QuestionKind,
    /// The technique it teaches to recognise.
    pub technique: Technique,
    /// The warning categories it is relevant to (at least one).
    pub categories: &'static [Category],
    /// Number of options (`quiz-<id>-option-1` … `-<n>`; 2 for true/false).
    pub options: usize,
    /// Index (0-based, in original order) of the correct option. For true/false, 0 = true.
    pub correct: usize,
}

use Category as C;
use QuestionKind as K;
use Technique as T;

/// A single-choice or spot-the-red-flag question.
const fn choice(
    id: &'static str,
    kind: QuestionKind,
    technique: Technique,
    categories: &'static [Category],
    options: usize,
    correct: usize,
) -> Question {
    Question {
        id,
        kind,
        technique,
        categories,
        options,
        correct,
    }
}

/// A true/false question whose statement is `truth`.
const fn true_false(
    id: &'static str,
    technique: Technique,
    categories: &'static [Category],
    truth: bool,
) -> Question {
    Question {
        id,
        kind: K::TrueFalse,
        technique,
        categories,
        options: 2,
        correct: if truth { 0 } else { 1 },
    }
}

/// Every question, grouped by technique. Ids never change (events report them); add new
/// questions anywhere, with their text in every locale.
pub const BANK: &[Question] = &[
    // Guaranteed returns.
    choice(
        "guaranteed-returns",
        K::SingleChoice,
        T::GuaranteedReturns,
        &[C::FalseReturns],
        3,
        0,
    ),
    choice(
        "mining-daily-income",
        K::SpotTheRedFlag,
        T::GuaranteedReturns,
        &[C::MiningScheme, C::FalseReturns],
        3,
        1,
    ),
    true_false(
        "written-guarantee",
        T::GuaranteedReturns,
        &[C::FalseReturns, C::TokenOffering, C::MiningScheme],
        false,
    ),
    // Fake authority or celebrity endorsement.
    choice(
        "celebrity-token",
        K::SpotTheRedFlag,
        T::FakeAuthority,
        &[C::TokenOffering, C::FalseReturns],
        3,
        0,
    ),
    choice(
        "police-safe-account",
        K::SingleChoice,
        T::FakeAuthority,
        &[C::FlaggedPayee, C::UnusualPattern],
        3,
        2,
    ),
    choice(
        "customer-service-refund",
        K::SpotTheRedFlag,
        T::FakeAuthority,
        &[C::FlaggedPayee, C::UnusualPattern],
        3,
        1,
    ),
    choice(
        "mining-certificate",
        K::SingleChoice,
        T::FakeAuthority,
        &[C::MiningScheme, C::TokenOffering],
        3,
        1,
    ),
    // Social proof.
    choice(
        "group-screenshots",
        K::SpotTheRedFlag,
        T::SocialProof,
        &[C::FalseReturns, C::TokenOffering],
        3,
        2,
    ),
    choice(
        "mining-referral",
        K::SingleChoice,
        T::SocialProof,
        &[C::MiningScheme, C::FalseReturns],
        3,
        2,
    ),
    true_false(
        "profit-screenshots",
        T::SocialProof,
        &[C::FalseReturns, C::MiningScheme, C::TokenOffering],
        false,
    ),
    // Urgency and scarcity.
    choice(
        "act-now",
        K::SingleChoice,
        T::Urgency,
        &[C::OtcTrading, C::TokenOffering, C::UnusualPattern],
        3,
        2,
    ),
    choice(
        "airdrop-countdown",
        K::SpotTheRedFlag,
        T::Urgency,
        &[C::TokenOffering, C::UnusualPattern],
        3,
        0,
    ),
    true_false(
        "time-to-check",
        T::Urgency,
        &[C::FlaggedPayee, C::UnusualPattern],
        true,
    ),
    // Fees or "taxes" before withdrawal.
    true_false(
        "withdrawal-tax",
        T::UnlockFee,
        &[C::UnlockFee, C::FalseReturns],
        false,
    ),
    choice(
        "airdrop-gas-fee",
        K::SingleChoice,
        T::UnlockFee,
        &[C::TokenOffering, C::UnlockFee],
        3,
        1,
    ),
    choice(
        "frozen-account-deposit",
        K::SpotTheRedFlag,
        T::UnlockFee,
        &[C::UnlockFee, C::FalseReturns],
        3,
        2,
    ),
    // Recovery scams.
    choice(
        "recovery-agency",
        K::SpotTheRedFlag,
        T::RecoveryScam,
        &[C::UnlockFee, C::FlaggedPayee, C::UnusualPattern],
        3,
        0,
    ),
    true_false(
        "recovery-upfront-fee",
        T::RecoveryScam,
        &[C::UnlockFee, C::FlaggedPayee],
        true,
    ),
    choice(
        "who-can-recover",
        K::SingleChoice,
        T::RecoveryScam,
        &[C::FlaggedPayee, C::UnusualPattern],
        3,
        1,
    ),
    // OTC/USDT dealing and frozen cards.
    choice(
        "otc-frozen-card",
        K::SingleChoice,
        T::OtcDealing,
        &[C::OtcTrading],
        3,
        1,
    ),
    choice(
        "usdt-dealer-ad",
        K::SpotTheRedFlag,
        T::OtcDealing,
        &[C::OtcTrading],
        3,
        1,
    ),
    true_false(
        "selling-usdt-freeze",
        T::OtcDealing,
        &[C::OtcTrading, C::MoneyMule],
        true,
    ),
    // Renting out one's account (跑分, money mule).
    choice(
        "rent-account",
        K::SpotTheRedFlag,
        T::AccountRenting,
        &[C::MoneyMule, C::UnusualPattern],
        3,
        1,
    ),
    choice(
        "arbitrage-brick",
        K::SingleChoice,
        T::AccountRenting,
        &[C::MoneyMule, C::OtcTrading],
        3,
        1,
    ),
    true_false(
        "lend-account",
        T::AccountRenting,
        &[C::MoneyMule, C::FlaggedPayee],
        false,
    ),
    // Romance + investment tips (杀猪盘).
    choice(
        "romance-tip",
        K::SpotTheRedFlag,
        T::RomanceInvestment,
        &[C::FalseReturns, C::UnusualPattern],
        3,
        2,
    ),
    choice(
        "romance-platform",
        K::SingleChoice,
        T::RomanceInvestment,
        &[C::FalseReturns, C::UnlockFee],
        3,
        0,
    ),
    true_false(
        "never-met-investor",
        T::RomanceInvestment,
        &[C::FalseReturns, C::UnusualPattern],
        true,
    ),
];

impl Question {
    /// The question with this id, if the bank has one.
    pub fn by_id(id: &str) -> Option<&'static Question> {
        BANK.iter().find(|q| q.id == id)
    }

    /// Whether it is relevant to warnings of `category`.
    pub fn is_about(&self, category: Category) -> bool {
        self.categories.contains(&category)
    }

    /// The Fluent message id of the prompt: `quiz-<id>-prompt`.
    pub fn prompt_id(&self) -> String {
        format!("quiz-{}-prompt", self.id)
    }

    /// The Fluent message id of option `index` (0-based, original order):
    /// `quiz-<id>-option-<index + 1>`, or the shared `quiz-answer-true` / `quiz-answer-false`
    /// for a true/false question.
    pub fn option_id(&self, index: usize) -> String {
        match (self.kind, index) {
            (QuestionKind::TrueFalse, 0) => "quiz-answer-true".to_owned(),
            (QuestionKind::TrueFalse, _) => "quiz-answer-false".to_owned(),
            _ => format!("quiz-{}-option-{}", self.id, index + 1),
        }
    }

    /// The Fluent message id of the explanation shown after answering: `quiz-<id>-explain`.
    pub fn explain_id(&self) -> String {
        format!("quiz-{}-explain", self.id)
    }

    /// The Fluent message id of the fake ad or message to judge, `quiz-<id>-scenario`; only
    /// spot-the-red-flag questions have one.
    pub fn scenario_id(&self) -> Option<String> {
        (self.kind == QuestionKind::SpotTheRedFlag).then(|| format!("quiz-{}-scenario", self.id))
    }

    /// Every Fluent message id this question needs, in display order.
    pub fn message_ids(&self) -> Vec<String> {
        let mut ids = vec![self.prompt_id()];
        ids.extend(self.scenario_id());
        ids.extend((0..self.options).map(|i| self.option_id(i)));
        ids.push(self.explain_id());
        ids
    }
}

#[cfg(test)]
mod tests;

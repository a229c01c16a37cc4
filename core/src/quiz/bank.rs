//! The question bank. Each question's text is in `locales/*/quiz.ftl` under
//! `quiz-<id>-prompt`, `quiz-<id>-option-<n>` and `quiz-<id>-explain`.

use crate::risk::Category;

/// A manipulation technique or red flag a question teaches to recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Technique {
    /// "Guaranteed" or unrealistic returns: only scammers guarantee.
    GuaranteedReturns,
    /// Dealing USDT with OTC dealers: money from fraud, frozen cards.
    OtcDealing,
    /// Pressure to act now.
    Urgency,
    /// A fee or "tax" demanded before withdrawal.
    UnlockFee,
}

/// One question: its id, how many options it has, and which is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Stable id; also the stem of its Fluent message ids.
    pub id: &'static str,
    /// What it teaches.
    pub technique: Technique,
    /// The warning category it is most relevant to.
    pub category: Category,
    /// Number of options (`quiz-<id>-option-1` … `-<n>`).
    pub options: usize,
    /// Index (0-based) of the correct option.
    pub correct: usize,
}

/// Every question, in the order a session asks them when none is preferred.
pub const BANK: &[Question] = &[
    Question {
        id: "otc-frozen-card",
        technique: Technique::OtcDealing,
        category: Category::OtcTrading,
        options: 3,
        correct: 1,
    },
    Question {
        id: "guaranteed-returns",
        technique: Technique::GuaranteedReturns,
        category: Category::FalseReturns,
        options: 3,
        correct: 0,
    },
    Question {
        id: "act-now",
        technique: Technique::Urgency,
        category: Category::OtcTrading,
        options: 3,
        correct: 2,
    },
    Question {
        id: "withdrawal-tax",
        technique: Technique::UnlockFee,
        category: Category::UnlockFee,
        options: 2,
        correct: 1,
    },
];

impl Question {
    /// The Fluent message id of the prompt.
    pub fn prompt_id(&self) -> String {
        format!("quiz-{}-prompt", self.id)
    }

    /// The Fluent message id of option `index` (0-based).
    pub fn option_id(&self, index: usize) -> String {
        format!("quiz-{}-option-{}", self.id, index + 1)
    }

    /// The Fluent message id of the explanation shown after answering.
    pub fn explain_id(&self) -> String {
        format!("quiz-{}-explain", self.id)
    }
}

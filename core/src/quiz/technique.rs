//! What a question teaches (the manipulation technique or red flag) and how it asks.

use serde::{Deserialize, Serialize};

/// A manipulation technique or red flag a question teaches to recognise.
///
/// The quiz teaches techniques, not topics: a user who recognises "guaranteed returns" spots it
/// in a mining contract, a token presale and a chat alike. Serialized as its [`code`](Self::code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Technique {
    /// "Guaranteed" or unrealistic returns: only scammers guarantee.
    GuaranteedReturns,
    /// Borrowed authority: fake police, customer service, officials or celebrity endorsements.
    FakeAuthority,
    /// Social proof: crowds of "winners", profit screenshots, friends who already earn.
    SocialProof,
    /// Urgency and scarcity: pressure to act now.
    Urgency,
    /// A fee, "tax" or deposit demanded before money can be withdrawn or unfrozen.
    UnlockFee,
    /// Recovery scams: getting lost money back, for a fee paid first.
    RecoveryScam,
    /// Dealing USDT with OTC dealers: money from fraud, frozen cards.
    OtcDealing,
    /// Renting or lending out one's account or cards to move others' money (跑分, money mule).
    AccountRenting,
    /// Romance that turns into investment tips (杀猪盘, "pig butchering").
    RomanceInvestment,
}

impl Technique {
    /// Every technique, in the order summaries list them when nothing else decides.
    pub const ALL: [Technique; 9] = [
        Technique::GuaranteedReturns,
        Technique::FakeAuthority,
        Technique::SocialProof,
        Technique::Urgency,
        Technique::UnlockFee,
        Technique::RecoveryScam,
        Technique::OtcDealing,
        Technique::AccountRenting,
        Technique::RomanceInvestment,
    ];

    /// The stable kebab-case code, as in Fluent ids and events (for example
    /// `guaranteed-returns`). Never change one: it is data.
    pub fn code(self) -> &'static str {
        match self {
            Technique::GuaranteedReturns => "guaranteed-returns",
            Technique::FakeAuthority => "fake-authority",
            Technique::SocialProof => "social-proof",
            Technique::Urgency => "urgency",
            Technique::UnlockFee => "unlock-fee",
            Technique::RecoveryScam => "recovery-scam",
            Technique::OtcDealing => "otc-dealing",
            Technique::AccountRenting => "account-renting",
            Technique::RomanceInvestment => "romance-investment",
        }
    }

    /// The Fluent id of its short name: `quiz-technique-<code>`.
    pub fn name_id(self) -> String {
        format!("quiz-technique-{}", self.code())
    }

    /// The Fluent id of the one sentence the user takes away: `quiz-technique-<code>-lesson`.
    pub fn lesson_id(self) -> String {
        format!("quiz-technique-{}-lesson", self.code())
    }
}

/// How a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// A prompt and several options, one of them right.
    SingleChoice,
    /// A statement to judge; its two options are always True then False.
    TrueFalse,
    /// A short fake ad or chat message (the scenario) and the technique it uses, to pick.
    SpotTheRedFlag,
}

impl QuestionKind {
    /// Every kind.
    pub const ALL: [QuestionKind; 3] = [
        QuestionKind::SingleChoice,
        QuestionKind::TrueFalse,
        QuestionKind::SpotTheRedFlag,
    ];

    /// The stable kebab-case code (for example `spot-the-red-flag`).
    pub fn code(self) -> &'static str {
        match self {
            QuestionKind::SingleChoice => "single-choice",
            QuestionKind::TrueFalse => "true-false",
            QuestionKind::SpotTheRedFlag => "spot-the-red-flag",
        }
    }

    /// The Fluent id of the small label shown above the prompt: `quiz-kind-<code>`.
    pub fn label_id(self) -> String {
        format!("quiz-kind-{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_round_trip_and_match_serde() {
        for (i, t) in Technique::ALL.into_iter().enumerate() {
            assert!(Technique::ALL[..i].iter().all(|o| o.code() != t.code()));
            let json = serde_json::to_string(&t).expect("serializes");
            assert_eq!(json, format!("\"{}\"", t.code()));
            assert_eq!(serde_json::from_str::<Technique>(&json).ok(), Some(t));
        }
        assert!(serde_json::from_str::<Technique>("\"nope\"").is_err());
        for k in QuestionKind::ALL {
            let json = serde_json::to_string(&k).expect("serializes");
            assert_eq!(json, format!("\"{}\"", k.code()));
        }
    }

    #[test]
    fn fluent_ids() {
        assert_eq!(
            Technique::GuaranteedReturns.name_id(),
            "quiz-technique-guaranteed-returns"
        );
        assert_eq!(
            Technique::AccountRenting.lesson_id(),
            "quiz-technique-account-renting-lesson"
        );
        assert_eq!(
            QuestionKind::SpotTheRedFlag.label_id(),
            "quiz-kind-spot-the-red-flag"
        );
    }
}

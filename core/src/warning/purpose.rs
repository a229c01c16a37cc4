//! The purpose question asked before a `high` warning offers a way to proceed
//! ("what is this payment for? is someone guiding you?"), and when an answer escalates.

use serde::{Deserialize, Serialize};

/// What the user says the payment is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Family or friends the user knows in person.
    FamilyFriends,
    /// Goods or services.
    GoodsServices,
    /// An investment or a way to earn money.
    Investment,
    /// Buying USDT, bitcoin or another virtual currency.
    BuyingCrypto,
    /// A fee, tax or deposit to unlock, unfreeze or withdraw money.
    UnlockFee,
    /// Something else.
    Other,
}

impl Purpose {
    /// Every answer, in the order they are offered.
    pub const ALL: [Purpose; 6] = [
        Purpose::FamilyFriends,
        Purpose::GoodsServices,
        Purpose::Investment,
        Purpose::BuyingCrypto,
        Purpose::UnlockFee,
        Purpose::Other,
    ];

    /// The snake_case code, as in message ids (`purpose-<code>`) and events.
    pub fn code(self) -> &'static str {
        match self {
            Purpose::FamilyFriends => "family-friends",
            Purpose::GoodsServices => "goods-services",
            Purpose::Investment => "investment",
            Purpose::BuyingCrypto => "buying-crypto",
            Purpose::UnlockFee => "unlock-fee",
            Purpose::Other => "other",
        }
    }
}

/// The user's answers to the purpose question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurposeAnswer {
    /// What the payment is for.
    pub purpose: Purpose,
    /// Whether someone (by phone, chat or in person) is telling the user what to do.
    pub guided: bool,
}

impl PurposeAnswer {
    /// Whether the answer matches a scam pattern, so the warning escalates and stops offering
    /// a way to proceed: being coached through a payment, or paying for an investment, for
    /// crypto or for an "unlock fee" — the very scripts these scams follow.
    pub fn escalates(self) -> bool {
        self.guided
            || matches!(
                self.purpose,
                Purpose::Investment | Purpose::BuyingCrypto | Purpose::UnlockFee
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scam_scripts_and_coaching_escalate() {
        for purpose in Purpose::ALL {
            let alone = PurposeAnswer {
                purpose,
                guided: false,
            };
            let coached = PurposeAnswer {
                purpose,
                guided: true,
            };
            assert!(coached.escalates(), "{purpose:?} while coached");
            let expected = matches!(
                purpose,
                Purpose::Investment | Purpose::BuyingCrypto | Purpose::UnlockFee
            );
            assert_eq!(alone.escalates(), expected, "{purpose:?}");
        }
    }
}

//! `Assessment`: what riskguard concluded about a transfer.

use serde::{Deserialize, Serialize};

/// How strongly to intervene. Ordered: `None < Low < Medium < High < Blocked`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Nothing to say.
    None,
    /// An inline hint, no interruption.
    Low,
    /// The interstitial.
    Medium,
    /// The interstitial with more friction.
    High,
    /// No way to proceed: the payee is restricted.
    Blocked,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 5] = [
        Level::None,
        Level::Low,
        Level::Medium,
        Level::High,
        Level::Blocked,
    ];

    /// Whether this level puts an interstitial in front of the user.
    pub fn interrupts(self) -> bool {
        self >= Level::Medium
    }

    /// The snake_case code, as in JSON (`medium`).
    pub fn code(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::Blocked => "blocked",
        }
    }
}

/// The main reason for a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Buying or selling crypto (USDT…) through an over-the-counter dealer.
    OtcTrading,
    /// "Guaranteed" or unrealistic returns.
    FalseReturns,
    /// ICOs, airdrops, token sales.
    TokenOffering,
    /// Mining machines, cloud hash power contracts.
    MiningScheme,
    /// Renting out one's account or cards to move others' money (跑分).
    MoneyMule,
    /// A fee or "tax" demanded before money can be withdrawn or unfrozen.
    UnlockFee,
    /// The host's backend has flagged the payee.
    FlaggedPayee,
    /// Behaviour that looks unusual for this user.
    UnusualPattern,
}

impl Category {
    /// Every category, in the order of the contract.
    pub const ALL: [Category; 8] = [
        Category::OtcTrading,
        Category::FalseReturns,
        Category::TokenOffering,
        Category::MiningScheme,
        Category::MoneyMule,
        Category::UnlockFee,
        Category::FlaggedPayee,
        Category::UnusualPattern,
    ];

    /// The snake_case code, as in JSON and message ids.
    pub fn code(self) -> &'static str {
        match self {
            Category::OtcTrading => "otc_trading",
            Category::FalseReturns => "false_returns",
            Category::TokenOffering => "token_offering",
            Category::MiningScheme => "mining_scheme",
            Category::MoneyMule => "money_mule",
            Category::UnlockFee => "unlock_fee",
            Category::FlaggedPayee => "flagged_payee",
            Category::UnusualPattern => "unusual_pattern",
        }
    }
}

/// One thing that contributed to an assessment, with the rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// What kind of evidence: `memo_keyword`, `payee_name_keyword`, `memo_combination`,
    /// `payee_name_combination`, `payee_flag`, or a behavioural signal (`new_payee`,
    /// `young_account`, `night_time`, `fan_out`, `amount_under_limit`, `burst`).
    pub code: String,
    /// The id of the rule that fired, for analysts.
    pub rule_id: String,
    /// The category this evidence points to.
    pub category: Category,
    /// The level this evidence alone calls for.
    pub level: Level,
    /// The points this evidence added to the total (see `docs/risk-engine.md`).
    #[serde(default)]
    pub weight: u32,
    /// Where in the memo or the payee's name the evidence is, for rules that match text.
    /// Stays with the host: events carry rule ids only, never this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Which text of the transfer a [`Span`] is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSource {
    /// The memo.
    Memo,
    /// The payee's display name.
    PayeeName,
}

/// The part of a text that a rule matched, in the text as the engine normalized it (what
/// `riskguard normalize` prints: lower case, Simplified, separators as single spaces).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// The memo or the payee's name.
    pub source: TextSource,
    /// Character offset of the first matched character in the normalized text.
    pub start: u32,
    /// Character offset just after the last matched character.
    pub end: u32,
    /// The matched part of the normalized text (`usdt承兑`, `7.18`, `老师说今天必须补仓`).
    pub text: String,
}

/// What riskguard concluded about one transfer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The host's `id` of the transfer, echoed back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// How strongly to intervene.
    pub level: Level,
    /// The main reason, absent when `level` is `none`.
    pub category: Option<Category>,
    /// Everything that fired, strongest first.
    pub reasons: Vec<Reason>,
    /// The version of the rules used.
    pub rules_version: String,
}

#[cfg(test)]
mod tests {
    use super::{Category, Level};

    /// `Category::ALL` lists every variant once, in declaration order: a new variant fails to
    /// compile in `position` until it is added there and to `ALL`.
    #[test]
    fn all_lists_every_category_once() {
        fn position(category: Category) -> usize {
            match category {
                Category::OtcTrading => 0,
                Category::FalseReturns => 1,
                Category::TokenOffering => 2,
                Category::MiningScheme => 3,
                Category::MoneyMule => 4,
                Category::UnlockFee => 5,
                Category::FlaggedPayee => 6,
                Category::UnusualPattern => 7,
            }
        }
        for (i, category) in Category::ALL.into_iter().enumerate() {
            assert_eq!(position(category), i, "{category:?}");
        }
    }

    /// `code()` is the JSON spelling, so the packed built-in rules (which store codes) and
    /// a rules file read by serde name the same variants.
    #[test]
    fn codes_are_the_json_names() {
        for category in Category::ALL {
            let json = serde_json::to_string(&category).expect("serializes");
            assert_eq!(json, format!("\"{}\"", category.code()));
        }
        for level in Level::ALL {
            let json = serde_json::to_string(&level).expect("serializes");
            assert_eq!(json, format!("\"{}\"", level.code()));
        }
        assert!(Level::ALL.windows(2).all(|w| w[0] < w[1]), "lowest first");
    }
}

//! The rules file format (JSON), as documented in `docs/risk-engine.md`. Every struct denies
//! unknown fields, so a misspelt key is an error naming it rather than a silently ignored rule.

mod pairs;

use serde::{Deserialize, Serialize};

pub use pairs::Pairs;

use crate::risk::{Category, Level};

/// A whole rules file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// Reported in every assessment (`rules_version`). Bump it on every change.
    pub version: String,
    /// Free text for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Points → level thresholds and caps.
    #[serde(default)]
    pub scoring: Scoring,
    /// Tables for the normalization steps that are data.
    #[serde(default)]
    pub normalization: NormalizationTables,
    /// Named lists of terms that any rule can use as `@name` (`"@authority"` in a
    /// combination group stands for every term of the set `authority`).
    #[serde(default)]
    pub term_sets: Pairs<Vec<String>>,
    /// Parameters of the shapes rules can use as terms (`#rate`, `#coin_count`…).
    #[serde(default)]
    pub shapes: ShapesSection,
    /// Words and phrases that point to a category.
    #[serde(default)]
    pub keywords: Vec<KeywordRule>,
    /// Terms that only count together (`提现` + `手续费`).
    #[serde(default)]
    pub combinations: Vec<CombinationRule>,
    /// Benign look-alikes (`人民币`, `U盘`): a term match overlapping a guard match is ignored.
    #[serde(default)]
    pub guards: Vec<GuardRule>,
    /// Host flags on the payee.
    #[serde(default)]
    pub flags: Vec<FlagRule>,
    /// Behavioural signals (all weak: one alone never rises above `scoring.weak_alone_max`).
    #[serde(default)]
    pub signals: Vec<SignalRule>,
    /// The memo model: weights over the memo's character n-grams (none when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo_model: Option<MemoModelRule>,
}

/// The memo model's section: a linear model over the memo's character 1–3-grams, trained by
/// `tools/train_memo_model.py` (see `docs/risk-engine.md`, "The memo model").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoModelRule {
    /// Stable id, reported in the reason.
    pub id: String,
    /// One character per hashed n-gram slot, `1`…`f` for the weights −7…+7 (`8` is 0); the
    /// number of slots is a power of two from 256 to 65,536.
    pub weights: String,
    /// Score (hundredths) at which the model alone calls for `medium`.
    pub alone: u32,
    /// Score at which the model lifts a transfer the rules put at `low` to `medium`.
    pub with_evidence: u32,
    /// Below this score (the model reads the memo as benign) a transfer that words alone put
    /// at `medium` is held at `low`; `high`, flags' floors and memos with digits (the shapes'
    /// evidence) are never held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doubt_below: Option<i32>,
    /// Free text for analysts (how the weights were trained and measured).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How points become a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Least total points for `low`.
    pub low: u32,
    /// Least total points for `medium` (the interstitial).
    pub medium: u32,
    /// Least total points for `high`.
    pub high: u32,
    /// The most a single behavioural signal alone can reach.
    #[serde(default = "default_weak_alone_max")]
    pub weak_alone_max: Level,
    /// The most behavioural signals together, without any other evidence, can reach.
    #[serde(default = "default_behaviour_max")]
    pub behaviour_max: Level,
}

fn default_weak_alone_max() -> Level {
    Level::Low
}

fn default_behaviour_max() -> Level {
    Level::Medium
}

impl Default for Scoring {
    fn default() -> Self {
        Self {
            low: 20,
            medium: 40,
            high: 70,
            weak_alone_max: default_weak_alone_max(),
            behaviour_max: default_behaviour_max(),
        }
    }
}

/// Character tables of the normalization steps that are data. Keys and values are single
/// characters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormalizationTables {
    /// Traditional → Simplified (`幣` → `币`).
    #[serde(default)]
    pub variants: Pairs<String>,
    /// Look-alike letters of other scripts → Latin, lower-case keys (`в` → `b`).
    #[serde(default)]
    pub confusables: Pairs<String>,
    /// Look-alike digits and symbols inside Latin words (`$` → `s`, `0` → `o`).
    #[serde(default)]
    pub substitutions: Pairs<String>,
}

/// Parameters of the shapes (`#rate`, `#priced_count`, `#unit_price`, `#coin_count`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShapesSection {
    /// Per ISO 4217 code, the least and most one USDT costs at an OTC dealer, in minor units
    /// of that currency like `amount_minor` (`"CNY": [620, 790]`: 6.20 to 7.90 yuan). A
    /// currency without a band has no rate shapes.
    #[serde(default = "default_rate_bands")]
    pub rate_bands: Pairs<Vec<u64>>,
    /// Units after which any number is a count of coins (`枚`: `3000枚`).
    #[serde(default = "default_coin_units")]
    pub coin_units: Vec<String>,
}

impl Default for ShapesSection {
    fn default() -> Self {
        Self {
            rate_bands: default_rate_bands(),
            coin_units: default_coin_units(),
        }
    }
}

fn default_rate_bands() -> Pairs<Vec<u64>> {
    Pairs(vec![("CNY".to_owned(), vec![620, 790])])
}

fn default_coin_units() -> Vec<String> {
    vec!["枚".to_owned()]
}

/// A keyword rule: any of `terms` in the memo or the payee's name is evidence for `category`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeywordRule {
    /// Stable id, reported in every reason this rule produces.
    pub id: String,
    /// What the terms point to.
    pub category: Category,
    /// Points a match adds (once per rule, however many terms match). Defaults to the
    /// threshold of `level`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// The least level a match calls for, whatever the points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Words or phrases, written in Simplified Chinese or lower-case Latin; see the term syntax
    /// in `docs/risk-engine.md` (spaces, leading or trailing `*`).
    pub terms: Vec<String>,
    /// Only count a match right after a number (`1000U`, `五百u`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub after_number: bool,
    /// Only count a match that touches no Latin letter on either side (even across spaces) in
    /// a text with Chinese characters: `收你的U`, `U 500个`, but not `thank u`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub standalone: bool,
    /// Free text for analysts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What keyword, combination and flag rules share, for compiling them alike.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RuleHead<'a> {
    /// The rule's id.
    pub(crate) id: &'a str,
    /// What it points to.
    pub(crate) category: Category,
    /// Its points, if written.
    pub(crate) weight: Option<u32>,
    /// Its floor, if written.
    pub(crate) level: Option<Level>,
}

/// `head()` for each rule type that has an id, a category, a weight and a level.
macro_rules! rule_head {
    ($($rule:ty),*) => {$(
        impl $rule {
            /// The parts every scored rule has.
            pub(crate) fn head(&self) -> RuleHead<'_> {
                RuleHead {
                    id: &self.id,
                    category: self.category,
                    weight: self.weight,
                    level: self.level,
                }
            }
        }
    )*};
}

rule_head!(KeywordRule, CombinationRule, FlagRule);

/// Terms that count only together: one term of every group, within `within` characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CombinationRule {
    /// Stable id, reported in the reason.
    pub id: String,
    /// What the combination points to.
    pub category: Category,
    /// Points the combination adds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// The least level the combination calls for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Two or more groups of terms.
    pub all: Vec<Vec<String>>,
    /// Most words between the matched terms (a Chinese character or a Latin word counts as
    /// one); any distance when absent. With `ordered`, between each term and the next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<u32>,
    /// The groups must match in the order written (`老师` … `加仓`, not `加仓` … `老师`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ordered: bool,
    /// Free text for analysts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Benign look-alikes. A guard term matches anywhere (no word boundaries); a term match that
/// overlaps it is ignored. With `anywhere`, the guard's presence anywhere in the same text
/// (memo or payee name) sets aside the rules in `applies_to` — context such as `药店` next to
/// `OTC`, or `locksmith` next to `unlock fee`. With `payee_name` too, its presence in the
/// payee's name sets them aside in the memo as well: a shop named `义乌文具批发` prices goods
/// by the piece (`1000个 x7.2`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuardRule {
    /// Stable id, for people reading the file.
    pub id: String,
    /// The benign words.
    pub terms: Vec<String>,
    /// Act on the whole text, not only on overlapping matches (needs `applies_to`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anywhere: bool,
    /// Ids of the keyword and combination rules this guard sets aside, and the memo model's
    /// id (it then lifts nothing); all rules when empty (only allowed without `anywhere`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies_to: Vec<String>,
    /// An `anywhere` guard that also acts from the payee's name, on both texts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub payee_name: bool,
    /// Free text for analysts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A host flag on the payee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagRule {
    /// The flag as the host sends it in `payee.flags`.
    pub flag: String,
    /// Stable id, reported in the reason.
    pub id: String,
    /// What the flag points to.
    pub category: Category,
    /// Points the flag adds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// The least level the flag calls for (`blocked` for `collection_restricted`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
}

/// Which behavioural signal a [`SignalRule`] configures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    /// First transfer to this payee.
    NewPayee,
    /// The payee's account is younger than `max_days`.
    YoungAccount,
    /// Started at night, `from_hour` to `to_hour`, in the transfer's own UTC offset.
    Night,
    /// `history.new_payees_24h` of at least `min_count`.
    FanOut,
    /// A whole amount within `window_percent` under one of the currency's `limits`.
    UnderLimit,
    /// `history.transfers_24h` of at least `min_count`.
    Burst,
}

impl SignalKind {
    /// Every kind, in declaration order.
    pub const ALL: [SignalKind; 6] = [
        SignalKind::NewPayee,
        SignalKind::YoungAccount,
        SignalKind::Night,
        SignalKind::FanOut,
        SignalKind::UnderLimit,
        SignalKind::Burst,
    ];

    /// The snake_case name in the rules file (`young_account`); not the reason code, which
    /// `signals` gives (`night_time` for `night`).
    pub fn json_name(self) -> &'static str {
        match self {
            SignalKind::NewPayee => "new_payee",
            SignalKind::YoungAccount => "young_account",
            SignalKind::Night => "night",
            SignalKind::FanOut => "fan_out",
            SignalKind::UnderLimit => "under_limit",
            SignalKind::Burst => "burst",
        }
    }
}

/// A behavioural signal: its kind, points and parameters. All signals are weak: one alone
/// never rises above `scoring.weak_alone_max`; together, without other evidence, they stop at
/// `scoring.behaviour_max`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalRule {
    /// Which signal.
    pub signal: SignalKind,
    /// Stable id, reported in the reason.
    pub id: String,
    /// Points it adds.
    pub weight: u32,
    /// `young_account`: accounts younger than this many days count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days: Option<u32>,
    /// `night`: first night hour, 0–23.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_hour: Option<u32>,
    /// `night`: first hour after the night, 0–23 (wraps midnight when below `from_hour`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_hour: Option<u32>,
    /// `fan_out`, `burst`: the least count that fires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_count: Option<u32>,
    /// `under_limit`: how far under a limit still counts, in percent of the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_percent: Option<u32>,
    /// `under_limit`: per ISO 4217 code, the limits in minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<Pairs<Vec<u64>>>,
}

//! Message ids of a warning's content, per category.

use riskguard_core::risk::Category;

/// The message-id stem for a category (`warning-<topic>-title`, `-technique`, `-explain`,
/// `-ask-1..3`, `-consequence` in `locales/*/categories.ftl`).
pub fn topic(category: Option<Category>) -> &'static str {
    match category {
        Some(Category::OtcTrading) => "otc-trading",
        Some(Category::FalseReturns) => "false-returns",
        Some(Category::TokenOffering) => "token-offering",
        Some(Category::MiningScheme) => "mining-scheme",
        Some(Category::MoneyMule) => "money-mule",
        Some(Category::UnlockFee) => "unlock-fee",
        Some(Category::FlaggedPayee) => "flagged-payee",
        Some(Category::UnusualPattern) | None => "unusual-pattern",
    }
}

/// The id of one part of a topic's content, e.g. `message("otc-trading", "title")`.
pub fn message(topic: &str, part: &str) -> String {
    format!("warning-{topic}-{part}")
}

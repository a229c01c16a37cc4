//! Which headline and explanation a warning uses.

use riskguard_core::risk::Category;

/// The message-id stem for a category's headline and body
/// (`warning-title-<topic>`, `warning-body-<topic>`); `generic` where no text is written yet.
pub fn topic(category: Option<Category>) -> &'static str {
    match category {
        Some(Category::OtcTrading) => "otc-trading",
        Some(Category::FalseReturns) => "false-returns",
        Some(Category::FlaggedPayee) => "flagged-payee",
        _ => "generic",
    }
}

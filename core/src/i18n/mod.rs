//! Localization: which locale to use, the compiled-in Fluent catalogs, and money formatting
//! (Fluent's `NUMBER()` does no locale formatting, so amounts are formatted here).

mod catalog;
mod datetime;
pub mod lint;
mod locale;
mod money;

pub use catalog::{Args, Catalog, OverrideError};
pub use datetime::format_datetime;
pub use locale::Locale;
pub use money::{format_amount, group_thousands};

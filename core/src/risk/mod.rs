//! What a host hands in ([`TransferContext`]), what it gets back ([`Assessment`]), and the
//! rules and function that connect them ([`assess`]).
//!
//! - [`normalize`](mod@normalize): the text pipeline, one module per step.
//! - `rules`: the rules file ([`rules_file`]), its compilation, [`Rules`].
//! - `matcher`: the automaton pass and the boundary checks; `fuzzy`: one-edit misspellings;
//!   `shapes`: rates, counts and wallet addresses.
//! - `signals`: behavioural signals; `scoring`: points → level.
//! - [`eval`]: the backtest of a labelled corpus (used by `riskguard eval` and CI).

mod assess;
mod assessment;
mod combination;
mod context;
pub mod eval;
mod fuzzy;
mod matcher;
mod memo_model;
pub mod normalize;
mod rules;
mod scoring;
mod shapes;
mod signals;

pub use assess::assess;
pub use assessment::{Assessment, Category, Level, Reason, Span, TextSource};
pub use context::{Channel, ContextError, History, Payee, TransferContext};
pub use normalize::normalize;
pub use rules::file as rules_file;
pub use rules::{limits as rules_limits, KeywordRule, Rules, RulesError};

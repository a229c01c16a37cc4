//! What a host hands in ([`TransferContext`]), what it gets back ([`Assessment`]), and the
//! rules and function that connect them ([`assess`]).

mod assess;
mod assessment;
mod context;
mod normalize;
mod rules;

pub use assess::assess;
pub use assessment::{Assessment, Category, Level, Reason};
pub use context::{Channel, ContextError, History, Payee, TransferContext};
pub use normalize::normalize;
pub use rules::{KeywordRule, Rules, RulesError};

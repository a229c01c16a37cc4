//! One module per subcommand.

pub mod assess;
pub mod bench;
pub mod eval;
pub mod features;
pub mod locales;
pub mod normalize;

//! Text normalization before matching, one small module per step:
//!
//! 1. [`fold_compatibility`]: the disguising part of NFKC (`ＵＳＤＴ`, `𝐁𝐓𝐂`, `ⓔⓣⓗ` → ASCII).
//! 2. [`fold_case`]: lower case.
//! 3. [`strip_diacritics`]: `ùsdt` → `usdt`, zalgo marks dropped.
//! 4. [`to_simplified`]: Traditional → Simplified for the characters the rules mention
//!    (`比特幣` → `比特币`), from the rules file.
//! 5. [`fold_confusables`]: look-alike letters of other scripts (`ВТС` → `btc`), from the
//!    rules file.
//! 6. [`collapse_separators`]: spaces, punctuation, symbols and emoji become gaps; invisible
//!    characters go. The matcher searches the text without the gaps ([`squeeze`]) but only
//!    accepts a match across a gap where that cannot join two real words (see `matcher`).
//! 7. [`substitute_lookalikes`]: `$`→`s`, `0`→`o`… inside Latin words, from the rules file;
//!    searched as a second view so that amounts keep their digits.
//!
//! [`normalize`] runs steps 1–6 with the built-in rules' tables; [`Normalizer`] runs them with
//! any rules' tables.

mod case;
mod char_map;
mod compat;
mod confusables;
mod diacritics;
mod normalizer;
mod scratch;
mod separators;
mod substitutions;
mod tables;
mod variants;
mod view;

pub use case::fold_case;
pub use char_map::CharMap;
pub use compat::fold_compatibility;
pub use confusables::fold_confusables;
pub use diacritics::strip_diacritics;
pub use normalizer::Normalizer;
pub use separators::{collapse_separators, squeeze};
pub use substitutions::substitute_lookalikes;
pub use variants::to_simplified;

pub(crate) use scratch::Scratch;
pub(crate) use separators::{is_content, is_han, is_word_letter};
pub(crate) use view::TextView;

use super::Rules;

/// Normalizes `text` with the built-in rules' tables (steps 1–6 above): what the matcher
/// sees, with single spaces where separators were. `ＵＳＤＴ承兑` → `usdt承兑`,
/// `比.特.幣` → `比 特 币`.
///
/// Idempotent: normalizing twice gives the same text as normalizing once.
pub fn normalize(text: &str) -> String {
    Rules::builtin().normalizer().normalize(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_case() {
        assert_eq!(normalize("ＵＳＤＴ承兑"), "usdt承兑");
        assert_eq!(normalize("Buy BTC"), "buy btc");
    }

    #[test]
    fn is_idempotent() {
        for text in [
            "ＵＳＤＴ",
            "İstanbul",
            "房租 11月",
            "ǅ",
            "穩賺 ВТС u$dt ⓔⓣⓗ",
        ] {
            let once = normalize(text);
            assert_eq!(normalize(&once), once, "{text}");
        }
    }

    #[test]
    fn single_pass_equals_the_steps_composed() {
        let rules = Rules::builtin();
        let n = rules.normalizer();
        for text in [
            "ＵＳＤＴ 承兑!",
            "比.特.幣",
            "UЅDТ",
            "Ẹth 🇺🇸🇩🇹",
            "房租 11月",
        ] {
            let steps = collapse_separators(&fold_confusables(
                &to_simplified(
                    &strip_diacritics(&fold_case(&fold_compatibility(text))),
                    n.variants(),
                ),
                n.confusables(),
            ));
            assert_eq!(n.normalize(text), steps, "{text}");
        }
    }
}

//! The normalization tables of a rules file (`normalization.*`), checked entry by entry.

use super::super::file::{Pairs, RulesFile};
use super::super::RulesError;
use crate::risk::normalize::{fold_case, CharMap, Normalizer};

/// Builds the normalizer from the file's tables, checking each entry.
pub(crate) fn normalizer(file: &RulesFile) -> Result<Normalizer, RulesError> {
    let tables = &file.normalization;
    let variants = char_map("normalization.variants", &tables.variants, |_, _| Ok(()))?;
    let confusables = char_map(
        "normalization.confusables",
        &tables.confusables,
        |from, to| {
            if from.is_ascii() || crate::risk::normalize::is_han(from) {
                return Err("keys must be letters or symbols outside ASCII and Chinese (ASCII look-alikes go in substitutions)");
            }
            if fold_case(&from.to_string()) != from.to_string() {
                return Err("keys are matched after case folding: use the lower-case letter");
            }
            if !to.is_ascii_alphanumeric() || to.is_ascii_uppercase() {
                return Err("must map to a lower-case ASCII letter or a digit");
            }
            Ok(())
        },
    )?;
    let substitutions = char_map(
        "normalization.substitutions",
        &tables.substitutions,
        |from, to| {
            if !from.is_ascii() || from.is_ascii_alphabetic() || from.is_ascii_whitespace() {
                return Err("only ASCII digits and symbols can be substituted");
            }
            if !to.is_ascii_lowercase() {
                return Err("must map to a lower-case ASCII letter");
            }
            Ok(())
        },
    )?;
    Ok(Normalizer::new(variants, confusables, substitutions))
}

/// Reads a table of single characters; no value may itself be a key (so one pass suffices).
fn char_map(
    field: &str,
    table: &Pairs<String>,
    check: impl Fn(char, char) -> Result<(), &'static str>,
) -> Result<CharMap, RulesError> {
    let mut pairs = Vec::with_capacity(table.len());
    for (from, to) in table.iter() {
        let at = format!("{field}.{from}");
        let (Some(f), Some(t)) = (single_char(from), single_char(to)) else {
            return Err(RulesError::at(
                at,
                "keys and values must be single characters",
            ));
        };
        check(f, t).map_err(|message| RulesError::at(&at, message))?;
        pairs.push((f, t));
    }
    let map = CharMap::new(pairs.iter().copied());
    for (from, to) in &pairs {
        if map.get(*to).is_some() {
            return Err(RulesError::at(
                format!("{field}.{from}"),
                format!("maps to `{to}`, which is itself mapped: map straight to the end result"),
            ));
        }
    }
    Ok(map)
}

pub(super) fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

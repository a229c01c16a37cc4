//! Term syntax: what a string in `terms` means.
//!
//! - Terms are normalized like memos, so `USDT`, `ＵＳＤＴ` and `usdt` are the same term, and
//!   Traditional characters in a term are read as Simplified.
//! - A space (or any separator) marks a word boundary the text may or may not have:
//!   `guaranteed return` matches `guaranteed return`, `guaranteed-return` and
//!   `guaranteedreturn`.
//! - A Latin edge must sit on a word boundary: `eth` does not match `ethernet` or `method`.
//!   A leading or trailing `*` lifts that: `airdrop*` matches `airdrops`.
//! - Next to Chinese characters there are no word boundaries to check: `收u` matches in `收U`
//!   and `收 U`.
//! - `~word` also matches a Latin word one edit away (`~usdt`: `uzdt`, `usdtt`, `ustd`; see
//!   `fuzzy`); the word is Latin letters only, at least four.
//! - `#shape` is a shape instead of a word (`#rate`, `#wallet_address`; see `shapes`).
//! - `@set` stands for every term of a term set (expanded by `patterns`).

use super::limits::MAX_TERM_CHARS;
use crate::risk::fuzzy;
use crate::risk::normalize::{is_content, Normalizer, TextView};
use crate::risk::shapes::Shape;

/// What a term string asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Parsed {
    /// Text for the automaton.
    Text(Term),
    /// Text for the automaton, and its one-edit misspellings.
    Fuzzy(Term),
    /// A shape.
    Shape(Shape),
}

/// Reads a term that is not a `@set`, or says what is wrong with it.
pub(crate) fn parse_any(raw: &str, normalizer: &Normalizer) -> Result<Parsed, String> {
    if raw.chars().count() > MAX_TERM_CHARS {
        return Err(format!(
            "the term is longer than {MAX_TERM_CHARS} characters"
        ));
    }
    let text = raw.trim();
    if let Some(name) = text.strip_prefix('#') {
        return Shape::from_name(name.trim())
            .map(Parsed::Shape)
            .ok_or_else(|| format!("unknown shape `{text}`: the shapes are {}", Shape::NAMES));
    }
    if let Some(word) = text.strip_prefix('~') {
        let term = parse(word, normalizer).ok_or("the term is empty after normalization")?;
        let letters = term.pattern.bytes().all(|b| b.is_ascii_lowercase());
        if !letters || !term.spec.joins.is_empty() || term.pattern.len() < fuzzy::MIN_LETTERS {
            return Err(format!(
                "a `~` term is one Latin word of at least {} letters",
                fuzzy::MIN_LETTERS
            ));
        }
        return Ok(Parsed::Fuzzy(term));
    }
    parse(text, normalizer)
        .map(Parsed::Text)
        .ok_or_else(|| "the term is empty after normalization".to_owned())
}

/// Where a term may match, besides being found by the automaton.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TermSpec {
    /// Byte offsets in the pattern where the term has a space: a gap is welcome there.
    pub(crate) joins: Vec<u16>,
    /// No word boundary needed before the term (`*` at its start).
    pub(crate) open_start: bool,
    /// No word boundary needed after the term (`*` at its end).
    pub(crate) open_end: bool,
    /// Only counts right after a number.
    pub(crate) after_number: bool,
    /// Only counts touching no Latin letter, in a text with ideographs.
    pub(crate) standalone: bool,
}

/// A term read: the text the automaton looks for, and its spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// Normalized, without separators.
    pub(crate) pattern: String,
    /// Word-boundary and gap rules.
    pub(crate) spec: TermSpec,
}

/// Reads one term; `None` when nothing is left after normalization.
pub(crate) fn parse(raw: &str, normalizer: &Normalizer) -> Option<Term> {
    let mut text = raw.trim();
    let open_start = text.starts_with('*');
    if open_start {
        text = &text[1..];
    }
    let open_end = text.ends_with('*');
    if open_end {
        text = &text[..text.len() - 1];
    }
    let mut chars = Vec::new();
    normalizer.canonical_into(text, &mut chars);
    // Substitution symbols (`$`) are separators in a term, as in the plain view of a memo.
    for c in chars.iter_mut() {
        if *c != ' ' && !is_content(*c) {
            *c = ' ';
        }
    }
    let view = TextView::of_canonical(&chars);
    if view.text.is_empty() {
        return None;
    }
    let joins = view
        .gaps_within(0, view.text.len())
        .filter_map(|at| u16::try_from(at).ok())
        .collect();
    Some(Term {
        pattern: view.text,
        spec: TermSpec {
            joins,
            open_start,
            open_end,
            after_number: false,
            standalone: false,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::normalize::CharMap;

    #[test]
    fn reads_spaces_and_stars() {
        let n = Normalizer::new(CharMap::default(), CharMap::default(), CharMap::default());
        let term = parse("Guaranteed Return*", &n).expect("a term");
        assert_eq!(term.pattern, "guaranteedreturn");
        assert_eq!(term.spec.joins, [10]);
        assert!(term.spec.open_end && !term.spec.open_start);
        assert_eq!(parse(" * ", &n), None);
        assert_eq!(
            parse("ＵＳＤＴ", &n).map(|t| t.pattern).as_deref(),
            Some("usdt")
        );
    }

    #[test]
    fn reads_fuzzy_words_and_shapes() {
        let n = Normalizer::new(CharMap::default(), CharMap::default(), CharMap::default());
        assert!(matches!(parse_any("~USDT", &n), Ok(Parsed::Fuzzy(t)) if t.pattern == "usdt"));
        assert_eq!(parse_any("#rate", &n), Ok(Parsed::Shape(Shape::Rate)));
        let unknown = parse_any("#price", &n).expect_err("unknown shape");
        assert!(unknown.contains("#rate"), "{unknown}");
        for bad in ["~btc", "~比特币", "~usd t", "~u5dt"] {
            assert!(parse_any(bad, &n).is_err(), "{bad}");
        }
        let long = "a".repeat(MAX_TERM_CHARS + 1);
        assert!(parse_any(&long, &n)
            .expect_err("too long")
            .contains("longer"));
    }
}

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

use crate::risk::normalize::{is_content, Normalizer, TextView};

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
}

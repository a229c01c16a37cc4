//! The checks the automaton cannot make: word boundaries at Latin edges, which gaps a match
//! may span, standalone letters and numbers before `after_number` terms.

use crate::risk::normalize::{is_word_letter, TextView};
use crate::risk::rules::TermSpec;

/// Whether a match at `start..end` counts under `spec`.
pub(crate) fn counts(view: &TextView, start: usize, end: usize, spec: &TermSpec) -> bool {
    let (Some(first), Some((_, last))) = (view.char_at(start), view.char_before(end)) else {
        return false;
    };
    if spec.standalone {
        if !standalone(view, start, end) {
            return false;
        }
    } else {
        if spec.after_number {
            if !after_number(view, start) {
                return false;
            }
        } else if !spec.open_start && !start_on_boundary(view, start, first) {
            return false;
        }
        if !spec.open_end && !end_on_boundary(view, end, last) {
            return false;
        }
    }
    view.gaps_within(start, end)
        .all(|gap| gap_allowed(view, gap, gap - start, spec))
}

/// A Latin letter may not continue a word before the match; a digit may not continue a number.
fn start_on_boundary(view: &TextView, start: usize, first: char) -> bool {
    if view.gap_before(start) {
        return true;
    }
    let Some((_, before)) = view.char_before(start) else {
        return true;
    };
    if is_word_letter(first) {
        !is_word_letter(before)
    } else if first.is_ascii_digit() {
        !before.is_ascii_digit()
    } else {
        true
    }
}

/// The same rule at the end of the match.
fn end_on_boundary(view: &TextView, end: usize, last: char) -> bool {
    if view.gap_before(end) {
        return true;
    }
    let Some(after) = view.char_at(end) else {
        return true;
    };
    if is_word_letter(last) {
        !is_word_letter(after)
    } else if last.is_ascii_digit() {
        !after.is_ascii_digit()
    } else {
        true
    }
}

/// Whether the gap before byte `gap` (at `offset` in the term) may lie inside a match.
fn gap_allowed(view: &TextView, gap: usize, offset: usize, spec: &TermSpec) -> bool {
    if spec.joins.iter().any(|&j| usize::from(j) == offset) {
        return true;
    }
    let (Some((before_at, before)), Some(after)) = (view.char_before(gap), view.char_at(gap))
    else {
        return false;
    };
    if view.is_ideograph(before_at) || view.is_ideograph(gap) {
        return true;
    }
    before.is_ascii_alphabetic()
        && after.is_ascii_alphabetic()
        && single_letter_ending_at(view, before_at)
        && single_letter_starting_at(view, gap)
}

/// The letter at `at` (ASCII, one byte) has no letter before it in its word.
fn single_letter_ending_at(view: &TextView, at: usize) -> bool {
    view.gap_before(at) || view.char_before(at).is_none_or(|(_, c)| !is_word_letter(c))
}

/// The letter at `at` (ASCII, one byte) has no letter after it in its word.
fn single_letter_starting_at(view: &TextView, at: usize) -> bool {
    let next = at + 1;
    view.gap_before(next) || view.char_at(next).is_none_or(|c| !is_word_letter(c))
}

/// In a text with Chinese characters, no Latin letter touches the match on either side, even
/// across a separator, and no digit follows it directly (`收你的U`, `U 500个`; not `thank u`,
/// `U3`).
fn standalone(view: &TextView, start: usize, end: usize) -> bool {
    if !view.has_ideograph {
        return false;
    }
    let letter_before = view
        .char_before(start)
        .is_some_and(|(_, c)| is_word_letter(c));
    let after = view.char_at(end);
    let letter_after = after.is_some_and(is_word_letter);
    let digit_glued = after.is_some_and(|c| c.is_ascii_digit()) && !view.gap_before(end);
    !letter_before && !letter_after && !digit_glued
}

/// Chinese numerals and multipliers that can stand for the number before `u` (`五百u`).
const CJK_NUMBER: &str = "零〇一二两三四五六七八九十百千万亿";

/// A number stands right before `start`: two or more digits (`1000u`, `1,000 U`), digits and a
/// `k`/`w` multiplier (`5k u`, `1w u`), or a Chinese numeral (`五百u`).
fn after_number(view: &TextView, start: usize) -> bool {
    let Some((at, before)) = view.char_before(start) else {
        return false;
    };
    if before.is_ascii_digit() {
        let mut digits = 1;
        let mut at = at;
        while let Some((previous, c)) = view.char_before(at) {
            if !c.is_ascii_digit() {
                break;
            }
            digits += 1;
            at = previous;
        }
        return digits >= 2;
    }
    if before == 'k' || before == 'w' {
        return !view.gap_before(at)
            && view
                .char_before(at)
                .is_some_and(|(_, c)| c.is_ascii_digit());
    }
    CJK_NUMBER.contains(before)
}

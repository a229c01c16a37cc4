//! Spellings the rules never listed: a Latin word one edit away from a `~term` — a letter
//! added, dropped, changed, or two neighbours swapped (`uzdt`, `usdtt`, `ustd`, `etherium`).
//! The first letter must agree (typos and disguises keep it; `finance` is not `binance`), and
//! both words have at least [`MIN_LETTERS`] letters, since every three-letter word is one edit
//! from dozens of others.

use crate::risk::normalize::TextView;

/// The shortest word (and `~term`) compared.
pub(crate) const MIN_LETTERS: usize = 4;
/// The longest word compared: longer runs are not tickers or coin names.
const MAX_LETTERS: usize = 24;

/// Whether `a` and `b` differ by exactly one edit (insertion, deletion, substitution, or a
/// swap of two neighbours), with the same first letter.
pub(crate) fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    if a == b || a.first() != b.first() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let i = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let substituted = short[i + 1..] == long[i + 1..];
        let swapped = i + 1 < short.len()
            && short[i] == long[i + 1]
            && short[i + 1] == long[i]
            && short[i + 2..] == long[i + 2..];
        substituted || swapped
    } else {
        short[i..] == long[i + 1..]
    }
}

/// Calls `emit` with the byte range of every run of Latin letters in `view` that could be a
/// misspelling (between [`MIN_LETTERS`] and 24 letters; a gap ends a run).
pub(crate) fn words(view: &TextView, emit: &mut dyn FnMut(usize, usize)) {
    let bytes = view.text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        at += 1;
        while at < bytes.len() && bytes[at].is_ascii_alphabetic() && !view.gap_before(at) {
            at += 1;
        }
        if (MIN_LETTERS..=MAX_LETTERS).contains(&(at - start)) {
            emit(start, at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apart(a: &str, b: &str) -> bool {
        one_edit_apart(a.as_bytes(), b.as_bytes())
    }

    #[test]
    fn one_edit_of_every_kind() {
        assert!(apart("uzdt", "usdt"), "changed");
        assert!(apart("usdtt", "usdt"), "added");
        assert!(
            apart("usd", "usdt"),
            "dropped (the caller asks for four letters)"
        );
        assert!(apart("ustd", "usdt"), "swapped");
        assert!(apart("etherium", "ethereum"));
    }

    #[test]
    fn more_than_one_edit_or_another_first_letter() {
        assert!(!apart("usdt", "usdt"), "equal words are the automaton's");
        assert!(!apart("finance", "binance"));
        assert!(!apart("used", "usdt"));
        assert!(!apart("tethered", "tether"));
        assert!(!apart("dust", "usdt"));
    }
}

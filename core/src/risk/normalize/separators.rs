//! Step 6: separators. Spaces, punctuation, symbols and emoji between characters (`U S D T`,
//! `比.特.币`, `u-s-d-t`, `U💰S💰D💰T`) become gaps that the matcher may look across; invisible
//! characters (zero-width spaces, variation selectors, combining marks) are dropped outright.

use super::diacritics::is_combining_mark;

/// Whether `c` is invisible formatting that can be dropped without leaving a gap: zero-width
/// spaces and joiners, bidi controls, variation selectors, tags, combining marks.
pub(crate) fn is_ignorable(c: char) -> bool {
    is_combining_mark(c)
        || matches!(c as u32,
            0x00AD | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
            | 0xFEFF | 0xFFA0 | 0xFFF9..=0xFFFB | 0x1D173..=0x1D17A | 0xE0000..=0xE007F
            | 0xE0100..=0xE01EF)
}

/// Whether `c` belongs to a script written without spaces between words (Chinese, Japanese
/// kana, Korean): matching never asks for a word boundary next to such a character.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3040..=0x30FF | 0x3100..=0x318F
        | 0x31A0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x2_0000..=0x3_134F)
}

/// Whether `c` is a Han ideograph of the main blocks: content, no case, no word boundaries.
/// A cheap test that spares the Unicode property tables for most Chinese text.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x2_0000..=0x3_134F)
}

/// Whether `c` is a letter of a script that separates words with spaces (Latin, Greek,
/// Cyrillic…): a term's edge made of such letters must sit on a word boundary.
pub(crate) fn is_word_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        !is_han(c) && !is_cjk(c) && c.is_alphabetic()
    }
}

/// Whether `c` is content (a letter, digit or ideograph) rather than a separator.
pub(crate) fn is_content(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_han(c) || c.is_alphanumeric()
    }
}

/// Drops invisible characters and turns every run of other separators into one space, with
/// none at either end: `U  S·D✨T` → `U S D T`, `比.特.币` → `比 特 币`. A lone decimal point or
/// thousands comma between two digits stays (`7.18`, `1,000`), and so does a percent sign after
/// a digit (`20%`): numbers are evidence too.
pub fn collapse_separators(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let mut mark: Option<char> = None;
    for c in text.chars() {
        if is_ignorable(c) {
            continue;
        }
        if is_content(c) {
            if gap && !out.is_empty() {
                out.push(number_mark(mark, c).unwrap_or(' '));
            }
            gap = false;
            mark = None;
            out.push(c);
        } else if keeps_percent(gap, out.chars().next_back(), c) {
            out.push(c);
        } else {
            mark = opens_number_mark(gap, out.chars().next_back(), c);
            gap = true;
        }
    }
    out
}

/// Whether `c`, a separator, may be the decimal point or thousands comma of a number: the
/// first separator after a digit (`gap` says whether one came already).
pub(crate) fn opens_number_mark(gap: bool, last: Option<char>, c: char) -> Option<char> {
    (!gap && (c == '.' || c == ',') && last.is_some_and(|l| l.is_ascii_digit())).then_some(c)
}

/// The mark to keep before `next`, if the separator run was a lone mark between digits.
pub(crate) fn number_mark(mark: Option<char>, next: char) -> Option<char> {
    mark.filter(|_| next.is_ascii_digit())
}

/// Whether `c` is a percent sign right after a digit (`20%`): kept, since a rate of return or
/// a cut is evidence; a separator for everything else.
pub(crate) fn keeps_percent(gap: bool, last: Option<char>, c: char) -> bool {
    c == '%' && !gap && last.is_some_and(|l| l.is_ascii_digit())
}

/// Whether `c` is a decimal point or thousands comma kept between digits.
pub(crate) fn is_number_mark(c: char) -> bool {
    c == '.' || c == ','
}

/// The text with every separator removed, as the matcher's automaton sees it (it also keeps
/// where the gaps were, to decide which matches across them count): `u-s-d-t` → `usdt`.
pub fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_ignorable(c) && is_content(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_inserted_separators() {
        assert_eq!(collapse_separators("U  S·D✨T"), "U S D T");
        assert_eq!(collapse_separators("比.特.币"), "比 特 币");
        assert_eq!(collapse_separators("  房租，11月！ "), "房租 11月");
        assert_eq!(collapse_separators("u\u{200B}s\u{FE0F}dt"), "usdt");
        assert_eq!(collapse_separators("按7.18 收1,000个"), "按7.18 收1,000个");
        assert_eq!(
            collapse_separators("7. 18 7..18 a.1 7.b"),
            "7 18 7 18 a 1 7 b"
        );
    }

    #[test]
    fn squeezes_everything_but_content() {
        assert_eq!(squeeze("u-s-d-t"), "usdt");
        assert_eq!(squeeze("U💰S💰D💰T"), "USDT");
        assert_eq!(squeeze("比 特 币"), "比特币");
    }

    #[test]
    fn classifies_scripts() {
        assert!(is_cjk('币') && is_cjk('ア') && is_cjk('한'));
        assert!(!is_cjk('u'));
        assert!(is_word_letter('u') && is_word_letter('д') && !is_word_letter('币'));
        assert!(!is_word_letter('7'));
        assert!(is_han('币') && !is_han('ア') && !is_han('u'));
    }

    #[test]
    fn han_fast_path_agrees_with_the_unicode_tables() {
        for code in (0x3400..=0x4DBF).chain(0x4E00..=0x9FFF) {
            let c = char::from_u32(code).expect("valid");
            assert!(c.is_alphanumeric() && is_cjk(c), "U+{code:04X}");
        }
    }
}

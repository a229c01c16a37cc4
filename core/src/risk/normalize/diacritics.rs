//! Step 3: diacritics. `ùsdt`, `bïtcoin` and zalgo text (`u̷s̷d̷t̷`) lose their marks.

use super::tables::DIACRITICS;

/// Whether `c` is a combining mark that decorates the letter before it.
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0x3099..=0x309A | 0xFE20..=0xFE2F)
}

/// The base ASCII letter of a precomposed Latin letter (`é` → `e`), if it has one.
pub(crate) fn base_letter(c: char) -> Option<char> {
    let code = c as u32;
    if !(0xC0..=0x1EFF).contains(&code) {
        return None;
    }
    DIACRITICS
        .binary_search_by_key(&code, |&(k, _)| u32::from(k))
        .ok()
        .map(|index| char::from(DIACRITICS[index].1))
}

/// Replaces precomposed Latin letters by their base letter and drops combining marks:
/// `bïtcøin` → `bitcøin` (`ø` has no decomposition and stays), `u\u{0336}s` → `us`.
pub fn strip_diacritics(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| base_letter(c).unwrap_or(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn strips_accents_and_zalgo() {
        assert_eq!(strip_diacritics("ùsdt bïtcoin Ẹth"), "usdt bitcoin Eth");
        assert_eq!(
            strip_diacritics("u\u{0336}s\u{0336}d\u{0336}t\u{0336}"),
            "usdt"
        );
        assert_eq!(strip_diacritics("稳赚"), "稳赚");
    }

    #[test]
    fn table_agrees_with_nfkd() {
        assert!(DIACRITICS.windows(2).all(|w| w[0].0 < w[1].0));
        for &(code, base) in DIACRITICS {
            let c = char::from_u32(u32::from(code)).expect("valid char");
            let first = c.to_string().nfkd().next().expect("non-empty");
            assert_eq!(first, char::from(base), "U+{code:04X}");
        }
    }
}

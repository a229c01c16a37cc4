//! Step 5: look-alike letters from other scripts. `ВТС` (Cyrillic) and `UЅDТ` (Latin mixed
//! with Cyrillic) read as `BTC` and `USDT`; regional-indicator letters (`🇺🇸🇩🇹`) too. The table is
//! data in the rules file (`normalization.confusables`).
//!
//! A letter is folded only inside a word that mixes it with Latin letters, or whose letters
//! are all look-alikes: ordinary Russian or Greek words, which use letters with no Latin twin,
//! stay as they are. Symbols in the table (regional indicators) are always folded. The step
//! runs after case folding, so the table's keys are lower-case.

use super::separators::{is_cjk, is_content, is_han, is_ignorable};
use super::CharMap;

/// Folds look-alike letters word by word (words are runs of letters, digits and table
/// symbols), as described in the module documentation.
pub fn fold_confusables(text: &str, confusables: &CharMap) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    while start < chars.len() {
        let word_char = |c: char| is_word_char(c, confusables);
        if !word_char(chars[start]) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < chars.len() && word_char(chars[end]) {
            end += 1;
        }
        fold_word(&mut chars[start..end], confusables);
        start = end;
    }
    chars.into_iter().collect()
}

/// Whether `c` continues a word for this step.
pub(crate) fn is_word_char(c: char, confusables: &CharMap) -> bool {
    is_content(c) || is_ignorable(c) || confusables.contains(c)
}

/// Folds one word (a run without separators) in place.
pub(crate) fn fold_word(word: &mut [char], confusables: &CharMap) {
    // Every key is outside ASCII and outside Han: most words have nothing to fold.
    if word.iter().all(|&c| c.is_ascii() || is_han(c)) {
        return;
    }
    let mut latin = false;
    let mut look_alike = false;
    let mut other = false;
    for &c in word.iter() {
        // Symbols in the table always become Latin letters, so they count as Latin already.
        if c.is_ascii_alphabetic() || (!c.is_alphabetic() && confusables.contains(c)) {
            latin = true;
        } else if !c.is_ascii() && !is_han(c) && !is_cjk(c) && c.is_alphabetic() {
            if confusables.contains(c) {
                look_alike = true;
            } else {
                other = true;
            }
        }
    }
    let fold_letters = look_alike && (latin || !other);
    for c in word.iter_mut() {
        if let Some(to) = confusables.get(*c) {
            if fold_letters || !c.is_alphabetic() {
                *c = to;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> CharMap {
        CharMap::new([
            ('в', 'b'),
            ('т', 't'),
            ('с', 'c'),
            ('ѕ', 's'),
            ('о', 'o'),
            ('р', 'p'),
            ('🇺', 'u'),
            ('🇸', 's'),
        ])
    }

    #[test]
    fn folds_mixed_and_all_look_alike_words() {
        assert_eq!(fold_confusables("uѕdт 承兑", &table()), "usdt 承兑");
        assert_eq!(fold_confusables("втс", &table()), "btc");
        assert_eq!(fold_confusables("🇺🇸", &table()), "us");
    }

    #[test]
    fn leaves_ordinary_words_in_other_scripts() {
        assert_eq!(fold_confusables("привет", &table()), "привет");
        assert_eq!(fold_confusables("比特币", &table()), "比特币");
    }
}

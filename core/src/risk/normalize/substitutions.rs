//! Step 7: look-alike digits and symbols inside Latin words: `u$dt`, `b1tc0in`, `0TC`,
//! `e7h`. The table is data in the rules file (`normalization.substitutions`).
//!
//! A substitution only applies inside a word with at least two Latin letters, and only next
//! to a letter (a symbol needs a letter or digit on both sides), so amounts such as `5000`,
//! `100$` or `1000u` keep their digits. The matcher tries the substituted text as a second
//! view besides the plain one, so `5btc` still reads as `5 btc`.

use super::CharMap;

/// Applies the substitutions word by word (words are separated by spaces, as in the output of
/// [`super::normalize`] before symbols are dropped).
pub fn substitute_lookalikes(text: &str, substitutions: &CharMap) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for word in chars.split_mut(|&c| c == ' ') {
        substitute_word(word, substitutions);
    }
    chars.into_iter().collect()
}

/// Substitutes inside one word in place; returns whether anything changed.
pub(crate) fn substitute_word(word: &mut [char], substitutions: &CharMap) -> bool {
    let letters = word.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if letters < 2 {
        return false;
    }
    let original: Vec<char> = word.to_vec();
    let mut changed = false;
    for (i, c) in word.iter_mut().enumerate() {
        let Some(to) = substitutions.get(*c) else {
            continue;
        };
        let before = i.checked_sub(1).and_then(|j| original.get(j)).copied();
        let after = original.get(i + 1).copied();
        let letter = |n: Option<char>| n.is_some_and(|n| n.is_ascii_alphabetic());
        let alnum = |n: Option<char>| n.is_some_and(|n| n.is_ascii_alphanumeric());
        let applies = if original[i].is_ascii_alphanumeric() {
            letter(before) || letter(after)
        } else {
            alnum(before) && alnum(after) && (letter(before) || letter(after))
        };
        if applies {
            *c = to;
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> CharMap {
        CharMap::new([('$', 's'), ('0', 'o'), ('1', 'i'), ('7', 't'), ('@', 'a')])
    }

    #[test]
    fn substitutes_inside_words() {
        assert_eq!(substitute_lookalikes("u$dt", &table()), "usdt");
        assert_eq!(substitute_lookalikes("b1tc0in", &table()), "bitcoin");
        assert_eq!(substitute_lookalikes("0tc", &table()), "otc");
        assert_eq!(substitute_lookalikes("e7h", &table()), "eth");
    }

    #[test]
    fn leaves_amounts_alone() {
        assert_eq!(
            substitute_lookalikes("5000 100$ 1000u", &table()),
            "5000 100$ 1000u"
        );
        assert_eq!(substitute_lookalikes("房租 11月", &table()), "房租 11月");
    }
}

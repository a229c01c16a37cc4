//! Step 2: case folding.

/// Lower-cases every letter (`Buy BTC` → `buy btc`, `ΤΕΘΕΡ` → `τεθερ`). Scripts without case,
/// such as Chinese, are unchanged.
pub fn fold_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Calls `push` with the lower-case form of `c` (one to three chars).
pub(crate) fn lower_each(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
    } else {
        c.to_lowercase().for_each(push);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_latin_greek_and_cyrillic() {
        assert_eq!(fold_case("Buy BTC"), "buy btc");
        assert_eq!(fold_case("USDT承兑"), "usdt承兑");
        assert_eq!(fold_case("ВТС"), "втс");
    }

    #[test]
    fn lower_each_matches_fold_case() {
        for text in ["İstanbul", "ǅ", "ẞ", "USDT"] {
            let mut out = String::new();
            text.chars().for_each(|c| lower_each(c, |l| out.push(l)));
            assert_eq!(out, fold_case(text));
        }
    }
}

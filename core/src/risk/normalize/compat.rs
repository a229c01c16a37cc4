//! Step 1: compatibility folding, the part of Unicode NFKC that disguises text.
//!
//! Full-width forms (`ＵＳＤＴ`), mathematical letters (`𝐔𝐒𝐃𝐓`, `𝓾𝓼𝓭𝓽`), circled and squared
//! letters (`ⓤⓢⓓⓣ`, `🅄`), superscripts, ligatures, Roman numerals and Kangxi radicals (`⽐`)
//! become the plain characters NFKC gives. Only mappings to ASCII or to a unified CJK
//! ideograph are kept: the full `unicode-normalization` tables would add ~63 KB of gzip to
//! the wasm for folds that never change what the rules can match. The tests check every
//! entry against `unicode-normalization`.

use super::tables::{COMPAT_MULTI, COMPAT_RUNS};

/// The compatibility form of one character: itself, another character, or a short string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compat {
    /// No compatibility mapping.
    Same(char),
    /// Maps to one character.
    One(char),
    /// Maps to several ASCII characters (`ⅳ` → `iv`).
    Many(&'static str),
}

/// Looks up the compatibility form of `c`.
pub(crate) fn compat_char(c: char) -> Compat {
    let code = c as u32;
    // Everything the tables cover is at or above U+00A0.
    if code < 0xA0 {
        return Compat::Same(c);
    }
    let run = COMPAT_RUNS.binary_search_by(|&(first, last, _)| {
        if last < code {
            std::cmp::Ordering::Less
        } else if first > code {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    });
    if let Ok(index) = run {
        let (first, _, target) = COMPAT_RUNS[index];
        return char::from_u32(target + (code - first)).map_or(Compat::Same(c), Compat::One);
    }
    match COMPAT_MULTI.binary_search_by_key(&code, |&(k, _)| k) {
        Ok(index) => Compat::Many(COMPAT_MULTI[index].1),
        Err(_) => Compat::Same(c),
    }
}

/// Folds compatibility characters to their plain forms: `ＵＳＤＴ` → `USDT`, `𝐁𝐓𝐂` → `BTC`,
/// `ⓔⓣⓗ` → `eth`, `⽐特币` → `比特币`. Case is kept (see [`super::fold_case`]).
pub fn fold_compatibility(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match compat_char(c) {
            Compat::Same(c) | Compat::One(c) => out.push(c),
            Compat::Many(s) => out.push_str(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn folds_common_disguises() {
        assert_eq!(fold_compatibility("ＵＳＤＴ承兑"), "USDT承兑");
        assert_eq!(fold_compatibility("𝐔𝐒𝐃𝐓 𝓾𝓼𝓭𝓽"), "USDT usdt");
        assert_eq!(fold_compatibility("ⓔⓣⓗ 🄱🅃🄲"), "eth BTC");
        assert_eq!(fold_compatibility("⽐特币"), "比特币");
        assert_eq!(fold_compatibility("ⅳ ⑩ ﬁ ™"), "iv 10 fi TM");
        assert_eq!(fold_compatibility("房租 11月"), "房租 11月");
    }

    #[test]
    fn every_table_entry_agrees_with_nfkc() {
        for &(first, last, _) in COMPAT_RUNS {
            for code in first..=last {
                let c = char::from_u32(code).expect("table holds valid chars");
                let nfkc: String = c.to_string().nfkc().collect();
                assert_eq!(fold_compatibility(&c.to_string()), nfkc, "U+{code:04X}");
            }
        }
        for &(code, _) in COMPAT_MULTI {
            let c = char::from_u32(code).expect("table holds valid chars");
            let nfkc: String = c.to_string().nfkc().collect();
            assert_eq!(fold_compatibility(&c.to_string()), nfkc, "U+{code:04X}");
        }
    }

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(COMPAT_RUNS.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(COMPAT_MULTI.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn is_idempotent_and_nfkc_stable_on_its_output() {
        for code in 0xA0..0x2_0000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let once = fold_compatibility(&c.to_string());
            assert_eq!(fold_compatibility(&once), once, "U+{code:04X}");
        }
    }
}

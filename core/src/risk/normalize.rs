//! Text normalization before keyword matching.

/// Folds memo text so that trivial disguises match the rules' terms: full-width forms become
/// ASCII (`ＵＳＤＴ` → `usdt`) and letters are lower-cased.
///
/// Idempotent: normalizing twice gives the same text as normalizing once.
pub fn normalize(text: &str) -> String {
    text.chars()
        .flat_map(|c| fold_width(c).to_lowercase())
        .collect()
}

/// Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space to their ASCII forms.
fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn folds_full_width_and_case() {
        assert_eq!(normalize("ＵＳＤＴ承兑"), "usdt承兑");
        assert_eq!(normalize("Buy BTC"), "buy btc");
    }

    #[test]
    fn is_idempotent() {
        for text in ["ＵＳＤＴ", "İstanbul", "房租 11月", "ǅ"] {
            let once = normalize(text);
            assert_eq!(normalize(&once), once, "{text}");
        }
    }
}

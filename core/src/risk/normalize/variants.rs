//! Step 4: Traditional → Simplified Chinese (`比特幣` → `比特币`, `穩賺` → `稳赚`), for the
//! characters the rules mention. The table is data in the rules file
//! (`normalization.variants`), so a new term's Traditional form ships with the term.

use super::CharMap;

/// Maps every character found in `variants` to its Simplified form.
pub fn to_simplified(text: &str, variants: &CharMap) -> String {
    text.chars().map(|c| variants.apply(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_traditional_characters() {
        let variants = CharMap::new([('幣', '币'), ('穩', '稳'), ('賺', '赚')]);
        assert_eq!(to_simplified("比特幣 穩賺", &variants), "比特币 稳赚");
        assert_eq!(to_simplified("房租", &variants), "房租");
    }
}

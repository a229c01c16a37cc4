//! The shipped locales and negotiation from what the host asks for.

use unic_langid::LanguageIdentifier;

/// A locale the component ships text for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English (United States); also the fallback for every message.
    #[default]
    EnUs,
    /// Chinese, Simplified script.
    ZhHans,
}

impl Locale {
    /// Every shipped locale; the first is the fallback.
    pub const ALL: [Locale; 2] = [Locale::EnUs, Locale::ZhHans];

    /// The BCP 47 tag, as used for the `locales/<tag>/` folder and in events.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnUs => "en-US",
            Locale::ZhHans => "zh-Hans",
        }
    }

    /// Picks the first requested language tag we ship text for; English otherwise.
    ///
    /// Any `zh…` tag maps to Simplified Chinese for now (Traditional is a later addition);
    /// tags that do not parse are skipped.
    pub fn negotiate<S: AsRef<str>>(requested: &[S]) -> Locale {
        requested
            .iter()
            .filter_map(|tag| tag.as_ref().parse::<LanguageIdentifier>().ok())
            .find_map(|id| match id.language.as_str() {
                "zh" => Some(Locale::ZhHans),
                "en" => Some(Locale::EnUs),
                _ => None,
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn negotiates_first_supported_language() {
        assert_eq!(Locale::negotiate(&["zh-CN"]), Locale::ZhHans);
        assert_eq!(Locale::negotiate(&["fr-FR", "zh"]), Locale::ZhHans);
        assert_eq!(Locale::negotiate(&["en-GB", "zh-CN"]), Locale::EnUs);
        assert_eq!(Locale::negotiate(&["fr", "de"]), Locale::EnUs);
        assert_eq!(
            Locale::negotiate(&["not a tag!", "zh-Hans-SG"]),
            Locale::ZhHans
        );
        assert_eq!(Locale::negotiate::<&str>(&[]), Locale::EnUs);
    }
}

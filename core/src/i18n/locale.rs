//! The shipped locales and negotiation from what the host asks for.

use unic_langid::LanguageIdentifier;

/// A locale the component ships text for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English (United States); also the fallback for every message.
    #[default]
    EnUs,
    /// Chinese, Simplified script (mainland China, Singapore).
    ZhHans,
    /// Chinese, Traditional script (Taiwan, Hong Kong, Macau).
    ZhHant,
}

impl Locale {
    /// Every shipped locale; the first is the fallback.
    pub const ALL: [Locale; 3] = [Locale::EnUs, Locale::ZhHans, Locale::ZhHant];

    /// The BCP 47 tag, as used for the `locales/<tag>/` folder and in events.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnUs => "en-US",
            Locale::ZhHans => "zh-Hans",
            Locale::ZhHant => "zh-Hant",
        }
    }

    /// Picks the first requested language tag we ship text for; English otherwise.
    ///
    /// Chinese: an explicit script wins (`zh-Hant-*` → Traditional, `zh-Hans-*` → Simplified);
    /// without one, `zh-TW`, `zh-HK` and `zh-MO` are Traditional and every other `zh`
    /// (`zh`, `zh-CN`, `zh-SG`…) is Simplified. Any `en-*` is English. Tags that do not parse
    /// are skipped; anything else falls through to the next tag, then to English.
    pub fn negotiate<S: AsRef<str>>(requested: &[S]) -> Locale {
        requested
            .iter()
            .filter_map(|tag| tag.as_ref().parse::<LanguageIdentifier>().ok())
            .find_map(|id| match id.language.as_str() {
                "zh" => Some(chinese(&id)),
                "en" => Some(Locale::EnUs),
                _ => None,
            })
            .unwrap_or_default()
    }
}

fn chinese(id: &LanguageIdentifier) -> Locale {
    match (
        id.script.as_ref().map(|s| s.as_str()),
        id.region.as_ref().map(|r| r.as_str()),
    ) {
        (Some("Hant"), _) => Locale::ZhHant,
        (Some("Hans"), _) => Locale::ZhHans,
        (_, Some("TW" | "HK" | "MO")) => Locale::ZhHant,
        _ => Locale::ZhHans,
    }
}

#[cfg(test)]
mod tests {
    use super::Locale::{self, *};

    #[test]
    fn the_mapping_of_the_localization_issue() {
        let cases: &[(&str, Locale)] = &[
            ("zh", ZhHans),
            ("zh-CN", ZhHans),
            ("zh-SG", ZhHans),
            ("zh-Hans", ZhHans),
            ("zh-Hans-CN", ZhHans),
            ("zh-Hans-HK", ZhHans),
            ("zh-TW", ZhHant),
            ("zh-HK", ZhHant),
            ("zh-MO", ZhHant),
            ("zh-Hant", ZhHant),
            ("zh-Hant-TW", ZhHant),
            ("zh-Hant-CN", ZhHant),
            ("en", EnUs),
            ("en-GB", EnUs),
            ("en-US", EnUs),
            ("fr", EnUs),
            ("ja-JP", EnUs),
            ("", EnUs),
            ("not a tag!", EnUs),
        ];
        for (tag, expected) in cases {
            assert_eq!(Locale::negotiate(&[tag]), *expected, "{tag}");
        }
    }

    #[test]
    fn negotiates_first_supported_language_in_order() {
        assert_eq!(Locale::negotiate(&["fr-FR", "zh-TW", "en"]), ZhHant);
        assert_eq!(Locale::negotiate(&["en-GB", "zh-CN"]), EnUs);
        assert_eq!(Locale::negotiate(&["not a tag!", "zh-Hans-SG"]), ZhHans);
        assert_eq!(Locale::negotiate::<&str>(&[]), EnUs);
    }
}

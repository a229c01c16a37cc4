//! The options a host passes to `mount(element, options)`.

use riskguard_core::i18n::Locale;
use serde::Deserialize;

/// Host options. Every field is optional.
///
/// ```js
/// mount(el, { locale: navigator.languages, source: "https://pay.example", endpoint: "/v1/events" })
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MountOptions {
    /// A language tag or a list of them in order of preference; default `navigator.languages`.
    #[serde(default)]
    pub locale: Option<LocaleRequest>,
    /// Where events are POSTed; default `/v1/events` on the page's origin.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// CloudEvents `source` identifying the host app; default the page's origin.
    #[serde(default)]
    pub source: Option<String>,
}

/// One language tag or several.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum LocaleRequest {
    /// `"zh-CN"`
    One(String),
    /// `["zh-CN", "en"]`
    Many(Vec<String>),
}

impl LocaleRequest {
    /// The locale riskguard will use for this request.
    pub fn negotiate(&self) -> Locale {
        match self {
            LocaleRequest::One(tag) => Locale::negotiate(&[tag]),
            LocaleRequest::Many(tags) => Locale::negotiate(tags),
        }
    }
}

impl MountOptions {
    /// Reads options from their JSON form; `None` (no options) gives the defaults.
    pub fn from_json(json: Option<&str>) -> Result<Self, String> {
        let Some(json) = json else {
            return Ok(Self::default());
        };
        let mut de = serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(&mut de)
            .map_err(|e| format!("invalid mount options: `{}`: {}", e.path(), e.inner()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_may_be_one_tag_or_a_list() {
        let one = MountOptions::from_json(Some(r#"{"locale":"zh-CN"}"#)).expect("valid");
        assert_eq!(one.locale.map(|l| l.negotiate()), Some(Locale::ZhHans));
        let many = MountOptions::from_json(Some(r#"{"locale":["fr","en-GB"]}"#)).expect("valid");
        assert_eq!(many.locale.map(|l| l.negotiate()), Some(Locale::EnUs));
    }

    #[test]
    fn wrong_types_name_the_option() {
        let err = MountOptions::from_json(Some(r#"{"endpoint": 42}"#)).expect_err("wrong type");
        assert!(err.contains("`endpoint`"), "{err}");
    }

    #[test]
    fn no_options_means_defaults() {
        assert_eq!(MountOptions::from_json(None), Ok(MountOptions::default()));
    }
}

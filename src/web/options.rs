//! The options a host passes to `mount(element, options)`.

use riskguard_core::i18n::Locale;
use riskguard_core::quiz::{QuizConfig, QuizError, MAX_LENGTH, MIN_LENGTH};
use riskguard_core::risk::Category;
use serde::Deserialize;

/// Host options. Every field is optional.
///
/// ```js
/// mount(el, { locale: navigator.languages, source: "https://pay.example", endpoint: "/v1/events" })
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MountOptions {
    /// A language tag or a list of them in order of preference; default `navigator.languages`.
    #[serde(default)]
    pub locale: Option<LocaleRequest>,
    /// Where events are POSTed; default `/v1/events` on the page's origin.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Extra request headers for the collector, for example `{"Authorization": "Bearer …"}`:
    /// string values only; `Content-Type` is riskguard's.
    #[serde(default)]
    pub headers: Option<std::collections::BTreeMap<String, String>>,
    /// Bounds of the event outbox: `{ maxEvents, maxBytes }` (defaults 200 and 262 144).
    #[serde(default)]
    pub outbox: Option<super::outbox::OutboxOptions>,
    /// CloudEvents `source` identifying the host app; default the page's origin.
    #[serde(default)]
    pub source: Option<String>,
    /// The host's help or appeal page, linked from the blocked dialog: `http(s)://…` or a path.
    #[serde(default)]
    pub help_url: Option<String>,
    /// How long a payee the user confirmed at `low`/`medium` is not warned about again for
    /// smaller amounts, in days (default 30; 0 turns it off).
    #[serde(default = "default_window_days")]
    pub confirmed_payee_window_days: u32,
    /// Rules to use instead of the built-in ones: a rules file as an object or JSON text.
    #[serde(default)]
    pub rules: Option<serde_json::Value>,
    /// Where to fetch rules from at mount; until they arrive (and if they are broken), the
    /// built-in rules are in force.
    #[serde(default)]
    pub rules_url: Option<String>,
    /// Text overrides per locale (`{"zh-Hans": "warning-cancel = …"}`), merged over the
    /// compiled-in text; a file with errors is refused and logged with file:line:column.
    #[serde(default)]
    pub messages: Option<std::collections::BTreeMap<String, String>>,
    /// Where to fetch text overrides from at mount: a URL with `{locale}` in it, fetched for
    /// every shipped locale (`en-US`, `zh-Hans`, `zh-Hant`); a 404 means "no overrides".
    #[serde(default)]
    pub messages_url: Option<String>,
    /// Questions per quiz session, 5 to 7 (default 6).
    #[serde(default = "default_quiz_length")]
    pub quiz_length: usize,
    /// The score in percent a quiz session needs to pass, 1 to 100 (default 80).
    #[serde(default = "default_pass_percent")]
    pub quiz_pass_percent: u32,
    /// Days after the last quiz completion before `refresherDue()` says a refresher is due
    /// (default 30).
    #[serde(default = "default_refresher_days")]
    pub refresher_days: u32,
}

fn default_quiz_length() -> usize {
    riskguard_core::quiz::DEFAULT_LENGTH
}

fn default_pass_percent() -> u32 {
    riskguard_core::quiz::DEFAULT_PASS_PERCENT
}

fn default_refresher_days() -> u32 {
    riskguard_core::quiz::DEFAULT_REFRESHER_DAYS
}

fn default_window_days() -> u32 {
    30
}

impl Default for MountOptions {
    fn default() -> Self {
        Self {
            locale: None,
            endpoint: None,
            headers: None,
            outbox: None,
            source: None,
            help_url: None,
            confirmed_payee_window_days: default_window_days(),
            rules: None,
            rules_url: None,
            messages: None,
            messages_url: None,
            quiz_length: default_quiz_length(),
            quiz_pass_percent: default_pass_percent(),
            refresher_days: default_refresher_days(),
        }
    }
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
        let options: Self = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| format!("invalid mount options: `{}`: {}", e.path(), e.inner()))?;
        if let Some(url) = &options.help_url {
            if !is_safe_link(url) {
                return Err(format!(
                    "invalid mount options: `helpUrl` must start with https://, http:// or /, not `{url}`"
                ));
            }
        }
        if let Some(headers) = &options.headers {
            super::outbox::check_headers(headers, "invalid mount options")?;
        }
        if let Some(outbox) = &options.outbox {
            outbox.limits()?;
        }
        let quiz = QuizConfig {
            length: options.quiz_length,
            pass_percent: options.quiz_pass_percent,
            ..QuizConfig::default()
        };
        match quiz.validate() {
            Err(QuizError::InvalidLength(n)) => Err(format!(
                "invalid mount options: `quizLength` must be {MIN_LENGTH} to {MAX_LENGTH}, not {n}"
            )),
            Err(QuizError::InvalidPassPercent(n)) => Err(format!(
                "invalid mount options: `quizPassPercent` must be 1 to 100, not {n}"
            )),
            _ => Ok(options),
        }
    }

    /// The settings of a quiz session for `category`, with `seed`.
    pub fn quiz_config(&self, category: Option<Category>, seed: u64) -> QuizConfig {
        QuizConfig {
            category,
            length: self.quiz_length,
            pass_percent: self.quiz_pass_percent,
            seed,
        }
    }
}

/// Links the component renders must not run script: only http(s) URLs and same-site paths.
fn is_safe_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || (lower.starts_with('/') && !lower.starts_with("//"))
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
    fn help_url_must_be_a_web_link() {
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:text/html,x",
            "//evil.example",
        ] {
            let json = serde_json::json!({ "helpUrl": bad }).to_string();
            let err = MountOptions::from_json(Some(&json)).expect_err(bad);
            assert!(err.contains("helpUrl"), "{err}");
        }
        for good in ["https://help.example/appeal", "/help/blocked"] {
            let json = serde_json::json!({ "helpUrl": good }).to_string();
            assert!(MountOptions::from_json(Some(&json)).is_ok(), "{good}");
        }
    }

    #[test]
    fn quiz_settings_out_of_range_name_the_option() {
        let err = MountOptions::from_json(Some(r#"{"quizLength": 12}"#)).expect_err("too long");
        assert!(err.contains("`quizLength` must be 5 to 7, not 12"), "{err}");
        let err =
            MountOptions::from_json(Some(r#"{"quizPassPercent": 0}"#)).expect_err("no pass mark");
        assert!(err.contains("`quizPassPercent` must be 1 to 100"), "{err}");
        let ok = MountOptions::from_json(Some(r#"{"quizLength": 5, "quizPassPercent": 60}"#))
            .expect("valid");
        let config = ok.quiz_config(Some(Category::OtcTrading), 7);
        assert_eq!(
            (config.length, config.pass_percent, config.seed),
            (5, 60, 7)
        );
    }

    #[test]
    fn headers_and_outbox_limits_are_checked_naming_the_option() {
        let err = MountOptions::from_json(Some(r#"{"headers": {"Authorization": 5}}"#))
            .expect_err("not a string");
        assert!(err.contains("`headers.Authorization`"), "{err}");
        let err = MountOptions::from_json(Some(r#"{"headers": "Bearer x"}"#)).expect_err("text");
        assert!(err.contains("`headers`"), "{err}");
        let err = MountOptions::from_json(Some(r#"{"headers": {"Bad Name": "x"}}"#))
            .expect_err("bad name");
        assert!(
            err.contains("`headers`") && err.contains("Bad Name"),
            "{err}"
        );
        let err =
            MountOptions::from_json(Some(r#"{"outbox": {"maxEvents": 0}}"#)).expect_err("zero");
        assert!(err.contains("`outbox.maxEvents`"), "{err}");
        let err =
            MountOptions::from_json(Some(r#"{"outbox": {"maxEvent": 10}}"#)).expect_err("typo");
        assert!(
            err.contains("`outbox.maxEvent`") && err.contains("expected `maxEvents`"),
            "{err}"
        );
        let ok = MountOptions::from_json(Some(
            r#"{"headers": {"Authorization": "Bearer t"}, "outbox": {"maxEvents": 50}}"#,
        ))
        .expect("valid");
        assert_eq!(ok.outbox.and_then(|o| o.max_events), Some(50));
    }

    #[test]
    fn no_options_means_defaults() {
        assert_eq!(MountOptions::from_json(None), Ok(MountOptions::default()));
    }
}

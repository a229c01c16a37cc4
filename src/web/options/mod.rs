//! The options a host passes to `mount(element, options)`, and to `setHeaders()` and
//! `startQuiz()`: read and checked here, once, into the typed values the rest uses.

use std::collections::BTreeMap;

use chrono::Duration;
use riskguard_core::events::outbox::Limits;
use riskguard_core::i18n::Locale;
use serde::Deserialize;

use super::outbox::{Headers, OutboxOptions};

mod quiz;

pub use quiz::{start_quiz_category, QuizSettings};

/// Host options as the host writes them (every field is optional); [`MountOptions`] is what
/// riskguard uses once they are checked.
///
/// ```js
/// mount(el, { locale: navigator.languages, source: "https://pay.example", endpoint: "/v1/events" })
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HostOptions {
    /// A language tag or a list of them in order of preference; default `navigator.languages`.
    #[serde(default)]
    locale: Option<LocaleRequest>,
    /// Where events are POSTed; default `/v1/events` on the page's origin.
    #[serde(default)]
    endpoint: Option<String>,
    /// Extra request headers for the collector, for example `{"Authorization": "Bearer …"}`:
    /// string values only; `Content-Type` is riskguard's.
    #[serde(default)]
    headers: Option<std::collections::BTreeMap<String, String>>,
    /// Bounds of the event outbox: `{ maxEvents, maxBytes }` (defaults 200 and 262 144).
    #[serde(default)]
    outbox: Option<OutboxOptions>,
    /// CloudEvents `source` identifying the host app; default the page's origin.
    #[serde(default)]
    source: Option<String>,
    /// The host's help or appeal page, linked from the blocked dialog: `http(s)://…` or a path.
    #[serde(default)]
    help_url: Option<String>,
    /// How long a payee the user confirmed at `low`/`medium` is not warned about again for
    /// smaller amounts, in days (default 30; 0 turns it off).
    #[serde(default = "default_window_days")]
    confirmed_payee_window_days: u32,
    /// Rules to use instead of the built-in ones: a rules file as an object or JSON text.
    #[serde(default)]
    rules: Option<serde_json::Value>,
    /// Where to fetch rules from at mount; until they arrive (and if they are broken), the
    /// built-in rules are in force.
    #[serde(default)]
    rules_url: Option<String>,
    /// Text overrides per locale (`{"zh-Hans": "warning-cancel = …"}`), merged over the
    /// compiled-in text; a file with errors is refused and logged with file:line:column.
    #[serde(default)]
    messages: Option<std::collections::BTreeMap<String, String>>,
    /// Where to fetch text overrides from at mount: a URL with `{locale}` in it, fetched for
    /// every shipped locale (`en-US`, `zh-Hans`, `zh-Hant`); a 404 means "no overrides".
    #[serde(default)]
    messages_url: Option<String>,
    /// Questions per quiz session, 5 to 7 (default 6).
    #[serde(default = "default_quiz_length")]
    quiz_length: usize,
    /// The score in percent a quiz session needs to pass, 1 to 100 (default 80).
    #[serde(default = "default_pass_percent")]
    quiz_pass_percent: u32,
    /// Days after the last quiz completion before `refresherDue()` says a refresher is due
    /// (default 30).
    #[serde(default = "default_refresher_days")]
    refresher_days: u32,
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
    DEFAULT_WINDOW_DAYS
}

const DEFAULT_WINDOW_DAYS: u32 = 30;
const DEFAULT_ENDPOINT: &str = "/v1/events";

impl Default for HostOptions {
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

/// Host options, checked: the typed values the rest of riskguard uses. Made only by
/// [`MountOptions::from_json`], which names the option at fault.
#[derive(Debug, Clone, PartialEq)]
pub struct MountOptions {
    /// The language asked for; `None` means `navigator.languages`.
    pub locale: Option<LocaleRequest>,
    /// Where events are POSTed.
    pub endpoint: String,
    /// Extra request headers for the collector.
    pub headers: Headers,
    /// Bounds of the event outbox.
    pub outbox: Limits,
    /// CloudEvents `source`; `None` means the page's origin.
    pub source: Option<String>,
    /// The host's help or appeal page: an `http(s)://` link or a same-site path.
    pub help_url: Option<String>,
    /// How long a payee the user confirmed is not warned about again (0: off).
    pub confirmed_payee_window: Duration,
    /// The host's rules file as JSON text, used instead of the built-in rules.
    pub rules: Option<String>,
    /// Where to fetch rules from at mount.
    pub rules_url: Option<String>,
    /// Text overrides per locale tag.
    pub messages: BTreeMap<String, String>,
    /// Where to fetch text overrides from, with `{locale}` in it.
    pub messages_url: Option<String>,
    /// The quiz's length, pass mark and refresher interval.
    pub quiz: QuizSettings,
}

impl Default for MountOptions {
    /// What no options give.
    fn default() -> Self {
        Self {
            locale: None,
            endpoint: DEFAULT_ENDPOINT.to_owned(),
            headers: Headers::default(),
            outbox: Limits::default(),
            source: None,
            help_url: None,
            confirmed_payee_window: Duration::days(i64::from(DEFAULT_WINDOW_DAYS)),
            rules: None,
            rules_url: None,
            messages: BTreeMap::new(),
            messages_url: None,
            quiz: QuizSettings::default(),
        }
    }
}

impl MountOptions {
    /// Reads and checks options from their JSON form; `None` (no options) gives the defaults.
    pub fn from_json(json: Option<&str>) -> Result<Self, String> {
        let Some(json) = json else {
            return Self::check(HostOptions::default());
        };
        let mut de = serde_json::Deserializer::from_str(json);
        let options: HostOptions = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| format!("invalid mount options: `{}`: {}", e.path(), e.inner()))?;
        Self::check(options)
    }

    fn check(options: HostOptions) -> Result<Self, String> {
        if let Some(url) = &options.help_url {
            if !is_safe_link(url) {
                return Err(format!(
                    "invalid mount options: `helpUrl` must start with https://, http:// or /, not `{url}`"
                ));
            }
        }
        let headers = Headers::checked(options.headers.unwrap_or_default(), ORIGIN)?;
        let outbox = options.outbox.unwrap_or_default().limits()?;
        let quiz = QuizSettings::checked(
            options.quiz_length,
            options.quiz_pass_percent,
            options.refresher_days,
        )?;
        let rules = options.rules.map(|rules| {
            rules
                .as_str()
                .map_or_else(|| rules.to_string(), str::to_owned)
        });
        Ok(Self {
            locale: options.locale,
            endpoint: options
                .endpoint
                .unwrap_or_else(|| DEFAULT_ENDPOINT.to_owned()),
            headers,
            outbox,
            source: options.source,
            help_url: options.help_url,
            confirmed_payee_window: Duration::days(i64::from(options.confirmed_payee_window_days)),
            rules,
            rules_url: options.rules_url,
            messages: options.messages.unwrap_or_default(),
            messages_url: options.messages_url,
            quiz,
        })
    }
}

/// What the errors of mount options start with.
const ORIGIN: &str = "invalid mount options";

/// Reads request headers given to `setHeaders()` (their JSON form), naming the one at fault.
pub fn set_headers_argument(json: &str) -> Result<Headers, String> {
    let mut de = serde_json::Deserializer::from_str(json);
    let headers: BTreeMap<String, String> =
        serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            if path == "." {
                "setHeaders() needs an object of header names and text values".to_owned()
            } else {
                format!("setHeaders(): `headers.{path}`: {}", e.inner())
            }
        })?;
    Headers::checked(headers, "setHeaders()")
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
    use riskguard_core::risk::Category;

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
        let config = ok.quiz.config(Some(Category::OtcTrading), 7);
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
        assert_eq!(ok.outbox.max_events, 50);
    }

    #[test]
    fn no_options_means_defaults() {
        assert_eq!(MountOptions::from_json(None), Ok(MountOptions::default()));
    }
}

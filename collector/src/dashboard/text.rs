//! Text for the dashboard: untrusted strings for the templates, number formats and English
//! names for codes.

use std::borrow::Cow;
use std::fmt::Write as _;

use maud::Render;
use riskguard_core::i18n::group_thousands;

/// A string from outside the collector — a group key from stored events (a locale, a category,
/// an exposure) or anything built from one, or a client's query — for a template.
///
/// maud escapes every splice (`& < > "`); this also escapes `'` and replaces control
/// characters other than newline and tab with U+FFFD, so that such a string is inert in
/// element content and in any quoted attribute value (HTML and SVG alike).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Untrusted<'a>(pub(crate) &'a str);

impl Render for Untrusted<'_> {
    fn render_to(&self, buffer: &mut String) {
        for (i, piece) in self.0.split('\'').enumerate() {
            if i > 0 {
                buffer.push_str("&#39;");
            }
            without_controls(piece).render_to(buffer);
        }
    }
}

/// `text` with control characters other than newline and tab replaced by U+FFFD.
fn without_controls(text: &str) -> Cow<'_, str> {
    let control = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if control(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// At most `max` characters of `text`, with an ellipsis when cut (SVG text cannot wrap).
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// A share from 0 to 1 as a whole percentage: `0.626` → `63%`.
pub(crate) fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// `1 warning` / `3 warnings`.
pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    let mut out = group_thousands(n);
    let _ = write!(out, " {}", if n == 1 { one } else { many });
    out
}

/// The English name of a warning category code, `None` for an unknown code.
pub(crate) fn category_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "otc_trading" => "OTC trading",
        "false_returns" => "False returns",
        "token_offering" => "Token offering",
        "mining_scheme" => "Mining scheme",
        "money_mule" => "Money mule",
        "unlock_fee" => "Unlock fee",
        "flagged_payee" => "Flagged payee",
        "unusual_pattern" => "Unusual pattern",
        "none" => "No category",
        "standalone" => "Standalone quiz",
        _ => return None,
    })
}

/// The English name of a locale the component ships, `None` for others.
pub(crate) fn locale_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "en" | "en-US" => "English",
        "zh-Hans" | "zh-CN" | "zh-SG" => "Chinese (Simplified)",
        "zh-Hant" | "zh-TW" | "zh-HK" | "zh-MO" => "Chinese (Traditional)",
        _ => return None,
    })
}

/// The English name of an exposure code.
pub(crate) fn exposure_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "first" => "First exposure",
        "repeat" => "Repeat exposure",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape(text: &str) -> String {
        maud::html! { (Untrusted(text)) }.into_string()
    }

    #[test]
    fn escaping_covers_markup_quotes_and_controls() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{0}b"), "a\u{FFFD}b");
        assert_eq!(escape("中文"), "中文");
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_000), "1,000");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
        assert_eq!(percent(0.626), "63%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(plural(1, "warning", "warnings"), "1 warning");
        assert_eq!(plural(2_000, "warning", "warnings"), "2,000 warnings");
    }

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("中文中文", 3), "中文…");
    }
}

//! Text for the dashboard: HTML escaping, number formats and English names for codes.

use std::fmt::Write as _;

use riskguard_core::i18n::group_thousands;

/// `text` with `& < > " '` escaped, safe in element content and quoted attribute values
/// (HTML and SVG alike).
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => escaped.push('\u{FFFD}'),
            c => escaped.push(c),
        }
    }
    escaped
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

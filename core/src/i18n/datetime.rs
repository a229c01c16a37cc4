//! Dates and times formatted per locale (Fluent's `DATETIME()` does not exist in fluent-rs).

use chrono::{DateTime, FixedOffset};

use super::Locale;

/// The time of a transfer as its payer saw it (in its own UTC offset), for example
/// `Nov 21, 2026, 9:30 PM` in English and `2026年11月21日 21:30` in Chinese.
pub fn format_datetime(at: &DateTime<FixedOffset>, locale: Locale) -> String {
    match locale {
        Locale::EnUs => at.format("%b %-d, %Y, %-I:%M %p").to_string(),
        Locale::ZhHans | Locale::ZhHant => at.format("%Y年%-m月%-d日 %H:%M").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).expect("valid time")
    }

    #[test]
    fn formats_in_the_payers_own_offset() {
        let night = at("2026-11-21T21:30:00+08:00");
        assert_eq!(
            format_datetime(&night, Locale::EnUs),
            "Nov 21, 2026, 9:30 PM"
        );
        assert_eq!(
            format_datetime(&night, Locale::ZhHans),
            "2026年11月21日 21:30"
        );
        assert_eq!(
            format_datetime(&night, Locale::ZhHant),
            "2026年11月21日 21:30"
        );
        let morning = at("2026-01-05T09:05:00-05:00");
        assert_eq!(
            format_datetime(&morning, Locale::EnUs),
            "Jan 5, 2026, 9:05 AM"
        );
        assert_eq!(
            format_datetime(&morning, Locale::ZhHans),
            "2026年1月5日 09:05"
        );
    }
}

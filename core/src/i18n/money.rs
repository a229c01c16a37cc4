//! Amounts formatted per locale, with the currency symbol and digit grouping.

use super::Locale;

/// Formats `amount_minor` (fen, cents…) of `currency` for `locale`,
/// for example `¥1,234.50` in Chinese or `CN¥1,234.50` in English.
pub fn format_amount(amount_minor: u64, currency: &str, locale: Locale) -> String {
    let decimals = minor_digits(currency);
    let scale = 10u64.pow(decimals);
    let (major, minor) = (amount_minor / scale, amount_minor % scale);
    let mut text = symbol(currency, locale);
    text.push_str(&group_thousands(major));
    if decimals > 0 {
        text.push_str(&format!(".{minor:0width$}", width = decimals as usize));
    }
    text
}

/// ISO 4217 minor-unit digits for the currencies that are not 2.
fn minor_digits(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

/// The symbol that stands before the number (CLDR conventions for en and zh).
fn symbol(currency: &str, locale: Locale) -> String {
    let known = match (currency, locale) {
        ("CNY", Locale::ZhHans) => "¥",
        ("CNY", Locale::EnUs | Locale::ZhHant) => "CN¥",
        ("USD", Locale::ZhHans | Locale::ZhHant) => "US$",
        ("TWD", Locale::ZhHant) => "$",
        ("TWD", _) => "NT$",
        ("USD", Locale::EnUs) => "$",
        ("HKD", _) => "HK$",
        ("EUR", _) => "€",
        ("GBP", _) => "£",
        ("JPY", Locale::ZhHans | Locale::ZhHant) => "JP¥",
        ("JPY", Locale::EnUs) => "¥",
        _ => return format!("{currency}\u{a0}"),
    };
    known.to_owned()
}

/// `n` with commas between groups of three digits: `12345` → `12,345` (the grouping of every
/// shipped locale).
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_per_locale() {
        assert_eq!(format_amount(123_450, "CNY", Locale::ZhHans), "¥1,234.50");
        assert_eq!(format_amount(123_450, "USD", Locale::ZhHans), "US$1,234.50");
        assert_eq!(format_amount(123_450, "CNY", Locale::EnUs), "CN¥1,234.50");
        assert_eq!(format_amount(5, "USD", Locale::EnUs), "$0.05");
        assert_eq!(format_amount(1_000_000, "JPY", Locale::EnUs), "¥1,000,000");
        assert_eq!(format_amount(100, "CHF", Locale::EnUs), "CHF\u{a0}1.00");
        assert_eq!(format_amount(123_450, "TWD", Locale::ZhHant), "$1,234.50");
        assert_eq!(format_amount(123_450, "CNY", Locale::ZhHant), "CN¥1,234.50");
        assert_eq!(
            format_amount(u64::MAX, "CNY", Locale::ZhHans),
            "¥184,467,440,737,095,516.15"
        );
    }
}

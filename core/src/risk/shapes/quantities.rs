//! Quantities beside the amount: a CNY-per-USDT rate (`按7.18`), a count priced at such a rate
//! (`1000个 7.2` for 7 200.00), an amount that is a count of coins at such a rate (`1000个` for
//! 7 150.00), a count of coins (`3000枚`, `0.3个`). Whatever word stands next to them: a
//! dealer's price sits in a narrow band, a grocer's rarely does at the same time as the amount.

use super::numbers::Number;
use super::{Shape, ShapeSettings};
use crate::risk::normalize::{is_han, TextView};

/// The transfer amount, as the shapes need it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Amount<'a> {
    /// In minor units (two decimals).
    pub(crate) minor: u64,
    /// ISO 4217 code.
    pub(crate) currency: &'a str,
}

/// Emits the quantity shapes of `view` whose numbers are `numbers`.
pub(crate) fn detect(
    view: &TextView,
    numbers: &[Number],
    amount: Amount<'_>,
    settings: &ShapeSettings,
    emit: &mut dyn FnMut(Shape, usize, usize),
) {
    let band = settings.band(amount.currency);
    let amount_milli = u128::from(amount.minor) * 10;
    let is_rate = |n: &Number| {
        band.is_some_and(|(min, max)| {
            (1..=4).contains(&n.decimals)
                && !n.dotted
                && !n.scaled
                && !n.after_letter
                && (min..=max).contains(&n.milli)
        })
    };
    for (i, n) in numbers.iter().enumerate() {
        if n.dotted {
            continue;
        }
        let unit = unit_after(view, n.end);
        if is_rate(n) {
            emit(Shape::Rate, n.start, n.end);
            // Another number of the memo times this rate gives the amount (±2 %).
            let priced = numbers.iter().enumerate().any(|(j, count)| {
                j != i
                    && !count.dotted
                    && count.milli >= 1_000
                    && close(
                        u128::from(count.milli) * u128::from(n.milli) / 1000,
                        amount_milli,
                    )
            });
            if priced {
                emit(Shape::PricedCount, n.start, n.end);
            }
        }
        if let Some((min, max)) = band {
            let counts = n.milli >= 10_000
                && !n.after_letter
                && !looks_like_a_year(n)
                && match unit {
                    Unit::None => true,
                    // `1000个`, not `20个包子`: a noun after the unit says what was counted.
                    Unit::Count(end) => !han_at(view, end),
                    Unit::Other => false,
                };
            if counts && n.milli > 0 {
                let per_unit = amount_milli * 1000 / u128::from(n.milli);
                if (u128::from(min)..=u128::from(max)).contains(&per_unit) {
                    emit(Shape::UnitPrice, n.start, unit.end_or(n.end));
                }
            }
        }
        if is_coin_count(view, settings, n, unit) {
            emit(Shape::CoinCount, n.start, unit.end_or(n.end));
        }
        if let Some(end) = percent_end(view, n) {
            emit(Shape::Percent, n.start, end);
            if n.milli >= HIGH_PERCENT {
                emit(Shape::HighPercent, n.start, end);
            }
        }
    }
}

/// A count of coins: a coin unit after the number (`3000枚`), or a fraction with a count unit
/// and no noun after it (`0.3个`).
fn is_coin_count(view: &TextView, settings: &ShapeSettings, n: &Number, unit: Unit) -> bool {
    match unit {
        Unit::Count(end) => {
            let coin_unit = view
                .char_before(end)
                .is_some_and(|(_, c)| settings.coin_units.contains(&c));
            let fraction = n.decimals > 0 && n.milli < 100_000 && !han_at(view, end);
            (coin_unit || fraction) && !n.after_letter
        }
        Unit::None | Unit::Other => false,
    }
}

/// Where a percentage ends: at the number with its `%`, or after the `个点`/`点` of
/// percentage points ([`points_after`]).
fn percent_end(view: &TextView, n: &Number) -> Option<usize> {
    if n.percent {
        Some(n.end)
    } else {
        points_after(view, n)
    }
}

/// What follows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    /// Nothing, a separator, or a Latin word after a space: a bare number.
    None,
    /// A count unit (`个`, `枚`, `颗`, `u`), ending at this byte.
    Count(usize),
    /// Anything else glued to it (`斤`, `元`, `kg`, `楼`).
    Other,
}

impl Unit {
    fn end_or(self, end: usize) -> usize {
        match self {
            Unit::Count(e) => e,
            Unit::None | Unit::Other => end,
        }
    }
}

const COUNT_UNITS: [char; 4] = ['个', '枚', '颗', 'u'];

/// The least percentage (in thousandths) that is [`Shape::HighPercent`].
const HIGH_PERCENT: u64 = 10_000;

fn unit_after(view: &TextView, at: usize) -> Unit {
    let Some(c) = view.char_at(at) else {
        return Unit::None;
    };
    let glued = !view.gap_before(at);
    let end = at + c.len_utf8();
    if COUNT_UNITS.contains(&c) && (glued || is_han(c)) {
        // `u` must end its word (`3000u`, not `3000usd`).
        let word_goes_on = c == 'u'
            && !view.gap_before(end)
            && view.char_at(end).is_some_and(|n| n.is_ascii_alphabetic());
        return if word_goes_on {
            Unit::Other
        } else {
            Unit::Count(end)
        };
    }
    if glued && (c.is_alphabetic() || is_han(c)) {
        return Unit::Other;
    }
    Unit::None
}

fn han_at(view: &TextView, at: usize) -> bool {
    !view.gap_before(at) && view.char_at(at).is_some_and(is_han)
}

/// The end of `个点`, or of `点` after a decimal (`1.5点`), right after `n`: percentage points
/// rather than an hour (`3点`).
fn points_after(view: &TextView, n: &Number) -> Option<usize> {
    let rest = view.text.get(n.end..)?;
    if rest.starts_with("个点") {
        return Some(n.end + "个点".len());
    }
    (n.decimals > 0 && rest.starts_with('点')).then(|| n.end + '点'.len_utf8())
}

/// A bare four-digit number from 1990 to 2099: a year more often than a count.
fn looks_like_a_year(n: &Number) -> bool {
    n.decimals == 0
        && !n.scaled
        && n.end - n.start == 4
        && (1_990_000..=2_099_000).contains(&n.milli)
}

/// Within 2 % of each other.
fn close(a: u128, b: u128) -> bool {
    let (low, high) = if a < b { (a, b) } else { (b, a) };
    high > 0 && (high - low) * 50 <= high
}

#[cfg(test)]
mod tests {
    use super::super::numbers;
    use super::*;
    use crate::risk::normalize::{CharMap, Normalizer};

    fn shapes(text: &str, minor: u64, currency: &str) -> Vec<(Shape, String)> {
        let n = Normalizer::new(CharMap::default(), CharMap::default(), CharMap::default());
        let (view, _) = n.views(text);
        let mut found = Vec::new();
        numbers::scan(&view, &mut found);
        let mut out = Vec::new();
        let settings = ShapeSettings {
            bands: vec![("CNY".to_owned(), 6_200, 7_900)],
            coin_units: vec!['枚'],
        };
        detect(
            &view,
            &found,
            Amount { minor, currency },
            &settings,
            &mut |shape, s, e| out.push((shape, view.text[s..e].to_owned())),
        );
        out
    }

    fn has(text: &str, minor: u64, shape: Shape) -> bool {
        shapes(text, minor, "CNY").iter().any(|(s, _)| *s == shape)
    }

    #[test]
    fn a_rate_is_a_decimal_in_the_band() {
        assert!(has("按7.18", 100, Shape::Rate));
        assert!(has("@6.95", 100, Shape::Rate));
        assert!(!has("按8.5", 100, Shape::Rate));
        assert!(!has("7", 100, Shape::Rate), "no decimals");
        assert!(!has("2026.7.15", 100, Shape::Rate), "a date");
        assert!(!has("v7.2", 100, Shape::Rate), "a version");
        assert!(shapes("按7.18", 100, "EUR").is_empty(), "no band for EUR");
    }

    #[test]
    fn a_count_times_the_rate_is_the_amount() {
        assert!(has("1000个 按7.2", 720_000, Shape::PricedCount));
        assert!(has("7.15*3000", 2_145_000, Shape::PricedCount));
        assert!(
            !has("7.15 3000", 300_000, Shape::PricedCount),
            "a date and an amount"
        );
    }

    #[test]
    fn an_amount_that_is_a_count_at_the_rate() {
        assert!(has("再来1000个", 715_000, Shape::UnitPrice));
        assert!(has("mai u 3000", 2_130_000, Shape::UnitPrice));
        assert!(!has("再来1000个", 100_000, Shape::UnitPrice));
        assert!(!has("20个包子", 14_000, Shape::UnitPrice), "a noun follows");
        assert!(!has("10斤苹果", 7_500, Shape::UnitPrice), "another unit");
        assert!(!has("会费 2026", 1_400_000, Shape::UnitPrice), "a year");
        assert!(!has("S19 两台", 13_300, Shape::UnitPrice), "a model");
    }

    #[test]
    fn percentages_and_points() {
        assert!(has("本金 月20%", 100, Shape::Percent));
        assert!(has("扣1.5个点", 100, Shape::Percent));
        assert!(has("点位1.5点", 100, Shape::Percent));
        assert!(!has("3点到", 100, Shape::Percent), "an hour");
        assert!(!has("20 % off", 100, Shape::Percent), "a space between");
        assert!(has("7天周期 40个点", 100, Shape::HighPercent));
        assert!(!has("定期 一年 2.1%", 100, Shape::HighPercent));
    }

    #[test]
    fn coin_counts() {
        assert!(has("5万枚", 100, Shape::CoinCount));
        assert!(has("大饼0.05个", 100, Shape::CoinCount));
        assert!(has("0.5个 大饼", 100, Shape::CoinCount));
        assert!(!has("1.5个月", 100, Shape::CoinCount));
        assert!(!has("买了2个", 100, Shape::CoinCount));
    }
}

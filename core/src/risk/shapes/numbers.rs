//! Numbers as a memo writes them: `7.18`, `1,000`, `3000`, `0.05`, `5k`, `2万`. Read from the
//! view, where a lone decimal point or thousands comma between digits is a flagged gap (see
//! `normalize`), so `7.18` and `7 18` (a date and a day) stay apart.

use crate::risk::normalize::TextView;

/// A number found in a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    /// Byte offset of its first digit in the view.
    pub(crate) start: usize,
    /// Byte offset just after it (after a `k`/`w`/`万`/`千` multiplier if there is one).
    pub(crate) end: usize,
    /// Its value in thousandths (`7.18` → 7180), saturating.
    pub(crate) milli: u64,
    /// Digits after the decimal point.
    pub(crate) decimals: u8,
    /// Written with a multiplier (`5k`, `2万`).
    pub(crate) scaled: bool,
    /// A Latin letter is glued before it (`s19`, `m30s`): part of a model name or code.
    pub(crate) after_letter: bool,
    /// Dotted more than once (`2026.7.15`, `1.2.3`): a date or a version, not a quantity.
    pub(crate) dotted: bool,
    /// Followed by `%`.
    pub(crate) percent: bool,
}

/// Appends every number of `view` to `out`.
pub(crate) fn scan(view: &TextView, out: &mut Vec<Number>) {
    let bytes = view.text.as_bytes();
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    // The end of the run of digits starting at `at` (no gap inside).
    let run_end = |at: usize| {
        let mut end = at + 1;
        while digit(end) && !view.gap_before(end) {
            end += 1;
        }
        end
    };
    let mut at = 0;
    while at < bytes.len() {
        let continues = at > 0 && digit(at - 1) && !view.gap_before(at);
        if !digit(at) || continues {
            at += 1;
            continue;
        }
        let start = at;
        let mut end = run_end(at);
        let mut integer = parse(&bytes[start..end]);
        // Thousands groups: `1,000,000`.
        while digit(end) && view.comma_before(end) && run_end(end) - end == 3 {
            let group_end = run_end(end);
            integer = integer
                .saturating_mul(1000)
                .saturating_add(parse(&bytes[end..group_end]));
            end = group_end;
        }
        let mut milli = integer.saturating_mul(1000);
        let mut decimals = 0u8;
        let mut dotted = false;
        if digit(end) && view.point_before(end) {
            let fraction_end = run_end(end);
            let fraction = &bytes[end..fraction_end];
            decimals = u8::try_from(fraction.len()).unwrap_or(u8::MAX);
            let mut thousandths = 0u64;
            for i in 0..3 {
                let d = fraction.get(i).map_or(0, |b| u64::from(b - b'0'));
                thousandths = thousandths * 10 + d;
            }
            milli = milli.saturating_add(thousandths);
            end = fraction_end;
            // A second point: a date or a version number.
            while digit(end) && view.point_before(end) {
                dotted = true;
                end = run_end(end);
            }
        } else if let Some((tenths, after)) = spoken_decimal(view, end, &run_end) {
            // `7块2` is how a price of 7.2 is said.
            milli = milli.saturating_add(tenths);
            decimals = if tenths % 100 == 0 { 1 } else { 2 };
            end = after;
        }
        let (end, scaled, milli) = match multiplier(view, end) {
            Some((factor, after)) => (after, true, milli.saturating_mul(factor)),
            None => (end, false, milli),
        };
        let percent = view.percent_after(end - 1);
        let after_letter = !view.gap_before(start)
            && view
                .char_before(start)
                .is_some_and(|(_, c)| c.is_ascii_alphabetic());
        out.push(Number {
            start,
            end,
            milli,
            decimals,
            scaled,
            after_letter,
            dotted,
            percent,
        });
        at = end;
    }
}

/// `块` and one or two digits right after a whole number (`7块2`, `6块95`): the part after the
/// yuan, in thousandths, and where it ends. Not when a counter follows (`5块2个` is two things
/// for five yuan).
fn spoken_decimal(
    view: &TextView,
    at: usize,
    run_end: &dyn Fn(usize) -> usize,
) -> Option<(u64, usize)> {
    if view.gap_before(at) || view.char_at(at)? != '块' {
        return None;
    }
    let first = at + '块'.len_utf8();
    if view.gap_before(first) || !view.char_at(first)?.is_ascii_digit() {
        return None;
    }
    let end = run_end(first);
    let digits = &view.text.as_bytes()[first..end];
    let counter = !view.gap_before(end)
        && view
            .char_at(end)
            .is_some_and(|c| "个件斤只份张瓶盒包条台本双块毛角".contains(c));
    if digits.len() > 2 || counter {
        return None;
    }
    let thousandths = digits
        .iter()
        .chain(std::iter::repeat(&b'0'))
        .take(3)
        .fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
    Some((thousandths, end))
}

fn parse(digits: &[u8]) -> u64 {
    digits.iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    })
}

/// A multiplier glued to the number at `at` (`5k`, `1w`, `2万`, `3千`), and where it ends. A
/// Latin letter right after `k` or `w` makes it a word (`5kg`, `3kw`), not a multiplier.
fn multiplier(view: &TextView, at: usize) -> Option<(u64, usize)> {
    if view.gap_before(at) {
        return None;
    }
    let c = view.char_at(at)?;
    let factor = match c {
        'k' | '千' => 1_000,
        'w' | '万' => 10_000,
        _ => return None,
    };
    let after = at + c.len_utf8();
    if c.is_ascii()
        && !view.gap_before(after)
        && view.char_at(after).is_some_and(|n| n.is_ascii_alphabetic())
    {
        return None;
    }
    Some((factor, after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::normalize::{CharMap, Normalizer};

    fn numbers(text: &str) -> Vec<(u64, u8, bool)> {
        let n = Normalizer::new(CharMap::default(), CharMap::default(), CharMap::default());
        let (view, _) = n.views(text);
        let mut out = Vec::new();
        scan(&view, &mut out);
        out.iter()
            .map(|n| (n.milli, n.decimals, n.dotted))
            .collect()
    }

    #[test]
    fn reads_decimals_groups_and_multipliers() {
        assert_eq!(
            numbers("按7.18 收1,000个"),
            [(7_180, 2, false), (1_000_000, 0, false)]
        );
        assert_eq!(numbers("0.05个"), [(50, 2, false)]);
        assert_eq!(
            numbers("5k u 2万"),
            [(5_000_000, 0, false), (20_000_000, 0, false)]
        );
        assert_eq!(numbers("5kg"), [(5_000, 0, false)]);
        assert_eq!(numbers("2026.7.15"), [(2_026_700, 1, true)]);
        assert_eq!(
            numbers("月20% 1.5%"),
            [(20_000, 0, false), (1_500, 1, false)]
        );
    }

    #[test]
    fn spoken_prices_read_as_decimals() {
        assert_eq!(numbers("7块2一个"), [(7_200, 1, false)]);
        assert_eq!(numbers("按6块95"), [(6_950, 2, false)]);
        // Two things for five yuan; a counter after the digit keeps them apart.
        assert_eq!(numbers("5块2个"), [(5_000, 0, false), (2_000, 0, false)]);
        assert_eq!(numbers("7块 2"), [(7_000, 0, false), (2_000, 0, false)]);
        assert_eq!(numbers("10块"), [(10_000, 0, false)]);
    }

    #[test]
    fn spaces_and_other_marks_separate_numbers() {
        assert_eq!(numbers("7 18"), [(7_000, 0, false), (18_000, 0, false)]);
        assert_eq!(numbers("1,00"), [(1_000, 0, false), (0, 0, false)]);
        assert_eq!(
            numbers("7.15*3000"),
            [(7_150, 2, false), (3_000_000, 0, false)]
        );
    }

    #[test]
    fn letters_glued_before_mark_codes() {
        let n = Normalizer::new(CharMap::default(), CharMap::default(), CharMap::default());
        let (view, _) = n.views("S19 x 30");
        let mut out = Vec::new();
        scan(&view, &mut out);
        assert!(out[0].after_letter && !out[1].after_letter);
    }
}

//! The rows of a breakdown — warnings or quiz, by category, locale or exposure — as chart bars
//! and as a table, through one [`Counts`] trait: the many smallest groups folded into one,
//! each group named, its share drawn, its numbers tabulated.

use maud::{html, Markup};
use riskguard_core::i18n::group_thousands;

use super::chart::{Bar, Tone};
use super::text::{percent, Untrusted};
use crate::stats::{Keyed, QuizCounts, WarningCounts};

/// Charts show at most this many bars; the smallest groups beyond are summed into one.
pub(crate) const MAX_BARS: usize = 10;

/// English names of the codes of a breakdown (see [`super::text`]); `None` for other keys.
pub(crate) type Names = fn(&str) -> Option<&'static str>;

/// The counts of one group, as the dashboard charts and tabulates them.
pub(crate) trait Counts: Copy {
    /// No events.
    const ZERO: Self;
    /// The colour family of its charts.
    const TONE: Tone;
    /// The table's column headings after "Group".
    const COLUMNS: [&'static str; 5];

    /// The counts of both groups together, the share recomputed (a median cannot be: none).
    fn plus(self, other: &Self) -> Self;
    /// The share a bar shows, `None` when there is nothing to divide by.
    fn share(&self) -> Option<f64>;
    /// What the share is of: `of 140 shown`.
    fn detail(&self) -> String;
    /// The table cells under [`Counts::COLUMNS`].
    fn cells(&self) -> [String; 5];
}

/// `—` for a share that cannot be computed.
fn share_cell(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_owned(), percent)
}

impl Counts for WarningCounts {
    const ZERO: Self = WarningCounts::ZERO;
    const TONE: Tone = Tone::Warning;
    const COLUMNS: [&'static str; 5] = ["Shown", "Cancelled", "Proceeded", "Blocked", "Adherence"];

    fn plus(self, other: &Self) -> Self {
        let (shown, cancelled) = (self.shown + other.shown, self.cancelled + other.cancelled);
        WarningCounts {
            shown,
            cancelled,
            proceeded: self.proceeded + other.proceeded,
            blocked: self.blocked + other.blocked,
            adherence: (shown > 0).then(|| cancelled as f64 / shown as f64),
        }
    }

    fn share(&self) -> Option<f64> {
        self.adherence
    }

    fn detail(&self) -> String {
        format!("of {} shown", group_thousands(self.shown))
    }

    fn cells(&self) -> [String; 5] {
        [
            group_thousands(self.shown),
            group_thousands(self.cancelled),
            group_thousands(self.proceeded),
            group_thousands(self.blocked),
            share_cell(self.adherence),
        ]
    }
}

impl Counts for QuizCounts {
    const ZERO: Self = QuizCounts::ZERO;
    const TONE: Tone = Tone::Quiz;
    const COLUMNS: [&'static str; 5] = [
        "Completed",
        "Passed",
        "Pass rate",
        "Median score",
        "Retries",
    ];

    fn plus(self, other: &Self) -> Self {
        let (completions, passed) = (
            self.completions + other.completions,
            self.passed + other.passed,
        );
        QuizCounts {
            started: self.started + other.started,
            completions,
            retries: self.retries + other.retries,
            sessions: self.sessions + other.sessions,
            passed,
            pass_rate: (completions > 0).then(|| passed as f64 / completions as f64),
            median_score_pct: None,
        }
    }

    fn share(&self) -> Option<f64> {
        self.pass_rate
    }

    fn detail(&self) -> String {
        format!("of {} taken", group_thousands(self.completions))
    }

    fn cells(&self) -> [String; 5] {
        [
            group_thousands(self.completions),
            group_thousands(self.passed),
            share_cell(self.pass_rate),
            share_cell(self.median_score_pct.map(|m| m / 100.0)),
            group_thousands(self.retries),
        ]
    }
}

/// `rows` cut to [`MAX_BARS`], the rest summed into an "other" row.
pub(crate) fn fold<C: Counts>(rows: &[Keyed<C>]) -> Vec<Keyed<C>> {
    if rows.len() <= MAX_BARS {
        return rows.to_vec();
    }
    let (kept, rest) = rows.split_at(MAX_BARS - 1);
    let other = Keyed {
        key: format!("{} others", rest.len()),
        counts: rest.iter().fold(C::ZERO, |sum, row| sum.plus(&row.counts)),
    };
    kept.iter().cloned().chain([other]).collect()
}

/// A group's English name and code: `("OTC trading", Some("otc_trading"))`, or the key alone.
pub(crate) fn name(key: &str, names: Names) -> (String, Option<String>) {
    match names(key) {
        Some(name) => (name.to_owned(), Some(key.to_owned())),
        None => (key.to_owned(), None),
    }
}

/// The name and code in one: `OTC trading (otc_trading)`, or the key alone.
pub(crate) fn group_label(key: &str, names: Names) -> String {
    match name(key, names) {
        (label, Some(code)) => format!("{label} ({code})"),
        (label, None) => label,
    }
}

/// The bars of `rows`, folded (groups without a share have none).
pub(crate) fn bars<C: Counts>(rows: &[Keyed<C>], names: Names) -> Vec<Bar> {
    fold(rows)
        .iter()
        .filter_map(|row| {
            let share = row.counts.share()?;
            let (label, code) = name(&row.key, names);
            Some(Bar {
                label,
                code,
                share,
                detail: row.counts.detail(),
            })
        })
        .collect()
}

/// Every row of `rows` (not folded) in a table, in a region that scrolls sideways on narrow
/// screens (and so is focusable, for keyboard users to scroll it), labelled `label`.
pub(crate) fn table<C: Counts>(label: &str, rows: &[Keyed<C>], names: Names) -> Markup {
    html! {
        div class="table-scroll" tabindex="0" role="region" aria-label=(label) {
            table {
                thead {
                    tr {
                        th scope="col" { "Group" }
                        @for column in C::COLUMNS {
                            th scope="col" { (column) }
                        }
                    }
                }
                tbody {
                    @for row in rows {
                        tr {
                            th scope="row" { (Untrusted(&group_label(&row.key, names))) }
                            @for cell in row.counts.cells() {
                                td { (cell) }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::dashboard::text::{category_name, locale_name};

    /// A row of `shown` warnings of which `cancelled` were cancelled and the rest proceeded.
    pub(crate) fn warning_row(key: &str, shown: u64, cancelled: u64) -> Keyed<WarningCounts> {
        Keyed {
            key: key.to_owned(),
            counts: WarningCounts {
                shown,
                cancelled,
                proceeded: shown - cancelled,
                blocked: 0,
                adherence: (shown > 0).then(|| cancelled as f64 / shown as f64),
            },
        }
    }

    #[test]
    fn many_groups_fold_into_others() {
        let rows: Vec<_> = (0..14)
            .map(|i| warning_row(&format!("xx-{i}"), 10, 5))
            .collect();
        let folded = fold(&rows);
        assert_eq!(folded.len(), MAX_BARS);
        let other = &folded[MAX_BARS - 1];
        assert_eq!(other.key, "5 others");
        assert_eq!((other.counts.shown, other.counts.cancelled), (50, 25));
        assert_eq!(other.counts.adherence, Some(0.5));
    }

    #[test]
    fn known_codes_get_names_and_unknown_keys_stay_as_they_are() {
        assert_eq!(
            name("otc_trading", category_name),
            ("OTC trading".to_owned(), Some("otc_trading".to_owned()))
        );
        assert_eq!(name("fr-FR", locale_name), ("fr-FR".to_owned(), None));
        assert_eq!(
            group_label("zh-Hans", locale_name),
            "Chinese (Simplified) (zh-Hans)"
        );
    }
}

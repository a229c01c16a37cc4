//! Rollup rows and raw contributions of a period, summed by group into [`Stats`].

use std::collections::BTreeMap;

use chrono::Utc;
use serde_json::Value;

use super::contribution::{contribution, Contribution};
use super::{add_row, stored_time, QuizKey, QuizRow, WarningKey, WarningRow};
use crate::period::Period;
use crate::stats::{Keyed, QuizCounts, QuizStats, Stats, WarningCounts, WarningStats};

/// First-attempt scores: (score, max_score) → how many.
type Histogram = BTreeMap<(i64, i64), i64>;

/// Quiz counts and scores of each group of a breakdown.
type QuizGroups = BTreeMap<String, (QuizRow, Histogram)>;

/// Rollup rows and raw contributions of a period, summed by group.
#[derive(Debug, Default)]
pub(crate) struct Totals {
    warnings: BTreeMap<WarningKey, WarningRow>,
    quizzes: BTreeMap<QuizKey, QuizRow>,
    scores: BTreeMap<QuizKey, Histogram>,
}

impl Totals {
    /// Adds a `warning_rollup` row (or sum of rows).
    pub(crate) fn warning(&mut self, key: WarningKey, row: WarningRow) {
        add_row(self.warnings.entry(key).or_default(), &row);
    }

    /// Adds a `quiz_rollup` row (or sum of rows).
    pub(crate) fn quiz(&mut self, key: QuizKey, row: QuizRow) {
        add_row(self.quizzes.entry(key).or_default(), &row);
    }

    /// Adds `n` first-attempt scores of `score` out of `max`.
    pub(crate) fn score(&mut self, key: QuizKey, score: i64, max: i64, n: i64) {
        *self
            .scores
            .entry(key)
            .or_default()
            .entry((score, max))
            .or_default() += n;
    }

    /// Adds a raw event (from a partly covered hour); sessions are added apart.
    pub(crate) fn event(&mut self, event_type: &str, data: &Value) {
        match contribution(event_type, data) {
            None => {}
            Some(Contribution::Warning(key, row)) => self.warning(key, row),
            Some(Contribution::Quiz {
                key, counts, score, ..
            }) => {
                if let Some((score, max)) = score {
                    self.score(key.clone(), score, max, 1);
                }
                self.quiz(key, counts);
            }
        }
    }

    /// The statistics these totals make.
    pub(crate) fn stats(&self, period: &Period) -> Stats {
        let warnings = |pick: fn(&WarningKey) -> String| {
            let mut groups: BTreeMap<String, WarningRow> = BTreeMap::new();
            for (key, row) in &self.warnings {
                add_row(groups.entry(pick(key)).or_default(), row);
            }
            groups
        };
        let quizzes = |pick: fn(&QuizKey) -> String| {
            let mut groups = QuizGroups::new();
            for (key, row) in &self.quizzes {
                add_row(&mut groups.entry(pick(key)).or_default().0, row);
            }
            for (key, histogram) in &self.scores {
                let group = &mut groups.entry(pick(key)).or_default().1;
                for (pair, n) in histogram {
                    *group.entry(*pair).or_default() += n;
                }
            }
            groups
        };
        let warning_rows = |groups: BTreeMap<String, WarningRow>| {
            let mut rows: Vec<Keyed<WarningCounts>> = groups
                .into_iter()
                .filter(|(_, row)| row.iter().sum::<i64>() > 0)
                .map(|(key, row)| Keyed {
                    key,
                    counts: warning_counts(&row),
                })
                .collect();
            rows.sort_by_key(|row| std::cmp::Reverse(row.counts.shown));
            rows
        };
        let quiz_rows = |groups: QuizGroups| {
            let mut rows: Vec<Keyed<QuizCounts>> = groups
                .into_iter()
                .filter(|(_, (row, _))| row[0] + row[1] + row[2] > 0)
                .map(|(key, (row, histogram))| Keyed {
                    key,
                    counts: quiz_counts(&row, &histogram),
                })
                .collect();
            rows.sort_by_key(|row| std::cmp::Reverse(row.counts.completions));
            rows
        };
        let total = |_: &_| "total".to_owned();
        Stats {
            generated_at: stored_time(Utc::now()),
            period: *period,
            warnings: WarningStats {
                total: warning_rows(warnings(total))
                    .into_iter()
                    .next()
                    .map_or(WarningCounts::ZERO, |row| row.counts),
                by_category: warning_rows(warnings(|k| k.0.clone())),
                by_locale: warning_rows(warnings(|k| k.1.clone())),
                by_exposure: warning_rows(warnings(|k| k.2.clone())),
            },
            quiz: QuizStats {
                total: quiz_rows(quizzes(|_| "total".to_owned()))
                    .into_iter()
                    .next()
                    .map_or(QuizCounts::ZERO, |row| row.counts),
                by_locale: quiz_rows(quizzes(|k| k.1.clone())),
                by_category: quiz_rows(quizzes(|k| k.0.clone())),
            },
        }
    }
}

fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn warning_counts(row: &WarningRow) -> WarningCounts {
    let (shown, cancelled) = (count(row[0]), count(row[1]));
    WarningCounts {
        shown,
        cancelled,
        proceeded: count(row[2]),
        blocked: count(row[3]),
        adherence: ratio(cancelled, shown),
    }
}

fn quiz_counts(row: &QuizRow, histogram: &Histogram) -> QuizCounts {
    let (completions, passed) = (count(row[1]), count(row[4]));
    QuizCounts {
        started: count(row[0]),
        completions,
        retries: count(row[2]),
        sessions: count(row[3]),
        passed,
        pass_rate: ratio(passed, completions),
        median_score_pct: median(histogram),
    }
}

/// The median of the percentages `100 × score ÷ max` in `histogram` (pair → how many): the
/// middle one, or the mean of the two middle ones.
fn median(histogram: &Histogram) -> Option<f64> {
    let mut values: Vec<(f64, i64)> = histogram
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|((score, max), n)| (100.0 * *score as f64 / *max as f64, *n))
        .collect();
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    let size: i64 = values.iter().map(|(_, n)| n).sum();
    if size == 0 {
        return None;
    }
    let nth = |position: i64| {
        let mut seen = 0;
        values.iter().find_map(|(value, n)| {
            seen += n;
            (seen >= position).then_some(*value)
        })
    };
    let (low, high) = (nth((size + 1) / 2)?, nth((size + 2) / 2)?);
    Some((low + high) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_a_histogram_match_the_sorted_list() {
        let mut histogram = BTreeMap::new();
        assert_eq!(median(&histogram), None);
        histogram.insert((4, 5), 1);
        assert_eq!(median(&histogram), Some(80.0));
        histogram.insert((1, 5), 1);
        assert_eq!(median(&histogram), Some(50.0));
        histogram.insert((5, 5), 2);
        // 20, 80, 100, 100 → (80 + 100) / 2
        assert_eq!(median(&histogram), Some(90.0));
    }
}

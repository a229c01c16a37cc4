//! The warnings and quiz sections: a chart per breakdown, with its numbers in a table behind a
//! disclosure.

use maud::{html, Markup};

use super::chart::BarChart;
use super::groups::{bars, table, Counts, Names};
use super::text::{category_name, exposure_name, locale_name};
use crate::stats::{Keyed, Stats, WarningCounts};

/// One breakdown drawn as a `<figure>`: caption, chart, and the exact numbers in a table.
struct Breakdown<'a, C> {
    /// The figure's caption.
    caption: &'static str,
    /// The line under the caption.
    subtitle: String,
    /// The chart's document-unique id.
    id: &'static str,
    /// The chart's accessible name.
    title: &'static str,
    /// The table's accessible name.
    table: &'static str,
    /// The groups, largest first.
    rows: &'a [Keyed<C>],
    /// English names of their keys.
    names: Names,
}

impl<C: Counts> Breakdown<'_, C> {
    fn figure(&self) -> Markup {
        let chart = BarChart {
            id: self.id,
            title: self.title.to_owned(),
            tone: C::TONE,
            bars: bars(self.rows, self.names),
        };
        html! {
            figure class="chart" {
                figcaption {
                    span class="chart__title" { (self.caption) }
                    span class="chart__subtitle" { (self.subtitle) }
                }
                (chart.svg())
                details class="chart__numbers" {
                    summary { "The numbers" }
                    (table(self.table, self.rows, self.names))
                }
            }
        }
    }
}

/// A section headed `heading` (its id `{name}-heading`) with a `lede`, then its `figures`, or
/// the sentence `none` when there are none.
fn section(name: &str, heading: &str, lede: &str, none: &str, figures: Option<Markup>) -> Markup {
    let heading_id = format!("{name}-heading");
    html! {
        section class="section" aria-labelledby=(heading_id) {
            h2 id=(heading_id) class="section-title" { (heading) }
            p class="lede" { (lede) }
            @if let Some(figures) = figures {
                div class="charts" { (figures) }
            } @else {
                p class="none" { (none) }
            }
        }
    }
}

/// "On repeat exposure, adherence is 14 points lower than the first time."
fn habituation_note(rows: &[Keyed<WarningCounts>]) -> Option<String> {
    let adherence = |key: &str| {
        rows.iter()
            .find(|row| row.key == key)
            .and_then(|row| row.counts.adherence)
    };
    let (first, repeat) = (adherence("first")?, adherence("repeat")?);
    let points = ((repeat - first) * 100.0).round();
    Some(if points < 0.0 {
        format!(
            "On repeat exposure, adherence is {} points lower than the first time",
            -points
        )
    } else if points > 0.0 {
        format!("On repeat exposure, adherence is {points} points higher than the first time")
    } else {
        "Adherence is the same on first and repeat exposure".to_owned()
    })
}

/// Adherence by category, by locale and on first and repeat exposure.
pub(crate) fn warnings(stats: &Stats) -> Markup {
    let w = &stats.warnings;
    let figures = (w.total.shown > 0).then(|| {
        html! {
            (Breakdown {
                caption: "Adherence by category",
                subtitle: "Share of warnings cancelled, by the main reason for the warning"
                    .to_owned(),
                id: "adherence-category",
                title: "Adherence by category",
                table: "Adherence by category, in numbers",
                rows: &w.by_category,
                names: category_name,
            }.figure())
            (Breakdown {
                caption: "Adherence by locale",
                subtitle: "Share of warnings cancelled, by the language the warning was shown in"
                    .to_owned(),
                id: "adherence-locale",
                title: "Adherence by locale",
                table: "Adherence by locale, in numbers",
                rows: &w.by_locale,
                names: locale_name,
            }.figure())
            (Breakdown {
                caption: "First and repeat exposure",
                subtitle: habituation_note(&w.by_exposure).unwrap_or_else(|| {
                    "Share of warnings cancelled, by whether the user had seen this kind before"
                        .to_owned()
                }),
                id: "adherence-exposure",
                title: "Adherence on first and repeat exposure",
                table: "Adherence by exposure, in numbers",
                rows: &w.by_exposure,
                names: exposure_name,
            }.figure())
        }
    });
    section(
        "warnings",
        "Warnings",
        "Adherence: the share of medium and high warnings after which the user cancelled the \
         transfer.",
        "No medium or high warning was shown in this period.",
        figures,
    )
}

/// Pass rate by entry point and by locale.
pub(crate) fn quiz(stats: &Stats) -> Markup {
    let q = &stats.quiz;
    let figures = (q.total.completions > 0).then(|| {
        html! {
            (Breakdown {
                caption: "Pass rate by entry point",
                subtitle: "From a warning of this category, or taken on its own".to_owned(),
                id: "pass-category",
                title: "Quiz pass rate by entry point",
                table: "Pass rate by entry point, in numbers",
                rows: &q.by_category,
                names: category_name,
            }.figure())
            (Breakdown {
                caption: "Pass rate by locale",
                subtitle: "By the language the quiz was taken in".to_owned(),
                id: "pass-locale",
                title: "Quiz pass rate by locale",
                table: "Pass rate by locale, in numbers",
                rows: &q.by_locale,
                names: locale_name,
            }.figure())
        }
    });
    section(
        "quiz",
        "Quiz",
        "Pass rate: the share of first attempts that reached the pass mark.",
        "No quiz was completed in this period.",
        figures,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dashboard::groups::tests::warning_row;

    #[test]
    fn the_habituation_note_names_the_difference() {
        let rows = [
            warning_row("first", 100, 70),
            warning_row("repeat", 100, 55),
        ];
        assert_eq!(
            habituation_note(&rows).as_deref(),
            Some("On repeat exposure, adherence is 15 points lower than the first time")
        );
        assert_eq!(habituation_note(&rows[..1]), None);
    }
}

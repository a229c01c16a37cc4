//! The dashboard of a [`Stats`]: masthead, headline numbers, the warnings and quiz sections
//! (see [`super::sections`]) or an empty state, and a footer on how to read them.

use chrono::{DateTime, Utc};
use maud::{html, Markup};
use riskguard_core::i18n::group_thousands;

use super::layout::document;
use super::sections;
use super::text::{percent, plural};
use crate::period::Period;
use crate::stats::Stats;

/// The dashboard of `stats` as a complete HTML document.
pub(crate) fn render(stats: &Stats) -> Markup {
    let updated = stats.generated_at.parse::<DateTime<Utc>>().map_or_else(
        |_| stats.generated_at.clone(),
        |t| t.format("%-d %b %Y, %H:%M UTC").to_string(),
    );
    document(
        "riskguard dashboard",
        html! {
            div class="page" {
                header class="masthead" {
                    p class="masthead__brand" { "riskguard" }
                    h1 class="masthead__title" { "Scam warnings and education" }
                    p class="masthead__period" {
                        (describe_period(&stats.period)) " · updated " (updated)
                    }
                }
                main {
                    @if stats.is_empty() {
                        (empty_state(&stats.period))
                    } @else {
                        (headline(stats))
                        (sections::warnings(stats))
                        (sections::quiz(stats))
                    }
                }
                (footer(stats))
            }
        },
    )
}

fn describe_period(period: &Period) -> String {
    let day = |t: &DateTime<Utc>| t.format("%-d %b %Y %H:%M UTC").to_string();
    match (&period.since, &period.until) {
        (None, None) => "All events".to_owned(),
        (Some(since), None) => format!("Since {}", day(since)),
        (None, Some(until)) => format!("Until {}", day(until)),
        (Some(since), Some(until)) => format!("{} – {}", day(since), day(until)),
    }
}

fn empty_state(period: &Period) -> Markup {
    let when = if *period == Period::default() {
        "yet"
    } else {
        "in this period"
    };
    html! {
        section class="empty" aria-labelledby="empty-heading" {
            h2 id="empty-heading" { "No data yet" }
            p {
                "No warning or quiz has been recorded " (when) ". The numbers appear here as soon \
                 as the component sends its first events to "
                code { "POST /v1/events" } "."
            }
            p {
                "To see it work, open the " a href="/" { "demo page" } " and send a transfer \
                 with a risky memo such as “USDT承兑”."
            }
        }
    }
}

/// The five numbers at the top.
fn headline(stats: &Stats) -> Markup {
    let w = &stats.warnings.total;
    let q = &stats.quiz.total;
    let dash = || "—".to_owned();
    let kpis = [
        (
            "Warnings shown",
            group_thousands(w.shown),
            if w.blocked > 0 {
                format!(
                    "plus {}",
                    plural(w.blocked, "blocked transfer", "blocked transfers")
                )
            } else {
                "medium and high".to_owned()
            },
        ),
        (
            "Adherence",
            w.adherence.map_or_else(dash, percent),
            "cancelled the transfer".to_owned(),
        ),
        (
            "Quizzes completed",
            group_thousands(q.completions),
            format!("plus {}", plural(q.retries, "retry", "retries")),
        ),
        (
            "Pass rate",
            q.pass_rate.map_or_else(dash, percent),
            "first attempts".to_owned(),
        ),
        (
            "Median score",
            q.median_score_pct.map_or_else(dash, |m| percent(m / 100.0)),
            "of the maximum, first attempts".to_owned(),
        ),
    ];
    html! {
        section class="kpis" aria-labelledby="kpis-heading" {
            h2 id="kpis-heading" class="section-title" { "At a glance" }
            dl class="kpis__list" {
                @for (label, value, note) in kpis {
                    div class="kpi" {
                        dt class="kpi__label" { (label) }
                        dd class="kpi__value" { (value) }
                        dd class="kpi__note" { (note) }
                    }
                }
            }
        }
    }
}

fn footer(stats: &Stats) -> Markup {
    let (since, until) = stats.period.bounds();
    let query: Vec<String> = [("since", since), ("until", until)]
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| format!("{name}={v}")))
        .collect();
    let json_link = if query.is_empty() {
        "/v1/stats".to_owned()
    } else {
        format!("/v1/stats?{}", query.join("&"))
    };
    html! {
        footer class="footer" {
            p {
                "Adherence counts medium and high warnings, the ones that offer a choice; blocked \
                 transfers (" (group_thousands(stats.warnings.total.blocked)) ") offer none and \
                 are counted apart. Pass rate and median score use first attempts; retries of \
                 missed questions (" (group_thousands(stats.quiz.total.retries)) ") are counted \
                 apart. Times are when events happened, in UTC."
            }
            p { "The same numbers as JSON: " a href=(json_link) { (json_link) } }
        }
    }
}

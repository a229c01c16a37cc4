//! `GET /dashboard`: the statistics of [`crate::stats`] as a page a product team can put on a
//! slide — headline numbers and bar charts of adherence and quiz results.
//!
//! Rendered on the server as HTML with inline SVG: no JavaScript, no inline styles (the strict
//! CSP forbids both), every client-supplied string (locales, unknown codes) escaped. Styles
//! come from `/dashboard.css`, built into the binary, with light and dark colour schemes.
//! Accepts the same `?since=…&until=…` query as `/v1/stats`.

mod chart;
mod text;

use std::fmt::Write as _;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};

use crate::period::Period;
use crate::request_log::rejected;
use crate::stats::{self, Keyed, QuizCounts, Stats, WarningCounts};
use crate::EventStore;
use chart::{Bar, BarChart, Tone};
use riskguard_core::i18n::group_thousands;
use text::{category_name, escape, exposure_name, locale_name, percent, plural};

/// The dashboard's stylesheet, served at `/dashboard.css`.
const STYLESHEET: &str = include_str!("dashboard.css");

/// Charts show at most this many bars; the smallest groups beyond are summed into one.
const MAX_BARS: usize = 10;

/// `GET /dashboard`.
pub(crate) async fn page(
    State(store): State<EventStore>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let period = match stats::read_period(query) {
        Ok(period) => period,
        Err(message) => {
            return rejected(
                StatusCode::BAD_REQUEST,
                html(message_page(
                    "This address asks for an unknown period",
                    &message,
                )),
                "bad_query",
            )
        }
    };
    match stats::run(store, period).await {
        Ok(stats) => html(render(&stats)).into_response(),
        Err(_) => stats::unavailable(html(message_page(
            "The numbers are unavailable",
            "The event store did not answer. Try again in a moment.",
        ))),
    }
}

/// `GET /dashboard.css`.
pub(crate) async fn stylesheet() -> Response {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "no-cache"),
        ],
        STYLESHEET,
    )
        .into_response()
}

fn html(body: String) -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
        ],
        body,
    )
}

/// The start of every page, up to and including `<body>`.
fn head(title: &str) -> String {
    format!(
        concat!(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<meta name=\"color-scheme\" content=\"light dark\">\n",
            "<title>{}</title>\n",
            "<link rel=\"stylesheet\" href=\"/dashboard.css\">\n</head>\n<body>\n"
        ),
        escape(title)
    )
}

/// A page with only a heading and a sentence (errors).
fn message_page(heading: &str, message: &str) -> String {
    let mut page = head("riskguard dashboard");
    let _ = write!(
        page,
        "<main class=\"page\"><section class=\"empty\"><h1>{}</h1><p>{}</p>\
         <p><a href=\"/dashboard\">Show all events</a></p></section></main>\n</body>\n</html>\n",
        escape(heading),
        escape(message)
    );
    page
}

/// The dashboard of `stats` as a complete HTML document.
pub(crate) fn render(stats: &Stats) -> String {
    let mut page = head("riskguard dashboard");
    let _ = write!(
        page,
        "<div class=\"page\">\n<header class=\"masthead\">\
         <p class=\"masthead__brand\">riskguard</p>\
         <h1 class=\"masthead__title\">Scam warnings and education</h1>\
         <p class=\"masthead__period\">{} · updated {}</p></header>\n<main>\n",
        escape(&describe_period(&stats.period)),
        escape(&stats.generated_at.parse::<DateTime<Utc>>().map_or_else(
            |_| stats.generated_at.clone(),
            |t| t.format("%-d %b %Y, %H:%M UTC").to_string()
        )),
    );
    if stats.is_empty() {
        page.push_str(&empty_state(&stats.period));
    } else {
        page.push_str(&headline(stats));
        page.push_str(&warnings_section(stats));
        page.push_str(&quiz_section(stats));
    }
    page.push_str("</main>\n");
    page.push_str(&footer(stats));
    page.push_str("</div>\n</body>\n</html>\n");
    page
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

fn empty_state(period: &Period) -> String {
    let when = if *period == Period::default() {
        "yet"
    } else {
        "in this period"
    };
    format!(
        "<section class=\"empty\" aria-labelledby=\"empty-heading\">\
         <h2 id=\"empty-heading\">No data yet</h2>\
         <p>No warning or quiz has been recorded {when}. The numbers appear here as soon as the \
         component sends its first events to <code>POST /v1/events</code>.</p>\
         <p>To see it work, open the <a href=\"/\">demo page</a> and send a transfer with a \
         risky memo such as “USDT承兑”.</p></section>\n"
    )
}

/// The five numbers at the top.
fn headline(stats: &Stats) -> String {
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
    let mut html = String::from(
        "<section class=\"kpis\" aria-labelledby=\"kpis-heading\">\
         <h2 id=\"kpis-heading\" class=\"section-title\">At a glance</h2><dl class=\"kpis__list\">",
    );
    for (label, value, note) in kpis {
        let _ = write!(
            html,
            "<div class=\"kpi\"><dt class=\"kpi__label\">{}</dt><dd class=\"kpi__value\">{}</dd>\
             <dd class=\"kpi__note\">{}</dd></div>",
            escape(label),
            escape(&value),
            escape(&note)
        );
    }
    html.push_str("</dl></section>\n");
    html
}

/// A group's English name and code: `("OTC trading", Some("otc_trading"))`, or the key alone.
fn name(key: &str, names: fn(&str) -> Option<&'static str>) -> (String, Option<String>) {
    match names(key) {
        Some(name) => (name.to_owned(), Some(key.to_owned())),
        None => (key.to_owned(), None),
    }
}

/// `rows` cut to [`MAX_BARS`], the rest summed into an "other" row.
fn fold_warnings(rows: &[Keyed<WarningCounts>]) -> Vec<Keyed<WarningCounts>> {
    if rows.len() <= MAX_BARS {
        return rows.to_vec();
    }
    let (kept, rest) = rows.split_at(MAX_BARS - 1);
    let mut other = WarningCounts {
        shown: 0,
        cancelled: 0,
        proceeded: 0,
        blocked: 0,
        adherence: None,
    };
    for row in rest {
        other.shown += row.counts.shown;
        other.cancelled += row.counts.cancelled;
        other.proceeded += row.counts.proceeded;
        other.blocked += row.counts.blocked;
    }
    other.adherence = (other.shown > 0).then(|| other.cancelled as f64 / other.shown as f64);
    let mut folded = kept.to_vec();
    folded.push(Keyed {
        key: format!("{} others", rest.len()),
        counts: other,
    });
    folded
}

fn fold_quiz(rows: &[Keyed<QuizCounts>]) -> Vec<Keyed<QuizCounts>> {
    if rows.len() <= MAX_BARS {
        return rows.to_vec();
    }
    let (kept, rest) = rows.split_at(MAX_BARS - 1);
    let mut other = QuizCounts {
        started: 0,
        completions: 0,
        retries: 0,
        sessions: 0,
        passed: 0,
        pass_rate: None,
        median_score_pct: None,
    };
    for row in rest {
        other.started += row.counts.started;
        other.completions += row.counts.completions;
        other.retries += row.counts.retries;
        other.sessions += row.counts.sessions;
        other.passed += row.counts.passed;
    }
    other.pass_rate =
        (other.completions > 0).then(|| other.passed as f64 / other.completions as f64);
    let mut folded = kept.to_vec();
    folded.push(Keyed {
        key: format!("{} others", rest.len()),
        counts: other,
    });
    folded
}

fn adherence_bars(
    rows: &[Keyed<WarningCounts>],
    names: fn(&str) -> Option<&'static str>,
) -> Vec<Bar> {
    fold_warnings(rows)
        .iter()
        .filter_map(|row| {
            let share = row.counts.adherence?;
            let (label, code) = name(&row.key, names);
            Some(Bar {
                label,
                code,
                share,
                detail: format!("of {} shown", group_thousands(row.counts.shown)),
            })
        })
        .collect()
}

fn pass_rate_bars(rows: &[Keyed<QuizCounts>], names: fn(&str) -> Option<&'static str>) -> Vec<Bar> {
    fold_quiz(rows)
        .iter()
        .filter_map(|row| {
            let share = row.counts.pass_rate?;
            let (label, code) = name(&row.key, names);
            Some(Bar {
                label,
                code,
                share,
                detail: format!("of {} taken", group_thousands(row.counts.completions)),
            })
        })
        .collect()
}

/// A `<figure>`: caption, chart, and the exact numbers in a table behind a disclosure.
fn figure(caption: &str, subtitle: &str, chart: &BarChart, table: &str) -> String {
    format!(
        "<figure class=\"chart\"><figcaption><span class=\"chart__title\">{}</span>\
         <span class=\"chart__subtitle\">{}</span></figcaption>{}\
         <details class=\"chart__numbers\"><summary>The numbers</summary>{}</details></figure>\n",
        escape(caption),
        escape(subtitle),
        chart.svg(),
        table
    )
}

/// A table of `rows` under `head`, in a region that scrolls sideways on narrow screens (and so
/// is focusable, for keyboard users to scroll it), labelled `label`.
fn table(label: &str, head: &[&str], rows: &[Vec<String>]) -> String {
    let mut html = format!(
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">\
         <table><thead><tr>",
        escape(label)
    );
    for cell in head {
        let _ = write!(html, "<th scope=\"col\">{}</th>", escape(cell));
    }
    html.push_str("</tr></thead><tbody>");
    for row in rows {
        html.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(html, "<th scope=\"row\">{}</th>", escape(cell));
            } else {
                let _ = write!(html, "<td>{}</td>", escape(cell));
            }
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></div>");
    html
}

fn group_label(key: &str, names: fn(&str) -> Option<&'static str>) -> String {
    match name(key, names) {
        (label, Some(code)) => format!("{label} ({code})"),
        (label, None) => label,
    }
}

fn warning_table(
    label: &str,
    rows: &[Keyed<WarningCounts>],
    names: fn(&str) -> Option<&'static str>,
) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let c = &row.counts;
            vec![
                group_label(&row.key, names),
                group_thousands(c.shown),
                group_thousands(c.cancelled),
                group_thousands(c.proceeded),
                group_thousands(c.blocked),
                c.adherence.map_or_else(|| "—".to_owned(), percent),
            ]
        })
        .collect();
    table(
        label,
        &[
            "Group",
            "Shown",
            "Cancelled",
            "Proceeded",
            "Blocked",
            "Adherence",
        ],
        &rows,
    )
}

fn quiz_table(
    label: &str,
    rows: &[Keyed<QuizCounts>],
    names: fn(&str) -> Option<&'static str>,
) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let c = &row.counts;
            vec![
                group_label(&row.key, names),
                group_thousands(c.completions),
                group_thousands(c.passed),
                c.pass_rate.map_or_else(|| "—".to_owned(), percent),
                c.median_score_pct
                    .map_or_else(|| "—".to_owned(), |m| percent(m / 100.0)),
                group_thousands(c.retries),
            ]
        })
        .collect();
    table(
        label,
        &[
            "Group",
            "Completed",
            "Passed",
            "Pass rate",
            "Median score",
            "Retries",
        ],
        &rows,
    )
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

fn warnings_section(stats: &Stats) -> String {
    let w = &stats.warnings;
    let mut html = String::from(
        "<section class=\"section\" aria-labelledby=\"warnings-heading\">\
         <h2 id=\"warnings-heading\" class=\"section-title\">Warnings</h2>\
         <p class=\"lede\">Adherence: the share of medium and high warnings after which the user \
         cancelled the transfer.</p>",
    );
    if w.total.shown == 0 {
        html.push_str(
            "<p class=\"none\">No medium or high warning was shown in this period.</p></section>\n",
        );
        return html;
    }
    html.push_str("<div class=\"charts\">");
    let charts = [
        (
            "Adherence by category",
            "Share of warnings cancelled, by the main reason for the warning".to_owned(),
            BarChart {
                id: "adherence-category",
                title: "Adherence by category".to_owned(),
                tone: Tone::Warning,
                bars: adherence_bars(&w.by_category, category_name),
            },
            warning_table(
                "Adherence by category, in numbers",
                &w.by_category,
                category_name,
            ),
        ),
        (
            "Adherence by locale",
            "Share of warnings cancelled, by the language the warning was shown in".to_owned(),
            BarChart {
                id: "adherence-locale",
                title: "Adherence by locale".to_owned(),
                tone: Tone::Warning,
                bars: adherence_bars(&w.by_locale, locale_name),
            },
            warning_table("Adherence by locale, in numbers", &w.by_locale, locale_name),
        ),
        (
            "First and repeat exposure",
            habituation_note(&w.by_exposure).unwrap_or_else(|| {
                "Share of warnings cancelled, by whether the user had seen this kind before"
                    .to_owned()
            }),
            BarChart {
                id: "adherence-exposure",
                title: "Adherence on first and repeat exposure".to_owned(),
                tone: Tone::Warning,
                bars: adherence_bars(&w.by_exposure, exposure_name),
            },
            warning_table(
                "Adherence by exposure, in numbers",
                &w.by_exposure,
                exposure_name,
            ),
        ),
    ];
    for (caption, subtitle, chart, table) in &charts {
        html.push_str(&figure(caption, subtitle, chart, table));
    }
    html.push_str("</div></section>\n");
    html
}

fn quiz_section(stats: &Stats) -> String {
    let q = &stats.quiz;
    let mut html = String::from(
        "<section class=\"section\" aria-labelledby=\"quiz-heading\">\
         <h2 id=\"quiz-heading\" class=\"section-title\">Quiz</h2>\
         <p class=\"lede\">Pass rate: the share of first attempts that reached the pass mark.</p>",
    );
    if q.total.completions == 0 {
        html.push_str("<p class=\"none\">No quiz was completed in this period.</p></section>\n");
        return html;
    }
    html.push_str("<div class=\"charts\">");
    let charts = [
        (
            "Pass rate by entry point",
            "From a warning of this category, or taken on its own",
            BarChart {
                id: "pass-category",
                title: "Quiz pass rate by entry point".to_owned(),
                tone: Tone::Quiz,
                bars: pass_rate_bars(&q.by_category, category_name),
            },
            quiz_table(
                "Pass rate by entry point, in numbers",
                &q.by_category,
                category_name,
            ),
        ),
        (
            "Pass rate by locale",
            "By the language the quiz was taken in",
            BarChart {
                id: "pass-locale",
                title: "Quiz pass rate by locale".to_owned(),
                tone: Tone::Quiz,
                bars: pass_rate_bars(&q.by_locale, locale_name),
            },
            quiz_table("Pass rate by locale, in numbers", &q.by_locale, locale_name),
        ),
    ];
    for (caption, subtitle, chart, table) in &charts {
        html.push_str(&figure(caption, subtitle, chart, table));
    }
    html.push_str("</div></section>\n");
    html
}

fn footer(stats: &Stats) -> String {
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
    format!(
        "<footer class=\"footer\"><p>Adherence counts medium and high warnings, the ones that \
         offer a choice; blocked transfers ({blocked}) offer none and are counted apart. Pass \
         rate and median score use first attempts; retries of missed questions ({retries}) are \
         counted apart. Times are when events happened, in UTC.</p>\
         <p>The same numbers as JSON: <a href=\"{link}\">{link_text}</a></p></footer>\n",
        blocked = group_thousands(stats.warnings.total.blocked),
        retries = group_thousands(stats.quiz.total.retries),
        link = escape(&json_link),
        link_text = escape(&json_link),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning_row(key: &str, shown: u64, cancelled: u64) -> Keyed<WarningCounts> {
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
        let folded = fold_warnings(&rows);
        assert_eq!(folded.len(), MAX_BARS);
        let other = &folded[MAX_BARS - 1];
        assert_eq!(other.key, "5 others");
        assert_eq!((other.counts.shown, other.counts.cancelled), (50, 25));
        assert_eq!(other.counts.adherence, Some(0.5));
    }

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

//! `GET /v1/stats` over real HTTP and real SQLite: exact numbers on a small hand-made set, and
//! on more than 10 000 synthetic events checked against the same numbers computed in Rust.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::Collector;
use reqwest::StatusCode;
use riskguard_collector::{synthetic, Store};
use riskguard_core::events::{
    Decision, Event, EventData, QuizCompleted, QuizStarted, WarningDecided, WarningShown,
};
use riskguard_core::risk::{Category, Level};
use riskguard_core::warning::Exposure;
use serde_json::{json, Value};

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 5, 1, 0, 0, 0).unwrap() + Duration::minutes(minute)
}

fn event(id: &str, minute: i64, data: EventData) -> Event {
    Event {
        id: id.to_owned(),
        source: "https://pay.example".to_owned(),
        time: at(minute),
        data,
    }
}

fn shown(level: Level, category: Option<Category>, locale: &str, exposure: Exposure) -> EventData {
    EventData::WarningShown(WarningShown {
        level,
        category,
        locale: locale.to_owned(),
        rules_version: "1".to_owned(),
        exposure,
    })
}

fn decided(
    level: Level,
    category: Option<Category>,
    locale: &str,
    exposure: Exposure,
    decision: Decision,
) -> EventData {
    EventData::WarningDecided(WarningDecided {
        level,
        category,
        locale: locale.to_owned(),
        decision,
        duration_ms: 1_000,
        exposure,
    })
}

fn completed(
    session: &str,
    attempt: u32,
    score: u32,
    max_score: u32,
    locale: &str,
    category: Option<Category>,
) -> EventData {
    EventData::QuizCompleted(QuizCompleted {
        session_id: session.to_owned(),
        attempt,
        score,
        max_score,
        passed: score * 100 >= 80 * max_score,
        duration_ms: 60_000,
        question_ids: vec!["q".to_owned(); max_score as usize],
        locale: locale.to_owned(),
        category,
    })
}

fn started(session: &str, attempt: u32, locale: &str, category: Option<Category>) -> EventData {
    EventData::QuizStarted(QuizStarted {
        session_id: session.to_owned(),
        attempt,
        question_ids: vec!["q".to_owned()],
        locale: locale.to_owned(),
        category,
    })
}

/// A small set whose every number is worked out by hand in the test below.
fn hand_made() -> Vec<Event> {
    use Category::{FlaggedPayee as Flagged, OtcTrading as Otc, UnlockFee as Fee};
    use Decision::{Blocked, Cancelled, Proceeded};
    use Exposure::{First, Repeat};
    use Level::{Blocked as LBlocked, High, Low, Medium};
    vec![
        // OTC, en-US: 3 shown (2 first, 1 repeat), 2 cancelled, 1 proceeded.
        event("w1", 0, shown(High, Some(Otc), "en-US", First)),
        event("w2", 1, decided(High, Some(Otc), "en-US", First, Cancelled)),
        event("w3", 2, shown(Medium, Some(Otc), "en-US", First)),
        event(
            "w4",
            3,
            decided(Medium, Some(Otc), "en-US", First, Proceeded),
        ),
        event("w5", 4, shown(High, Some(Otc), "en-US", Repeat)),
        event(
            "w6",
            5,
            decided(High, Some(Otc), "en-US", Repeat, Cancelled),
        ),
        // Unlock fee, zh-Hans: 1 shown, never decided.
        event("w7", 6, shown(Medium, Some(Fee), "zh-Hans", Repeat)),
        // No category, zh-Hans: 1 shown, cancelled.
        event("w8", 7, shown(Medium, None, "zh-Hans", First)),
        event("w9", 8, decided(Medium, None, "zh-Hans", First, Cancelled)),
        // Blocked: counted apart, not in adherence.
        event("w10", 9, shown(LBlocked, Some(Flagged), "zh-Hans", First)),
        event(
            "w11",
            10,
            decided(LBlocked, Some(Flagged), "zh-Hans", First, Blocked),
        ),
        // A low-level event is not a warning with a choice: ignored.
        event("w12", 11, shown(Low, Some(Otc), "fr-FR", First)),
        // Quiz. s1: en-US from OTC, 4/5 passed. s2: en-US standalone, 2/5 failed, retry 3/3.
        // s3: zh-Hans standalone, 5/5. s4: zh-Hans from OTC, 3/4 failed. s5: started only.
        event("q1", 20, started("s1", 1, "en-US", Some(Otc))),
        event("q2", 21, completed("s1", 1, 4, 5, "en-US", Some(Otc))),
        event("q3", 22, started("s2", 1, "en-US", None)),
        event("q4", 23, completed("s2", 1, 2, 5, "en-US", None)),
        event("q5", 24, started("s2", 2, "en-US", None)),
        event("q6", 25, completed("s2", 2, 3, 3, "en-US", None)),
        event("q7", 26, completed("s3", 1, 5, 5, "zh-Hans", None)),
        event("q8", 27, completed("s4", 1, 3, 4, "zh-Hans", Some(Otc))),
        event("q9", 28, started("s5", 1, "zh-Hant", None)),
    ]
}

fn row<'a>(rows: &'a Value, key: &str) -> &'a Value {
    rows.as_array()
        .and_then(|rows| rows.iter().find(|r| r["key"] == key))
        .unwrap_or_else(|| panic!("no row `{key}` in {rows}"))
}

async fn stats(collector: &Collector, query: &str) -> Value {
    let response = collector.get(&format!("/v1/stats{query}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    response.json().await.unwrap()
}

fn seed(collector: &Collector, events: &[Event]) {
    let store = Store::open(&collector.db).unwrap();
    store.insert_all(events).unwrap();
}

#[tokio::test]
async fn an_empty_database_gives_zeros_and_nulls() {
    let collector = Collector::start().await;
    let body = stats(&collector, "").await;
    assert_eq!(
        body["warnings"]["total"],
        json!({"shown": 0, "cancelled": 0, "proceeded": 0, "blocked": 0, "adherence": null})
    );
    assert_eq!(
        body["quiz"]["total"],
        json!({"started": 0, "completions": 0, "retries": 0, "sessions": 0, "passed": 0,
               "pass_rate": null, "median_score_pct": null})
    );
    for list in [
        &body["warnings"]["by_category"],
        &body["warnings"]["by_locale"],
        &body["warnings"]["by_exposure"],
        &body["quiz"]["by_locale"],
        &body["quiz"]["by_category"],
    ] {
        assert_eq!(list, &json!([]));
    }
    assert_eq!(body["period"], json!({"since": null, "until": null}));
    assert!(body["generated_at"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn hand_made_events_give_the_hand_worked_numbers() {
    let collector = Collector::start().await;
    seed(&collector, &hand_made());
    let body = stats(&collector, "").await;
    let w = &body["warnings"];
    assert_eq!(
        w["total"],
        json!({"shown": 5, "cancelled": 3, "proceeded": 1, "blocked": 1, "adherence": 0.6})
    );
    assert_eq!(
        w["by_category"],
        json!([
            {"key": "otc_trading", "shown": 3, "cancelled": 2, "proceeded": 1, "blocked": 0,
             "adherence": 2.0 / 3.0},
            {"key": "none", "shown": 1, "cancelled": 1, "proceeded": 0, "blocked": 0,
             "adherence": 1.0},
            {"key": "unlock_fee", "shown": 1, "cancelled": 0, "proceeded": 0, "blocked": 0,
             "adherence": 0.0},
            {"key": "flagged_payee", "shown": 0, "cancelled": 0, "proceeded": 0, "blocked": 1,
             "adherence": null},
        ])
    );
    assert_eq!(
        w["by_locale"],
        json!([
            {"key": "en-US", "shown": 3, "cancelled": 2, "proceeded": 1, "blocked": 0,
             "adherence": 2.0 / 3.0},
            {"key": "zh-Hans", "shown": 2, "cancelled": 1, "proceeded": 0, "blocked": 1,
             "adherence": 0.5},
        ])
    );
    assert_eq!(
        w["by_exposure"],
        json!([
            {"key": "first", "shown": 3, "cancelled": 2, "proceeded": 1, "blocked": 1,
             "adherence": 2.0 / 3.0},
            {"key": "repeat", "shown": 2, "cancelled": 1, "proceeded": 0, "blocked": 0,
             "adherence": 0.5},
        ])
    );

    let q = &body["quiz"];
    // First attempts: 80 %, 40 %, 100 %, 75 % → median (75 + 80) / 2; passed: s1, s3.
    assert_eq!(
        q["total"],
        json!({"started": 3, "completions": 4, "retries": 1, "sessions": 4, "passed": 2,
               "pass_rate": 0.5, "median_score_pct": 77.5})
    );
    assert_eq!(
        row(&q["by_locale"], "en-US"),
        &json!({"key": "en-US", "started": 2, "completions": 2, "retries": 1, "sessions": 2,
                "passed": 1, "pass_rate": 0.5, "median_score_pct": 60.0})
    );
    assert_eq!(
        row(&q["by_locale"], "zh-Hans"),
        &json!({"key": "zh-Hans", "started": 0, "completions": 2, "retries": 0, "sessions": 2,
                "passed": 1, "pass_rate": 0.5, "median_score_pct": 87.5})
    );
    assert_eq!(
        row(&q["by_locale"], "zh-Hant"),
        &json!({"key": "zh-Hant", "started": 1, "completions": 0, "retries": 0, "sessions": 0,
                "passed": 0, "pass_rate": null, "median_score_pct": null})
    );
    assert_eq!(
        q["by_category"],
        json!([
            {"key": "otc_trading", "started": 1, "completions": 2, "retries": 0, "sessions": 2,
             "passed": 1, "pass_rate": 0.5, "median_score_pct": 77.5},
            {"key": "standalone", "started": 2, "completions": 2, "retries": 1, "sessions": 2,
             "passed": 1, "pass_rate": 0.5, "median_score_pct": 70.0},
        ])
    );
}

#[tokio::test]
async fn since_is_inclusive_and_until_exclusive() {
    let collector = Collector::start().await;
    seed(&collector, &hand_made());
    // Minutes 4 (w5) to 8 (w9, excluded): w5 shown repeat, w6 cancelled, w7, w8 shown.
    let since = at(4).to_rfc3339();
    let until = at(8).format("%Y-%m-%dT%H:%M:%S%%2B00:00").to_string();
    let body = stats(&collector, &format!("?since={since}&until={until}")).await;
    assert_eq!(
        body["warnings"]["total"],
        json!({"shown": 3, "cancelled": 1, "proceeded": 0, "blocked": 0, "adherence": 1.0 / 3.0})
    );
    assert_eq!(body["quiz"]["total"]["completions"], 0);
    assert_eq!(
        body["period"],
        json!({"since": "2025-05-01T00:04:00Z", "until": "2025-05-01T00:08:00Z"})
    );
}

#[tokio::test]
async fn bad_queries_are_400_with_a_clear_message() {
    let collector = Collector::start().await;
    for (query, needle) in [
        ("?since=yesterday", "`since` must be an RFC 3339 date-time"),
        (
            "?until=2025-13-01T00:00:00Z",
            "`until` must be an RFC 3339 date-time",
        ),
        ("?since=2025-01-01", "RFC 3339"),
        (
            "?from=2025-01-01T00:00:00Z",
            "unknown query parameter `from`",
        ),
        (
            "?since=2025-02-01T00:00:00Z&until=2025-01-01T00:00:00Z",
            "`since` must be before `until`",
        ),
        (
            "?since=2025-01-01T00:00:00Z&since=2025-01-02T00:00:00Z",
            "more than once",
        ),
    ] {
        let answer = common::answer(collector.get(&format!("/v1/stats{query}")).await).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{query}");
        answer.assert_error_mentions(needle);
    }
}

/// A quiz group's counts (started, completions, retries, passed), first-attempt scores in
/// percent, and sessions.
type QuizTally = ([u64; 4], Vec<f64>, BTreeSet<String>);

/// The statistics, computed in plain Rust from the events.
#[derive(Debug, Default)]
struct Expected {
    /// shown, cancelled, proceeded, blocked
    warnings: BTreeMap<String, [u64; 4]>,
    quiz: BTreeMap<String, QuizTally>,
}

fn expected(
    events: &[Event],
    warning_key: fn(&EventData) -> String,
    quiz_key: fn(&EventData) -> String,
) -> Expected {
    let mut out = Expected::default();
    for event in events {
        match &event.data {
            EventData::WarningShown(d) => {
                let counts = out.warnings.entry(warning_key(&event.data)).or_default();
                match d.level {
                    Level::Medium | Level::High => counts[0] += 1,
                    Level::Blocked => counts[3] += 1,
                    _ => {}
                }
            }
            EventData::WarningDecided(d) if matches!(d.level, Level::Medium | Level::High) => {
                let counts = out.warnings.entry(warning_key(&event.data)).or_default();
                match d.decision {
                    Decision::Cancelled => counts[1] += 1,
                    Decision::Proceeded => counts[2] += 1,
                    _ => {}
                }
            }
            EventData::QuizStarted(d) if d.attempt == 1 => {
                out.quiz.entry(quiz_key(&event.data)).or_default().0[0] += 1;
            }
            EventData::QuizCompleted(d) => {
                let entry = out.quiz.entry(quiz_key(&event.data)).or_default();
                entry.2.insert(d.session_id.clone());
                if d.attempt == 1 {
                    entry.0[1] += 1;
                    if d.passed {
                        entry.0[3] += 1;
                    }
                    if d.max_score > 0 {
                        entry
                            .1
                            .push(100.0 * f64::from(d.score) / f64::from(d.max_score));
                    }
                } else {
                    entry.0[2] += 1;
                }
            }
            _ => {}
        }
    }
    // Groups with only low-level warnings are not reported.
    out.warnings
        .retain(|_, counts| counts.iter().sum::<u64>() > 0);
    out
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

fn close(a: &Value, b: Option<f64>) -> bool {
    match (a.as_f64(), b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (None, None) => a.is_null(),
        _ => false,
    }
}

fn check(expected: &mut Expected, warnings: &Value, quiz: &Value) {
    let warning_rows = warnings.as_array().unwrap();
    assert_eq!(warning_rows.len(), expected.warnings.len(), "{warnings}");
    for (key, [shown, cancelled, proceeded, blocked]) in &expected.warnings {
        let row = row(warnings, key);
        assert_eq!(row["shown"], *shown, "{key}");
        assert_eq!(row["cancelled"], *cancelled, "{key}");
        assert_eq!(row["proceeded"], *proceeded, "{key}");
        assert_eq!(row["blocked"], *blocked, "{key}");
        let adherence = (*shown > 0).then(|| *cancelled as f64 / *shown as f64);
        assert!(close(&row["adherence"], adherence), "{key}: {row}");
    }
    let shown: Vec<u64> = warning_rows
        .iter()
        .map(|r| r["shown"].as_u64().unwrap())
        .collect();
    assert!(shown.windows(2).all(|w| w[0] >= w[1]), "sorted: {shown:?}");

    assert_eq!(
        quiz.as_array().unwrap().len(),
        expected.quiz.len(),
        "{quiz}"
    );
    for (key, ([started, completions, retries, passed], scores, sessions)) in &mut expected.quiz {
        let row = row(quiz, key);
        assert_eq!(row["started"], *started, "{key}");
        assert_eq!(row["completions"], *completions, "{key}");
        assert_eq!(row["retries"], *retries, "{key}");
        assert_eq!(row["passed"], *passed, "{key}");
        assert_eq!(row["sessions"], sessions.len() as u64, "{key}");
        let pass_rate = (*completions > 0).then(|| *passed as f64 / *completions as f64);
        assert!(close(&row["pass_rate"], pass_rate), "{key}: {row}");
        assert!(
            close(&row["median_score_pct"], median(scores)),
            "{key}: {row}"
        );
    }
}

fn category_of(data: &EventData) -> Option<Category> {
    match data {
        EventData::WarningShown(d) => d.category,
        EventData::WarningDecided(d) => d.category,
        EventData::QuizStarted(d) => d.category,
        EventData::QuizCompleted(d) => d.category,
        _ => None,
    }
}

fn locale_of(data: &EventData) -> String {
    match data {
        EventData::WarningShown(d) => d.locale.clone(),
        EventData::WarningDecided(d) => d.locale.clone(),
        EventData::QuizStarted(d) => d.locale.clone(),
        EventData::QuizCompleted(d) => d.locale.clone(),
        _ => String::new(),
    }
}

fn code(category: Option<Category>, none: &str) -> String {
    category.map_or_else(|| none.to_owned(), |c| c.code().to_owned())
}

#[tokio::test]
async fn more_than_10_000_synthetic_events_match_a_plain_rust_count() {
    let collector = Collector::start().await;
    let end = Utc.with_ymd_and_hms(2025, 6, 30, 0, 0, 0).unwrap();
    let mut events = synthetic::events(2025, 4_500, end);
    // Odd cases the synthetic world lacks: no category, a level without choice.
    events.extend(hand_made());
    assert!(events.len() >= 10_000, "{} events", events.len());
    seed(&collector, &events);
    assert!(collector.rows() >= 10_000);

    let total = |_: &EventData| "total".to_owned();
    let odd_since = end - Duration::days(17) + Duration::milliseconds(1_397_123);
    let odd_until = end - Duration::days(3) - Duration::milliseconds(2_461_877);
    let periods = [
        (String::new(), None, None),
        (
            format!("?since={}", (end - Duration::days(14)).to_rfc3339()),
            Some(end - Duration::days(14)),
            None,
        ),
        (
            format!(
                "?since={}&until={}",
                (end - Duration::days(20)).format("%Y-%m-%dT%H:%M:%SZ"),
                (end - Duration::days(6)).format("%Y-%m-%dT%H:%M:%SZ")
            ),
            Some(end - Duration::days(20)),
            Some(end - Duration::days(6)),
        ),
        // Bounds inside hours: whole hours come from the rollups, the edges from raw events.
        (
            format!(
                "?since={}&until={}",
                odd_since.format("%Y-%m-%dT%H:%M:%S%.3fZ"),
                odd_until.format("%Y-%m-%dT%H:%M:%S%.3fZ")
            ),
            Some(odd_since),
            Some(odd_until),
        ),
    ];
    for (query, since, until) in periods {
        let body = stats(&collector, &query).await;
        let in_period: Vec<Event> = events
            .iter()
            .filter(|e| since.is_none_or(|s| e.time >= s) && until.is_none_or(|u| e.time < u))
            .cloned()
            .collect();
        let w = &body["warnings"];
        let q = &body["quiz"];
        let wrap = |v: &Value| {
            let mut row = v.clone();
            row["key"] = json!("total");
            json!([row])
        };
        check(
            &mut expected(&in_period, total, total),
            &wrap(&w["total"]),
            &wrap(&q["total"]),
        );
        check(
            &mut expected(
                &in_period,
                |d| code(category_of(d), "none"),
                |d| code(category_of(d), "standalone"),
            ),
            &w["by_category"],
            &q["by_category"],
        );
        check(
            &mut expected(&in_period, locale_of, locale_of),
            &w["by_locale"],
            &q["by_locale"],
        );
        let exposure = |d: &EventData| match d {
            EventData::WarningShown(d) => format!("{:?}", d.exposure).to_lowercase(),
            EventData::WarningDecided(d) => format!("{:?}", d.exposure).to_lowercase(),
            _ => String::new(),
        };
        let mut by_exposure = expected(&in_period, exposure, total);
        by_exposure.quiz.clear();
        check(&mut by_exposure, &w["by_exposure"], &json!([]));
    }
}

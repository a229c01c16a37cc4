//! Browser tests of the educational quiz in headless Chromium, through the JS API a host uses
//! (`startQuiz`, `refresherDue`, `onEvent`) and the DOM a user sees.
//!
//! Run with `cargo xtask test` (stage `browser`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

mod common;

use chrono::{Duration, SecondsFormat, Utc};
use gloo_timers::future::TimeoutFuture;
use riskguard::web::{mount, RiskGuard};
use riskguard_core::quiz::Question;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use common::{click, document, find, fresh_host, text, NOWHERE};

wasm_bindgen_test_configure!(run_in_browser);

const HISTORY_KEY: &str = "riskguard.quiz.v1";

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

/// Mounts riskguard with `extra` options (JSON) and an `onEvent` hook collecting every event
/// into the returned array.
fn mount_collecting(extra: Value) -> (HtmlElement, RiskGuard, js_sys::Array) {
    let mut options = serde_json::json!({ "locale": "en-US", "endpoint": NOWHERE });
    if let (Some(options), Value::Object(extra)) = (options.as_object_mut(), extra) {
        options.extend(extra);
    }
    let options = js_sys::JSON::parse(&options.to_string()).expect("JSON");
    let events = js_sys::Array::new();
    let sink = events.clone();
    let on_event = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        sink.push(&event);
    });
    js_sys::Reflect::set(&options, &"onEvent".into(), on_event.as_ref()).expect("set");
    on_event.forget();
    let host = fresh_host();
    let guard = mount(host.clone(), options).expect("mounts");
    (host, guard, events)
}

fn to_json(value: &JsValue) -> Value {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// The collected events of `type`.
fn events_of(events: &js_sys::Array, event_type: &str) -> Vec<Value> {
    events
        .iter()
        .map(|e| to_json(&e))
        .filter(|e| e["type"] == event_type)
        .collect()
}

async fn tick() {
    TimeoutFuture::new(20).await;
}

/// The question on screen, from the id the fieldset carries.
async fn question_on_screen(quiz: &Element) -> &'static Question {
    let fieldset = find(quiz, "fieldset[data-rg-question]").await;
    let id = fieldset
        .get_attribute("data-rg-question")
        .unwrap_or_default();
    Question::by_id(&id).unwrap_or_else(|| panic!("unknown question id `{id}`"))
}

/// Answers the question on screen (rightly or wrongly) and returns the feedback's text.
async fn answer(quiz: &Element, rightly: bool) -> String {
    let question = question_on_screen(quiz).await;
    let option = if rightly {
        question.correct
    } else {
        (question.correct + 1) % question.options
    };
    click(&find(quiz, &format!("input[data-rg-option='{option}']")).await);
    tick().await;
    click(&find(quiz, "[data-rg=quiz-check]").await);
    let feedback = find(quiz, "[data-rg=feedback] .rg-quiz__verdict").await;
    let region = find(quiz, "[data-rg=feedback]").await;
    assert_eq!(region.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(
        feedback.get_attribute("data-rg-correct").as_deref(),
        Some(if rightly { "true" } else { "false" })
    );
    // The right answer is marked, whatever was chosen.
    let marked = find(quiz, ".rg-quiz__option--correct input").await;
    assert_eq!(
        marked.get_attribute("data-rg-option"),
        Some(question.correct.to_string())
    );
    text(&region)
}

async fn next(quiz: &Element) {
    click(&find(quiz, "[data-rg=quiz-next]").await);
    tick().await;
}

fn summary_of(quiz: &Element) -> Option<Element> {
    quiz.query_selector("[data-rg=quiz-summary]").ok().flatten()
}

async fn finish_attempt(quiz: &Element, rightly: bool) -> Element {
    for _ in 0..10 {
        if let Some(summary) = summary_of(quiz) {
            return summary;
        }
        let feedback = answer(quiz, rightly).await;
        let verdict = if rightly { "Correct." } else { "Not quite." };
        assert!(feedback.starts_with(verdict), "{feedback}");
        assert!(
            feedback.len() > verdict.len() + 20,
            "an explanation follows: {feedback}"
        );
        next(quiz).await;
    }
    panic!("the attempt did not end");
}

async fn resolved(promise: js_sys::Promise) -> Value {
    to_json(&JsFuture::from(promise).await.expect("resolves"))
}

#[wasm_bindgen_test]
async fn standalone_quiz_gives_feedback_retries_the_missed_questions_and_reports_each_attempt() {
    storage().remove_item(HISTORY_KEY).expect("remove");
    let (host, guard, events) = mount_collecting(Value::Null);
    let due = to_json(&guard.refresher_due());
    assert_eq!(due["due"], true, "never completed: a quiz is due");
    assert_eq!(due["lastCompletedAt"], Value::Null);

    let opener: HtmlElement = document()
        .create_element("button")
        .expect("button")
        .unchecked_into();
    host.append_child(&opener).expect("append");
    opener.focus().expect("focus");
    let finished = guard.start_quiz(JsValue::UNDEFINED);
    let quiz = find(&host, "[data-rg=quiz]").await;
    assert_eq!(quiz.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(quiz.get_attribute("aria-modal").as_deref(), Some("true"));
    let overlay = find(&host, "[data-rg=overlay]").await;
    assert_eq!(overlay.get_attribute("lang").as_deref(), Some("en-US"));
    guard
        .set_locale(JsValue::from_str("zh-TW"))
        .expect("valid tag");
    tick().await;
    assert_eq!(overlay.get_attribute("lang").as_deref(), Some("zh-Hant"));
    assert!(text(&quiz).contains("題"), "{}", text(&quiz));
    guard
        .set_locale(JsValue::from_str("en"))
        .expect("valid tag");
    tick().await;
    let progress = text(&find(&quiz, ".rg-quiz__progress").await);
    assert_eq!(progress, "Question 1 of 6");
    // A radio group named by its prompt, one radio per option.
    let question = question_on_screen(&quiz).await;
    let legend = text(&find(&quiz, "fieldset > legend").await);
    assert!(
        !legend.is_empty() && !legend.starts_with("quiz-"),
        "{legend}"
    );
    let radios = quiz
        .query_selector_all("fieldset input[type=radio]")
        .expect("query");
    assert_eq!(radios.length() as usize, question.options);

    // Attempt 1, every answer wrong.
    let summary = finish_attempt(&quiz, false).await;
    assert_eq!(
        summary.get_attribute("data-rg-passed").as_deref(),
        Some("false")
    );
    let summary_text = text(&summary);
    assert!(
        summary_text.contains("You got 0 of 6 questions right."),
        "{summary_text}"
    );
    assert!(summary_text.contains("Pass mark: 80"), "{summary_text}");
    let techniques = summary
        .query_selector_all(".rg-quiz__technique")
        .expect("query");
    assert!(
        techniques.length() >= 3,
        "the techniques learned are listed"
    );
    let retry = find(&quiz, "[data-rg=quiz-retry]").await;
    assert!(text(&retry).contains('6'), "{}", text(&retry));

    // Attempt 2 asks the six missed questions again; all right now.
    click(&retry);
    tick().await;
    let progress = text(&find(&quiz, ".rg-quiz__progress").await);
    assert!(progress.starts_with("Attempt 2"), "{progress}");
    let summary = finish_attempt(&quiz, true).await;
    assert_eq!(
        summary.get_attribute("data-rg-passed").as_deref(),
        Some("true")
    );
    assert!(
        text(&summary).contains("You got 6 of 6"),
        "{}",
        text(&summary)
    );
    assert!(summary
        .query_selector("[data-rg=quiz-retry]")
        .expect("query")
        .is_none());
    let done = find(&quiz, "[data-rg=quiz-close]").await;
    assert_eq!(text(&done), "Done");
    click(&done);

    let outcome = resolved(finished).await;
    assert_eq!(outcome["score"], 6);
    assert_eq!(outcome["maxScore"], 6);
    assert_eq!(outcome["passed"], true);
    assert_eq!(outcome["attempts"], 2);
    assert!(host
        .query_selector("[data-rg=quiz]")
        .expect("query")
        .is_none());
    assert_eq!(
        document().active_element().as_ref(),
        Some(opener.unchecked_ref::<Element>()),
        "focus returns to what opened the quiz"
    );

    // One session, two attempts, each started and completed.
    let started = events_of(&events, "riskguard.quiz.started");
    let completed = events_of(&events, "riskguard.quiz.completed");
    assert_eq!(started.len(), 2);
    assert_eq!(completed.len(), 2);
    let session = &started[0]["data"]["session_id"];
    for (n, event) in started.iter().chain(&completed).enumerate() {
        assert_eq!(&event["data"]["session_id"], session, "event {n}");
        assert_eq!(event["data"]["locale"], "en-US");
        assert_eq!(event["data"]["category"], Value::Null, "started on its own");
    }
    assert_eq!(completed[0]["data"]["attempt"], 1);
    assert_eq!(completed[0]["data"]["score"], 0);
    assert_eq!(completed[0]["data"]["passed"], false);
    assert_eq!(completed[1]["data"]["attempt"], 2);
    assert_eq!(completed[1]["data"]["score"], 6);
    assert_eq!(completed[1]["data"]["passed"], true);
    assert_eq!(
        started[1]["data"]["question_ids"], completed[0]["data"]["question_ids"],
        "the retry asks exactly the missed questions"
    );

    let due = to_json(&guard.refresher_due());
    assert_eq!(due["due"], false, "just completed: no refresher yet");
    assert_eq!(due["completions"], 1);
    assert!(due["lastCompletedAt"].is_string());
    guard.unmount();
}

#[wasm_bindgen_test]
async fn red_flag_messages_are_text_that_describes_the_radio_group() {
    let (host, guard, _) = mount_collecting(Value::Null);
    let _finished = guard.start_quiz(JsValue::UNDEFINED);
    let quiz = find(&host, "[data-rg=quiz]").await;
    let mut kinds = Vec::new();
    while summary_of(&quiz).is_none() {
        let kind = find(&quiz, "[data-rg=quiz-kind]").await;
        let code = kind.get_attribute("data-rg-kind").unwrap_or_default();
        assert!(!text(&kind).is_empty());
        let fieldset = find(&quiz, "fieldset").await;
        if code == "spot-the-red-flag" {
            let message = find(&quiz, "[data-rg=quiz-scenario] blockquote").await;
            assert!(text(&message).chars().count() > 15, "{}", text(&message));
            assert_eq!(message.children().length(), 0, "the message is plain text");
            assert_eq!(
                fieldset.get_attribute("aria-describedby"),
                Some(message.id())
            );
        } else {
            assert!(quiz
                .query_selector("[data-rg=quiz-scenario]")
                .expect("q")
                .is_none());
        }
        if code == "true-false" {
            let labels: Vec<String> = (0..2)
                .map(|i| {
                    quiz.query_selector_all(".rg-quiz__option")
                        .ok()
                        .and_then(|l| l.item(i))
                        .and_then(|n| n.text_content())
                        .unwrap_or_default()
                })
                .collect();
            assert_eq!(labels, ["True", "False"]);
        }
        kinds.push(code);
        answer(&quiz, true).await;
        next(&quiz).await;
    }
    for kind in ["single-choice", "true-false", "spot-the-red-flag"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    guard.unmount();
}

#[wasm_bindgen_test]
async fn a_quiz_from_a_warning_is_about_its_category() {
    let (host, guard, events) = mount_collecting(serde_json::json!({ "quizLength": 5 }));
    let transfer = serde_json::json!({
        "amount_minor": 500_000, "currency": "CNY", "memo": "USDT承兑",
        "payee": { "display_name": "Dealer", "is_new": true },
        "initiated_at": "2026-11-21T14:00:00+08:00",
    });
    let transfer = js_sys::JSON::parse(&transfer.to_string()).expect("JSON");
    let category = to_json(&guard.assess(transfer.clone()).expect("assess"))["category"].clone();
    assert_eq!(category, "otc_trading");
    let pending = guard.check(transfer);
    click(&find(&host, "[data-rg=learn]").await);
    let quiz = find(&host, "[data-rg=quiz]").await;
    assert_eq!(
        text(&find(&quiz, ".rg-quiz__progress").await),
        "Question 1 of 5"
    );
    finish_attempt(&quiz, true).await;
    let started = events_of(&events, "riskguard.quiz.started");
    assert_eq!(started.len(), 1);
    assert_eq!(started[0]["data"]["category"], "otc_trading");
    let about: usize = started[0]["data"]["question_ids"]
        .as_array()
        .expect("ids")
        .iter()
        .filter_map(Value::as_str)
        .filter_map(Question::by_id)
        .filter(|q| q.is_about(riskguard_core::risk::Category::OtcTrading))
        .count();
    assert!(
        about >= 3,
        "at least half of 5 questions are about OTC trading: {about}"
    );
    let back = find(&quiz, "[data-rg=quiz-close]").await;
    assert_eq!(text(&back), "Back to the transfer");
    click(&back);
    find(&host, "[data-rg=interstitial]").await;
    click(&find(&host, "[data-rg=cancel]").await);
    let decision = JsFuture::from(pending).await.expect("resolves");
    assert_eq!(decision.as_string().as_deref(), Some("cancelled"));
    guard.unmount();
}

fn stored_history(days_ago: i64) -> String {
    let at = (Utc::now() - Duration::days(days_ago)).to_rfc3339_opts(SecondsFormat::Millis, true);
    format!(r#"{{"last_completed_at":"{at}","last_passed":true,"completions":3}}"#)
}

#[wasm_bindgen_test]
async fn a_refresher_is_due_after_the_interval_and_corrupt_history_counts_as_never() {
    let due_with = |history: Option<&str>, options: Value| {
        match history {
            Some(h) => storage().set_item(HISTORY_KEY, h).expect("set"),
            None => storage().remove_item(HISTORY_KEY).expect("remove"),
        }
        let (_, guard, _) = mount_collecting(options);
        let due = to_json(&guard.refresher_due());
        guard.unmount();
        due
    };
    let recent = due_with(Some(&stored_history(29)), Value::Null);
    assert_eq!(recent["due"], false);
    assert_eq!(recent["completions"], 3);
    let old = due_with(Some(&stored_history(31)), Value::Null);
    assert_eq!(old["due"], true);
    assert!(old["lastCompletedAt"].is_string());
    let weekly = due_with(
        Some(&stored_history(8)),
        serde_json::json!({ "refresherDays": 7 }),
    );
    assert_eq!(weekly["due"], true, "the host's interval applies");
    let corrupt = due_with(Some("{\"last_completed_at\": 12"), Value::Null);
    assert_eq!(corrupt["due"], true, "unreadable history: offer the quiz");
    assert_eq!(corrupt["lastCompletedAt"], Value::Null);
    storage().remove_item(HISTORY_KEY).expect("remove");
}

#[wasm_bindgen_test]
async fn quiz_misuse_gets_clear_errors() {
    let options = js_sys::JSON::parse(r#"{"quizLength": 9}"#).expect("JSON");
    let error = mount(fresh_host(), options).err().expect("refused");
    let message = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default();
    assert!(
        message.contains("`quizLength` must be 5 to 7, not 9"),
        "{message}"
    );

    let (host, guard, _) = mount_collecting(Value::Null);
    let bad = js_sys::JSON::parse(r#"{"category": "bitcoin"}"#).expect("JSON");
    let refused = JsFuture::from(guard.start_quiz(bad))
        .await
        .expect_err("rejects");
    let message = String::from(refused.unchecked_ref::<js_sys::Error>().message());
    assert!(
        message.contains("`category`") && message.contains("bitcoin"),
        "{message}"
    );

    let _open = guard.start_quiz(JsValue::UNDEFINED);
    find(&host, "[data-rg=quiz]").await;
    let twice = JsFuture::from(guard.start_quiz(JsValue::UNDEFINED))
        .await
        .expect_err("rejects");
    let message = String::from(twice.unchecked_ref::<js_sys::Error>().message());
    assert!(message.contains("already open"), "{message}");
    guard.unmount();
    assert!(host
        .query_selector("[data-rg=quiz]")
        .expect("query")
        .is_none());
}

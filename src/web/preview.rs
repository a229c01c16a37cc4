//! `preview(element, options)`: one warning or quiz screen from a described assessment, for the
//! editors' preview page and for accessibility and visual checks. Sends no events, stores
//! nothing, resolves nothing.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use leptos::callback::UnsyncCallback;
use leptos::prelude::*;
use riskguard_core::risk::{Assessment, Category, Level, TransferContext};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use riskguard_core::quiz::{QuestionKind, QuizConfig, QuizSession};

use super::js_value::{error, to_json};
use super::options::LocaleRequest;
use crate::ui::{provide_i18n, Quiz, RiskWarning};

/// Which screen to preview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Screen {
    /// The warning for `level` (a hint for `low`).
    #[default]
    Warning,
    /// The quiz's first question.
    Quiz,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PreviewOptions {
    #[serde(default = "medium")]
    level: Level,
    #[serde(default = "otc")]
    category: Category,
    #[serde(default)]
    locale: Option<LocaleRequest>,
    #[serde(default)]
    variant: u32,
    #[serde(default)]
    screen: Screen,
    /// Render in the page flow instead of over it (for galleries).
    #[serde(default)]
    inline: bool,
    #[serde(default)]
    payee_name: Option<String>,
    /// For `screen: "quiz"`: the kind of the first question (`single-choice`, `true-false`,
    /// `spot-the-red-flag`); any kind when absent.
    #[serde(default)]
    kind: Option<String>,
}

fn medium() -> Level {
    Level::Medium
}

fn otc() -> Category {
    Category::OtcTrading
}

/// A mounted preview; it stays on the page until `unmount()`.
#[wasm_bindgen]
pub struct Preview {
    id: u32,
}

thread_local! {
    /// Mounted previews by id: they stay mounted even when the JS handle is garbage collected.
    static PREVIEWS: RefCell<HashMap<u32, Box<dyn std::any::Any>>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

#[wasm_bindgen]
impl Preview {
    /// Removes the preview from the page.
    pub fn unmount(&self) {
        PREVIEWS.with(|previews| previews.borrow_mut().remove(&self.id));
    }
}

/// Renders a preview into `element`: `{ level, category, locale, variant, screen, inline,
/// payeeName, kind }`, all optional (`medium` `otc_trading` warning in English by default).
#[wasm_bindgen]
pub fn preview(element: HtmlElement, options: JsValue) -> Result<Preview, JsValue> {
    let options: PreviewOptions = match to_json(&options) {
        None => serde_json::from_str("{}"),
        Some(json) => serde_json::from_str(&json),
    }
    .map_err(|e| error(&format!("invalid preview options: {e}")))?;
    let locale = options
        .locale
        .as_ref()
        .map(LocaleRequest::negotiate)
        .unwrap_or_default();
    let transfer = sample_transfer(options.payee_name.as_deref())?;
    let assessment = Assessment {
        id: None,
        level: options.level,
        category: Some(options.category),
        reasons: Vec::new(),
        rules_version: "preview".to_owned(),
    };
    let quiz_seed = match options.kind.as_deref() {
        None => 0,
        Some(code) => first_seed_with(options.category, code)?,
    };
    let overlay_class = if options.inline {
        "rg-overlay rg-overlay--inline"
    } else {
        "rg-overlay"
    };
    let handle = leptos::mount::mount_to(element, move || {
        provide_i18n(locale);
        let screen = match options.screen {
            Screen::Warning => view! {
                <RiskWarning
                    transfer
                    assessment
                    variant=options.variant
                    on_decide=UnsyncCallback::new(|_| {})
                    on_learn=UnsyncCallback::new(|()| {})
                    on_report=UnsyncCallback::new(|()| {})
                    help_url=Some("/".to_owned())
                />
            }
            .into_any(),
            Screen::Quiz => view! {
                <Quiz
                    // The same questions on every preview and screenshot.
                    config=QuizConfig::new(Some(options.category), quiz_seed)
                    on_complete=UnsyncCallback::new(|_| {})
                    on_close=UnsyncCallback::new(|()| {})
                />
            }
            .into_any(),
        };
        view! { <div class=overlay_class data-rg="overlay">{screen}</div> }
    });
    let id = NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1));
        id
    });
    PREVIEWS.with(|previews| previews.borrow_mut().insert(id, Box::new(handle)));
    Ok(Preview { id })
}

/// The first seed whose quiz about `category` opens with a question of kind `code`: previews
/// and screenshots stay the same from run to run.
fn first_seed_with(category: Category, code: &str) -> Result<u64, JsValue> {
    let kind = QuestionKind::ALL
        .into_iter()
        .find(|k| k.code() == code)
        .ok_or_else(|| {
            let kinds: Vec<&str> = QuestionKind::ALL.iter().map(|k| k.code()).collect();
            error(&format!(
                "invalid preview options: `kind` must be one of {}, not `{code}`",
                kinds.join(", ")
            ))
        })?;
    let now = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
    (0..1_000)
        .find(|&seed| {
            QuizSession::start(Some(category), seed, now)
                .current()
                .is_some_and(|p| p.question.kind == kind)
        })
        .ok_or_else(|| error(&format!("no quiz about this category opens with `{code}`")))
}

fn sample_transfer(payee: Option<&str>) -> Result<TransferContext, JsValue> {
    let json = serde_json::json!({
        "amount_minor": 500_000,
        "currency": "CNY",
        "payee": { "display_name": payee.unwrap_or("Wang Lei"), "is_new": true },
        "initiated_at": "2026-11-21T21:30:00+08:00",
    });
    TransferContext::from_json(&json.to_string()).map_err(|e| error(&e.to_string()))
}

//! axe-core in Chromium on every warning level and every quiz screen (each kind of question,
//! feedback, the summary with its retry), in every language, in light and dark schemes: zero
//! WCAG 2.2 A/AA violations. Also reflow at 320 px.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use riskguard_e2e::{Error, Harness, Scheme};

/// (query, what to open before checking)
const SCREENS: &[(&str, Option<&str>)] = &[
    ("level=low&category=unusual_pattern", None),
    (
        "level=medium&category=otc_trading",
        Some("[data-rg=disclose]"),
    ),
    (
        "level=high&category=unlock_fee&variant=1",
        Some("[data-rg=disclose]"),
    ),
    ("level=medium&category=false_returns&variant=2", None),
    ("level=blocked&category=flagged_payee", None),
    ("screen=quiz&category=otc_trading", None),
];

async fn check_all(h: &Harness, locale: &str) -> Result<Vec<String>, Error> {
    let mut failures = Vec::new();
    for (query, open) in SCREENS {
        h.client
            .goto(&format!(
                "{}/preview.html?{query}&locale={locale}",
                h.base_url
            ))
            .await?;
        h.wait_for("body[data-ready=true] [data-rg=overlay] > *")
            .await?;
        if let Some(selector) = open {
            h.click(selector).await?;
        }
        // Let the entrance animation finish: axe measures contrast on what is painted.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        for violation in h.axe_violations().await? {
            failures.push(format!("{query} {locale}: {violation}"));
        }
    }
    Ok(failures)
}

/// Takes a quiz on the demo page in `locale`, answering wrongly, and runs axe on the first
/// question of each kind, on the feedback, and on the summary.
async fn check_quiz(h: &Harness, locale: &str) -> Result<Vec<String>, Error> {
    h.open_demo().await?;
    h.js(&format!(
        "window.riskguard.setLocale('{locale}'); window.riskguard.startQuiz();"
    ))
    .await?;
    let mut failures = Vec::new();
    let mut checked = Vec::new();
    let mut axe = |screen: String, found: Vec<String>| {
        failures.extend(
            found
                .into_iter()
                .map(|v| format!("quiz {screen} {locale}: {v}")),
        );
    };
    for _ in 0..8 {
        if h.client
            .find(fantoccini::Locator::Css("[data-rg=quiz-summary]"))
            .await
            .is_ok()
        {
            break;
        }
        let kind = h
            .wait_for("[data-rg=quiz-kind]")
            .await?
            .attr("data-rg-kind")
            .await?
            .unwrap_or_default();
        if !checked.contains(&kind) {
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            axe(format!("question {kind}"), h.axe_violations().await?);
        }
        h.click("[data-rg=quiz] fieldset label:last-of-type input")
            .await?;
        h.click("[data-rg=quiz-check]").await?;
        h.wait_for("[data-rg=feedback] .rg-quiz__verdict").await?;
        if !checked.contains(&kind) {
            axe(format!("feedback {kind}"), h.axe_violations().await?);
            checked.push(kind);
        }
        h.click("[data-rg=quiz-next]").await?;
    }
    h.wait_for("[data-rg=quiz-summary]").await?;
    axe("summary".to_owned(), h.axe_violations().await?);
    if checked.len() < 3 {
        failures.push(format!(
            "quiz {locale}: only {checked:?} kinds of question were checked"
        ));
    }
    Ok(failures)
}

async fn run(scheme: Scheme, name: &str) -> Result<(), Error> {
    let h = Harness::start_with(name, "en-US", scheme).await?;
    let mut failures = Vec::new();
    let mut outcome = Ok(());
    for locale in ["en-US", "zh-CN", "zh-HK"] {
        let checked = match check_all(&h, locale).await {
            Ok(found) => check_quiz(&h, locale).await.map(|quiz| (found, quiz)),
            Err(e) => Err(e),
        };
        match checked {
            Ok((found, quiz)) => {
                failures.extend(found);
                failures.extend(quiz);
            }
            Err(e) => {
                outcome = Err(e);
                break;
            }
        }
    }
    h.close().await;
    outcome?;
    assert!(
        failures.is_empty(),
        "{scheme:?} axe violations:\n{}",
        failures.join("\n")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn no_axe_violations_in_the_light_scheme() -> Result<(), Error> {
    run(Scheme::Light, "axe_light").await
}

#[tokio::test(flavor = "multi_thread")]
async fn no_axe_violations_in_the_dark_scheme() -> Result<(), Error> {
    run(Scheme::Dark, "axe_dark").await
}

#[tokio::test(flavor = "multi_thread")]
async fn no_horizontal_scroll_at_320_px() -> Result<(), Error> {
    let h = Harness::start("reflow", "en-US").await?;
    let result = async {
        h.client.set_window_size(320, 640).await?;
        let mut overflowing = Vec::new();
        for (query, open) in SCREENS {
            for locale in ["en-US", "zh-CN"] {
                h.client
                    .goto(&format!("{}/preview.html?{query}&locale={locale}", h.base_url))
                    .await?;
                h.wait_for("body[data-ready=true] [data-rg=overlay] > *")
                    .await
                    .map_err(|e| format!("{query} {locale}: {e}"))?;
                if let Some(selector) = open {
                    h.click(selector).await?;
                }
                let widths = h
                    .js("const e = document.scrollingElement; const d = document.querySelector('[data-rg=overlay] > *'); \
                         return [e.scrollWidth, e.clientWidth, d.scrollWidth, d.clientWidth];")
                    .await?;
                let w: Vec<i64> = widths
                    .as_array()
                    .map(|a| a.iter().filter_map(|v| v.as_i64()).collect())
                    .unwrap_or_default();
                if w.len() != 4 || w[0] > w[1] || w[2] > w[3] {
                    overflowing.push(format!("{query} {locale}: {w:?}"));
                }
            }
        }
        Ok::<_, Error>(overflowing)
    }
    .await;
    h.close().await;
    let overflowing = result?;
    assert!(
        overflowing.is_empty(),
        "horizontal overflow at 320 px:\n{}",
        overflowing.join("\n")
    );
    Ok(())
}

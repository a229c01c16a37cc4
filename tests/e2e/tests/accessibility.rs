//! axe-core in Chromium on every warning level and the quiz, in every language, in light and
//! dark schemes: zero WCAG 2.2 A/AA violations. Also reflow at 320 px.

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

async fn run(scheme: Scheme, name: &str) -> Result<(), Error> {
    let h = Harness::start_with(name, "en-US", scheme).await?;
    let mut failures = Vec::new();
    let mut outcome = Ok(());
    for locale in ["en-US", "zh-CN", "zh-HK"] {
        match check_all(&h, locale).await {
            Ok(found) => failures.extend(found),
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

//! Content editors' live preview: saving a `.ftl` file while the demo runs changes the text on
//! the open page within 2 s, without rebuilding the WASM; a broken save keeps the text.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use std::path::Path;
use std::time::{Duration, Instant};

use riskguard_e2e::{root, Error, Harness, Scheme};

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

async fn cancel_text_becomes(
    h: &Harness,
    expected: &str,
    within: Duration,
) -> Result<Duration, Error> {
    let started = Instant::now();
    loop {
        let text = h
            .js("const b = document.querySelector('[data-rg=cancel]'); return b ? b.textContent : '';")
            .await?;
        if text == expected {
            return Ok(started.elapsed());
        }
        if started.elapsed() > within {
            return Err(format!("after {within:?} the button still says {text}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn saving_a_ftl_file_updates_the_open_demo_within_2_seconds() -> Result<(), Error> {
    // Edit a copy: the test must never change the repository's own text.
    let locales = root().join("target/e2e/live-locales");
    let _ = std::fs::remove_dir_all(&locales);
    copy_dir(&root().join("locales"), &locales)?;
    let warning_ftl = locales.join("en-US/warning.ftl");
    let original = std::fs::read_to_string(&warning_ftl)?;

    let h = Harness::start_full("live_text", "en-US", Scheme::Light, locales.clone()).await?;
    let result = async {
        h.open_demo().await?;
        h.wait_for("#live-text").await?;
        h.fill("#memo", "USDT承兑").await?;
        h.click("#transfer-submit").await?;
        h.wait_for("[data-rg=cancel]").await?;
        cancel_text_becomes(&h, "Cancel transfer", Duration::from_secs(2)).await?;

        let edited = original.replace(
            "warning-cancel = Cancel transfer",
            "warning-cancel = Stop, don't send",
        );
        assert_ne!(edited, original, "the message to edit is in the file");
        std::fs::write(&warning_ftl, &edited)?;
        let took = cancel_text_becomes(&h, "Stop, don't send", Duration::from_secs(2)).await?;
        println!("live text preview: the page changed {took:?} after the save");

        // A broken save is reported on the page and the text in force stays.
        std::fs::write(&warning_ftl, format!("{edited}\n坏 = x\n"))?;
        let report = h.wait_for("#live-text").await?;
        let started = Instant::now();
        let mut said = String::new();
        while started.elapsed() < Duration::from_secs(3) && !said.contains("warning.ftl:") {
            said = report.text().await.unwrap_or_default();
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            said.contains("en-US/warning.ftl:"),
            "the page names the broken file: {said}"
        );
        cancel_text_becomes(&h, "Stop, don't send", Duration::from_millis(10)).await?;
        Ok::<_, Error>(())
    }
    .await;
    h.close().await;
    result
}

#[tokio::test(flavor = "multi_thread")]
async fn the_preview_page_shows_every_locale_and_the_lint_results() -> Result<(), Error> {
    let locales = root().join("target/e2e/lint-locales");
    let _ = std::fs::remove_dir_all(&locales);
    copy_dir(&root().join("locales"), &locales)?;
    // A seeded mistake: the Chinese quiz drops a variable.
    let quiz = locales.join("zh-Hans/quiz.ftl");
    let text = std::fs::read_to_string(&quiz)?.replace("{ $total } 题", "几题");
    std::fs::write(&quiz, text)?;
    let h = Harness::start_full("preview_lint", "en-US", Scheme::Light, locales).await?;
    let result = async {
        h.client
            .goto(&format!("{}/preview.html", h.base_url))
            .await?;
        h.wait_for("body[data-ready=true] .preview__lint").await?;
        let lint = h.text(".preview__lint").await?;
        assert!(lint.contains("variable-mismatch"), "{lint}");
        assert!(lint.contains("zh-Hans/quiz.ftl:"), "{lint}");
        let cells = h
            .js("return document.querySelectorAll('.preview__cell').length;")
            .await?;
        assert_eq!(
            cells,
            8 * 3 + 3 * 3 + 3 * 3,
            "every category, level and kind of quiz question in 3 locales"
        );
        Ok::<_, Error>(())
    }
    .await;
    h.close().await;
    result
}

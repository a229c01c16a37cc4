//! Keyboard-only use of the demo: only Tab, Shift+Tab, Enter, Space and Escape after typing
//! into the form. Focus must start on "Cancel transfer", stay inside the dialog, and return to
//! the send button.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use riskguard_e2e::{with_harness, Error, Harness};

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";
const ESCAPE: &str = "\u{e00c}";
const SPACE: &str = " ";
const SHIFT_TAB: &str = "\u{e008}\u{e004}\u{e008}";

async fn focused(h: &Harness) -> Result<String, Error> {
    let v = h
        .js("const e = document.activeElement; return e.dataset.rg || e.dataset.rgPurpose || e.dataset.rgGuided || e.id || e.tagName;")
        .await?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

/// Types the memo, then reaches the send button with Tab only and presses it.
async fn open_by_keyboard(h: &Harness, memo: &str) -> Result<(), Error> {
    h.open_demo().await?;
    h.fill("#memo", memo).await?;
    for _ in 0..6 {
        if focused(h).await? == "transfer-submit" {
            break;
        }
        h.keys(TAB).await?;
    }
    assert_eq!(focused(h).await?, "transfer-submit");
    h.keys(ENTER).await?;
    h.wait_for("[data-rg=interstitial]").await?;
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        focused(h).await?,
        "cancel",
        "initial focus on the safe action"
    );
    Ok(())
}

/// Presses Tab until `target` has focus (at most `limit` times).
async fn tab_to(h: &Harness, target: &str, limit: usize) -> Result<(), Error> {
    for _ in 0..limit {
        if focused(h).await? == target {
            return Ok(());
        }
        h.keys(TAB).await?;
    }
    Err(format!(
        "Tab never reached {target}; focus is on {}",
        focused(h).await?
    )
    .into())
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_only_disclose_and_proceed() -> Result<(), Error> {
    with_harness("keyboard_proceed", "en-US", |h| {
        Box::pin(async move {
            open_by_keyboard(h, "USDT承兑").await?;
            // Shift+Tab from the first element wraps to the last; Tab wraps back.
            h.keys(SHIFT_TAB).await?;
            assert_ne!(focused(h).await?, "cancel");
            let inside = h.js("return document.querySelector('[data-rg=interstitial]').contains(document.activeElement);").await?;
            assert_eq!(inside, true, "focus stays inside the dialog");
            h.keys(TAB).await?;
            assert_eq!(focused(h).await?, "cancel", "Tab wraps to the first element");

            tab_to(h, "disclose", 4).await?;
            h.keys(ENTER).await?;
            let is_high = h
                .js("return document.querySelector('[data-rg=interstitial]').dataset.rgLevel === 'high';")
                .await?
                == true;
            if is_high {
                // Purpose: the first answer of each group with Space (family, not guided).
                tab_to(h, "family-friends", 4).await?;
                h.keys(SPACE).await?;
                tab_to(h, "false", 3).await?;
                h.keys(SPACE).await?;
                tab_to(h, "purpose-submit", 3).await?;
                h.keys(ENTER).await?;
            }
            tab_to(h, "proceed", 6).await?;
            tokio::time::sleep(std::time::Duration::from_millis(600)).await;
            h.keys(ENTER).await?;
            assert_eq!(h.decision().await?, "proceeded");
            assert_eq!(focused(h).await?, "transfer-submit", "focus returns to the send button");
            Ok(())
        })
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_only_cancel_with_enter_and_with_escape() -> Result<(), Error> {
    with_harness("keyboard_cancel", "zh-CN", |h| {
        Box::pin(async move {
            open_by_keyboard(h, "USDT承兑").await?;
            h.keys(ENTER).await?;
            assert_eq!(h.decision().await?, "cancelled");
            assert_eq!(focused(h).await?, "transfer-submit");

            h.js("document.getElementById('transfer-status').removeAttribute('data-decision');")
                .await?;
            h.keys(ENTER).await?;
            h.wait_for("[data-rg=interstitial]").await?;
            h.keys(ESCAPE).await?;
            assert_eq!(h.decision().await?, "cancelled");
            assert_eq!(focused(h).await?, "transfer-submit");
            Ok(())
        })
    })
    .await
}

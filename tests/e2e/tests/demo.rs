//! The demo page as a user drives it, in headless Chromium, against the real collector.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use riskguard_e2e::{with_harness, Error, Harness};

const ESCAPE: &str = "\u{e00c}";

async fn send(h: &Harness, memo: &str) -> Result<(), Error> {
    h.fill("#memo", memo).await?;
    h.js("document.getElementById('transfer-status').removeAttribute('data-decision');")
        .await?;
    h.click("#transfer-submit").await
}

async fn assert_no_csp_violations(h: &Harness) -> Result<(), Error> {
    let violations = h.csp_violations().await?;
    if violations.is_empty() {
        Ok(())
    } else {
        Err(format!("CSP violations: {violations:?}").into())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn risky_memo_warns_escape_cancels_and_one_quiz_completion_is_stored() -> Result<(), Error> {
    with_harness("risky_memo", "en-US", |h| {
        Box::pin(async move {
            h.open_demo().await?;
            h.fill("#payee-name", "Zhang Wei <b>OTC</b>").await?;
            send(h, "USDT承兑").await?;
            let text = h.text("[data-rg=interstitial]").await?;
            assert!(text.contains("Cancel transfer"), "{text}");
            assert!(
                text.contains("Zhang Wei <b>OTC</b>"),
                "payee shown as text: {text}"
            );

            // The quiz, reached from the warning.
            h.click("[data-rg=learn]").await?;
            h.finish_quiz("input[data-rg-option='1']").await?;
            h.click("[data-rg=quiz-close]").await?;

            // Back at the warning: Escape is the safe choice.
            h.wait_for("[data-rg=cancel]").await?;
            h.keys(ESCAPE).await?;
            assert_eq!(h.decision().await?, "cancelled");
            let focused = h.js("return document.activeElement.id;").await?;
            assert_eq!(
                focused, "transfer-submit",
                "focus returns to the send button"
            );

            h.await_events("riskguard.quiz.completed", 1, 10).await?;
            h.await_events("riskguard.warning.shown", 1, 10).await?;
            h.await_events("riskguard.warning.decided", 1, 10).await?;
            // Retries or a second flush must not store the completion twice.
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            assert_eq!(h.count_events("riskguard.quiz.completed")?, 1);

            let stored = h.all_stored_text()?;
            for secret in ["USDT承兑", "Zhang Wei", "5000"] {
                assert!(!stored.contains(secret), "`{secret}` reached the database");
            }
            assert_no_csp_violations(h).await
        })
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn chinese_warning_and_benign_memo_allowed() -> Result<(), Error> {
    with_harness("chinese", "en-US", |h| {
        Box::pin(async move {
            h.open_demo().await?;
            h.click("#lang-zh").await?;

            send(h, "房租 11月").await?;
            assert_eq!(h.decision().await?, "allowed");
            let dialogs = h
                .js("return document.querySelectorAll('[data-rg=interstitial]').length;")
                .await?;
            assert_eq!(dialogs, 0);

            send(h, "USDT承兑").await?;
            assert_eq!(h.text("[data-rg=cancel]").await?, "取消转账");
            assert_eq!(h.text("[data-rg=amount]").await?, "¥5,000.00");
            h.click("[data-rg=cancel]").await?;
            assert_eq!(h.decision().await?, "cancelled");
            assert_no_csp_violations(h).await
        })
    })
    .await
}

/// Memos that name no coin or scheme (issue 10): a teacher's instruction, a fee due before a
/// loan, a wallet-address fragment, a misspelt ticker with a rate — each warns with the right
/// technique in both languages, an old payee so that only the memo counts; a look-alike does not.
#[tokio::test(flavor = "multi_thread")]
async fn memos_that_name_no_scheme_word_warn_with_their_technique() -> Result<(), Error> {
    with_harness("meaning", "en-US", |h| {
        Box::pin(async move {
            h.open_demo().await?;
            h.click("#payee-new").await?;
            for (lang, memo, topic) in [
                ("en", "老师说今天必须补仓", "false-returns"),
                ("en", "公证费 交完才放款", "unlock-fee"),
                ("zh", "打到TQ8s…Vm3那个", "otc-trading"),
                ("zh", "收uzdt 老规矩 7.15", "otc-trading"),
            ] {
                if lang == "zh" {
                    h.click("#lang-zh").await?;
                }
                send(h, memo).await?;
                h.wait_for(&format!("[data-rg=interstitial][data-rg-category={topic}]"))
                    .await?;
                h.keys(ESCAPE).await?;
                assert_eq!(h.decision().await?, "cancelled", "{memo}");
            }
            send(h, "老师 充值饭卡").await?;
            assert_eq!(h.decision().await?, "allowed");
            assert_no_csp_violations(h).await
        })
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn restricted_payee_is_blocked() -> Result<(), Error> {
    with_harness("blocked", "en-US", |h| {
        Box::pin(async move {
            h.open_demo().await?;
            h.click("#payee-restricted").await?;
            send(h, "dinner").await?;
            h.wait_for("[data-rg=interstitial][data-rg-level=blocked]")
                .await?;
            let proceed = h
                .js("return document.querySelectorAll('[data-rg=proceed]').length;")
                .await?;
            assert_eq!(proceed, 0, "no way to proceed");
            h.keys(ESCAPE).await?;
            assert_eq!(h.decision().await?, "blocked");
            assert_no_csp_violations(h).await
        })
    })
    .await
}

/// The zero-violation assertions above are only worth something if the monitor sees real
/// violations: an inline script must be refused by the collector's CSP and be counted.
#[tokio::test(flavor = "multi_thread")]
async fn csp_is_enforced_and_violations_are_counted() -> Result<(), Error> {
    with_harness("csp_control", "en-US", |h| {
        Box::pin(async move {
            h.open_demo().await?;
            assert_no_csp_violations(h).await?;
            h.js("const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.body.appendChild(s);")
                .await?;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            assert_eq!(h.js("return window.inlineRan === true;").await?, false);
            let violations = h.csp_violations().await?;
            assert_eq!(violations.len(), 1, "{violations:?}");
            Ok(())
        })
    })
    .await
}

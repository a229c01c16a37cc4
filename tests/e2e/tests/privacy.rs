//! Memo text and payee names never leave the browser: after a user goes through every kind of
//! event the component sends (warnings shown, decided, interacted with and reported; a quiz
//! started, retried and completed; a blocked payee; an allowed transfer), none of what they typed is
//! anywhere in the collector's database — searched as raw bytes, every table, the write-ahead
//! log included.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use riskguard_core::events::EventData;
use riskguard_e2e::{with_harness, Error, Harness};

const ESCAPE: &str = "\u{e00c}";

/// (payee name, memo) pairs typed into the demo, each distinctive enough to find anywhere.
const TYPED: &[(&str, &str)] = &[
    ("Zhou Mimi 周秘密", "USDT承兑 暗号七三一九"),
    ("Liu Yinsi 刘隐私", "稳赚不赔 日赚3% 口令四八二"),
    ("Restricted Payee Qx", "dinner for Qx-77 friends"),
    ("Landlord Wu Secretname", "房租 11月 私房备注"),
];

async fn send(h: &Harness, payee: &str, memo: &str) -> Result<(), Error> {
    h.fill("#payee-name", payee).await?;
    h.fill("#memo", memo).await?;
    h.js("document.getElementById('transfer-status').removeAttribute('data-decision');")
        .await?;
    h.click("#transfer-submit").await
}

/// Everything a user can do in an open warning that produces an event, then Escape.
async fn interact_and_cancel(h: &Harness) -> Result<(), Error> {
    h.wait_for("[data-rg=interstitial]").await?;
    h.click("[data-rg=report]").await?;
    h.wait_for("[data-rg=report-thanks]").await?;
    h.click("[data-rg=learn]").await?;
    h.finish_quiz("label:first-of-type input").await?;
    if h.client
        .find(fantoccini::Locator::Css("[data-rg=quiz-retry]"))
        .await
        .is_ok()
    {
        h.click("[data-rg=quiz-retry]").await?;
        h.wait_for("[data-rg=quiz-check]").await?;
    }
    h.keys(ESCAPE).await?;
    h.wait_for("[data-rg=cancel]").await?;
    if h.client
        .find(fantoccini::Locator::Css("[data-rg=disclose]"))
        .await
        .is_ok()
    {
        h.click("[data-rg=disclose]").await?;
    }
    h.click("[data-rg=cancel]").await?;
    assert_eq!(h.decision().await?, "cancelled");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_the_user_typed_reaches_the_database() -> Result<(), Error> {
    with_harness("privacy", "en-US", |h| {
        Box::pin(async move {
            h.open_demo().await?;
            for (payee, memo) in &TYPED[..2] {
                send(h, payee, memo).await?;
                interact_and_cancel(h).await?;
            }
            let (payee, memo) = TYPED[2];
            h.click("#payee-restricted").await?;
            send(h, payee, memo).await?;
            h.wait_for("[data-rg=interstitial][data-rg-level=blocked]")
                .await?;
            h.keys(ESCAPE).await?;
            assert_eq!(h.decision().await?, "blocked");
            h.click("#payee-restricted").await?;
            let (payee, memo) = TYPED[3];
            send(h, payee, memo).await?;
            assert_eq!(h.decision().await?, "allowed");

            // Wait for the outbox to empty, then look at every byte SQLite keeps.
            h.await_drained(10).await?;
            for event_type in EventData::TYPES {
                assert!(
                    h.count_events(event_type)? > 0,
                    "the test produced no `{event_type}`: it would prove nothing about it"
                );
            }
            let bytes = h.database_bytes()?;
            let text = String::from_utf8_lossy(&bytes);
            // Positive control: what the events do carry is found by the same search.
            for carried in ["riskguard.warning.reported", "otc_trading", "question_ids"] {
                assert!(text.contains(carried), "the search cannot see `{carried}`");
            }
            for (payee, memo) in TYPED {
                for secret in [*payee, *memo]
                    .into_iter()
                    .chain(payee.split(' '))
                    .chain(memo.split(' '))
                    // Whole words of the memo and the name, where a word could not also be a
                    // code the events legitimately carry.
                    .filter(|part| {
                        let cjk = part.chars().filter(|c| !c.is_ascii()).count();
                        cjk >= 2 || (cjk == 0 && part.len() >= 6)
                    })
                {
                    assert!(!text.contains(secret), "`{secret}` reached the database");
                }
            }
            Ok(())
        })
    })
    .await
}

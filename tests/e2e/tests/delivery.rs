//! Loss-free delivery, end to end: quiz completions taken in the real component reach the real
//! collector exactly once although the collector fails 30 % of requests (503s, stalls, and
//! acknowledgements lost after storing), the page is reloaded while events are in flight, and
//! the collector is stopped for a while and started again — with a second tab of the same page
//! taking quizzes for a while beside the first.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails by panicking

use std::time::Duration;

use riskguard_collector::Fault;
use riskguard_e2e::{Error, Harness};

/// Quizzes taken in the test.
const QUIZZES: usize = 100;
/// After these quizzes the page is reloaded (events still in flight).
const RELOAD_AFTER: [usize; 3] = [20, 45, 85];
/// The collector is down from the first of these quizzes until the second.
const OFFLINE: (usize, usize) = (55, 70);
/// These quizzes are taken in a second tab of the same page, open beside the first; the
/// second tab is closed after the last of them, with its events possibly still unsent.
const SECOND_TAB: (usize, usize) = (30, 40);

/// Takes one quiz through the component's own UI (real clicks on the real radios and buttons),
/// answering every question with its first shown option, and closes it. Resolves with what
/// `startQuiz()` resolved with.
const TAKE_QUIZ: &str = r#"
const done = arguments[arguments.length - 1];
const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
(async () => {
  const finished = window.riskguard.startQuiz();
  for (let step = 0; step < 40; step++) {
    await settle();
    const summary = document.querySelector('[data-rg=quiz-summary]');
    if (summary) {
      document.querySelector('[data-rg=quiz-close]').click();
      return done({ ok: true, result: await finished });
    }
    const option = document.querySelector('[data-rg=quiz] input[data-rg-option]:not(:disabled)');
    if (!option) continue;
    option.click();
    await settle();
    document.querySelector('[data-rg=quiz-check]').click();
    await settle();
    document.querySelector('[data-rg=quiz-next]').click();
  }
  done({ ok: false, html: document.querySelector('[data-rg=quiz]')?.outerHTML ?? 'no quiz' });
})().catch((e) => done({ ok: false, error: String(e) }));
"#;

async fn take_quiz(h: &Harness) -> Result<(), Error> {
    let outcome = h.client.execute_async(TAKE_QUIZ, vec![]).await?;
    if outcome["ok"] != true {
        return Err(format!("the quiz did not finish: {outcome}").into());
    }
    Ok(())
}

async fn pending(h: &Harness) -> Result<u64, Error> {
    Ok(h.js("return window.riskguard.pendingEvents;")
        .await?
        .as_u64()
        .unwrap_or(0))
}

async fn reload(h: &Harness) -> Result<(), Error> {
    h.client.refresh().await?;
    h.wait_for("body[data-ready=true]").await?;
    Ok(())
}

/// Distinct quiz sessions among the stored completions.
fn distinct_sessions(h: &Harness) -> Result<i64, Error> {
    let db = rusqlite::Connection::open(&h.db_path)?;
    Ok(db.query_row(
        "SELECT COUNT(DISTINCT json_extract(data, '$.session_id')) FROM events \
         WHERE type = 'riskguard.quiz.completed'",
        [],
        |row| row.get(0),
    )?)
}

#[tokio::test(flavor = "multi_thread")]
async fn hundred_completions_survive_faults_reloads_and_an_outage() -> Result<(), Error> {
    let fault = Fault {
        fail_rate: 0.3,
        latency_ms: 2000,
        seed: 6,
    };
    let mut h = Harness::start_faulty("delivery", "en-US", fault).await?;
    let outcome = run(&mut h).await;
    h.close().await;
    outcome
}

async fn run(h: &mut Harness) -> Result<(), Error> {
    h.open_demo().await?;
    let mut in_flight_at_reload = Vec::new();
    let first_tab = h.client.window().await?;
    for quiz in 1..=QUIZZES {
        if quiz == SECOND_TAB.0 {
            let tab = h.client.new_window(true).await?;
            h.client.switch_to_window(tab.handle).await?;
            h.open_demo().await?;
        }
        if quiz == SECOND_TAB.1 {
            h.client.close_window().await?;
            h.client.switch_to_window(first_tab.clone()).await?;
        }
        if quiz == OFFLINE.0 {
            h.stop_collector().await?;
        }
        if quiz == OFFLINE.1 {
            assert!(
                pending(h).await? >= (OFFLINE.1 - OFFLINE.0) as u64,
                "completions taken while the collector was down wait in the outbox"
            );
            h.start_collector().await?;
        }
        take_quiz(h).await?;
        if RELOAD_AFTER.contains(&quiz) {
            in_flight_at_reload.push(pending(h).await?);
            reload(h).await?;
        }
    }
    assert!(
        in_flight_at_reload.iter().any(|&n| n > 0),
        "at least one reload happened with events still in flight: {in_flight_at_reload:?}"
    );

    // Everything arrives: the outbox's retries are capped at 30 s apart.
    if let Err(e) = h
        .await_events("riskguard.quiz.completed", QUIZZES as i64, 240)
        .await
    {
        let stats = h.js("return window.riskguard.deliveryStats();").await?;
        let probe = h
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                const attempt = (init) => fetch('/v1/events', init).then((r) => 'HTTP ' + r.status, (e) => String(e));
                (async () => done({
                  plain: await attempt({ method: 'POST', headers: { 'Content-Type': 'application/cloudevents-batch+json' }, body: '[]' }),
                  keepalive: await attempt({ method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/cloudevents-batch+json' }, body: '[]' }),
                }))();"#,
                vec![],
            )
            .await?;
        let stored = h
            .js("return Object.keys(localStorage).filter((k) => k.startsWith('riskguard.outbox'));")
            .await?;
        let stored = stored.as_array().map_or(0, Vec::len);
        return Err(format!(
            "{e}; delivery stats: {stats}; stored records: {stored}; probe: {probe}"
        )
        .into());
    }
    // …and nothing arrives twice, however long the retries go on.
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(h.count_events("riskguard.quiz.completed")?, QUIZZES as i64);
    assert_eq!(distinct_sessions(h)?, QUIZZES as i64);
    // The telemetry sent beside the completions (quiz.started) drains too, within a few
    // capped retries.
    h.await_drained(90).await?;
    assert_eq!(h.count_events("riskguard.quiz.started")?, QUIZZES as i64);
    println!(
        "delivery: {QUIZZES} completions stored once; in flight at the reloads: {in_flight_at_reload:?}"
    );
    Ok(())
}

/// Warns about and cancels `n` risky transfers through the JS API as fast as the dialog allows.
const WARN_AND_CANCEL: &str = r#"
const [n, done] = [arguments[0], arguments[arguments.length - 1]];
const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const transfer = {
  amount_minor: 500000, currency: 'CNY', memo: 'USDT承兑',
  payee: { display_name: 'Dealer', is_new: true }, initiated_at: '2026-11-21T14:00:00+08:00',
};
(async () => {
  for (let i = 0; i < n; i++) {
    const decided = window.riskguard.check(transfer);
    let cancel = null;
    while (!(cancel = document.querySelector('[data-rg=cancel]'))) await settle();
    cancel.click();
    if (await decided !== 'cancelled') return done('decision ' + i);
  }
  done('ok');
})().catch((e) => done(String(e)));
"#;

/// Regression: the outbox once left response bodies unread, so Chromium counted every answered
/// keepalive request against the 64 KiB in-flight budget until garbage collection; after
/// about 64 KiB of events every send failed as a network error. A healthy collector and a busy
/// page must see no failed attempt at all.
#[tokio::test(flavor = "multi_thread")]
async fn a_busy_page_never_runs_out_of_keepalive_budget() -> Result<(), Error> {
    riskguard_e2e::with_harness("keepalive_budget", "en-US", |h| {
        Box::pin(async move {
            h.open_demo().await?;
            // 150 warnings: 300 events, well over 64 KiB of request bodies in all.
            let outcome = h
                .client
                .execute_async(WARN_AND_CANCEL, vec![150.into()])
                .await?;
            assert_eq!(outcome, "ok");
            h.await_drained(10).await?;
            let stats = h.js("return window.riskguard.deliveryStats();").await?;
            assert_eq!(stats["failedAttempts"], 0, "{stats}");
            assert_eq!(h.count_events("riskguard.warning.decided")?, 150);
            Ok(())
        })
    })
    .await
}

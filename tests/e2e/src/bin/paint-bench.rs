//! Time from `check()` to the warning dialog painted, in headless Chromium, measured by the
//! component's own performance marks (`riskguard:check` → `riskguard:check-to-paint`).
//! Run through `cargo xtask bench paint`. Prints p50/p95/max and writes JSON.
//!
//! Usage: `paint-bench [RUNS] [OUT_JSON]` (default 100 runs, `target/dist/paint-bench.json`).

use riskguard_e2e::{root, Error, Harness};

const ONE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  performance.clearMeasures('riskguard:check-to-paint');
  const transfer = {
    amount_minor: 500000, currency: 'CNY', memo: 'USDT承兑',
    payee: { display_name: 'Wang Lei', is_new: true, flags: [] },
    initiated_at: '2026-11-21T21:30:00+08:00',
  };
  const decision = window.riskguard.check(transfer);
  let measure;
  for (let i = 0; i < 200 && !measure; i++) {
    await new Promise((r) => setTimeout(r, 5));
    measure = performance.getEntriesByName('riskguard:check-to-paint')[0];
  }
  const dialog = document.querySelector('[data-rg=interstitial]');
  dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  await decision;
  done(measure ? measure.duration : -1);
})().catch((e) => done('error: ' + e));
"#;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

async fn measure(h: &Harness, runs: usize) -> Result<Vec<f64>, Error> {
    h.open_demo().await?;
    let mut samples = Vec::with_capacity(runs);
    for run in 0..runs {
        match h.client.execute_async(ONE_RUN, vec![]).await? {
            serde_json::Value::Number(n) => match n.as_f64() {
                Some(ms) if ms >= 0.0 => samples.push(ms),
                _ => return Err(format!("run {run}: the dialog never painted").into()),
            },
            other => return Err(format!("run {run}: {other}").into()),
        }
    }
    Ok(samples)
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let out = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root().join("target/dist/paint-bench.json"));
    let harness = Harness::start("paint_bench", "en-US").await?;
    let result = measure(&harness, runs).await;
    harness.close().await;
    let mut samples = result?;
    samples.sort_by(f64::total_cmp);
    let (p50, p95, max) = (
        percentile(&samples, 50.0),
        percentile(&samples, 95.0),
        samples[samples.len() - 1],
    );
    println!(
        "check() → dialog painted, {runs} runs in headless Chromium: \
         p50 {p50:.1} ms, p95 {p95:.1} ms, max {max:.1} ms (goal: one frame, 16.7 ms)"
    );
    let json = serde_json::json!({ "runs": runs, "p50_ms": p50, "p95_ms": p95, "max_ms": max });
    std::fs::write(&out, serde_json::to_string_pretty(&json)?)?;
    println!("wrote {}", out.display());
    Ok(())
}

//! Takes the README's screenshots of the demo in a real browser: the interstitial, the quiz
//! and the blocked dialog, in English and Chinese. Run through `cargo xtask screenshots`.
//!
//! Usage: `screenshots [OUT_DIR]` (default `docs/screenshots`).

use std::path::PathBuf;

use riskguard_e2e::{root, Error, Harness};

async fn shoot(h: &Harness, dir: &std::path::Path, name: &str) -> Result<(), Error> {
    // Let the dialog's entrance animation finish.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let png = h.client.screenshot().await?;
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png)?;
    println!("wrote {}", path.display());
    Ok(())
}

async fn take_all(h: &Harness, dir: &std::path::Path) -> Result<(), Error> {
    for (lang_button, suffix, payee) in [("#lang-en", "en", "Wang Lei"), ("#lang-zh", "zh", "王磊")]
    {
        h.open_demo().await?;
        h.click(lang_button).await?;
        h.fill("#payee-name", payee).await?;
        h.fill("#memo", "USDT承兑").await?;
        h.click("#transfer-submit").await?;
        h.wait_for("[data-rg=interstitial]").await?;
        h.click("[data-rg=disclose]").await?;
        shoot(h, dir, &format!("interstitial-{suffix}")).await?;
        h.click("[data-rg=learn]").await?;
        h.click("[data-rg=quiz] input[data-rg-option='1']").await?;
        h.click("[data-rg=quiz-check]").await?;
        h.wait_for("[data-rg=quiz-next]").await?;
        shoot(h, dir, &format!("quiz-{suffix}")).await?;

        h.open_demo().await?;
        h.click(lang_button).await?;
        h.click("#payee-restricted").await?;
        h.click("#transfer-submit").await?;
        h.wait_for("[data-rg=interstitial][data-rg-level=blocked]")
            .await?;
        shoot(h, dir, &format!("blocked-{suffix}")).await?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("docs/screenshots"));
    std::fs::create_dir_all(&dir)?;
    let harness = Harness::start("screenshots", "en-US").await?;
    let result = take_all(&harness, &dir).await;
    harness.close().await;
    result
}

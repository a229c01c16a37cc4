//! Takes the README's screenshots in a real browser: every warning level and the quiz, in
//! English and Chinese, from the preview page (`public/preview.html`), plus the demo page, and
//! the collector's dashboard over realistic synthetic events (`dashboard.png`).
//! Run through `cargo xtask screenshots`.
//!
//! Usage: `screenshots [OUT_DIR]` (default `docs/screenshots`).

use std::path::{Path, PathBuf};

use riskguard_e2e::{root, Error, Harness};

/// (file stem, preview query, element to click first)
const SHOTS: &[(&str, &str, Option<&str>)] = &[
    ("low", "level=low&category=unusual_pattern", None),
    (
        "medium",
        "level=medium&category=otc_trading",
        Some("[data-rg=disclose]"),
    ),
    (
        "high",
        "level=high&category=unlock_fee",
        Some("[data-rg=disclose]"),
    ),
    ("blocked", "level=blocked&category=flagged_payee", None),
    (
        "quiz",
        "screen=quiz&category=otc_trading&kind=spot-the-red-flag",
        None,
    ),
];

async fn shoot(h: &Harness, dir: &Path, name: &str) -> Result<(), Error> {
    // Let the dialog's entrance animation finish.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let png = h.client.screenshot().await?;
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png)?;
    println!("wrote {}", path.display());
    Ok(())
}

async fn take_all(h: &Harness, dir: &Path) -> Result<(), Error> {
    h.client.set_window_size(440, 1180).await?;
    for (suffix, locale, payee) in [
        ("en", "en-US", "Wang Lei"),
        ("zh", "zh-CN", "王磊"),
        ("zh-hant", "zh-TW", "王磊"),
    ] {
        for (stem, query, open) in SHOTS {
            if *stem == "low" {
                // The hint sits in the host page's flow: show it under the demo's form.
                h.open_demo().await?;
                match suffix {
                    "zh" => h.click("#lang-zh").await?,
                    "zh-hant" => h.click("#lang-zh-hant").await?,
                    _ => {}
                }
                let script = format!(
                    "import('/pkg/riskguard.js').then((m) => {{ \
                       const host = document.getElementById('riskguard'); \
                       m.preview(host, {{ level: 'low', category: 'unusual_pattern', \
                         locale: '{locale}', inline: true }}); }}); return true;"
                );
                h.js(&script).await?;
                h.wait_for("#riskguard [data-rg=hint]").await?;
            } else {
                let url = format!(
                    "{}/preview.html?{query}&locale={locale}&payeeName={payee}",
                    h.base_url
                );
                h.client.goto(&url).await?;
                h.wait_for("body[data-ready=true] [data-rg=overlay] > *")
                    .await?;
                if let Some(selector) = open {
                    h.click(selector).await?;
                }
            }
            shoot(h, dir, &format!("{stem}-{suffix}")).await?;
        }
    }
    Ok(())
}

/// The collector's dashboard over four weeks of synthetic events, at a slide's width, the
/// window as tall as the page so that the shot holds all of it.
async fn take_dashboard(h: &Harness, dir: &Path) -> Result<(), Error> {
    h.seed_synthetic_events(2025, 1_500)?;
    h.client.set_window_size(1280, 1000).await?;
    h.client.goto(&format!("{}/dashboard", h.base_url)).await?;
    h.wait_for(".kpis").await?;
    let page = h
        .js("return document.documentElement.scrollHeight;")
        .await?
        .as_u64()
        .unwrap_or(2400);
    let chrome = h
        .js("return window.outerHeight - window.innerHeight;")
        .await?
        .as_u64()
        .unwrap_or(0);
    let height = u32::try_from(page + chrome).unwrap_or(2400);
    h.client.set_window_size(1280, height).await?;
    shoot(h, dir, "dashboard").await
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("docs/screenshots"));
    std::fs::create_dir_all(&dir)?;
    let harness = Harness::start("screenshots", "en-US").await?;
    // The dashboard first: it needs only the collector, not the built component.
    let result = match take_dashboard(&harness, &dir).await {
        Ok(()) => take_all(&harness, &dir).await,
        Err(e) => Err(e),
    };
    harness.close().await;
    result
}

//! `cargo xtask screenshots`: the README's images, taken from the demo in headless Chromium.

use anyhow::Result;

use crate::cmd::step;
use crate::tools::{self, Needs};
use crate::workspace::{Workspace, CHROMEDRIVER};

/// Builds the component, then runs the e2e crate's `screenshots` tool into `docs/screenshots/`.
pub fn run(ws: &Workspace) -> Result<()> {
    tools::setup(ws, Needs::ALL)?;
    crate::build_component(ws)?;
    let out = ws.path("docs/screenshots");
    step(format!("taking screenshots into {}…", out.display()));
    ws.cargo()
        .env("RISKGUARD_DIST", ws.dist())
        .env("RISKGUARD_ROOT", &ws.root)
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .args([
            "run",
            "--quiet",
            "-p",
            "riskguard-e2e",
            "--bin",
            "screenshots",
            "--",
        ])
        .arg(&out)
        .run()
}

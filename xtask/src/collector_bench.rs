//! `cargo xtask bench collector` and `collector-stats`: the collector under load on loopback,
//! on SQLite and on a throw-away PostgreSQL (fsync on), through the collector's own `load` and
//! `stats_latency` examples.

use anyhow::Result;

use crate::cmd::step;
use crate::postgres::Postgres;
use crate::workspace::Workspace;

/// Connections of the load runs.
const CONNECTIONS: &str = "64";

/// Events per request.
const BATCH: &str = "100";

/// Builds the release collector and the examples.
fn build(ws: &Workspace, example: &str) -> Result<()> {
    step(format!(
        "building the collector and its `{example}` example (release)…"
    ));
    ws.cargo()
        .args(["build", "--release", "-p", "riskguard-collector"])
        .args(["--bin", "riskguard-collector", "--example", example])
        .run()
}

/// One `load` run: `seconds` of load, `kills` × `kill -9`, on SQLite or `url`.
fn load(ws: &Workspace, url: Option<&str>, seconds: u32, kills: u32) -> Result<()> {
    let release = ws.target_dir().join("release");
    let mut command = ws
        .cmd(release.join("examples/load"))
        .arg("--collector")
        .arg(release.join("riskguard-collector"))
        .args(["--connections", CONNECTIONS, "--batch", BATCH])
        .args([
            "--seconds",
            &seconds.to_string(),
            "--kills",
            &kills.to_string(),
        ]);
    if let Some(url) = url {
        command = command.args(["--database-url", url]);
    }
    command.run()
}

/// The load runs, on each store: (what, seconds, `kill -9`s).
const RUNS: [(&str, u32, u32); 2] = [("20 s of load", 20, 0), ("kill -9 ×5 under load", 30, 5)];

/// Throughput and latency, then 5 × `kill -9` under load, on each store.
pub fn load_and_crash(ws: &Workspace) -> Result<()> {
    build(ws, "load")?;
    for (what, seconds, kills) in RUNS {
        step(format!("bench collector: SQLite, {what}…"));
        load(ws, None, seconds, kills)?;
    }
    for (what, seconds, kills) in RUNS {
        step(format!("bench collector: PostgreSQL, {what}…"));
        let server = Postgres::start(ws, true)?;
        load(ws, Some(&server.url()), seconds, kills)?;
    }
    Ok(())
}

/// `/v1/stats` latency at 5 million synthetic events, on each store.
pub fn stats_at_scale(ws: &Workspace) -> Result<()> {
    build(ws, "stats_latency")?;
    let example = ws.target_dir().join("release/examples/stats_latency");
    step("bench collector-stats: SQLite, 5 000 000 events…");
    ws.cmd(&example).arg("5000000").run()?;
    step("bench collector-stats: PostgreSQL, 5 000 000 events…");
    let server = Postgres::start(ws, true)?;
    ws.cmd(&example).arg("5000000").arg(server.url()).run()
}

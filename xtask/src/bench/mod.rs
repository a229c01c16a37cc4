//! `cargo xtask bench`: measurements that are not pass/fail: the size baseline (the component
//! versus a Leptos hello world built the same way), the risk engine's speed (assessments per
//! second and latency percentiles, natively on one core) and the risk engine's wasm cost (the
//! gzip bytes it adds). Criterion benchmarks of the engine: `cargo bench -p riskguard-core`.

mod engine_size;

use anyhow::{Context, Result};
use clap::ValueEnum;
use serde::Serialize;

use crate::cmd::step;
use crate::size::{kib, write_json, Sizes};
use crate::tools::{self, Needs};
use crate::wasm::{self, Built};
use crate::workspace::Workspace;
use engine_size::engine_size;

/// One benchmark of `cargo xtask bench`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Bench {
    /// Component download size (gzip, wasm + JS) versus a Leptos hello world.
    Size,
    /// Risk engine speed: assessments/s and p50/p95/p99 latency on the corpus mix, one core
    /// (written to target/dist/engine-bench.json).
    Engine,
    /// Risk engine wasm cost: gzip bytes `assess` and the built-in rules add to a wasm module
    /// (written to target/dist/engine-size.json).
    EngineSize,
    /// The collector on loopback, SQLite and PostgreSQL: events/s and p50/p99 with 64
    /// connections sending batches of 100, then 5 × `kill -9` under load, comparing every
    /// acknowledged event with the stored rows.
    Collector,
    /// `/v1/stats` latency at 5 million synthetic events, SQLite and PostgreSQL (about
    /// 20 minutes).
    CollectorStats,
    /// Time from `check()` to the warning dialog painted, in headless Chromium: p50/p95/max of
    /// 100 runs on the demo (written to target/dist/paint-bench.json).
    Paint,
}

impl Bench {
    /// All benchmarks, in the order they run.
    pub const ALL: [Bench; 6] = [
        Bench::Size,
        Bench::Engine,
        Bench::EngineSize,
        Bench::Collector,
        Bench::CollectorStats,
        Bench::Paint,
    ];
}

/// Runs `which` (all when empty).
pub fn run(ws: &Workspace, which: &[Bench]) -> Result<()> {
    let mut benches = if which.is_empty() {
        Bench::ALL.to_vec()
    } else {
        which.to_vec()
    };
    benches.sort();
    benches.dedup();
    for bench in benches {
        match bench {
            Bench::Size => size_baseline(ws)?,
            Bench::Engine => engine_speed(ws)?,
            Bench::EngineSize => engine_size(ws)?,
            Bench::Collector => crate::collector_bench::load_and_crash(ws)?,
            Bench::CollectorStats => crate::collector_bench::stats_at_scale(ws)?,
            Bench::Paint => paint(ws)?,
        }
    }
    Ok(())
}

/// `check()` → dialog painted in headless Chromium, through the e2e crate's `paint-bench` tool.
fn paint(ws: &Workspace) -> Result<()> {
    tools::setup(ws, Needs::ALL)?;
    step("bench paint: building the component…");
    crate::build_component(ws)?;
    ws.cargo()
        .env("RISKGUARD_DIST", ws.dist())
        .env("RISKGUARD_ROOT", &ws.root)
        .env("CHROMEDRIVER", crate::workspace::CHROMEDRIVER)
        .args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "riskguard-e2e",
            "--bin",
            "paint-bench",
            "--",
        ])
        .arg("100")
        .arg(ws.dist().join("paint-bench.json"))
        .run()
}

/// Gzip and brotli bytes of one app's wasm + JS glue.
#[derive(Debug, Serialize)]
pub struct AppSize {
    /// The wasm module.
    pub wasm: Sizes,
    /// The JS glue.
    pub js: Sizes,
    /// wasm + JS.
    pub total: Sizes,
}

/// `target/dist/size-baseline.json`.
#[derive(Debug, Serialize)]
pub struct SizeBaseline {
    /// The riskguard component.
    pub component: AppSize,
    /// The Leptos CSR hello world (`xtask/hello-world`).
    pub hello_world: AppSize,
    /// component gzip total / hello-world gzip total.
    pub ratio_gzip: f64,
}

fn measure(built: &Built) -> Result<AppSize> {
    let wasm = Sizes::of_file(&built.wasm)?;
    let js = Sizes::of_file(&built.js)?;
    Ok(AppSize {
        wasm,
        js,
        total: wasm.plus(js),
    })
}

/// Builds the hello world, then the component, and compares their gzip totals.
fn size_baseline(ws: &Workspace) -> Result<()> {
    tools::setup(ws, Needs::BUILD)?;
    step("bench size: building the hello-world baseline…");
    let hello = measure(&wasm::build(ws, &wasm::hello_world(ws))?)?;
    eprintln!(
        "xtask: hello world: gzip {} (wasm {} + js {})",
        kib(hello.total.gzip),
        kib(hello.wasm.gzip),
        kib(hello.js.gzip)
    );
    step("bench size: building the component…");
    let component = measure(&wasm::build(ws, &wasm::component(ws))?)?;
    let baseline = SizeBaseline {
        ratio_gzip: ratio(component.total.gzip, hello.total.gzip),
        component,
        hello_world: hello,
    };
    println!("{}", render(&baseline));
    let path = ws.dist().join("size-baseline.json");
    write_json(&path, &baseline)?;
    step(format!("wrote {}", wasm::shown(ws, &path)));
    Ok(())
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn render(b: &SizeBaseline) -> String {
    let row = |name: &str, s: &AppSize| {
        format!(
            "{name:<14}{:>12}{:>12}{:>12}{:>14}\n",
            crate::size::thousands(s.wasm.gzip),
            crate::size::thousands(s.js.gzip),
            crate::size::thousands(s.total.gzip),
            kib(s.total.gzip)
        )
    };
    let mut out = String::from("SIZE BASELINE (gzip bytes)\n");
    out.push_str(&format!(
        "{:<14}{:>12}{:>12}{:>12}\n",
        "", "wasm", "js", "total"
    ));
    out.push_str(&row("hello world", &b.hello_world));
    out.push_str(&row("component", &b.component));
    out.push_str(&format!(
        "component / hello world = {:.2}× (gzip, wasm + js)\n",
        b.ratio_gzip
    ));
    out
}

/// The corpus mix the engine benchmark assesses.
const ENGINE_MIX: &str = "tests/corpus/cases.jsonl";

/// `riskguard bench --json` on the corpus mix, in release mode; prints and saves the result.
fn engine_speed(ws: &Workspace) -> Result<()> {
    step("bench engine: assessments per second and latency on one core (release build)…");
    let json = ws
        .cargo()
        .args([
            "run",
            "--release",
            "--quiet",
            "-p",
            "riskguard-cli",
            "--bin",
            "riskguard",
        ])
        .args([
            "--",
            "bench",
            "--json",
            "--seconds",
            "5",
            "--cases",
            ENGINE_MIX,
        ])
        .read()?;
    let result: serde_json::Value =
        serde_json::from_str(&json).context("`riskguard bench --json` printed no JSON")?;
    let number = |key: &str| {
        result
            .get(key)
            .and_then(serde_json::Value::as_f64)
            .unwrap_or(0.0)
    };
    println!(
        "ENGINE SPEED (native, one core, {} transfers of {ENGINE_MIX})\n\
         assessments/s {:>12}\n\
         latency p50   {:>9} ns\n\
         latency p95   {:>9} ns\n\
         latency p99   {:>9} ns",
        number("transfers"),
        crate::size::thousands(number("assessments_per_second") as u64),
        number("p50_ns"),
        number("p95_ns"),
        number("p99_ns"),
    );
    let path = ws.dist().join("engine-bench.json");
    write_json(&path, &result)?;
    step(format!("wrote {}", wasm::shown(ws, &path)));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_handles_zero() {
        assert_eq!(ratio(10, 0), 0.0);
        assert!((ratio(135, 36) - 3.75).abs() < 1e-9);
    }
}

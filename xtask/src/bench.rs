//! `cargo xtask bench`: measurements that are not pass/fail. For now the size baseline (the
//! component versus a Leptos hello world built the same way); more benchmarks (Criterion for
//! the engine) get a [`Bench`] variant each.

use anyhow::Result;
use clap::ValueEnum;
use serde::Serialize;

use crate::cmd::step;
use crate::size::{kib, write_json, Sizes};
use crate::tools::{self, Needs};
use crate::wasm::{self, Built};
use crate::workspace::Workspace;

/// One benchmark of `cargo xtask bench`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Bench {
    /// Component download size (gzip, wasm + JS) versus a Leptos hello world.
    Size,
}

impl Bench {
    /// All benchmarks, in the order they run.
    pub const ALL: [Bench; 1] = [Bench::Size];
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
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_handles_zero() {
        assert_eq!(ratio(10, 0), 0.0);
        assert!((ratio(135, 36) - 3.75).abs() < 1e-9);
    }
}

//! `cargo xtask`: the riskguard workspace's developer tasks (the cargo xtask pattern).
//!
//! Run `cargo xtask --help`. Every path is relative to the workspace root, so the tasks work
//! from any directory.

mod bench;
mod cmd;
mod collector_bench;
mod demo;
mod postgres;
mod screenshots;
mod size;
mod tables;
mod test;
mod tools;
mod wasm;
mod workspace;

use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::cmd::step;
use crate::workspace::Workspace;

/// Developer tasks for riskguard.
#[derive(Parser)]
#[command(name = "cargo xtask", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install everything the build and the tests need: the wasm32 target, wasm-bindgen-cli
    /// (matching Cargo.lock, into .tools/), npm tools (binaryen's wasm-opt, axe-core),
    /// rustfmt/clippy, and (as root, via apt-get) Chromium, chromedriver, CJK fonts, OpenSSL
    /// headers.
    Setup,
    /// Build the component into target/dist/pkg (cargo → wasm-bindgen → wasm-opt -Oz) and print
    /// the size report (also written to target/dist/size-report.json).
    Build,
    /// Build, then run the collector serving the demo until Ctrl-C.
    Demo {
        /// Address the collector listens on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Store events in a throw-away PostgreSQL (started on a free loopback port, removed on
        /// exit) instead of SQLite.
        #[arg(long)]
        postgres: bool,
        /// More collector arguments, after `--` (e.g. `-- --data-dir /tmp/rg`).
        #[arg(last = true)]
        collector_args: Vec<String>,
    },
    /// Run every check CI runs, in order, stopping at the first failure: fmt, clippy, native
    /// tests, build, browser tests, e2e tests.
    Test {
        /// Run only these stages (repeat or separate with commas), e.g. `--only native,e2e`.
        #[arg(long, value_enum, value_delimiter = ',')]
        only: Vec<test::Stage>,
    },
    /// Start a throw-away PostgreSQL on a free loopback port and print its URL, until Ctrl-C:
    /// `RISKGUARD_TEST_POSTGRES=<url> cargo test -p riskguard-collector` then runs the
    /// collector's PostgreSQL tests.
    Postgres,
    /// Build, then take the README's screenshots of the demo (every dialog, both languages)
    /// into docs/screenshots/.
    Screenshots,
    /// Regenerate core/src/risk/normalize/tables.rs (the Unicode slices the normalizer carries)
    /// from the `unicode-normalization` crate.
    Tables,
    /// Measurements: the component's gzip size versus a Leptos hello world
    /// (target/dist/size-baseline.json), the risk engine's assessments/s and latency
    /// percentiles (target/dist/engine-bench.json) and its wasm cost
    /// (target/dist/engine-size.json), the collector under load and kill -9 (`collector`) and
    /// its statistics at 5 M events (`collector-stats`).
    Bench {
        /// Benchmarks to run (default: all).
        #[arg(value_enum)]
        which: Vec<bench::Bench>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Workspace::locate().and_then(|ws| match cli.command {
        Command::Setup => tools::setup(&ws, tools::Needs::ALL)
            .map(|()| step("setup complete"))
            .map(|()| ExitCode::SUCCESS),
        Command::Build => build_component(&ws).map(|_| ExitCode::SUCCESS),
        // Stopped with Ctrl-C: exit as interrupted, like the collector.
        Command::Demo {
            addr,
            postgres,
            collector_args,
        } => demo::run(&ws, &addr, postgres, &collector_args).map(|()| ExitCode::from(130)),
        Command::Test { only } => test::run(&ws, &only).map(|()| ExitCode::SUCCESS),
        Command::Screenshots => screenshots::run(&ws).map(|()| ExitCode::SUCCESS),
        Command::Postgres => postgres::serve_until_interrupted(&ws).map(|()| ExitCode::from(130)),
        Command::Tables => tables::write(&ws).map(|()| ExitCode::SUCCESS),
        Command::Bench { which } => bench::run(&ws, &which).map(|()| ExitCode::SUCCESS),
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask build`: sets up the build tools, builds the component into `target/dist/pkg`,
/// prints the size report and writes it to `target/dist/size-report.json`.
pub fn build_component(ws: &Workspace) -> Result<size::SizeReport> {
    tools::setup(ws, tools::Needs::BUILD)?;
    let built = wasm::build(ws, &wasm::component(ws))?;
    step("measuring sizes…");
    let report = size::component_report(ws, &built)?;
    println!("\n{}", size::render(&report));
    let path = ws.dist().join("size-report.json");
    size::write_json(&path, &report)?;
    step(format!("wrote {}", wasm::shown(ws, &path)));
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn bench_names_parse() {
        let cli = Cli::try_parse_from(["xtask", "bench", "engine", "engine-size"]).unwrap();
        match cli.command {
            Command::Bench { which } => {
                assert_eq!(which, [bench::Bench::Engine, bench::Bench::EngineSize])
            }
            _ => panic!("expected the bench command"),
        }
    }

    #[test]
    fn test_stages_parse_comma_separated() {
        let cli = Cli::try_parse_from(["xtask", "test", "--only", "native,e2e"]).unwrap();
        match cli.command {
            Command::Test { only } => assert_eq!(only, [test::Stage::Native, test::Stage::E2e]),
            _ => panic!("expected the test command"),
        }
    }
}

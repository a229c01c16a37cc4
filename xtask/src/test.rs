//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure, with a
//! header and wall time per stage and a summary table at the end.

use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use clap::ValueEnum;

use crate::cmd::format_duration;
use crate::postgres::Postgres;
use crate::tools::{self, Needs, WASM_TARGET};
use crate::workspace::{Workspace, CHROMEDRIVER};

/// Where the collector's tests find PostgreSQL: a server URL without a database name (each
/// test creates its own database). Under `CI=true` they fail without it.
pub const TEST_POSTGRES_ENV: &str = "RISKGUARD_TEST_POSTGRES";

/// One stage of `cargo xtask test`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Stage {
    /// `cargo fmt --all -- --check`.
    Fmt,
    /// `cargo clippy --workspace --all-targets -- -D warnings`.
    Clippy,
    /// Native unit and integration tests (all crates but e2e and the hello world), with a
    /// throw-away PostgreSQL for the collector's PostgreSQL store.
    Native,
    /// `cargo xtask build`: the component's wasm, JS glue and size report.
    Build,
    /// wasm-bindgen tests of the component in headless Chromium.
    Browser,
    /// End-to-end tests: collector + component in Chromium over WebDriver.
    E2e,
}

impl Stage {
    /// All stages, in the order they run.
    pub const ALL: [Stage; 6] = [
        Stage::Fmt,
        Stage::Clippy,
        Stage::Native,
        Stage::Build,
        Stage::Browser,
        Stage::E2e,
    ];

    /// The stage's name as typed after `--only`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Fmt => "fmt",
            Stage::Clippy => "clippy",
            Stage::Native => "native",
            Stage::Build => "build",
            Stage::Browser => "browser",
            Stage::E2e => "e2e",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Stage::Fmt => "formatting",
            Stage::Clippy => "lints, warnings are errors",
            Stage::Native => "native tests (collector also on PostgreSQL)",
            Stage::Build => "wasm build and size report",
            Stage::Browser => "wasm tests in headless Chromium",
            Stage::E2e => "end-to-end tests (collector + Chromium)",
        }
    }

    /// The tools this stage needs installed.
    fn needs(self) -> Needs {
        let none = Needs::default();
        match self {
            Stage::Fmt => Needs { lint: true, ..none },
            // Clippy builds every crate, including the e2e crate (OpenSSL headers).
            Stage::Clippy => Needs {
                lint: true,
                system: true,
                ..none
            },
            Stage::Native => none,
            Stage::Build => Needs::BUILD,
            Stage::Browser | Stage::E2e => Needs {
                wasm: true,
                system: true,
                ..none
            },
        }
    }

    fn run(self, ws: &Workspace) -> Result<()> {
        match self {
            Stage::Fmt => ws.cargo().args(["fmt", "--all", "--", "--check"]).run(),
            Stage::Clippy => ws
                .cargo()
                .args([
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ])
                .run(),
            Stage::Native => {
                let postgres = Postgres::start(ws, false)?;
                ws.cargo()
                    .env(TEST_POSTGRES_ENV, postgres.base_url())
                    .args(["test", "--workspace"])
                    .args(["--exclude", "riskguard-e2e"])
                    .args(["--exclude", "riskguard-hello-world"])
                    .run()
            }
            Stage::Build => crate::build_component(ws).map(drop),
            Stage::Browser => ws
                .cargo()
                .env(
                    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                    ws.wasm_bindgen_test_runner(),
                )
                .env("CHROMEDRIVER", CHROMEDRIVER)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "60")
                .args(["test", "-p", "riskguard", "--target", WASM_TARGET])
                .run(),
            Stage::E2e => {
                let wasm = ws.pkg_dir().join("riskguard_bg.wasm");
                if !wasm.is_file() {
                    bail!(
                        "{} is missing: run `cargo xtask build` first (or include the build stage)",
                        wasm.display()
                    );
                }
                ws.cargo()
                    .env("RISKGUARD_DIST", ws.dist())
                    .env("RISKGUARD_ROOT", &ws.root)
                    .env("CHROMEDRIVER", CHROMEDRIVER)
                    .args(["test", "-p", "riskguard-e2e", "--", "--test-threads=1"])
                    .run()
            }
        }
    }
}

/// How a stage ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Passed(Duration),
    Failed(Duration),
    NotRun,
}

/// Runs the `only` stages (all when empty) in their fixed order, stopping at the first failure.
pub fn run(ws: &Workspace, only: &[Stage]) -> Result<()> {
    let stages = selected(only);
    let started = Instant::now();
    let mut results: Vec<(&str, Outcome)> = Vec::new();

    let needs = stages
        .iter()
        .fold(Needs::default(), |n, s| n.union(s.needs()));
    header(0, stages.len(), "setup", "install what the stages need");
    let t = Instant::now();
    let setup = tools::setup(ws, needs);
    let mut failure = match setup {
        Ok(()) => {
            results.push(("setup", Outcome::Passed(t.elapsed())));
            None
        }
        Err(e) => {
            results.push(("setup", Outcome::Failed(t.elapsed())));
            Some(("setup", e))
        }
    };

    for (i, stage) in stages.iter().enumerate() {
        if failure.is_some() {
            results.push((stage.name(), Outcome::NotRun));
            continue;
        }
        header(i + 1, stages.len(), stage.name(), stage.describe());
        let t = Instant::now();
        match stage.run(ws) {
            Ok(()) => {
                eprintln!(
                    "xtask: {} passed in {}",
                    stage.name(),
                    format_duration(t.elapsed())
                );
                results.push((stage.name(), Outcome::Passed(t.elapsed())));
            }
            Err(e) => {
                results.push((stage.name(), Outcome::Failed(t.elapsed())));
                failure = Some((stage.name(), e));
            }
        }
    }

    eprintln!("\n{}", summary(&results, started.elapsed()));
    match failure {
        Some((name, e)) => Err(e.context(format!("test stage `{name}` failed"))),
        None => {
            eprintln!("xtask: all {} stages passed", stages.len());
            Ok(())
        }
    }
}

/// The stages to run: `only` in canonical order without repeats, or all of them.
fn selected(only: &[Stage]) -> Vec<Stage> {
    if only.is_empty() {
        return Stage::ALL.to_vec();
    }
    let mut stages = only.to_vec();
    stages.sort();
    stages.dedup();
    stages
}

fn header(index: usize, count: usize, name: &str, what: &str) {
    eprintln!("\n━━━━ xtask test [{index}/{count}] {name}: {what} ━━━━");
}

fn summary(results: &[(&str, Outcome)], total: Duration) -> String {
    let mut out = String::from("xtask test summary\n");
    out.push_str(&format!(
        "  {:<10}{:<10}{:>10}\n",
        "stage", "result", "time"
    ));
    for (name, outcome) in results {
        let (result, time) = match outcome {
            Outcome::Passed(d) => ("ok", format_duration(*d)),
            Outcome::Failed(d) => ("FAILED", format_duration(*d)),
            Outcome::NotRun => ("not run", String::new()),
        };
        out.push_str(&format!("  {name:<10}{result:<10}{time:>10}\n"));
    }
    out.push_str(&format!(
        "  {:<20}{:>10}\n",
        "total",
        format_duration(total)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_keeps_the_canonical_order() {
        assert_eq!(selected(&[]), Stage::ALL.to_vec());
        assert_eq!(
            selected(&[Stage::E2e, Stage::Native, Stage::E2e]),
            vec![Stage::Native, Stage::E2e]
        );
    }

    #[test]
    fn stage_names_match_the_cli() {
        for stage in Stage::ALL {
            let value = stage
                .to_possible_value()
                .expect("every stage is selectable");
            assert_eq!(value.get_name(), stage.name());
        }
    }

    #[test]
    fn summary_lists_every_stage() {
        let table = summary(
            &[
                ("setup", Outcome::Passed(Duration::from_secs(1))),
                ("fmt", Outcome::Failed(Duration::from_millis(2_500))),
                ("clippy", Outcome::NotRun),
            ],
            Duration::from_secs(4),
        );
        assert!(table.contains("setup     ok"), "{table}");
        assert!(table.contains("fmt       FAILED"), "{table}");
        assert!(table.contains("clippy    not run"), "{table}");
        assert!(table.contains("4.0s"), "{table}");
    }
}

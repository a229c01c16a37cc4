//! `riskguard`: the risk engine on the command line, for risk teams.
//!
//! - `riskguard assess [--rules FILE]`: `TransferContext` JSON Lines on stdin, one `Assessment`
//!   per line on stdout; a bad line gives `{"line": N, "error": "…"}` and the run goes on;
//!   exit code 1 if any line failed.
//! - `riskguard eval --cases FILE [--rules FILE]`: the backtest — recall, false-positive rate,
//!   blocked accuracy, a confusion table per category, every misclassified case.
//! - `riskguard bench`: assessments per second and latency percentiles on one core.
//! - `riskguard normalize`: what the matcher sees of each stdin line.
//! - `riskguard locales check [DIR] [--format json]`: the linter for the `.ftl` files; exit
//!   code 1 on any error.

mod commands;
mod rules_arg;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Assess transfers for crypto-scam risk, and backtest rules before they go live.
#[derive(Parser)]
#[command(name = "riskguard", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read TransferContext JSON Lines on stdin; write one Assessment JSON object per line.
    Assess {
        /// A rules file (JSON) instead of the built-in rules.
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
    },
    /// Backtest rules on a labelled corpus: lines of {"expect": "risky"|"benign"|"blocked",
    /// "context": {…}}.
    Eval {
        /// The labelled corpus (JSON Lines).
        #[arg(long, value_name = "FILE")]
        cases: PathBuf,
        /// A rules file (JSON) instead of the built-in rules.
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
        /// Print the summary as JSON instead of the report.
        #[arg(long)]
        json: bool,
        /// Exit with 1 when recall is below this (0–1).
        #[arg(long, value_name = "RATE")]
        min_recall: Option<f64>,
        /// Exit with 1 when the false-positive rate is above this (0–1).
        #[arg(long, value_name = "RATE")]
        max_fpr: Option<f64>,
    },
    /// Measure assessments per second and latency percentiles on one core.
    Bench {
        /// Transfers to assess: a labelled corpus or plain TransferContext JSON Lines.
        #[arg(long, value_name = "FILE", default_value = "tests/corpus/cases.jsonl")]
        cases: PathBuf,
        /// A rules file (JSON) instead of the built-in rules.
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
        /// How long to measure throughput, in seconds.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print each stdin line as the matcher sees it after normalization.
    Normalize {
        /// A rules file (JSON) instead of the built-in rules.
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
    },
    /// Print the memo model's feature slots of each stdin line (for tools/train_memo_model.py).
    Features {
        /// How many slots the features are hashed into (a power of two).
        #[arg(long, default_value_t = 4096)]
        slots: u32,
        /// A rules file (JSON) instead of the built-in rules (its normalization tables apply).
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
    },
    /// Work on the Fluent (.ftl) text files of the component.
    Locales {
        #[command(subcommand)]
        command: LocalesCommand,
    },
}

#[derive(Subcommand)]
enum LocalesCommand {
    /// Lint DIR/<locale>/*.ftl against en-US: syntax, missing and obsolete messages,
    /// attributes, variables, plural variants, empty values, duplicate ids, undocumented
    /// variables. Exit code 1 on any error.
    Check {
        /// The directory with one folder per locale.
        #[arg(default_value = "locales")]
        dir: PathBuf,
        /// `human` (like compiler errors) or `json` (an array of diagnostics on stdout).
        #[arg(long, value_enum, default_value_t = commands::locales::Format::Human)]
        format: commands::locales::Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Assess { rules } => {
            rules_arg::load(rules.as_deref()).and_then(|rules| commands::assess::run(&rules))
        }
        Command::Eval {
            cases,
            rules,
            json,
            min_recall,
            max_fpr,
        } => rules_arg::load(rules.as_deref()).and_then(|rules| {
            commands::eval::run(
                &rules,
                &cases,
                &commands::eval::Options {
                    json,
                    min_recall,
                    max_fpr,
                },
            )
        }),
        Command::Bench {
            cases,
            rules,
            seconds,
            json,
        } => rules_arg::load(rules.as_deref())
            .and_then(|rules| commands::bench::run(&rules, &cases, seconds, json)),
        Command::Normalize { rules } => {
            rules_arg::load(rules.as_deref()).and_then(|rules| commands::normalize::run(&rules))
        }
        Command::Features { slots, rules } => rules_arg::load(rules.as_deref())
            .and_then(|rules| commands::features::run(&rules, slots)),
        Command::Locales {
            command: LocalesCommand::Check { dir, format },
        } => commands::locales::check(&dir, format),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("riskguard: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}

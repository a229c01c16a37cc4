//! `riskguard bench`: assessments per second and latency percentiles, natively, on one core.

use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use riskguard_core::risk::eval::Case;
use riskguard_core::risk::{assess, Rules, TransferContext};
use serde::Serialize;

/// The measurement, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct BenchResult {
    /// The rules' version.
    pub rules_version: String,
    /// Distinct transfers in the mix.
    pub transfers: usize,
    /// Assessments per second on one thread (throughput loop, no per-call timing).
    pub assessments_per_second: f64,
    /// Latency percentiles of single assessments, in nanoseconds.
    pub p50_ns: u64,
    /// 95th percentile.
    pub p95_ns: u64,
    /// 99th percentile.
    pub p99_ns: u64,
    /// Slowest single assessment seen.
    pub max_ns: u64,
    /// Timed single assessments.
    pub samples: usize,
}

/// Reads transfers from a corpus (labelled lines or plain contexts).
pub fn read_transfers(path: &Path) -> Result<Vec<TransferContext>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut transfers = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let context = Case::from_json(line)
            .map(|case| case.context)
            .or_else(|_| TransferContext::from_json(line).map_err(|e| e.to_string()))
            .map_err(|e| format!("{}:{}: {e}", path.display(), index + 1))?;
        transfers.push(context);
    }
    if transfers.is_empty() {
        return Err(format!("{} holds no transfers", path.display()));
    }
    Ok(transfers)
}

/// Measures `rules` on `transfers`.
pub fn measure(rules: &Rules, transfers: &[TransferContext], seconds: f64) -> BenchResult {
    // Warm up (and build the automaton of the built-in rules).
    for context in transfers.iter().cycle().take(transfers.len() * 20) {
        black_box(assess(black_box(context), rules));
    }
    // Throughput: whole passes over the mix until the time is up.
    let budget = Duration::from_secs_f64(seconds.max(0.1));
    let started = Instant::now();
    let mut done = 0usize;
    while started.elapsed() < budget {
        for context in transfers {
            black_box(assess(black_box(context), rules));
        }
        done += transfers.len();
    }
    let per_second = done as f64 / started.elapsed().as_secs_f64();
    // Latency: time single calls.
    let samples = (transfers.len() * 500).clamp(50_000, 500_000);
    let mut latencies: Vec<u64> = Vec::with_capacity(samples);
    for context in transfers.iter().cycle().take(samples) {
        let t = Instant::now();
        black_box(assess(black_box(context), rules));
        latencies.push(t.elapsed().as_nanos() as u64);
    }
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    BenchResult {
        rules_version: rules.version().to_owned(),
        transfers: transfers.len(),
        assessments_per_second: per_second,
        p50_ns: at(0.50),
        p95_ns: at(0.95),
        p99_ns: at(0.99),
        max_ns: latencies.last().copied().unwrap_or(0),
        samples,
    }
}

/// Runs the command.
pub fn run(rules: &Rules, cases: &Path, seconds: f64, json: bool) -> Result<ExitCode, String> {
    let transfers = read_transfers(cases)?;
    let result = measure(rules, &transfers, seconds);
    if json {
        let text = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
        println!("{text}");
    } else {
        println!(
            "{:.0} assessments/s on one core · latency p50 {} ns · p95 {} ns · p99 {} ns · max {} ns \
             ({} transfers, {} timed samples, rules {})",
            result.assessments_per_second,
            result.p50_ns,
            result.p95_ns,
            result.p99_ns,
            result.max_ns,
            result.transfers,
            result.samples,
            result.rules_version
        );
    }
    Ok(ExitCode::SUCCESS)
}

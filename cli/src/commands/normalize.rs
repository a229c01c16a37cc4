//! `riskguard normalize`: each stdin line as the matcher sees it.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use riskguard_core::risk::Rules;

/// Prints the normalized form of every stdin line.
pub fn run(rules: &Rules) -> Result<ExitCode, String> {
    let mut out = io::stdout().lock();
    for line in io::stdin().lock().lines() {
        let line = line.map_err(|e| format!("cannot read stdin: {e}"))?;
        if writeln!(out, "{}", rules.normalize(&line)).is_err() {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

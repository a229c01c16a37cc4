//! `riskguard features`: the memo model's feature slots of each stdin line, for training.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use riskguard_core::risk::Rules;

/// Prints, for every stdin line, its distinct feature slots (ascending, space-separated) when
/// hashed into `slots` slots — the features `tools/train_memo_model.py` fits weights to.
pub fn run(rules: &Rules, slots: u32) -> Result<ExitCode, String> {
    let mut out = io::stdout().lock();
    for line in io::stdin().lock().lines() {
        let line = line.map_err(|e| format!("cannot read stdin: {e}"))?;
        let slots: Vec<String> = rules
            .memo_features(&line, slots)
            .map_err(|e| format!("--slots {slots}: {e}"))?
            .iter()
            .map(u32::to_string)
            .collect();
        if writeln!(out, "{}", slots.join(" ")).is_err() {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

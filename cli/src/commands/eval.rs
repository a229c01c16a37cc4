//! `riskguard eval`: the backtest report.

use std::path::Path;
use std::process::ExitCode;

use riskguard_core::risk::eval::evaluate;
use riskguard_core::risk::Rules;

/// Output and gate options.
pub struct Options {
    /// Print the summary as JSON.
    pub json: bool,
    /// Fail below this recall.
    pub min_recall: Option<f64>,
    /// Fail above this false-positive rate.
    pub max_fpr: Option<f64>,
}

/// Evaluates `cases` and prints the report; exit code 1 when a line cannot be read or a gate
/// fails.
pub fn run(rules: &Rules, cases: &Path, options: &Options) -> Result<ExitCode, String> {
    let corpus = std::fs::read_to_string(cases)
        .map_err(|e| format!("cannot read {}: {e}", cases.display()))?;
    let report = evaluate(&corpus, rules);
    let summary = report.summary();
    if options.json {
        let json = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print!("{}", report.render());
    }
    let mut ok = report.errors.is_empty();
    if let Some(min) = options.min_recall {
        if summary.recall < min {
            eprintln!("riskguard: recall {:.4} is below {min}", summary.recall);
            ok = false;
        }
    }
    if let Some(max) = options.max_fpr {
        if summary.false_positive_rate > max {
            eprintln!(
                "riskguard: false-positive rate {:.4} is above {max}",
                summary.false_positive_rate
            );
            ok = false;
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

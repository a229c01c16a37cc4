//! The backtest a risk team runs before changing rules: a labelled corpus through
//! [`assess`], and recall, false-positive rate, blocked accuracy, a per-category confusion
//! table and every misclassified case. `riskguard eval` prints it; CI fails when recall or the
//! false-positive rate regress (`core/tests/corpus.rs`).
//!
//! A corpus is JSON Lines, one case per line:
//! `{"expect": "risky"|"benign"|"blocked", "context": {…TransferContext…}}`, optionally with
//! `"category"` (the category a risky case should get), `"tags"` and `"note"`. Blank lines and
//! lines starting with `//` are skipped.

mod case;
mod render;
mod report;
#[cfg(test)]
mod tests;

pub use case::{Case, Expect};
pub use report::{LineError, Outcome, Report, Summary, Tally};

use super::{assess, Rules};

/// Runs every case of `corpus` (JSON Lines) through `rules`.
pub fn evaluate(corpus: &str, rules: &Rules) -> Report {
    let mut report = Report {
        rules_version: rules.version().to_owned(),
        ..Report::default()
    };
    for (index, line) in corpus.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("//") {
            continue;
        }
        match Case::from_json(trimmed) {
            Ok(case) => {
                let assessment = assess(&case.context, rules);
                report.outcomes.push(Outcome {
                    line: index + 1,
                    case,
                    assessment,
                });
            }
            Err(message) => report.errors.push(LineError {
                line: index + 1,
                message,
            }),
        }
    }
    report
}

//! The backtest's result ([`Report`]) and the numbers drawn from it: tallies per expectation,
//! the confusion table, rule counts and the [`Summary`].

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Case, Expect};
use crate::risk::{Assessment, Level};

/// A case and what the rules made of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// 1-based line in the corpus.
    pub line: usize,
    /// The case.
    pub case: Case,
    /// What `assess` said.
    pub assessment: Assessment,
}

impl Outcome {
    /// Whether the level meets the expectation.
    pub fn is_correct(&self) -> bool {
        self.case.expect.is_met_by(self.assessment.level)
    }
}

/// A line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based line in the corpus.
    pub line: usize,
    /// What is wrong, naming the field.
    pub message: String,
}

/// The backtest's result.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// The rules' version.
    pub rules_version: String,
    /// Every case read, in corpus order.
    pub outcomes: Vec<Outcome>,
    /// Lines that could not be read.
    pub errors: Vec<LineError>,
}

/// Counts for one expectation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Tally {
    /// Cases with this expectation.
    pub cases: usize,
    /// Of them, how many met it.
    pub met: usize,
}

impl Tally {
    /// `met / cases`, or 1 when there are no cases.
    pub fn rate(self) -> f64 {
        if self.cases == 0 {
            1.0
        } else {
            self.met as f64 / self.cases as f64
        }
    }
}

/// The headline numbers, as `riskguard eval --json` prints them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The rules' version.
    pub rules_version: String,
    /// Cases read.
    pub cases: usize,
    /// Lines that could not be read.
    pub errors: usize,
    /// Risky cases that got at least `medium`, over risky cases.
    pub recall: f64,
    /// Benign cases that got `medium` or above, over benign cases.
    pub false_positive_rate: f64,
    /// Blocked cases that got `blocked`, over blocked cases.
    pub blocked_accuracy: f64,
    /// Cases not expected blocked that got `blocked`.
    pub unexpected_blocks: usize,
    /// Detected risky cases with a labelled category that got that category, over them.
    pub category_accuracy: f64,
    /// Per expectation.
    pub risky: Tally,
    /// Per expectation.
    pub benign: Tally,
    /// Per expectation.
    pub blocked: Tally,
    /// Cases per tag.
    pub tags: BTreeMap<String, usize>,
}

/// The confusion table's column for an assessment: its category when it interrupts.
fn predicted_column(assessment: &Assessment) -> String {
    match (assessment.level.interrupts(), assessment.category) {
        (true, Some(category)) => category.code().to_owned(),
        (true, None) => "(no category)".to_owned(),
        (false, _) => "no warning".to_owned(),
    }
}

/// The confusion table's row for a case: its labelled category, or its expectation.
fn expected_row(case: &Case) -> String {
    match (case.expect, case.category) {
        (Expect::Benign, _) => "benign".to_owned(),
        (_, Some(category)) => category.code().to_owned(),
        (Expect::Blocked, None) => "blocked".to_owned(),
        (Expect::Risky, None) => "risky (unlabelled)".to_owned(),
    }
}

impl Report {
    /// Per tag and expectation, how many cases met it: recall per family of risky memos, false
    /// alarms per kind of look-alike (`riskguard eval` prints it as BY TAG).
    pub fn by_tag(&self) -> BTreeMap<(String, Expect), Tally> {
        let mut tallies: BTreeMap<(String, Expect), Tally> = BTreeMap::new();
        for outcome in &self.outcomes {
            for tag in &outcome.case.tags {
                let tally = tallies
                    .entry((tag.clone(), outcome.case.expect))
                    .or_default();
                tally.cases += 1;
                tally.met += usize::from(outcome.is_correct());
            }
        }
        tallies
    }

    fn tally(&self, expect: Expect) -> Tally {
        let mut tally = Tally::default();
        for outcome in self.outcomes.iter().filter(|o| o.case.expect == expect) {
            tally.cases += 1;
            if outcome.is_correct() {
                tally.met += 1;
            }
        }
        tally
    }

    /// Risky cases that got at least `medium`, over risky cases.
    pub fn recall(&self) -> f64 {
        self.tally(Expect::Risky).rate()
    }

    /// Benign cases that got `medium` or above, over benign cases.
    pub fn false_positive_rate(&self) -> f64 {
        1.0 - self.tally(Expect::Benign).rate()
    }

    /// Blocked cases that got `blocked`, over blocked cases.
    pub fn blocked_accuracy(&self) -> f64 {
        self.tally(Expect::Blocked).rate()
    }

    /// Cases whose level does not meet their expectation.
    pub fn misclassified(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| !o.is_correct())
    }

    /// Counts by (expected row, predicted column), as in [`Report::render`].
    pub fn confusion(&self) -> BTreeMap<(String, String), usize> {
        let mut table = BTreeMap::new();
        for outcome in &self.outcomes {
            let key = (
                expected_row(&outcome.case),
                predicted_column(&outcome.assessment),
            );
            *table.entry(key).or_insert(0) += 1;
        }
        table
    }

    /// The headline numbers.
    pub fn summary(&self) -> Summary {
        let labelled: Vec<&Outcome> = self
            .outcomes
            .iter()
            .filter(|o| o.case.expect == Expect::Risky && o.is_correct())
            .filter(|o| o.case.category.is_some())
            .collect();
        let right = labelled
            .iter()
            .filter(|o| o.assessment.category == o.case.category)
            .count();
        let mut tags = BTreeMap::new();
        for outcome in &self.outcomes {
            for tag in &outcome.case.tags {
                *tags.entry(tag.clone()).or_insert(0) += 1;
            }
        }
        Summary {
            rules_version: self.rules_version.clone(),
            cases: self.outcomes.len(),
            errors: self.errors.len(),
            recall: self.recall(),
            false_positive_rate: self.false_positive_rate(),
            blocked_accuracy: self.blocked_accuracy(),
            unexpected_blocks: self
                .outcomes
                .iter()
                .filter(|o| o.case.expect != Expect::Blocked)
                .filter(|o| o.assessment.level == Level::Blocked)
                .count(),
            category_accuracy: if labelled.is_empty() {
                1.0
            } else {
                right as f64 / labelled.len() as f64
            },
            risky: self.tally(Expect::Risky),
            benign: self.tally(Expect::Benign),
            blocked: self.tally(Expect::Blocked),
            tags,
        }
    }

    /// For every rule that fired (behavioural signals aside), in how many cases of each kind:
    /// a new pattern shows here whether or not it changes a verdict.
    pub fn rule_counts(&self) -> BTreeMap<String, [usize; 3]> {
        let mut counts: BTreeMap<String, [usize; 3]> = BTreeMap::new();
        for o in &self.outcomes {
            let column = match o.case.expect {
                Expect::Risky => 0,
                Expect::Benign => 1,
                Expect::Blocked => 2,
            };
            for reason in o
                .assessment
                .reasons
                .iter()
                .filter(|r| r.span.is_some() || r.code == "payee_flag")
            {
                counts.entry(reason.rule_id.clone()).or_default()[column] += 1;
            }
        }
        counts
    }
}

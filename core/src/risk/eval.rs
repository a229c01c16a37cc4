//! The backtest a risk team runs before changing rules: a labelled corpus through
//! [`assess`], and recall, false-positive rate, blocked accuracy, a per-category confusion
//! table and every misclassified case. `riskguard eval` prints it; CI fails when recall or the
//! false-positive rate regress (`core/tests/corpus.rs`).
//!
//! A corpus is JSON Lines, one case per line:
//! `{"expect": "risky"|"benign"|"blocked", "context": {…TransferContext…}}`, optionally with
//! `"category"` (the category a risky case should get), `"tags"` and `"note"`. Blank lines and
//! lines starting with `//` are skipped.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::{assess, Assessment, Category, Level, Rules, TransferContext};

/// What a case should get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expect {
    /// A warning: level `medium` or above.
    Risky,
    /// No interruption: level `none` or `low`.
    Benign,
    /// Level `blocked`.
    Blocked,
}

impl Expect {
    /// The snake_case name, as in the corpus.
    pub fn code(self) -> &'static str {
        match self {
            Expect::Risky => "risky",
            Expect::Benign => "benign",
            Expect::Blocked => "blocked",
        }
    }

    /// Whether `level` meets this expectation.
    pub fn is_met_by(self, level: Level) -> bool {
        match self {
            Expect::Risky => level.interrupts(),
            Expect::Benign => !level.interrupts(),
            Expect::Blocked => level == Level::Blocked,
        }
    }
}

/// One labelled case.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// What it should get.
    pub expect: Expect,
    /// The transfer.
    pub context: TransferContext,
    /// The category a risky case should get, if labelled.
    pub category: Option<Category>,
    /// Free labels (`evasion`, `look_alike`…), for counting the corpus' composition.
    pub tags: Vec<String>,
    /// Free text.
    pub note: Option<String>,
}

#[derive(Deserialize)]
struct RawCase {
    expect: Expect,
    context: serde_json::Value,
    #[serde(default)]
    category: Option<Category>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

impl Case {
    /// Reads one corpus line; the error names the field at fault (`context.payee.is_new`).
    pub fn from_json(line: &str) -> Result<Case, String> {
        let mut deserializer = serde_json::Deserializer::from_str(line);
        let raw: RawCase = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
            let path = e.path().to_string();
            format!("field `{path}`: {}", e.into_inner())
        })?;
        let context = TransferContext::from_json(&raw.context.to_string()).map_err(|e| {
            let field = if e.field == "." {
                "context".to_owned()
            } else {
                format!("context.{}", e.field)
            };
            format!("invalid transfer: field `{field}`: {}", e.message)
        })?;
        Ok(Case {
            expect: raw.expect,
            context,
            category: raw.category,
            tags: raw.tags,
            note: raw.note,
        })
    }
}

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

    fn render_by_tag(&self) -> String {
        let tallies = self.by_tag();
        if tallies.is_empty() {
            return String::new();
        }
        let mut out = String::from("\nBY TAG (cases that met their expectation)\n");
        for ((tag, expect), tally) in &tallies {
            let _ = writeln!(
                out,
                "  {:<7} {tag:<24} {:>4} of {:<4} {:>6.1} %",
                expect.code(),
                tally.met,
                tally.cases,
                tally.rate() * 100.0
            );
        }
        out
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

    /// The report for people: numbers, confusion table, misclassified cases, unreadable lines.
    pub fn render(&self) -> String {
        let s = self.summary();
        let mut out = String::new();
        let pct = |x: f64| format!("{:.1} %", x * 100.0);
        let _ = writeln!(out, "rules {} · {} cases", s.rules_version, s.cases);
        let _ = writeln!(
            out,
            "recall               {:>8}   ({} of {} risky cases got medium or above)",
            pct(s.recall),
            s.risky.met,
            s.risky.cases
        );
        let _ = writeln!(
            out,
            "false-positive rate  {:>8}   ({} of {} benign cases were interrupted)",
            pct(s.false_positive_rate),
            s.benign.cases - s.benign.met,
            s.benign.cases
        );
        let _ = writeln!(
            out,
            "blocked accuracy     {:>8}   ({} of {} blocked cases got blocked; {} unexpected blocks)",
            pct(s.blocked_accuracy),
            s.blocked.met,
            s.blocked.cases,
            s.unexpected_blocks
        );
        let _ = writeln!(
            out,
            "category accuracy    {:>8}   (detected risky cases with a labelled category)",
            pct(s.category_accuracy)
        );
        if !s.tags.is_empty() {
            let tags: Vec<String> = s.tags.iter().map(|(t, n)| format!("{t} {n}")).collect();
            let _ = writeln!(out, "tags: {}", tags.join(" · "));
        }
        out.push('\n');
        out.push_str(&self.render_confusion());
        out.push_str(&self.render_by_tag());
        out.push_str(&self.render_rule_counts());
        let wrong: Vec<&Outcome> = self.misclassified().collect();
        let _ = writeln!(out, "\nMISCLASSIFIED ({})", wrong.len());
        for o in wrong {
            // Each rule with the words it matched, when it matched words: `otc.usdt "收u"`.
            let rules: Vec<String> = o
                .assessment
                .reasons
                .iter()
                .map(|r| match &r.span {
                    Some(span) => format!("{} {:?}", r.rule_id, span.text),
                    None => r.rule_id.clone(),
                })
                .collect();
            let _ = writeln!(
                out,
                "  line {:>4}: expected {:<7} got {:<7} {:<16} memo {:?} payee {:?} flags {:?} rules [{}]{}",
                o.line,
                o.case.expect.code(),
                o.assessment.level.code(),
                o.assessment.category.map_or("-", Category::code),
                o.case.context.memo.as_deref().unwrap_or(""),
                o.case.context.payee.display_name.as_deref().unwrap_or(""),
                o.case.context.payee.flags,
                rules.join(", "),
                o.case
                    .note
                    .as_deref()
                    .map(|n| format!(" — {n}"))
                    .unwrap_or_default()
            );
        }
        if !self.errors.is_empty() {
            let _ = writeln!(out, "\nUNREADABLE LINES ({})", self.errors.len());
            for e in &self.errors {
                let _ = writeln!(out, "  line {:>4}: {}", e.line, e.message);
            }
        }
        out
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

    fn render_rule_counts(&self) -> String {
        let counts = self.rule_counts();
        let mut out = String::from("\nRULES THAT FIRED (cases: risky · benign · blocked)\n");
        let width = counts.keys().map(String::len).max().unwrap_or(0);
        for (rule, [risky, benign, blocked]) in &counts {
            let _ = writeln!(out, "  {rule:<width$}  {risky:>5} {benign:>6} {blocked:>7}");
        }
        out
    }

    fn render_confusion(&self) -> String {
        let table = self.confusion();
        let mut rows: Vec<&String> = table.keys().map(|(r, _)| r).collect();
        rows.sort();
        rows.dedup();
        let mut columns: Vec<&String> = table.keys().map(|(_, c)| c).collect();
        columns.sort();
        columns.dedup();
        let width = columns.iter().map(|c| c.len()).max().unwrap_or(0).max(6) + 1;
        let mut out =
            String::from("CONFUSION (rows: expected · columns: what the user would see)\n");
        let _ = write!(out, "{:<22}", "");
        for c in &columns {
            let _ = write!(out, "{c:>width$}");
        }
        out.push('\n');
        for r in rows {
            let _ = write!(out, "{r:<22}");
            for c in &columns {
                let n = table.get(&(r.clone(), (*c).clone())).copied().unwrap_or(0);
                let cell = if n == 0 {
                    ".".to_owned()
                } else {
                    n.to_string()
                };
                let _ = write!(out, "{cell:>width$}");
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: &str = r#"
{"expect": "risky", "category": "otc_trading", "context": {"amount_minor": 100, "currency": "CNY", "memo": "USDT承兑", "payee": {"is_new": true}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
{"expect": "benign", "context": {"amount_minor": 100, "currency": "CNY", "memo": "房租 11月", "payee": {"is_new": true}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
// a comment
{"expect": "blocked", "context": {"amount_minor": 100, "currency": "CNY", "payee": {"is_new": false, "flags": ["collection_restricted"]}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
{"expect": "benign", "context": {"amount_minor": 100, "currency": "CNY", "payee": {"is_new": "yes"}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
"#;

    #[test]
    fn counts_and_names_bad_lines() {
        let report = evaluate(CORPUS, Rules::builtin());
        assert_eq!(report.outcomes.len(), 3);
        assert_eq!(report.errors.len(), 1);
        assert_eq!(report.errors[0].line, 6);
        assert!(
            report.errors[0].message.contains("context.payee.is_new"),
            "{}",
            report.errors[0].message
        );
        assert_eq!(report.recall(), 1.0);
        assert_eq!(report.false_positive_rate(), 0.0);
        assert_eq!(report.blocked_accuracy(), 1.0);
        let text = report.render();
        assert!(text.contains("recall"), "{text}");
        assert!(text.contains("UNREADABLE LINES (1)"), "{text}");
    }

    #[test]
    fn rules_that_fired_are_counted_per_kind_of_case() {
        let report = evaluate(CORPUS, Rules::builtin());
        let counts = report.rule_counts();
        assert_eq!(counts.get("otc.usdt"), Some(&[1, 0, 0]));
        assert_eq!(counts.get("flag.collection_restricted"), Some(&[0, 0, 1]));
        assert!(
            !counts.contains_key("signal.new_payee"),
            "behaviour is not a rule's text"
        );
        assert!(report.render().contains("RULES THAT FIRED"));
    }

    #[test]
    fn tags_are_tallied_per_expectation() {
        let corpus = r#"
{"expect": "risky", "tags": ["slang"], "context": {"amount_minor": 100, "currency": "CNY", "memo": "USDT承兑", "payee": {"is_new": true}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
{"expect": "risky", "tags": ["slang"], "context": {"amount_minor": 100, "currency": "CNY", "memo": "房租", "payee": {"is_new": false}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
{"expect": "benign", "tags": ["slang"], "context": {"amount_minor": 100, "currency": "CNY", "memo": "房租", "payee": {"is_new": false}, "initiated_at": "2026-11-21T14:00:00+08:00"}}
"#;
        let report = evaluate(corpus, Rules::builtin());
        let by_tag = report.by_tag();
        let risky = by_tag[&("slang".to_owned(), Expect::Risky)];
        assert_eq!((risky.met, risky.cases), (1, 2));
        let benign = by_tag[&("slang".to_owned(), Expect::Benign)];
        assert_eq!((benign.met, benign.cases), (1, 1));
        assert!(report.render().contains("BY TAG"));
    }
}

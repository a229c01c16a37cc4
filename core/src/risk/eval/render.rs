//! The report for people ([`Report::render`]): headline numbers, confusion table, tags, the
//! rules that fired, misclassified cases and unreadable lines.

use std::fmt::Write as _;

use super::{Outcome, Report, Summary};
use crate::risk::Category;

impl Report {
    /// The report for people: numbers, confusion table, misclassified cases, unreadable lines.
    pub fn render(&self) -> String {
        let mut out = render_headline(&self.summary());
        out.push('\n');
        out.push_str(&self.render_confusion());
        out.push_str(&self.render_by_tag());
        out.push_str(&self.render_rule_counts());
        out.push_str(&self.render_misclassified());
        out.push_str(&self.render_errors());
        out
    }

    fn render_misclassified(&self) -> String {
        let mut out = String::new();
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
        out
    }

    fn render_errors(&self) -> String {
        let mut out = String::new();
        if !self.errors.is_empty() {
            let _ = writeln!(out, "\nUNREADABLE LINES ({})", self.errors.len());
            for e in &self.errors {
                let _ = writeln!(out, "  line {:>4}: {}", e.line, e.message);
            }
        }
        out
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

/// The headline numbers: recall, false positives, blocked and category accuracy, tags.
fn render_headline(s: &Summary) -> String {
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
    out
}

//! Rules as data: a versioned JSON file, compiled into the component as the default and
//! replaceable by the host.

use std::fmt;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use super::normalize::normalize;
use super::{Category, Level};

/// The rules compiled into the component (`rules/default.json`).
const BUILTIN_RULES: &str = include_str!("../../../rules/default.json");

/// A keyword rule: any of `terms` in the memo points to `category` at `level`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeywordRule {
    /// Stable id, reported in every reason this rule produces.
    pub id: String,
    /// What the terms point to.
    pub category: Category,
    /// The level a match calls for.
    pub level: Level,
    /// Words or phrases, matched after [`normalize`].
    pub terms: Vec<String>,
}

/// A host flag on the payee that calls for a level by itself.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagRule {
    /// The flag as the host sends it in `payee.flags`.
    pub flag: String,
    /// Stable id, reported in the reason.
    pub id: String,
    /// What the flag points to.
    pub category: Category,
    /// The level the flag calls for.
    pub level: Level,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    version: String,
    keywords: Vec<KeywordRule>,
    #[serde(default)]
    guards: Vec<String>,
    #[serde(default)]
    flags: Vec<FlagRule>,
}

/// A compiled rule set, ready for [`super::assess`].
#[derive(Debug, Clone)]
pub struct Rules {
    pub(super) version: String,
    pub(super) keywords: Vec<KeywordRule>,
    pub(super) flags: Vec<FlagRule>,
    /// One automaton over every term and guard, leftmost-longest, so that a guard such as
    /// `人民币` consumes the text before the shorter `币…` terms inside it can match.
    pub(super) matcher: AhoCorasick,
    /// For each automaton pattern: the index of its keyword rule, or `None` for a guard.
    pub(super) pattern_rule: Vec<Option<usize>>,
}

/// A rules file that could not be used, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    /// 1-based line of the problem in the file, when known.
    pub line: Option<usize>,
    /// 1-based column of the problem, when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(
                    f,
                    "rules file, line {line}, column {column}: {}",
                    self.message
                )
            }
            _ => write!(f, "rules file: {}", self.message),
        }
    }
}

impl std::error::Error for RulesError {}

impl Rules {
    /// The rules compiled into the component.
    pub fn builtin() -> &'static Rules {
        static BUILTIN: OnceLock<Rules> = OnceLock::new();
        BUILTIN.get_or_init(|| match Rules::from_json(BUILTIN_RULES) {
            Ok(rules) => rules,
            // A test (`builtin_rules_compile`) keeps this branch unreachable in any build.
            Err(e) => panic!("the built-in rules are broken: {e}"),
        })
    }

    /// Reads and compiles a rules file. On error the caller keeps the rules it had.
    pub fn from_json(json: &str) -> Result<Rules, RulesError> {
        let file: RulesFile = serde_json::from_str(json).map_err(|e| RulesError {
            line: Some(e.line()),
            column: Some(e.column()),
            message: e.to_string(),
        })?;
        Self::compile(file)
    }

    /// The rules' version string, reported in every assessment.
    pub fn version(&self) -> &str {
        &self.version
    }

    fn compile(file: RulesFile) -> Result<Rules, RulesError> {
        let plain = |message: String| RulesError {
            line: None,
            column: None,
            message,
        };
        if file.version.trim().is_empty() {
            return Err(plain("`version` must not be empty".to_owned()));
        }
        let mut patterns = Vec::new();
        let mut pattern_rule = Vec::new();
        for (index, rule) in file.keywords.iter().enumerate() {
            for term in &rule.terms {
                let term = normalize(term.trim());
                if term.is_empty() {
                    return Err(plain(format!("rule `{}` has an empty term", rule.id)));
                }
                patterns.push(term);
                pattern_rule.push(Some(index));
            }
        }
        for guard in &file.guards {
            patterns.push(normalize(guard.trim()));
            pattern_rule.push(None);
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| plain(format!("the terms cannot be compiled: {e}")))?;
        Ok(Rules {
            version: file.version,
            keywords: file.keywords,
            flags: file.flags,
            matcher,
            pattern_rule,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_compile() {
        let rules = Rules::from_json(BUILTIN_RULES).expect("built-in rules");
        assert!(!rules.keywords.is_empty());
    }

    #[test]
    fn malformed_rules_name_line_and_column() {
        let broken = "{\n  \"version\": \"1\",\n  \"keywords\": [\n    { \"id\": \"x\", \"category\": \"otc_tradin\", \"level\": \"medium\", \"terms\": [\"usdt\"] }\n  ]\n}";
        let err = Rules::from_json(broken).expect_err("unknown category");
        assert_eq!(err.line, Some(4));
        assert!(err.message.contains("otc_tradin"), "{err}");
        assert!(err.to_string().starts_with("rules file, line 4"), "{err}");
    }
}

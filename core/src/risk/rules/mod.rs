//! Rules as data: a versioned JSON file (`rules/default.json`), compiled into the component as
//! the default and replaceable by the host with [`Rules::from_json`].
//!
//! - [`file`]: the file format, one struct per section.
//! - `term`: what a term string means (spaces, `*`, word boundaries).
//! - `patterns`: collecting terms (`@set`, `~word`, `#shape`) into automaton patterns.
//! - `compile`: from the file to the normalizer, the automaton and the weights.
//! - [`limits`]: what a file may hold, checked before compiling.

mod compile;
mod error;
pub mod file;
pub mod limits;
mod packed;
mod patterns;
mod term;

use std::sync::OnceLock;

pub use error::RulesError;
pub use file::KeywordRule;

pub(crate) use compile::{threshold, CombinationMeta, Compiled, RuleMeta, Target};
pub(crate) use term::TermSpec;

use crate::risk::normalize::{Normalizer, Scratch};
use file::RulesFile;

/// The rules compiled into the component: `rules/default.json` packed by `core/build.rs`
/// (no notes, no JSON reader needed; see `packed.rs`).
const BUILTIN_RULES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.packed"));

/// A compiled rule set, ready for [`crate::risk::assess`].
#[derive(Debug, Clone)]
pub struct Rules {
    file: RulesFile,
    normalizer: Normalizer,
    compiled: Compiled,
}

impl Rules {
    /// The rules compiled into the component.
    pub fn builtin() -> &'static Rules {
        static BUILTIN: OnceLock<Rules> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            match packed::unpack(BUILTIN_RULES).map(Rules::from_file) {
                Ok(Ok(rules)) => rules,
                // Tests (`builtin_rules_compile`, `packed_builtin_equals_the_json_file`) keep
                // these branches unreachable in any build.
                Ok(Err(e)) => panic!("the built-in rules are broken: {e}"),
                Err(e) => panic!("the packed built-in rules are unreadable: {e}"),
            }
        })
    }

    /// Reads and compiles a rules file. On error — naming the line and column, or the field —
    /// the caller keeps the rules it had.
    pub fn from_json(json: &str) -> Result<Rules, RulesError> {
        limits::check_size(json)?;
        // serde_json's messages name the unknown field or variant and the line and column;
        // serde_path_to_error would add the path, at ~15 KB of gzip in the wasm.
        let file: RulesFile = serde_json::from_str(json).map_err(RulesError::from_json)?;
        Self::from_file(file)
    }

    /// Compiles an already parsed rules file.
    pub fn from_file(file: RulesFile) -> Result<Rules, RulesError> {
        let normalizer = compile::normalizer(&file)?;
        let compiled = compile::compile(&file, &normalizer)?;
        Ok(Rules {
            file,
            normalizer,
            compiled,
        })
    }

    /// The rules' version string, reported in every assessment.
    pub fn version(&self) -> &str {
        &self.file.version
    }

    /// The file these rules were compiled from.
    pub fn file(&self) -> &RulesFile {
        &self.file
    }

    /// The normalization pipeline with these rules' tables.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// Normalizes `text` as these rules see it (see [`crate::risk::normalize()`]).
    pub fn normalize(&self, text: &str) -> String {
        self.normalizer.normalize(text)
    }

    /// The memo model's feature slots of `text` (distinct, ascending) when hashed into `slots`
    /// slots: what `tools/train_memo_model.py` trains on (`riskguard features`). The error
    /// says why `slots` is not a count a model can have.
    pub fn memo_features(&self, text: &str, slots: u32) -> Result<Vec<u32>, String> {
        crate::risk::memo_model::check_slots(slots as usize)?;
        let mut scratch = Scratch::default();
        self.normalizer.views_into(text, &mut scratch);
        let mut buffers = crate::risk::memo_model::Buffers::default();
        crate::risk::memo_model::features_into(&scratch.plain, slots, &mut buffers);
        let mut slots: Vec<u32> = buffers.features.iter().map(|f| f.slot).collect();
        slots.sort_unstable();
        Ok(slots)
    }

    pub(crate) fn compiled(&self) -> &Compiled {
        &self.compiled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_compile() {
        // Read as an analyst's file would be, so a mistake is reported with line and column.
        let json = include_str!("../../../../rules/default.json");
        let rules = Rules::from_json(json).expect("built-in rules");
        assert!(!rules.file().keywords.is_empty());
        assert!(!rules.version().is_empty());
    }

    #[test]
    fn malformed_rules_name_line_and_column() {
        let broken = "{\n  \"version\": \"1\",\n  \"keywords\": [\n    { \"id\": \"x\", \"category\": \"otc_tradin\", \"level\": \"medium\", \"terms\": [\"usdt\"] }\n  ]\n}";
        let err = Rules::from_json(broken).expect_err("unknown category");
        assert_eq!(err.line, Some(4));
        assert!(err.message.contains("otc_tradin"), "{err}");
        assert!(err.to_string().starts_with("rules file, line 4"), "{err}");
    }

    #[test]
    fn misspelt_and_semantic_errors_name_the_field() {
        let misspelt = r#"{"version": "1", "keywords": [{"id": "x", "category": "otc_trading", "wieght": 40, "terms": ["usdt"]}]}"#;
        let err = Rules::from_json(misspelt).expect_err("unknown field");
        assert!(err.message.contains("wieght"), "{err}");
        let empty = r#"{"version": "1", "keywords": [{"id": "x", "category": "otc_trading", "weight": 40, "terms": ["usdt", " ! "]}]}"#;
        let err = Rules::from_json(empty).expect_err("empty term");
        assert_eq!(err.field.as_deref(), Some("keywords[0].terms[1]"), "{err}");
        let no_weight = r#"{"version": "1", "keywords": [{"id": "x", "category": "otc_trading", "terms": ["usdt"]}]}"#;
        let err = Rules::from_json(no_weight).expect_err("no weight");
        assert_eq!(err.field.as_deref(), Some("keywords[0]"), "{err}");
        let chained = r#"{"version": "1", "normalization": {"variants": {"幣": "币", "币": "b"}}}"#;
        let err = Rules::from_json(chained).expect_err("chained variants");
        assert_eq!(
            err.field.as_deref(),
            Some("normalization.variants.幣"),
            "{err}"
        );
        let twice = r#"{"version": "1", "keywords": [{"id": "x", "category": "otc_trading", "weight": 1, "terms": ["a"]}, {"id": "x", "category": "otc_trading", "weight": 1, "terms": ["b"]}]}"#;
        let err = Rules::from_json(twice).expect_err("duplicate id");
        assert_eq!(err.field.as_deref(), Some("keywords[1].id"), "{err}");
    }
}

//! From a [`RulesFile`] to what `assess` runs: the normalizer, one Aho-Corasick automaton over
//! every term and guard, and the weights of every rule. One file per part of the rules file:
//!
//! - `tables`: the normalization tables (variants, confusables, substitutions);
//! - `rule_kinds`: keyword, combination and guard rules into automaton patterns;
//! - `parameters`: shapes and behavioural signals;
//! - `automaton`: the automaton, chosen by size.

mod automaton;
mod parameters;
mod rule_kinds;
mod tables;

use super::file::{RuleHead, RulesFile, Scoring};
use super::limits;
use super::patterns::Patterns;
use super::term::TermSpec;
use super::RulesError;
use crate::risk::memo_model::MemoModel;
use crate::risk::normalize::Normalizer;
use crate::risk::shapes::{self, ShapeSettings};
use crate::risk::{Category, Level};

pub(crate) use automaton::Automaton;
pub(crate) use tables::normalizer;

/// What a rule contributes when it fires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RuleMeta {
    /// Reported in the reason.
    pub(crate) id: String,
    /// The category it points to.
    pub(crate) category: Category,
    /// Points.
    pub(crate) weight: u32,
    /// The least level it calls for.
    pub(crate) floor: Option<Level>,
}

/// A combination rule, compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CombinationMeta {
    /// Id, category, weight, floor.
    pub(crate) meta: RuleMeta,
    /// How many groups must all match.
    pub(crate) groups: usize,
    /// Most words between matches, if limited.
    pub(crate) within: Option<u32>,
    /// The groups must match in order.
    pub(crate) ordered: bool,
}

/// What an automaton pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A term of keyword rule `n`.
    Keyword(u16),
    /// A term of group `group` of combination rule `rule`.
    Combination {
        /// The combination rule.
        rule: u16,
        /// Which of its groups.
        group: u8,
    },
    /// A term of guard `n`.
    Guard(u16),
}

/// A rule a guard can set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleRef {
    /// Keyword rule `n`.
    Keyword(u16),
    /// Combination rule `n`.
    Combination(u16),
    /// The memo model.
    MemoModel,
}

impl RuleRef {
    /// Whether a hit on `target` belongs to this rule.
    pub(crate) fn covers(self, target: Target) -> bool {
        match (self, target) {
            (RuleRef::Keyword(a), Target::Keyword(b)) => a == b,
            (RuleRef::Combination(a), Target::Combination { rule, .. }) => a == rule,
            _ => false,
        }
    }
}

/// A guard, compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GuardMeta {
    /// Acts on the whole text.
    pub(crate) anywhere: bool,
    /// Acts from the payee's name on the memo too.
    pub(crate) payee_name: bool,
    /// The rules it sets aside; all when empty.
    pub(crate) applies_to: Vec<RuleRef>,
}

impl GuardMeta {
    /// Whether this guard sets aside a hit on `target`.
    pub(crate) fn covers(&self, target: Target) -> bool {
        self.applies_to.is_empty() || self.applies_to.iter().any(|r| r.covers(target))
    }

    /// Whether this guard keeps the memo model from lifting the level.
    pub(crate) fn covers_model(&self) -> bool {
        self.applies_to.contains(&RuleRef::MemoModel)
    }
}

/// One use of a pattern: by which rule, with which boundary rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Use {
    /// The rule (or guard) the term belongs to.
    pub(crate) target: Target,
    /// Word-boundary and gap rules.
    pub(crate) spec: TermSpec,
}

/// The compiled rules.
#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    /// Every distinct term and guard.
    pub(crate) automaton: Automaton,
    /// Uses of each pattern, indexed by `pattern_uses`.
    uses: Vec<Use>,
    /// Per pattern: the range of its uses in `uses`.
    pattern_uses: Vec<(u32, u32)>,
    /// Per shape (by `Shape::index`): the rules that use it.
    pub(crate) shape_uses: [Vec<Use>; shapes::COUNT],
    /// `~word` terms.
    pub(crate) fuzzy: Vec<(Box<[u8]>, Use)>,
    /// The shapes' parameters.
    pub(crate) shapes: ShapeSettings,
    /// Keyword rules, in file order.
    pub(crate) keywords: Vec<RuleMeta>,
    /// Combination rules, in file order.
    pub(crate) combinations: Vec<CombinationMeta>,
    /// Guards, in file order.
    pub(crate) guards: Vec<GuardMeta>,
    /// Flag rules: the flag and what it contributes.
    pub(crate) flags: Vec<(String, RuleMeta)>,
    /// The memo model, if the file has one.
    pub(crate) memo_model: Option<MemoModel>,
}

impl Compiled {
    /// The uses of automaton pattern `pattern`.
    pub(crate) fn uses_of(&self, pattern: usize) -> &[Use] {
        match self.pattern_uses.get(pattern) {
            Some(&(from, to)) => &self.uses[from as usize..to as usize],
            None => &[],
        }
    }
}

/// The points that reach `level` under `scoring`.
pub(crate) fn threshold(scoring: &Scoring, level: Level) -> u32 {
    match level {
        Level::None => 0,
        Level::Low => scoring.low,
        Level::Medium => scoring.medium,
        Level::High | Level::Blocked => scoring.high,
    }
}

fn meta(field: &str, scoring: &Scoring, head: RuleHead<'_>) -> Result<RuleMeta, RulesError> {
    let RuleHead {
        id,
        category,
        weight,
        level,
    } = head;
    if id.trim().is_empty() {
        return Err(RulesError::at(format!("{field}.id"), "must not be empty"));
    }
    let weight = match (weight, level) {
        (Some(weight), _) => weight,
        (None, Some(level)) => threshold(scoring, level),
        (None, None) => {
            return Err(RulesError::at(
                field,
                "needs a `weight`, a `level`, or both",
            ));
        }
    };
    Ok(RuleMeta {
        id: id.to_owned(),
        category,
        weight,
        floor: level.filter(|&l| l > Level::None),
    })
}

/// Compiles a parsed file.
pub(crate) fn compile(file: &RulesFile, normalizer: &Normalizer) -> Result<Compiled, RulesError> {
    if file.version.trim().is_empty() {
        return Err(RulesError::at("version", "must not be empty"));
    }
    let scoring = &file.scoring;
    if !(0 < scoring.low && scoring.low < scoring.medium && scoring.medium < scoring.high) {
        return Err(RulesError::at(
            "scoring",
            "thresholds must grow: 0 < low < medium < high",
        ));
    }
    limits::check_counts(file)?;
    parameters::check_signals(file)?;
    let shapes = parameters::shape_settings(file)?;
    let mut patterns = Patterns::new(normalizer, &file.term_sets);
    let keywords = rule_kinds::keywords(file, &mut patterns)?;
    let combinations = rule_kinds::combinations(file, &mut patterns)?;
    let guards = rule_kinds::guards(file, &mut patterns)?;
    let flags = file
        .flags
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            let field = format!("flags[{i}]");
            if rule.flag.trim().is_empty() {
                return Err(RulesError::at(format!("{field}.flag"), "must not be empty"));
            }
            let meta = meta(&field, scoring, rule.head())?;
            Ok((rule.flag.clone(), meta))
        })
        .collect::<Result<Vec<_>, _>>()?;

    let memo_model = match &file.memo_model {
        Some(m) if m.id.trim().is_empty() => {
            return Err(RulesError::at("memo_model.id", "must not be empty"));
        }
        Some(m) => Some(
            MemoModel::new(
                m.id.clone(),
                &m.weights,
                m.alone,
                m.with_evidence,
                m.doubt_below,
            )
            .map_err(|e| RulesError::at("memo_model", e))?,
        ),
        None => None,
    };

    let merged = patterns.merge();
    let automaton = Automaton::build(&merged.texts)?;
    Ok(Compiled {
        automaton,
        uses: merged.uses,
        pattern_uses: merged.ranges,
        shape_uses: patterns.shape_uses,
        fuzzy: patterns.fuzzy,
        shapes,
        keywords,
        combinations,
        guards,
        flags,
        memo_model,
    })
}

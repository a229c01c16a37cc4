//! From a [`RulesFile`] to what `assess` runs: the normalizer, one Aho-Corasick automaton over
//! every term and guard, and the weights of every rule.

use aho_corasick::automaton::OverlappingState;
use aho_corasick::{dfa::DFA, nfa::noncontiguous, Input, MatchKind};

use super::file::{Pairs, RulesFile, Scoring};
use super::limits;
use super::patterns::{Patterns, TermOptions};
use super::term::TermSpec;
use super::RulesError;
use crate::risk::normalize::{fold_case, CharMap, Normalizer};
use crate::risk::shapes::{self, ShapeSettings};
use crate::risk::{Category, Level};

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
    /// The rules it sets aside; all when empty.
    pub(crate) applies_to: Vec<RuleRef>,
}

impl GuardMeta {
    /// Whether this guard sets aside a hit on `target`.
    pub(crate) fn covers(&self, target: Target) -> bool {
        self.applies_to.is_empty() || self.applies_to.iter().any(|r| r.covers(target))
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

/// The automaton over every distinct term and guard, searched with overlapping semantics.
///
/// A DFA for rule sets up to [`Automaton::DFA_MAX_BYTES`] of pattern text (the built-in rules
/// have about 17 KB): the fastest to search, and it links neither the dispatching
/// `AhoCorasick` type nor its other automata into the wasm. Above that, a DFA's construction
/// time and memory grow with patterns × alphabet (a 1 MB file: seconds and gigabytes), so a
/// noncontiguous NFA takes over: linear to build, slower to search. (The DFA is itself built
/// from that NFA, so it adds only its search to the wasm; a contiguous NFA measured 2.0 KB
/// gzip more.)
#[derive(Debug, Clone)]
pub(crate) enum Automaton {
    /// Built-in-sized rule sets.
    Dfa(DFA),
    /// Large rule sets.
    Nfa(noncontiguous::NFA),
}

impl Automaton {
    /// Most bytes of pattern text compiled into a DFA.
    pub(crate) const DFA_MAX_BYTES: usize = 64 * 1024;

    fn build(texts: &[String]) -> Result<Automaton, RulesError> {
        let bytes: usize = texts.iter().map(String::len).sum();
        let failed = |e: aho_corasick::BuildError| {
            RulesError::at("keywords", format!("the terms cannot be compiled: {e}"))
        };
        if bytes <= Self::DFA_MAX_BYTES {
            DFA::builder()
                .match_kind(MatchKind::Standard)
                .build(texts)
                .map(Automaton::Dfa)
                .map_err(failed)
        } else {
            noncontiguous::NFA::builder()
                .match_kind(MatchKind::Standard)
                .build(texts)
                .map(Automaton::Nfa)
                .map_err(failed)
        }
    }

    /// Calls `found` with (pattern, start, end) of every match in `text`, overlapping.
    pub(crate) fn each_match(&self, text: &str, found: &mut dyn FnMut(usize, usize, usize)) {
        match self {
            Automaton::Dfa(a) => each_overlapping(a, text, found),
            Automaton::Nfa(a) => each_overlapping(a, text, found),
        }
    }
}

fn each_overlapping<A: aho_corasick::automaton::Automaton>(
    automaton: &A,
    text: &str,
    found: &mut dyn FnMut(usize, usize, usize),
) {
    let input = Input::new(text);
    let mut state = OverlappingState::start();
    loop {
        // A standard-semantics, unanchored automaton cannot fail an overlapping search; if
        // it ever did, the text would simply have no more matches.
        if automaton.try_find_overlapping(&input, &mut state).is_err() {
            return;
        }
        match state.get_match() {
            Some(m) => found(m.pattern().as_usize(), m.start(), m.end()),
            None => return,
        }
    }
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

/// Builds the normalizer from the file's tables, checking each entry.
pub(crate) fn normalizer(file: &RulesFile) -> Result<Normalizer, RulesError> {
    let tables = &file.normalization;
    let variants = char_map("normalization.variants", &tables.variants, |_, _| Ok(()))?;
    let confusables = char_map(
        "normalization.confusables",
        &tables.confusables,
        |from, to| {
            if from.is_ascii() || crate::risk::normalize::is_han(from) {
                return Err("keys must be letters or symbols outside ASCII and Chinese (ASCII look-alikes go in substitutions)");
            }
            if fold_case(&from.to_string()) != from.to_string() {
                return Err("keys are matched after case folding: use the lower-case letter");
            }
            if !to.is_ascii_alphanumeric() || to.is_ascii_uppercase() {
                return Err("must map to a lower-case ASCII letter or a digit");
            }
            Ok(())
        },
    )?;
    let substitutions = char_map(
        "normalization.substitutions",
        &tables.substitutions,
        |from, to| {
            if !from.is_ascii() || from.is_ascii_alphabetic() || from.is_ascii_whitespace() {
                return Err("only ASCII digits and symbols can be substituted");
            }
            if !to.is_ascii_lowercase() {
                return Err("must map to a lower-case ASCII letter");
            }
            Ok(())
        },
    )?;
    Ok(Normalizer::new(variants, confusables, substitutions))
}

/// Reads a table of single characters; no value may itself be a key (so one pass suffices).
fn char_map(
    field: &str,
    table: &Pairs<String>,
    check: impl Fn(char, char) -> Result<(), &'static str>,
) -> Result<CharMap, RulesError> {
    let mut pairs = Vec::with_capacity(table.len());
    for (from, to) in table.iter() {
        let at = format!("{field}.{from}");
        let (Some(f), Some(t)) = (single_char(from), single_char(to)) else {
            return Err(RulesError::at(
                at,
                "keys and values must be single characters",
            ));
        };
        check(f, t).map_err(|message| RulesError::at(&at, message))?;
        pairs.push((f, t));
    }
    let map = CharMap::new(pairs.iter().copied());
    for (from, to) in &pairs {
        if map.get(*to).is_some() {
            return Err(RulesError::at(
                format!("{field}.{from}"),
                format!("maps to `{to}`, which is itself mapped: map straight to the end result"),
            ));
        }
    }
    Ok(map)
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
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

fn meta(
    field: &str,
    scoring: &Scoring,
    id: &str,
    category: Category,
    weight: Option<u32>,
    level: Option<Level>,
) -> Result<RuleMeta, RulesError> {
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
    check_signals(file)?;
    let shapes = shape_settings(file)?;
    let mut patterns = Patterns::new(normalizer, &file.term_sets);
    let keywords = keyword_rules(file, &mut patterns)?;
    let combinations = combination_rules(file, &mut patterns)?;
    let guards = guard_rules(file, &mut patterns)?;
    let flags = file
        .flags
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            let field = format!("flags[{i}]");
            if rule.flag.trim().is_empty() {
                return Err(RulesError::at(format!("{field}.flag"), "must not be empty"));
            }
            let meta = meta(
                &field,
                scoring,
                &rule.id,
                rule.category,
                rule.weight,
                rule.level,
            )?;
            Ok((rule.flag.clone(), meta))
        })
        .collect::<Result<Vec<_>, _>>()?;

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
    })
}

fn keyword_rules(file: &RulesFile, patterns: &mut Patterns) -> Result<Vec<RuleMeta>, RulesError> {
    let mut keywords = Vec::with_capacity(file.keywords.len());
    for (i, rule) in file.keywords.iter().enumerate() {
        let field = format!("keywords[{i}]");
        let n = u16::try_from(i).map_err(|_| RulesError::at(&field, "too many keyword rules"))?;
        keywords.push(meta(
            &field,
            &file.scoring,
            &rule.id,
            rule.category,
            rule.weight,
            rule.level,
        )?);
        if rule.terms.is_empty() {
            return Err(RulesError::at(
                format!("{field}.terms"),
                "needs at least one term",
            ));
        }
        let options = TermOptions {
            after_number: rule.after_number,
            standalone: rule.standalone,
        };
        for (j, raw) in rule.terms.iter().enumerate() {
            let at = format!("{field}.terms[{j}]");
            patterns.add(&at, raw, Target::Keyword(n), options)?;
        }
    }
    Ok(keywords)
}

fn combination_rules(
    file: &RulesFile,
    patterns: &mut Patterns,
) -> Result<Vec<CombinationMeta>, RulesError> {
    let mut combinations = Vec::with_capacity(file.combinations.len());
    for (i, rule) in file.combinations.iter().enumerate() {
        let field = format!("combinations[{i}]");
        let n = u16::try_from(i).map_err(|_| RulesError::at(&field, "too many combinations"))?;
        let meta = meta(
            &field,
            &file.scoring,
            &rule.id,
            rule.category,
            rule.weight,
            rule.level,
        )?;
        if rule.all.len() < 2 || rule.all.len() > 8 {
            return Err(RulesError::at(
                format!("{field}.all"),
                "needs 2 to 8 groups of terms",
            ));
        }
        for (g, group) in rule.all.iter().enumerate() {
            if group.is_empty() {
                return Err(RulesError::at(
                    format!("{field}.all[{g}]"),
                    "needs at least one term",
                ));
            }
            for (j, raw) in group.iter().enumerate() {
                let at = format!("{field}.all[{g}][{j}]");
                let target = Target::Combination {
                    rule: n,
                    group: g as u8,
                };
                patterns.add(&at, raw, target, TermOptions::default())?;
            }
        }
        combinations.push(CombinationMeta {
            meta,
            groups: rule.all.len(),
            within: rule.within,
            ordered: rule.ordered,
        });
    }
    Ok(combinations)
}

fn guard_rules(file: &RulesFile, patterns: &mut Patterns) -> Result<Vec<GuardMeta>, RulesError> {
    let mut guards = Vec::with_capacity(file.guards.len());
    for (i, guard) in file.guards.iter().enumerate() {
        let field = format!("guards[{i}]");
        let n = u16::try_from(i).map_err(|_| RulesError::at(&field, "too many guards"))?;
        if guard.terms.is_empty() {
            return Err(RulesError::at(
                format!("{field}.terms"),
                "needs at least one term",
            ));
        }
        if guard.anywhere && guard.applies_to.is_empty() {
            return Err(RulesError::at(
                format!("{field}.applies_to"),
                "a guard that acts `anywhere` must name the rules it sets aside",
            ));
        }
        let mut applies_to = Vec::with_capacity(guard.applies_to.len());
        for (j, id) in guard.applies_to.iter().enumerate() {
            let keyword = file.keywords.iter().position(|r| &r.id == id);
            let combination = file.combinations.iter().position(|r| &r.id == id);
            applies_to.push(match (keyword, combination) {
                (Some(k), _) => RuleRef::Keyword(k as u16),
                (None, Some(c)) => RuleRef::Combination(c as u16),
                (None, None) => {
                    return Err(RulesError::at(
                        format!("{field}.applies_to[{j}]"),
                        format!("no keyword or combination rule has the id `{id}`"),
                    ))
                }
            });
        }
        for (j, raw) in guard.terms.iter().enumerate() {
            let at = format!("{field}.terms[{j}]");
            if raw.trim().starts_with('#') {
                return Err(RulesError::at(at, "a guard is words, not a shape"));
            }
            patterns.add(&at, raw, Target::Guard(n), TermOptions::default())?;
        }
        guards.push(GuardMeta {
            anywhere: guard.anywhere,
            applies_to,
        });
    }
    Ok(guards)
}

/// The shapes' parameters, checked.
fn shape_settings(file: &RulesFile) -> Result<ShapeSettings, RulesError> {
    let section = &file.shapes;
    let mut bands = Vec::with_capacity(section.rate_bands.len());
    for (currency, band) in section.rate_bands.iter() {
        let field = format!("shapes.rate_bands.{currency}");
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(RulesError::at(
                field,
                "keys are ISO 4217 codes such as `CNY`",
            ));
        }
        let (min, max) = match band.as_slice() {
            &[min, max] if 0 < min && min < max && max <= 1_000_000_000 => (min, max),
            _ => {
                return Err(RulesError::at(
                    field,
                    "write [least, most] in minor units, with 0 < least < most",
                ))
            }
        };
        // Minor units (two decimals) to the shapes' thousandths.
        bands.push((currency.clone(), min * 10, max * 10));
    }
    let mut coin_units = Vec::with_capacity(section.coin_units.len());
    for (i, unit) in section.coin_units.iter().enumerate() {
        match single_char(unit) {
            Some(c) if !c.is_ascii_digit() && !c.is_whitespace() => coin_units.push(c),
            _ => {
                return Err(RulesError::at(
                    format!("shapes.coin_units[{i}]"),
                    "each unit is one character, not a digit",
                ))
            }
        }
    }
    Ok(ShapeSettings { bands, coin_units })
}

fn check_signals(file: &RulesFile) -> Result<(), RulesError> {
    use super::file::SignalKind;
    for (i, s) in file.signals.iter().enumerate() {
        let field = |name: &str| format!("signals[{i}].{name}");
        let missing = |name: &str| Err(RulesError::at(field(name), "is required for this signal"));
        if s.id.trim().is_empty() {
            return Err(RulesError::at(field("id"), "must not be empty"));
        }
        match s.signal {
            SignalKind::NewPayee => {}
            SignalKind::YoungAccount if s.max_days.is_none() => return missing("max_days"),
            SignalKind::Night => match (s.from_hour, s.to_hour) {
                (Some(from), Some(to)) if from <= 23 && to <= 23 => {}
                (Some(_), Some(_)) => {
                    return Err(RulesError::at(field("from_hour"), "hours go from 0 to 23"))
                }
                (None, _) => return missing("from_hour"),
                (_, None) => return missing("to_hour"),
            },
            SignalKind::FanOut | SignalKind::Burst if s.min_count.is_none() => {
                return missing("min_count")
            }
            SignalKind::UnderLimit => match (s.window_percent, &s.limits) {
                (Some(w), Some(_)) if w <= 100 => {}
                (Some(_), Some(_)) => {
                    return Err(RulesError::at(field("window_percent"), "must be 0 to 100"))
                }
                (None, _) => return missing("window_percent"),
                (_, None) => return missing("limits"),
            },
            _ => {}
        }
    }
    Ok(())
}

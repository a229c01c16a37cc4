//! Collecting the terms of every rule and guard: `@set` references expanded, `~word` and
//! `#shape` terms set apart, equal texts merged into one automaton pattern with all its uses.

use super::compile::{Target, Use};
use super::file::Pairs;
use super::term::{self, Parsed, TermSpec};
use super::RulesError;
use crate::risk::normalize::Normalizer;
use crate::risk::shapes;

/// Options of the rule a term belongs to.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TermOptions {
    /// `after_number` (keyword rules).
    pub(crate) after_number: bool,
    /// `standalone` (keyword rules).
    pub(crate) standalone: bool,
}

/// The terms collected so far.
pub(crate) struct Patterns<'f> {
    normalizer: &'f Normalizer,
    sets: &'f Pairs<Vec<String>>,
    texts: Vec<(String, Use)>,
    /// Per shape (by `Shape::index`), its uses.
    pub(crate) shape_uses: [Vec<Use>; shapes::COUNT],
    /// `~word` terms: the word and its use.
    pub(crate) fuzzy: Vec<(Box<[u8]>, Use)>,
}

/// The automaton's patterns and their uses.
pub(crate) struct Merged {
    /// The distinct pattern texts, sorted.
    pub(crate) texts: Vec<String>,
    /// Every use, grouped by pattern in the order of `texts`.
    pub(crate) uses: Vec<Use>,
    /// Per pattern: its range in `uses`.
    pub(crate) ranges: Vec<(u32, u32)>,
}

impl<'f> Patterns<'f> {
    /// Collects terms normalized by `normalizer`, with the file's term `sets`.
    pub(crate) fn new(normalizer: &'f Normalizer, sets: &'f Pairs<Vec<String>>) -> Self {
        Self {
            normalizer,
            sets,
            texts: Vec::new(),
            shape_uses: Default::default(),
            fuzzy: Vec::new(),
        }
    }

    /// Adds the term `raw` (at `field`, for errors) of `target`; a `@set` adds every term of
    /// the set.
    pub(crate) fn add(
        &mut self,
        field: &str,
        raw: &str,
        target: Target,
        options: TermOptions,
    ) -> Result<(), RulesError> {
        let Some(name) = raw.trim().strip_prefix('@') else {
            return self.add_one(field, raw, target, options);
        };
        let name = name.trim();
        let Some(set) = self.sets.get(name) else {
            return Err(RulesError::at(
                field,
                format!("no term set is called `{name}` (see `term_sets`)"),
            ));
        };
        for (j, member) in set.iter().enumerate() {
            let at = format!("term_sets.{name}[{j}]");
            if member.trim().starts_with('@') {
                return Err(RulesError::at(at, "a term set cannot contain another set"));
            }
            self.add_one(&at, member, target, options)?;
        }
        Ok(())
    }

    fn add_one(
        &mut self,
        field: &str,
        raw: &str,
        target: Target,
        options: TermOptions,
    ) -> Result<(), RulesError> {
        let parsed = term::parse_any(raw, self.normalizer).map_err(|m| RulesError::at(field, m))?;
        let with_options = |mut spec: TermSpec| {
            spec.after_number = options.after_number;
            spec.standalone = options.standalone;
            Use { target, spec }
        };
        match parsed {
            Parsed::Text(term) => self.texts.push((term.pattern, with_options(term.spec))),
            Parsed::Fuzzy(term) => {
                let usage = with_options(term.spec);
                self.fuzzy
                    .push((term.pattern.as_bytes().into(), usage.clone()));
                self.texts.push((term.pattern, usage));
            }
            Parsed::Shape(shape) => {
                self.shape_uses[shape.index()].push(with_options(TermSpec::default()));
            }
        }
        Ok(())
    }

    /// The distinct pattern texts, and every use grouped by pattern in the same order.
    pub(crate) fn merge(&mut self) -> Merged {
        let mut all = std::mem::take(&mut self.texts);
        // Stable: uses of one pattern keep their file order.
        all.sort_by(|a, b| a.0.cmp(&b.0));
        let mut texts: Vec<String> = Vec::new();
        let mut uses = Vec::with_capacity(all.len());
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for (text, usage) in all {
            if texts.last() != Some(&text) {
                texts.push(text);
                ranges.push((uses.len() as u32, uses.len() as u32));
            }
            uses.push(usage);
            if let Some(last) = ranges.last_mut() {
                last.1 = uses.len() as u32;
            }
        }
        Merged {
            texts,
            uses,
            ranges,
        }
    }
}

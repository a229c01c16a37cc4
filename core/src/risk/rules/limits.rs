//! Limits on a rules file, checked before anything is compiled, so that a hostile or broken
//! file is refused in milliseconds with a message saying which limit it passed, and the rules
//! in force stay. Within them, a file compiles in well under a second (`cargo bench -p
//! riskguard-core --bench rules`: 224 ms for 1 MB): the automaton is a DFA for rule sets of the
//! built-in size and a noncontiguous NFA above it (see `compile`), so time and memory grow
//! linearly with the terms.

use super::file::RulesFile;
use super::RulesError;

/// The largest rules file read, in bytes (1 MiB; the built-in file is about 50 KB).
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// The longest term, in characters.
pub const MAX_TERM_CHARS: usize = 64;
/// The most terms in all rules and guards together, counting every use of a term set.
pub const MAX_TERMS: usize = 20_000;
/// The most keyword rules, combinations, guards, flags and signals together.
pub const MAX_RULES: usize = 5_000;
/// The most term sets.
pub const MAX_TERM_SETS: usize = 500;
/// The most entries of each normalization table.
pub const MAX_TABLE_ENTRIES: usize = 10_000;
/// The longest rule id, in characters.
pub const MAX_ID_CHARS: usize = 100;

/// Refuses a file over [`MAX_FILE_BYTES`] before it is parsed.
pub(crate) fn check_size(json: &str) -> Result<(), RulesError> {
    if json.len() > MAX_FILE_BYTES {
        return Err(RulesError::at(
            ".",
            format!(
                "the rules file is {} bytes; the limit is {MAX_FILE_BYTES}",
                json.len()
            ),
        ));
    }
    Ok(())
}

/// Refuses a parsed file that passes a count limit, and duplicate or overlong ids.
pub(crate) fn check_counts(file: &RulesFile) -> Result<(), RulesError> {
    let rules = file.keywords.len()
        + file.combinations.len()
        + file.guards.len()
        + file.flags.len()
        + file.signals.len();
    if rules > MAX_RULES {
        return Err(RulesError::at(
            "keywords",
            format!("{rules} rules (keywords, combinations, guards, flags and signals); the limit is {MAX_RULES}"),
        ));
    }
    if file.term_sets.len() > MAX_TERM_SETS {
        return Err(RulesError::at(
            "term_sets",
            format!(
                "{} term sets; the limit is {MAX_TERM_SETS}",
                file.term_sets.len()
            ),
        ));
    }
    let tables = &file.normalization;
    for (name, len) in [
        ("variants", tables.variants.len()),
        ("confusables", tables.confusables.len()),
        ("substitutions", tables.substitutions.len()),
    ] {
        if len > MAX_TABLE_ENTRIES {
            return Err(RulesError::at(
                format!("normalization.{name}"),
                format!("{len} entries; the limit is {MAX_TABLE_ENTRIES}"),
            ));
        }
    }
    let terms = count_terms(file);
    if terms > MAX_TERMS {
        return Err(RulesError::at(
            "keywords",
            format!(
                "{terms} terms in all (term sets counted at every use); the limit is {MAX_TERMS}"
            ),
        ));
    }
    check_ids(file)
}

/// Terms of every rule and guard, a `@set` counting as its size.
fn count_terms(file: &RulesFile) -> usize {
    let size = |term: &String| match term.trim().strip_prefix('@') {
        Some(name) => file.term_sets.get(name.trim()).map_or(1, Vec::len),
        None => 1,
    };
    let sum = |terms: &[String]| terms.iter().map(size).sum::<usize>();
    file.keywords.iter().map(|k| sum(&k.terms)).sum::<usize>()
        + file
            .combinations
            .iter()
            .flat_map(|c| c.all.iter())
            .map(|g| sum(g))
            .sum::<usize>()
        + file.guards.iter().map(|g| sum(&g.terms)).sum::<usize>()
}

/// Every rule id is unique, non-empty and at most [`MAX_ID_CHARS`] long.
fn check_ids(file: &RulesFile) -> Result<(), RulesError> {
    let ids = file
        .keywords
        .iter()
        .enumerate()
        .map(|(i, r)| (format!("keywords[{i}].id"), &r.id))
        .chain(
            file.combinations
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("combinations[{i}].id"), &r.id)),
        )
        .chain(
            file.flags
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("flags[{i}].id"), &r.id)),
        );
    let mut seen = IdSet::with_capacity(MAX_RULES);
    for (field, id) in ids {
        if id.trim().is_empty() {
            return Err(RulesError::at(field, "must not be empty"));
        }
        if id.chars().count() > MAX_ID_CHARS {
            return Err(RulesError::at(
                field,
                format!("the id is longer than {MAX_ID_CHARS} characters"),
            ));
        }
        if !seen.insert(id) {
            return Err(RulesError::at(
                field,
                format!("the id `{id}` is used twice"),
            ));
        }
    }
    Ok(())
}

/// A set of ids for the duplicate check: open addressing over FNV-1a hashes, linear in the
/// number of ids. Hand-written because this check is all it is for, and both `HashSet` (with
/// its random seed) and sorting the ids add more to the wasm (sorting: 1.3 KB gzip, measured
/// with `cargo xtask bench engine-size`).
struct IdSet<'a> {
    slots: Vec<Option<&'a str>>,
}

impl<'a> IdSet<'a> {
    /// Room for `ids` ids at a load of at most one half.
    fn with_capacity(ids: usize) -> Self {
        Self {
            slots: vec![None; (ids * 2).next_power_of_two()],
        }
    }

    /// Adds `id`; false when it was there already.
    fn insert(&mut self, id: &'a str) -> bool {
        let mask = self.slots.len() - 1;
        let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let mut at = hash as usize & mask;
        loop {
            match self.slots[at] {
                Some(seen) if seen == id => return false,
                Some(_) => at = (at + 1) & mask,
                None => {
                    self.slots[at] = Some(id);
                    return true;
                }
            }
        }
    }
}

//! Limits on a rules file, checked before anything is compiled, so that a hostile or broken
//! file is refused in milliseconds with a message saying which limit it passed, and the rules
//! in force stay. Within them, a file compiles in well under a second (`cargo xtask bench
//! rules`): the automaton is a DFA for rule sets of the built-in size and a contiguous NFA
//! above it (see `compile`), so time and memory grow linearly with the terms.

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
    // Sorted, so a file at the limits (thousands of ids) is checked in O(n log n).
    let mut sorted: Vec<&str> = Vec::new();
    let mut fields = Vec::new();
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
        sorted.push(id.as_str());
        fields.push((field, id.as_str()));
    }
    sorted.sort_unstable();
    if let Some(pair) = sorted.windows(2).find(|w| w[0] == w[1]) {
        let id = pair[0];
        // Name the second use, in file order.
        let field = fields
            .into_iter()
            .filter(|(_, i)| *i == id)
            .nth(1)
            .map_or_else(String::new, |(field, _)| field);
        return Err(RulesError::at(
            field,
            format!("the id `{id}` is used twice"),
        ));
    }
    Ok(())
}

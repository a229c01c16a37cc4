//! Keyword, combination and guard rules: their metadata, and their terms as automaton patterns.

use super::super::file::RulesFile;
use super::super::patterns::{Patterns, TermOptions};
use super::super::RulesError;
use super::{meta, CombinationMeta, GuardMeta, RuleMeta, RuleRef, Target};

/// The keyword rules' metadata; their terms go into `patterns`.
pub(super) fn keywords(
    file: &RulesFile,
    patterns: &mut Patterns,
) -> Result<Vec<RuleMeta>, RulesError> {
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

/// The combination rules' metadata; their groups' terms go into `patterns`.
pub(super) fn combinations(
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

/// The guards' metadata; their terms go into `patterns`.
pub(super) fn guards(
    file: &RulesFile,
    patterns: &mut Patterns,
) -> Result<Vec<GuardMeta>, RulesError> {
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

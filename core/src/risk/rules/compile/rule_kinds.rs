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
        keywords.push(meta(&field, &file.scoring, rule.head())?);
        let options = TermOptions {
            after_number: rule.after_number,
            standalone: rule.standalone,
        };
        let terms = Terms::new(format!("{field}.terms"), &rule.terms)?;
        terms.add(patterns, Target::Keyword(n), options, false)?;
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
        let meta = meta(&field, &file.scoring, rule.head())?;
        if rule.all.len() < 2 || rule.all.len() > 8 {
            return Err(RulesError::at(
                format!("{field}.all"),
                "needs 2 to 8 groups of terms",
            ));
        }
        for (g, group) in rule.all.iter().enumerate() {
            let target = Target::Combination {
                rule: n,
                group: g as u8,
            };
            Terms::new(format!("{field}.all[{g}]"), group)?.add(
                patterns,
                target,
                TermOptions::default(),
                false,
            )?;
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
        let terms = Terms::new(format!("{field}.terms"), &guard.terms)?;
        if guard.anywhere && guard.applies_to.is_empty() {
            return Err(RulesError::at(
                format!("{field}.applies_to"),
                "a guard that acts `anywhere` must name the rules it sets aside",
            ));
        }
        if guard.payee_name && !guard.anywhere {
            return Err(RulesError::at(
                format!("{field}.payee_name"),
                "only a guard that acts `anywhere` can act from the payee's name",
            ));
        }
        let model_id = file.memo_model.as_ref().map(|m| m.id.as_str());
        let mut applies_to = Vec::with_capacity(guard.applies_to.len());
        for (j, id) in guard.applies_to.iter().enumerate() {
            let keyword = file.keywords.iter().position(|r| &r.id == id);
            let combination = file.combinations.iter().position(|r| &r.id == id);
            applies_to.push(match (keyword, combination) {
                (Some(k), _) => RuleRef::Keyword(k as u16),
                (None, Some(c)) => RuleRef::Combination(c as u16),
                // A file without a model may keep guards that name one: they set aside nothing.
                (None, None)
                    if guard.anywhere
                        && (model_id == Some(id.as_str())
                            || model_id.is_none() && id.starts_with("model.")) =>
                {
                    RuleRef::MemoModel
                }
                (None, None) => {
                    return Err(RulesError::at(
                        format!("{field}.applies_to[{j}]"),
                        format!(
                            "no keyword or combination rule has the id `{id}` \
                             (the memo model's id counts only for a guard that acts `anywhere`)"
                        ),
                    ))
                }
            });
        }
        terms.add(patterns, Target::Guard(n), TermOptions::default(), true)?;
        guards.push(GuardMeta {
            anywhere: guard.anywhere,
            payee_name: guard.payee_name,
            applies_to,
        });
    }
    Ok(guards)
}

/// A rule's list of terms at `field` (`keywords[3].terms`), never empty.
struct Terms<'a> {
    field: String,
    list: &'a [String],
}

impl<'a> Terms<'a> {
    fn new(field: String, list: &'a [String]) -> Result<Self, RulesError> {
        match list.is_empty() {
            true => Err(RulesError::at(field, "needs at least one term")),
            false => Ok(Self { field, list }),
        }
    }

    /// Adds every term as a pattern for `target`; `words_only` refuses shapes (`#rate`).
    fn add(
        &self,
        patterns: &mut Patterns,
        target: Target,
        options: TermOptions,
        words_only: bool,
    ) -> Result<(), RulesError> {
        for (j, raw) in self.list.iter().enumerate() {
            let at = format!("{}[{j}]", self.field);
            if words_only && raw.trim().starts_with('#') {
                return Err(RulesError::at(at, "a guard is words, not a shape"));
            }
            patterns.add(&at, raw, target, options)?;
        }
        Ok(())
    }
}

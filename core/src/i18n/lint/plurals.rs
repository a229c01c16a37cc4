//! `unusable-plural-variant`: a variant a locale's numbers never select. Fluent picks `[one]`,
//! `[few]`, … by the CLDR plural category of the number; Chinese has only `other`, so a
//! `[one]` copied from English is dead text there (and `[few]` is dead in English).
//!
//! The categories come from CLDR through `intl_pluralrules` (the rules fluent-bundle uses): a
//! category is usable when some number selects it, probed over integers, decimals and large
//! round numbers. Only selects on a number — a `$variable` or `NUMBER(…)` — are checked.

use fluent_syntax::ast::{Expression, InlineExpression, VariantKey};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use super::file::ParsedFile;
use super::patterns::walk;
use super::{Diagnostic, Severity};

/// The CLDR plural category names.
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Checks every select on a number in every file.
pub(super) fn check(files: &[ParsedFile<'_>], found: &mut Vec<Diagnostic>) {
    for file in files {
        let (Some(cardinal), Some(ordinal)) = (
            usable_categories(file.locale, PluralRuleType::CARDINAL),
            usable_categories(file.locale, PluralRuleType::ORDINAL),
        ) else {
            continue; // a locale CLDR does not know: nothing to compare with
        };
        for entry in &file.entries {
            let patterns = entry
                .value
                .iter()
                .chain(entry.attributes.iter().map(|(_, a)| a));
            for located in patterns {
                let mut cursor = located.start;
                walk(&located.pattern, &mut |expression| {
                    let Expression::Select { selector, variants } = expression else {
                        return;
                    };
                    let (usable, kind) = match selector {
                        InlineExpression::VariableReference { .. } => (&cardinal, "cardinal"),
                        InlineExpression::FunctionReference { id, arguments }
                            if id.name == "NUMBER" =>
                        {
                            let is_ordinal = arguments.named.iter().any(|a| {
                                a.name.name == "type"
                                    && matches!(a.value, InlineExpression::StringLiteral { value } if value == "ordinal")
                            });
                            if is_ordinal {
                                (&ordinal, "ordinal")
                            } else {
                                (&cardinal, "cardinal")
                            }
                        }
                        _ => return,
                    };
                    for variant in variants {
                        let VariantKey::Identifier { name } = variant.key else {
                            continue;
                        };
                        if !CATEGORIES.contains(&name) || usable.contains(&name) {
                            continue;
                        }
                        let at = file
                            .find_variant_key(cursor, located.end, name)
                            .or_else(|| file.find_variant_key(located.start, located.end, name))
                            .unwrap_or(located.start);
                        cursor = at + 1;
                        found.push(file.diagnostic(
                            Severity::Warning,
                            "unusable-plural-variant",
                            at,
                            format!(
                                "`[{name}]` in `{}` is never chosen: {} numbers are only {} \
                                 ({kind} plural rules); remove the variant and keep its text in \
                                 `*[other]` if needed",
                                entry.id,
                                file.locale,
                                usable
                                    .iter()
                                    .map(|c| format!("`{c}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        ));
                    }
                });
            }
        }
    }
}

/// The plural categories some number selects in `locale` (`None`: CLDR has no rules for it).
pub(super) fn usable_categories(locale: &str, kind: PluralRuleType) -> Option<Vec<&'static str>> {
    let langid: LanguageIdentifier = locale.parse().ok()?;
    let language: LanguageIdentifier = langid.language.as_str().parse().ok()?;
    let rules = PluralRules::create(langid, kind)
        .or_else(|_| PluralRules::create(language, kind))
        .ok()?;
    let mut samples: Vec<String> = (0..=1000).map(|n| n.to_string()).collect();
    samples.extend(["10000", "100000", "1000000", "10000000", "1000000000"].map(String::from));
    samples.extend(
        [
            "0.0",
            "0.1",
            "0.5",
            "1.0",
            "1.5",
            "2.0",
            "2.5",
            "3.5",
            "5.5",
            "10.0",
            "100.0",
            "1000000.0",
        ]
        .map(String::from),
    );
    let mut usable = Vec::new();
    for sample in &samples {
        if let Ok(category) = rules.select(sample.as_str()) {
            let name = name(&category);
            if !usable.contains(&name) {
                usable.push(name);
            }
        }
    }
    usable.sort_by_key(|c| CATEGORIES.iter().position(|k| k == c));
    Some(usable)
}

fn name(category: &PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_locales_have_the_cldr_categories() {
        let cardinal = |l| usable_categories(l, PluralRuleType::CARDINAL);
        assert_eq!(cardinal("en-US").as_deref(), Some(&["one", "other"][..]));
        assert_eq!(cardinal("zh-Hans").as_deref(), Some(&["other"][..]));
        assert_eq!(cardinal("zh-Hant").as_deref(), Some(&["other"][..]));
        assert_eq!(
            cardinal("ru").as_deref(),
            Some(&["one", "few", "many", "other"][..])
        );
        assert_eq!(
            cardinal("ar").as_deref(),
            Some(&["zero", "one", "two", "few", "many", "other"][..])
        );
        assert_eq!(
            usable_categories("en-US", PluralRuleType::ORDINAL).as_deref(),
            Some(&["one", "two", "few", "other"][..])
        );
        assert_eq!(cardinal("not a locale"), None);
    }
}

//! `variable-mismatch` and `undocumented-variable`: the `{ $variables }` of a translation are
//! the ones en-US uses (the component passes exactly those), and each is explained in a
//! comment right above its message, for the editors.

use super::file::{Entry, Located, ParsedFile};
use super::patterns::{shown_variables, variables};
use super::{counterparts, entry_pairs, Diagnostic, Severity};

/// Runs both checks.
pub(super) fn check(files: &[ParsedFile<'_>], found: &mut Vec<Diagnostic>) {
    for (reference, file) in counterparts(files) {
        for (en, entry) in entry_pairs(reference, file) {
            if let (Some(en_value), Some(value)) = (&en.value, &entry.value) {
                compare(file, &entry.id, en_value, value, found);
            }
            for (name, attribute) in &entry.attributes {
                if let Some((_, en_attribute)) = en.attributes.iter().find(|(n, _)| n == name) {
                    compare(
                        file,
                        &format!("{}.{name}", entry.id),
                        en_attribute,
                        attribute,
                        found,
                    );
                }
            }
        }
    }
    for file in files {
        for entry in file.entries.iter().filter(|e| !e.is_term) {
            undocumented(file, entry, found);
        }
    }
}

/// Variables en-US shows that the translation drops, and variables en-US never has.
fn compare(
    file: &ParsedFile<'_>,
    what: &str,
    en: &Located<'_>,
    translation: &Located<'_>,
    found: &mut Vec<Diagnostic>,
) {
    let en_all = variables(&en.pattern);
    let used = variables(&translation.pattern);
    for name in shown_variables(&en.pattern) {
        if !used.contains(&name) {
            found.push(file.diagnostic(
                Severity::Error,
                "variable-mismatch",
                translation.start,
                format!(
                    "`{what}` does not use `{{ ${name} }}`, which en-US shows: add it where it \
                     belongs in the sentence"
                ),
            ));
        }
    }
    for name in &used {
        if !en_all.contains(name) {
            let at = file
                .find_variable(translation.start, translation.end, name)
                .unwrap_or(translation.start);
            let known = if en_all.is_empty() {
                "none".to_owned()
            } else {
                en_all
                    .iter()
                    .map(|n| format!("${n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            found.push(file.diagnostic(
                Severity::Error,
                "variable-mismatch",
                at,
                format!(
                    "`${name}` is not a variable of `{what}` in en-US (it has: {known}): users \
                     would see `{{${name}}}`; check the spelling"
                ),
            ));
        }
    }
}

/// Variables of a message that its comment does not mention as `$name`.
fn undocumented(file: &ParsedFile<'_>, entry: &Entry<'_>, found: &mut Vec<Diagnostic>) {
    let patterns = entry
        .value
        .iter()
        .chain(entry.attributes.iter().map(|(_, a)| a));
    let mut names: Vec<&str> = Vec::new();
    for located in patterns {
        for name in variables(&located.pattern) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    for name in names {
        if entry.comment.iter().any(|line| mentions(line, name)) {
            continue;
        }
        let at = file
            .find_variable(entry.start, entry.end(), name)
            .unwrap_or(entry.start);
        found.push(file.diagnostic(
            Severity::Warning,
            "undocumented-variable",
            at,
            format!(
                "`${name}` in `{}` is not explained: add a comment line right above the message, \
                 like `# ${name}: what it is`",
                entry.id
            ),
        ));
    }
}

/// Whether `line` mentions `$name` as a whole name.
fn mentions(line: &str, name: &str) -> bool {
    let needle = format!("${name}");
    line.match_indices(&needle).any(|(at, _)| {
        !line[at + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    })
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn a_mention_is_a_whole_name() {
        assert!(mentions("# $total：题目总数。", "total"));
        assert!(mentions("# $a, $b: numbers", "a"));
        assert!(!mentions("# $totals: …", "total"));
    }
}

//! `attribute-mismatch`: a message's `.attributes` are the ones en-US has (the component asks
//! for them by name: a missing one shows English, an extra one is never shown).

use super::file::ParsedFile;
use super::{counterparts, entry_pairs, Diagnostic, Severity};

/// Compares the attribute names of each message with en-US's.
pub(super) fn check(files: &[ParsedFile<'_>], found: &mut Vec<Diagnostic>) {
    for (reference, file) in counterparts(files) {
        for (en, entry) in entry_pairs(reference, file) {
            for (name, _) in &en.attributes {
                if !entry.attributes.iter().any(|(n, _)| n == name) {
                    found.push(file.diagnostic(
                        Severity::Error,
                        "attribute-mismatch",
                        entry.start,
                        format!(
                            "`{}` lacks the attribute `.{name}` that en-US has: add an indented \
                             `.{name} = …` line",
                            entry.id
                        ),
                    ));
                }
            }
            for (name, attribute) in &entry.attributes {
                if !en.attributes.iter().any(|(n, _)| n == name) {
                    let names: Vec<String> =
                        en.attributes.iter().map(|(n, _)| format!(".{n}")).collect();
                    let known = if names.is_empty() {
                        "none".to_owned()
                    } else {
                        names.join(", ")
                    };
                    found.push(file.diagnostic(
                        Severity::Error,
                        "attribute-mismatch",
                        attribute.start,
                        format!(
                            "`{}.{name}` is not in en-US (its attributes: {known}): rename or \
                             remove it",
                            entry.id
                        ),
                    ));
                }
            }
        }
    }
}

//! `missing-file`, `missing-message`, `obsolete-message`: each locale has the messages of
//! en-US, file by file, and no others.

use std::collections::BTreeSet;

use super::file::ParsedFile;
use super::{counterparts, Diagnostic, Severity, REFERENCE_LOCALE};

/// Compares each locale's files with en-US's.
pub(super) fn check(files: &[ParsedFile<'_>], found: &mut Vec<Diagnostic>) {
    let locales: BTreeSet<&str> = files
        .iter()
        .map(|f| f.locale)
        .filter(|l| *l != REFERENCE_LOCALE)
        .collect();
    for reference in files.iter().filter(|f| f.locale == REFERENCE_LOCALE) {
        for locale in &locales {
            if !files
                .iter()
                .any(|f| f.locale == *locale && f.name == reference.name)
            {
                found.push(Diagnostic::whole_file(
                    Severity::Error,
                    "missing-file",
                    format!("{locale}/{}", reference.name),
                    format!(
                        "{locale} has no {}: copy {} and translate it",
                        reference.name, reference.path
                    ),
                ));
            }
        }
    }
    for (reference, file) in counterparts(files) {
        missing(files, reference, file, found);
        obsolete(file, Some(reference), found);
    }
    for file in files.iter().filter(|f| {
        f.locale != REFERENCE_LOCALE
            && !files
                .iter()
                .any(|r| r.locale == REFERENCE_LOCALE && r.name == f.name)
    }) {
        obsolete(file, None, found);
    }
}

/// en-US messages the locale's file lacks, each reported where it belongs: before the next
/// en-US message the file has, or at its end.
fn missing(
    files: &[ParsedFile<'_>],
    reference: &ParsedFile<'_>,
    file: &ParsedFile<'_>,
    found: &mut Vec<Diagnostic>,
) {
    for (index, entry) in reference.entries.iter().enumerate() {
        if file.entry(&entry.id).is_some() || file.junk_ids.contains(&entry.id) {
            continue;
        }
        if reference.entries[..index].iter().any(|e| e.id == entry.id) {
            continue; // an en-US duplicate, reported as such
        }
        let here = reference.entries[index + 1..]
            .iter()
            .find_map(|next| file.entry(&next.id));
        let elsewhere = files
            .iter()
            .find(|f| {
                f.locale == file.locale && f.name != file.name && f.entry(&entry.id).is_some()
            })
            .map(|f| format!(" ({} has it: move it here)", f.path))
            .unwrap_or_default();
        let at_en = reference.diagnostic(Severity::Error, "", entry.start, String::new());
        let (at, place) = match here {
            Some(next) => (next.start, format!("add it before `{}`", next.id)),
            None => (
                file.source.len(),
                "add it at the end of the file".to_owned(),
            ),
        };
        found.push(file.diagnostic(
            Severity::Error,
            "missing-message",
            at,
            format!(
                "`{}` is missing: en-US has it at {}:{}:{}; {place}{elsewhere}",
                entry.id, reference.path, at_en.line, at_en.column
            ),
        ));
    }
}

/// Messages of the locale's file that en-US's file does not have (or, without a reference
/// file, all of them).
fn obsolete(
    file: &ParsedFile<'_>,
    reference: Option<&ParsedFile<'_>>,
    found: &mut Vec<Diagnostic>,
) {
    for entry in &file.entries {
        let known = reference
            .is_some_and(|r| r.entry(&entry.id).is_some() || r.junk_ids.contains(&entry.id));
        if known {
            continue;
        }
        let why = match reference {
            Some(r) => format!("is not in {}", r.path),
            None => format!(
                "is in a file en-US does not have ({REFERENCE_LOCALE}/{} is missing)",
                file.name
            ),
        };
        found.push(file.diagnostic(
            Severity::Warning,
            "obsolete-message",
            entry.start,
            format!(
                "`{}` {why}: nothing shows it; remove it, or fix the id if it is misspelt",
                entry.id
            ),
        ));
    }
}

//! `empty-value`: a message or attribute that shows nothing (`{ "" }`), or a message without a
//! value where en-US has one. (A bare `id =` is a parser error, reported by `syntax` with the
//! same code.)

use super::file::{Located, ParsedFile};
use super::patterns::is_blank;
use super::{counterparts, entry_pairs, Diagnostic, Severity};

/// Reports blank patterns in every locale, and values missing compared with en-US.
pub(super) fn check(files: &[ParsedFile<'_>], found: &mut Vec<Diagnostic>) {
    for file in files {
        for entry in &file.entries {
            let patterns = entry.value.iter().map(|v| (entry.id.clone(), v)).chain(
                entry
                    .attributes
                    .iter()
                    .map(|(name, a)| (format!("{}.{name}", entry.id), a)),
            );
            for (what, located) in patterns {
                report_blank(file, &what, located, found);
            }
        }
    }
    for (reference, file) in counterparts(files) {
        for (en, entry) in entry_pairs(reference, file) {
            if en.value.is_some() && entry.value.is_none() {
                found.push(file.diagnostic(
                    Severity::Error,
                    "empty-value",
                    entry.start,
                    format!(
                        "`{}` has no text of its own (only attributes), but en-US has: write it \
                         after `=`",
                        entry.id
                    ),
                ));
            }
        }
    }
}

fn report_blank(
    file: &ParsedFile<'_>,
    what: &str,
    located: &Located<'_>,
    found: &mut Vec<Diagnostic>,
) {
    if is_blank(&located.pattern) {
        found.push(file.diagnostic(
            Severity::Error,
            "empty-value",
            located.start,
            format!("`{what}` is empty: users would see nothing; write the text"),
        ));
    }
}
